-- The registries beside the expert pool (issue 5 items 2–6): partner organisations, key enterprises with their
-- contact log, volunteer teams, volunteers and their service hours, the overseas libraries, and .xlsx imports of
-- any of them. Each record belongs to an institution (scope by its path); its change history is the audit log
-- (object_type = the registry's name).

CREATE TABLE partners (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind              text NOT NULL CHECK (kind IN ('university', 'research_institute', 'industry_association', 'professional_society',
                      'law_firm', 'ip_agency', 'arbitration_body', 'mediation_committee', 'court', 'government_body')),
  credit_code       text CHECK (credit_code ~ '^[0-9A-Z]{18}$'),
  region_code       text CHECK (region_code ~ '^\d{6}$'),
  signed_on         date,
  valid_until       date CHECK (valid_until IS NULL OR signed_on IS NULL OR valid_until >= signed_on),
  provides          text[] NOT NULL DEFAULT '{}',
  contacts          jsonb NOT NULL DEFAULT '[]',          -- [{name, title, phoneEnc, phoneMasked, email}]
  notes             text CHECK (length(notes) <= 2000),
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partners_credit_code ON partners (institution_id, credit_code) WHERE credit_code IS NOT NULL;
CREATE INDEX partners_path ON partners USING gist (institution_path);
CREATE INDEX partners_name ON partners USING gin (name gin_trgm_ops);

CREATE TABLE key_enterprises (
  id                    uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id        uuid NOT NULL REFERENCES institutions (id),
  institution_path      ltree NOT NULL,
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  credit_code           text NOT NULL CHECK (credit_code ~ '^[0-9A-Z]{18}$'),
  size                  text CHECK (size IN ('large', 'medium', 'small', 'micro')),
  tags                  text[] NOT NULL DEFAULT '{}',
  industry              text,
  region_code           text CHECK (region_code ~ '^\d{6}$'),
  liaison_user_id       uuid REFERENCES users (id),
  contact_name          text CHECK (length(contact_name) <= 50),
  contact_phone_enc     text,
  contact_phone_masked  text,
  listed_on             date,
  notes                 text CHECK (length(notes) <= 2000),
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX key_enterprises_credit_code ON key_enterprises (institution_id, credit_code);
CREATE INDEX key_enterprises_path ON key_enterprises USING gist (institution_path);
CREATE INDEX key_enterprises_liaison ON key_enterprises (liaison_user_id);

-- Contacts made and services given to a key enterprise.
CREATE TABLE key_enterprise_logs (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  enterprise_id  uuid NOT NULL REFERENCES key_enterprises (id),
  kind           text NOT NULL CHECK (kind IN ('contact', 'service')),
  happened_on    date NOT NULL,
  summary        text NOT NULL CHECK (length(summary) BETWEEN 1 AND 1000),
  service        text,
  created_by     uuid REFERENCES users (id),
  created_by_name text,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX key_enterprise_logs_enterprise ON key_enterprise_logs (enterprise_id, happened_on DESC);

CREATE TABLE volunteer_teams (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  host_kind         text NOT NULL CHECK (host_kind IN ('university', 'industry_association', 'professional_society', 'law_firm', 'ip_agency', 'enterprise', 'institution', 'other')),
  host_name         text CHECK (length(host_name) <= 200),
  host_credit_code  text CHECK (host_credit_code ~ '^[0-9A-Z]{18}$'),
  founded_on        date,
  leader_name       text CHECK (length(leader_name) <= 50),
  notes             text CHECK (length(notes) <= 2000),
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volunteer_teams_name ON volunteer_teams (institution_id, name);
CREATE INDEX volunteer_teams_path ON volunteer_teams USING gist (institution_path);

CREATE TABLE volunteers (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  team_id           uuid NOT NULL REFERENCES volunteer_teams (id),
  user_id           uuid UNIQUE REFERENCES users (id),
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  employer          text CHECK (length(employer) <= 200),
  id_number_enc     text,
  id_number_hmac    text,
  id_number_masked  text,
  phone_enc         text,
  phone_masked      text,
  email             text CHECK (length(email) <= 200),
  skills            text[] NOT NULL DEFAULT '{}',
  joined_on         date,
  notes             text CHECK (length(notes) <= 2000),
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX volunteers_id_number ON volunteers (id_number_hmac) WHERE id_number_hmac IS NOT NULL;
CREATE INDEX volunteers_path ON volunteers USING gist (institution_path);
CREATE INDEX volunteers_team ON volunteers (team_id);

-- Service log; team and institution are copied from the volunteer at the time, so totals follow who served where.
CREATE TABLE volunteer_hours (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  volunteer_id      uuid NOT NULL REFERENCES volunteers (id),
  team_id           uuid NOT NULL REFERENCES volunteer_teams (id),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  served_on         date NOT NULL,
  activity          text NOT NULL CHECK (length(activity) BETWEEN 1 AND 200),
  hours             numeric(4, 1) NOT NULL CHECK (hours > 0 AND hours <= 24),
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX volunteer_hours_volunteer ON volunteer_hours (volunteer_id, served_on DESC);
CREATE INDEX volunteer_hours_path ON volunteer_hours USING gist (institution_path);

-- The overseas libraries: foreign laws and regulations, foreign cases, exporting enterprises, overseas lawyers.
CREATE TABLE overseas_entries (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('law', 'case', 'enterprise', 'lawyer')),
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  country           text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
  industries        text[] NOT NULL DEFAULT '{}',
  ip_types          text[] NOT NULL DEFAULT '{}',
  dated_on          date,                                  -- law: in force from; case: decided on
  organisation      text CHECK (length(organisation) <= 200), -- law: issuer; case: court; lawyer: firm
  credit_code       text CHECK (credit_code ~ '^[0-9A-Z]{18}$'), -- exporting enterprise
  languages         text[] NOT NULL DEFAULT '{}',
  email             text CHECK (length(email) <= 200),
  phone_enc         text,
  phone_masked      text,
  source_url        text CHECK (length(source_url) <= 500),
  summary           text CHECK (length(summary) <= 4000),
  status            text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'enterprise' OR credit_code IS NOT NULL)
);
CREATE UNIQUE INDEX overseas_entries_enterprise ON overseas_entries (institution_id, credit_code) WHERE kind = 'enterprise';
CREATE INDEX overseas_entries_path ON overseas_entries USING gist (institution_path);
CREATE INDEX overseas_entries_kind ON overseas_entries (kind, country);

-- An .xlsx import into one of the registries above; large ones are checked and written by a job.
CREATE TABLE registry_imports (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  registry          text NOT NULL,
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  created_by        uuid REFERENCES users (id),
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'checking', 'writing', 'done', 'invalid', 'failed')),
  total             integer NOT NULL DEFAULT 0,
  processed         integer NOT NULL DEFAULT 0,
  imported          integer NOT NULL DEFAULT 0,
  errors            jsonb NOT NULL DEFAULT '[]',
  file              bytea,
  created_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz
);
