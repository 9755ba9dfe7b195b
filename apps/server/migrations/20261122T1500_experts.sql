-- The expert pool (专家库), the rankings made for cases (with who was excluded and why) and the invitations sent
-- from them. Change history of an expert is the audit log (object_type 'expert').
CREATE TABLE experts (
  id                    uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id        uuid NOT NULL REFERENCES institutions (id),
  institution_path      ltree NOT NULL,
  user_id               uuid UNIQUE REFERENCES users (id),
  name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  employer              text CHECK (length(employer) <= 200),
  employer_credit_code  text CHECK (employer_credit_code ~ '^[0-9A-Z]{18}$'),
  title                 text CHECK (length(title) <= 100),
  id_number_enc         text,
  id_number_hmac        text,
  id_number_masked      text,
  phone_enc             text,
  phone_masked          text,
  email                 text CHECK (length(email) <= 200),
  kinds                 text[] NOT NULL DEFAULT '{}',
  ipc                   text[] NOT NULL DEFAULT '{}',      -- IPC sections (G) or classes (G06F)
  industries            text[] NOT NULL DEFAULT '{}',      -- case fields (caseFields)
  ip_types              text[] NOT NULL DEFAULT '{}',
  services              text[] NOT NULL DEFAULT '{}',
  regions               text[] NOT NULL DEFAULT '{}',      -- GB/T 2260 codes served (a province code covers it all)
  languages             text[] NOT NULL DEFAULT '{}',
  jurisdictions         text[] NOT NULL DEFAULT '{}',      -- ISO 3166 two-letter codes
  availability          text NOT NULL DEFAULT 'available' CHECK (availability IN ('available', 'limited', 'unavailable')),
  max_open              integer NOT NULL DEFAULT 3 CHECK (max_open BETWEEN 1 AND 50),
  interests             jsonb NOT NULL DEFAULT '[]',       -- [{kind, name, creditCode}] declared by the expert
  qualifications        jsonb NOT NULL DEFAULT '[]',       -- [{name, number, expiresOn}]
  notes                 text CHECK (length(notes) <= 2000),
  status                text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX experts_id_number ON experts (id_number_hmac) WHERE id_number_hmac IS NOT NULL;
CREATE INDEX experts_path ON experts USING gist (institution_path);
CREATE INDEX experts_name ON experts USING gin (name gin_trgm_ops);

-- One ranking made for a case: the ranked experts with the explanation of each score, and the excluded with reasons.
CREATE TABLE expert_matches (
  id           uuid PRIMARY KEY DEFAULT uuidv7(),
  case_id      uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  criteria     jsonb NOT NULL,
  ranked       jsonb NOT NULL,
  excluded     jsonb NOT NULL,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expert_matches_case ON expert_matches (case_id, created_at DESC);

CREATE TABLE expert_invitations (
  id            uuid PRIMARY KEY DEFAULT uuidv7(),
  case_id       uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  expert_id     uuid NOT NULL REFERENCES experts (id),
  match_id      uuid REFERENCES expert_matches (id),
  rank          integer,
  score         numeric(6, 2),
  explanation   jsonb NOT NULL DEFAULT '[]',               -- the score's parts, copied from the ranking chosen from
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
  reason        text CHECK (length(reason) <= 500),
  invited_by    uuid REFERENCES users (id),
  invited_at    timestamptz NOT NULL DEFAULT now(),
  respond_by    timestamptz NOT NULL,
  responded_at  timestamptz,
  rating        integer CHECK (rating BETWEEN 1 AND 5),
  rating_note   text CHECK (length(rating_note) <= 500),
  auto          boolean NOT NULL DEFAULT false             -- sent by the system after a decline or silence
);
CREATE UNIQUE INDEX expert_invitations_once ON expert_invitations (case_id, expert_id);
CREATE INDEX expert_invitations_expert ON expert_invitations (expert_id, status);
CREATE INDEX expert_invitations_pending ON expert_invitations (respond_by) WHERE status = 'pending';

-- An .xlsx import: checked and written by a job when large, so the console can poll its progress.
CREATE TABLE expert_imports (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  created_by        uuid REFERENCES users (id),
  status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'checking', 'writing', 'done', 'invalid', 'failed')),
  total             integer NOT NULL DEFAULT 0,
  processed         integer NOT NULL DEFAULT 0,
  imported          integer NOT NULL DEFAULT 0,
  errors            jsonb NOT NULL DEFAULT '[]',
  file              bytea,                                 -- dropped when the import ends
  created_at        timestamptz NOT NULL DEFAULT now(),
  finished_at       timestamptz
);
