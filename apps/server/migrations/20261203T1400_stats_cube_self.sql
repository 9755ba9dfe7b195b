-- Institution grain of the statistics cube (ADR 0036): each institution's own records, no dimensions. Unfiltered
-- breakdowns by province, city or institution read 2,000 rows a month here instead of the leaf grain.
CREATE TABLE stats_cube_self (
  indicator      text NOT NULL,
  institution_id uuid NOT NULL,
  month          date NOT NULL,
  num            bigint NOT NULL,
  den            bigint NOT NULL,
  cnt            bigint NOT NULL,
  PRIMARY KEY (indicator, month, institution_id)
);
INSERT INTO stats_cube_self SELECT indicator, institution_id, month, sum(num), sum(den), sum(cnt) FROM stats_cube_leaf GROUP BY 1, 2, 3;

CREATE OR REPLACE FUNCTION stats_cube_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stats_cube_month;
  DELETE FROM stats_cube_leaf;
  DELETE FROM stats_cube_self;
  DELETE FROM stats_cube_total;
  DELETE FROM stats_cube_dirty;
  RETURN NULL;
END $$;
