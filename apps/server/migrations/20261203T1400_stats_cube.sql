-- The statistics cube (ADR 0036): indicator figures of complete months, kept beside the live records.
-- Leaf grain: one row per indicator, month (CST), institution holding the records and the cut dimensions.
CREATE TABLE stats_cube_leaf (
  indicator      text NOT NULL,
  month          date NOT NULL,
  institution_id uuid NOT NULL,
  ip_type        text,
  channel        text,
  applicant_kind text,
  overseas       boolean,
  num            bigint NOT NULL,
  den            bigint NOT NULL,
  -- the records behind the row: a group the live query would return even when num is 0
  cnt            bigint NOT NULL
);
CREATE INDEX stats_cube_leaf_month ON stats_cube_leaf (indicator, month);
CREATE INDEX stats_cube_leaf_institution ON stats_cube_leaf (institution_id, month);

-- Subtree grain: for every institution, the sum over its subtree (itself included), no dimensions.
CREATE TABLE stats_cube_total (
  indicator      text NOT NULL,
  institution_id uuid NOT NULL,
  month          date NOT NULL,
  num            bigint NOT NULL,
  den            bigint NOT NULL,
  cnt            bigint NOT NULL,
  PRIMARY KEY (indicator, institution_id, month)
);

-- Months whose figures are in the cube (sealed). The current month and later are never sealed: read live.
CREATE TABLE stats_cube_month (month date PRIMARY KEY, sealed_at timestamptz NOT NULL DEFAULT now());

-- (institution, month) pairs written since they were sealed: recomputed by the next read.
CREATE TABLE stats_cube_dirty (institution_id uuid NOT NULL, month date NOT NULL, PRIMARY KEY (institution_id, month));

CREATE FUNCTION stats_cube_month_of(at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS
  $$ SELECT date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date $$;

-- Statement-level: a bulk load of a million cases marks each pair once. TG_ARGV[0] is a query over the transition
-- table (%1$I) returning (institution_id, at timestamptz): every instant that can put its records in a month.
CREATE FUNCTION stats_cube_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE q text := 'INSERT INTO stats_cube_dirty (institution_id, month) SELECT DISTINCT x.institution_id, stats_cube_month_of(x.at) FROM (%s) x
  WHERE x.at IS NOT NULL AND x.institution_id IS NOT NULL ON CONFLICT DO NOTHING';
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN EXECUTE format(q, format(TG_ARGV[0], 'new_rows')); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN EXECUTE format(q, format(TG_ARGV[0], 'old_rows')); END IF;
  RETURN NULL;
END $$;

-- A change of the tree (path) or of a go-live date (which history rows count) empties the cube: rare, and safe.
CREATE FUNCTION stats_cube_clear() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stats_cube_month;
  DELETE FROM stats_cube_leaf;
  DELETE FROM stats_cube_total;
  DELETE FROM stats_cube_dirty;
  RETURN NULL;
END $$;

CREATE TRIGGER stats_cube_institution_moved AFTER UPDATE OF path, created_at ON institutions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path OR OLD.created_at IS DISTINCT FROM NEW.created_at) EXECUTE FUNCTION stats_cube_clear();
CREATE TRIGGER stats_cube_institution_gone AFTER DELETE ON institutions FOR EACH STATEMENT EXECUTE FUNCTION stats_cube_clear();

DO $$
DECLARE
  case_dates text := 'SELECT c.institution_id, v.at FROM %1$I c CROSS JOIN LATERAL (VALUES (c.submitted_at), (c.accepted_at), (c.concluded_at)) v(at)
    UNION ALL SELECT c.institution_id, e.at FROM %1$I c JOIN case_events e ON e.case_id = c.id';
  of_case text := 'SELECT c.institution_id, v.at FROM %1$I x JOIN cases c ON c.id = x.case_id
    CROSS JOIN LATERAL (VALUES (c.submitted_at), (c.accepted_at), (c.concluded_at)) v(at)';
  day text := '(%s::timestamp AT TIME ZONE ''Asia/Shanghai'')';
  watched text[][] := ARRAY[
    ARRAY['cases', case_dates],
    ARRAY['case_events', 'SELECT c.institution_id, v.at FROM %1$I e JOIN cases c ON c.id = e.case_id
      CROSS JOIN LATERAL (VALUES (e.at), (c.submitted_at), (c.accepted_at), (c.concluded_at)) v(at)'],
    ARRAY['portal_ratings', of_case],
    ARRAY['case_follow_ups', of_case],
    ARRAY['case_deadlines', of_case],
    ARRAY['history_records', 'SELECT x.institution_id, ' || format(day, 'x.occurred_on') || ' AS at FROM %1$I x'],
    ARRAY['consultations', 'SELECT x.institution_id, x.asked_at AS at FROM %1$I x'],
    ARRAY['trainings', 'SELECT x.institution_id, x.starts_at AS at FROM %1$I x'],
    ARRAY['training_registrations', 'SELECT t.institution_id, t.starts_at AS at FROM %1$I x JOIN trainings t ON t.id = x.training_id'],
    ARRAY['outreach_activities', 'SELECT x.institution_id, ' || format(day, 'x.held_on') || ' AS at FROM %1$I x'],
    ARRAY['onsite_events', 'SELECT x.institution_id, ' || format(day, 'x.starts_on') || ' AS at FROM %1$I x'],
    ARRAY['onsite_complaints', 'SELECT e.institution_id, ' || format(day, 'x.taken_on') || ' AS at FROM %1$I x JOIN onsite_events e ON e.id = x.event_id'],
    ARRAY['onsite_consultations', 'SELECT e.institution_id, ' || format(day, 'x.on_date') || ' AS at FROM %1$I x JOIN onsite_events e ON e.id = x.event_id'],
    ARRAY['analysis_projects', 'SELECT x.institution_id, ' || format(day, 'x.starts_on') || ' AS at FROM %1$I x']
  ];
  t text[];
BEGIN
  FOREACH t SLICE 1 IN ARRAY watched LOOP
    EXECUTE format('CREATE TRIGGER stats_cube_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_cube_touch(%L)', t[1], t[2]);
    EXECUTE format('CREATE TRIGGER stats_cube_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_cube_touch(%L)', t[1], t[2]);
    EXECUTE format('CREATE TRIGGER stats_cube_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stats_cube_touch(%L)', t[1], t[2]);
    EXECUTE format('CREATE TRIGGER stats_cube_truncate AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION stats_cube_clear()', t[1]);
  END LOOP;
END $$;
