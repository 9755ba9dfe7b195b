-- A summary reads every indicator's total of one institution at once (ADR 0036).
CREATE INDEX stats_cube_total_institution ON stats_cube_total (institution_id, month);
