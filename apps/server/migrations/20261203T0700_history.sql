-- Historical import (issue 7 item 6, ADR 0032): an institution's past years loaded from .xlsx/CSV, one row per
-- past record (an accepted case, a consultation, a training, an on-site service, an analysis service), counted by
-- the indicators alongside the live records for the days before the institution went live on the platform.

CREATE TABLE history_imports (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,                     -- copied; kept in step by institutions_path_to_history
  created_by        uuid REFERENCES users (id),
  file_name         text,
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'checking', 'writing', 'done', 'invalid', 'failed')),
  total             integer NOT NULL DEFAULT 0,
  processed         integer NOT NULL DEFAULT 0,
  imported          integer NOT NULL DEFAULT 0,
  errors            jsonb NOT NULL DEFAULT '[]',
  file              bytea,
  created_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz,
  undone_at         timestamptz,                        -- the batch was deleted (撤销导入)
  undone_by         uuid REFERENCES users (id)
);
CREATE INDEX history_imports_path_gist ON history_imports USING gist (institution_path);
CREATE INDEX history_imports_created ON history_imports (created_at DESC);

CREATE TABLE history_records (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  import_id         uuid NOT NULL REFERENCES history_imports (id) ON DELETE CASCADE,
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('case', 'consultation', 'training', 'onsite_service', 'analysis')),
  occurred_on       date NOT NULL,                      -- China date: acceptance, consultation, training or start day
  channel           text,
  ip_type           text,
  applicant_kind    text,
  services          text[] NOT NULL DEFAULT '{}',
  overseas          boolean NOT NULL DEFAULT false,
  sme               boolean NOT NULL DEFAULT false,
  attendance        integer CHECK (attendance BETWEEN 0 AND 1000000),
  purpose           text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'training' OR attendance IS NULL)
);
CREATE INDEX history_records_import ON history_records (import_id);
CREATE INDEX history_records_kind_day ON history_records (kind, occurred_on);
CREATE INDEX history_records_path_gist ON history_records USING gist (institution_path);

-- What the indicators count: only days before the institution's go-live (its registration on the platform, China
-- date). The import refuses later rows; the view keeps a row from ever being counted twice should that date move.
CREATE VIEW history_counted AS
  SELECT h.* FROM history_records h JOIN institutions i ON i.id = h.institution_id
  WHERE h.occurred_on < (i.created_at AT TIME ZONE 'Asia/Shanghai')::date;

CREATE FUNCTION institutions_path_to_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE history_records SET institution_path = NEW.path WHERE institution_id = NEW.id;
  UPDATE history_imports SET institution_path = NEW.path WHERE institution_id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER institutions_path_to_history AFTER UPDATE OF path ON institutions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION institutions_path_to_history();
