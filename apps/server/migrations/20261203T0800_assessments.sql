-- Assessment (考核): scoring sheets, yearly runs over a supervisor's subtree, and hand scores with evidence.
-- A sheet's items are one JSON list ([{key, title, weight, kind, indicatorId, rule, guidance}]); the sheet is
-- locked once a run exists (its scores refer to the item keys), and changed by copying it into a new version.
CREATE TABLE assessment_sheets (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id uuid NOT NULL REFERENCES institutions (id),
  institution_path ltree NOT NULL,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  year           integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  items          jsonb NOT NULL,
  version        integer NOT NULL DEFAULT 1,
  previous_id    uuid REFERENCES assessment_sheets (id),
  locked_at      timestamptz,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_sheets_path_gist ON assessment_sheets USING gist (institution_path);

-- A run: the sheet applied to every active institution of the chosen types strictly below the owner, for the sheet's year.
CREATE TABLE assessment_runs (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  sheet_id         uuid NOT NULL REFERENCES assessment_sheets (id),
  institution_id   uuid NOT NULL REFERENCES institutions (id),
  institution_path ltree NOT NULL,
  year             integer NOT NULL,
  institution_types text[] NOT NULL,
  status           text NOT NULL CHECK (status IN ('queued', 'computing', 'done', 'failed')),
  total            integer NOT NULL DEFAULT 0,
  processed        integer NOT NULL DEFAULT 0,
  created_by       uuid REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz
);
CREATE INDEX assessment_runs_path_gist ON assessment_runs USING gist (institution_path);
CREATE INDEX assessment_runs_sheet ON assessment_runs (sheet_id, created_at);

-- One row per assessed institution; `computed` freezes each computed item's figure and score:
-- {itemKey: {value, num, den, score}}, so a score stays traceable to the figure it came from.
CREATE TABLE assessment_results (
  run_id           uuid NOT NULL REFERENCES assessment_runs (id) ON DELETE CASCADE,
  institution_id   uuid NOT NULL REFERENCES institutions (id),
  institution_path ltree NOT NULL,
  institution_name text NOT NULL,
  computed         jsonb,
  PRIMARY KEY (run_id, institution_id)
);

-- A hand score of one item for one institution: the points, the evidence (text, optionally a file in the evidence
-- storage, owner type 'assessment_score'), who scored and when. Re-scoring overwrites; the audit log keeps history.
CREATE TABLE assessment_scores (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  run_id         uuid NOT NULL REFERENCES assessment_runs (id) ON DELETE CASCADE,
  institution_id uuid NOT NULL REFERENCES institutions (id),
  item_key       text NOT NULL,
  score          numeric(6, 1) NOT NULL CHECK (score >= 0),
  evidence       text NOT NULL CHECK (length(evidence) BETWEEN 1 AND 2000),
  scored_by      uuid REFERENCES users (id),
  scored_by_name text NOT NULL,
  scored_at      timestamptz NOT NULL,
  UNIQUE (run_id, institution_id, item_key)
);
