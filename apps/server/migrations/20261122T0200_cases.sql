-- Assistance cases: the case row (state written only by transitionCase()), its parties, timeline,
-- computed deadlines, working file, attachments; case-number sequences and idempotency keys.
-- See docs/adr/0009-case-storage.md.

-- The letters of an institution's case numbers (WH-2026-000123); null: derived (see cases.numbers.ts).
ALTER TABLE institutions ADD COLUMN case_code text UNIQUE CHECK (case_code ~ '^[A-Z0-9]{1,12}$');

CREATE TABLE cases (
  id                  uuid PRIMARY KEY DEFAULT uuidv7(),
  case_number         text UNIQUE,                        -- null while a draft
  institution_id      uuid NOT NULL REFERENCES institutions (id),
  institution_path    ltree NOT NULL,                     -- copied; kept in step by institutions_path_to_cases
  transfer_to_id      uuid REFERENCES institutions (id),  -- set while state = 'transferred'
  transfer_to_path    ltree,
  state               text NOT NULL CHECK (state IN ('draft', 'submitted', 'awaiting_supplement', 'accepted', 'declined',
                        'assigned', 'in_progress', 'under_review', 'concluded', 'archived', 'transferred', 'referred',
                        'withdrawn', 'suspended')),
  track               text NOT NULL DEFAULT 'standard' CHECK (track IN ('fast', 'standard')),
  channel             text NOT NULL CHECK (channel IN ('online', 'walk_in', 'hotline', 'email', 'transfer_in', 'exhibition', 'other')),
  applicant_user_id   uuid REFERENCES users (id),         -- the portal account; null for a desk registration
  handler_id          uuid REFERENCES users (id),
  -- the rest of the domain snapshot (packages/domain CaseSnapshot)
  opinion_signed_off  boolean NOT NULL DEFAULT false,
  suspended_from      text,
  supplement_from     text,
  transferred_from    text,
  referred_from       text,
  referral_body       text,
  -- what the case is about
  applicant_kind      text CHECK (applicant_kind IN ('natural_person', 'legal_person', 'unincorporated_org', 'individual_business')),
  enterprise_size     text CHECK (enterprise_size IN ('large', 'medium', 'small', 'micro')),
  enterprise_tags     text[] NOT NULL DEFAULT '{}',
  ip_type             text CHECK (ip_type IN ('patent', 'trademark', 'geographical_indication', 'ic_layout', 'copyright',
                        'trade_secret', 'plant_variety')),
  ip_number           text,
  services            text[] NOT NULL DEFAULT '{}',
  overseas            boolean NOT NULL DEFAULT false,
  country             text,                               -- ISO 3166-1 alpha-2 when overseas
  field               text,
  region_code         char(6) REFERENCES regions (code),
  summary             text NOT NULL DEFAULT '',           -- what happened
  request             text NOT NULL DEFAULT '',           -- what help is asked for
  result              text,
  submitted_at        timestamptz,
  accepted_at         timestamptz,
  concluded_at        timestamptz,
  archived_at         timestamptz,
  version             integer NOT NULL DEFAULT 1,         -- optimistic locking; +1 on every write
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK ((state = 'draft') = (case_number IS NULL)),
  CHECK ((state = 'transferred') = (transfer_to_id IS NOT NULL))
);
CREATE INDEX cases_path_gist ON cases USING gist (institution_path);
CREATE INDEX cases_transfer_path_gist ON cases USING gist (transfer_to_path) WHERE transfer_to_path IS NOT NULL;
CREATE INDEX cases_state ON cases (state);
CREATE INDEX cases_handler ON cases (handler_id) WHERE handler_id IS NOT NULL;
CREATE INDEX cases_applicant ON cases (applicant_user_id) WHERE applicant_user_id IS NOT NULL;
CREATE INDEX cases_submitted_at ON cases (submitted_at);
CREATE INDEX cases_number_trgm ON cases USING gin (case_number gin_trgm_ops);
CREATE INDEX cases_summary_trgm ON cases USING gin (summary gin_trgm_ops);

-- A subtree move rewrites institutions.path; the cases (and their attachments) follow in the same statement.
CREATE FUNCTION institutions_path_to_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET institution_path = NEW.path WHERE institution_id = NEW.id;
  UPDATE cases SET transfer_to_path = NEW.path WHERE transfer_to_id = NEW.id;
  UPDATE attachments a SET institution_path = NEW.path
    FROM cases c WHERE a.owner_type = 'case' AND a.owner_id = c.id AND c.institution_id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER institutions_path_to_cases AFTER UPDATE OF path ON institutions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION institutions_path_to_cases();

CREATE TABLE case_parties (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  case_id          uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  role             text NOT NULL CHECK (role IN ('applicant', 'opposing', 'agent')),
  kind             text CHECK (kind IN ('natural_person', 'legal_person', 'unincorporated_org', 'individual_business')),
  name             text NOT NULL,
  credit_code      text,                                -- 统一社会信用代码: public, stored plain
  id_number_enc    text,                                -- AES-256-GCM (platform/secrets.ts)
  id_number_masked text,
  phone_enc        text,
  phone_hmac       text,                                -- keyed hash: find a party by phone
  phone_masked     text,
  email            text,
  address_enc      text,
  address_masked   text,
  enterprise_size  text CHECK (enterprise_size IN ('large', 'medium', 'small', 'micro')),
  enterprise_tags  text[] NOT NULL DEFAULT '{}',
  country          text,
  position         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_parties_case ON case_parties (case_id, position);
CREATE INDEX case_parties_phone ON case_parties (phone_hmac) WHERE phone_hmac IS NOT NULL;
CREATE INDEX case_parties_name_trgm ON case_parties USING gin (name gin_trgm_ops);
CREATE UNIQUE INDEX case_parties_one_applicant ON case_parties (case_id) WHERE role = 'applicant';

-- The timeline. Never personal data values in payload: ids, codes, counts, free-text reasons only.
CREATE TABLE case_events (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  seq         integer NOT NULL,
  event       text NOT NULL,
  from_state  text,
  to_state    text,
  actor_id    uuid REFERENCES users (id),
  actor_name  text,
  actor_role  text,
  at          timestamptz NOT NULL,
  reason      text,
  payload     jsonb NOT NULL DEFAULT '{}',
  UNIQUE (case_id, seq)
);

-- The deadlines computed by computeDeadlines() after every transition (replaced as a set).
CREATE TABLE case_deadlines (
  case_id             uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind                text NOT NULL CHECK (kind IN ('acceptance', 'handling', 'review', 'referral_feedback', 'follow_up')),
  due                 date NOT NULL,
  warn_on             date NOT NULL,                    -- from this day the deadline is "due soon"
  started_on          date NOT NULL,
  working_days        integer NOT NULL,
  paused_working_days integer NOT NULL,
  status              text NOT NULL CHECK (status IN ('running', 'paused', 'met')),
  met_on              date,
  late                boolean NOT NULL,
  provisional         boolean NOT NULL,
  rule                jsonb NOT NULL,
  explanation         jsonb NOT NULL,
  computed_at         timestamptz NOT NULL,
  PRIMARY KEY (case_id, kind)
);
CREATE INDEX case_deadlines_open ON case_deadlines (due) WHERE status <> 'met';

CREATE TABLE number_sequences (
  institution_id uuid NOT NULL REFERENCES institutions (id),
  kind           text NOT NULL,                         -- 'case'; documents use their own kinds
  year           integer NOT NULL,
  last           integer NOT NULL,
  PRIMARY KEY (institution_id, kind, year)
);

-- A retried submission answers what the first one answered.
CREATE TABLE idempotency_keys (
  owner        text NOT NULL,                           -- 'user:<id>' (or 'anon:<hmac>' for the portal)
  key          text NOT NULL CHECK (length(key) BETWEEN 8 AND 100),
  request_hash text NOT NULL,
  status_code  integer,
  response     jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (owner, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- The working file: internal notes, tasks, contact log entries.
CREATE TABLE case_notes (
  id           uuid PRIMARY KEY DEFAULT uuidv7(),
  case_id      uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind         text NOT NULL CHECK (kind IN ('note', 'task', 'contact')),
  body         text NOT NULL,
  due_on       date,                                    -- tasks
  done_at      timestamptz,                             -- tasks
  contact_method text CHECK (contact_method IN ('phone', 'visit', 'email', 'sms', 'other')),
  contacted_at timestamptz,                             -- contact log
  author_id    uuid REFERENCES users (id),
  author_name  text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'task' OR (due_on IS NULL AND done_at IS NULL)),
  CHECK (kind = 'contact' OR contact_method IS NULL)
);
CREATE INDEX case_notes_case ON case_notes (case_id, created_at);
CREATE INDEX case_notes_open_tasks ON case_notes (due_on) WHERE kind = 'task' AND done_at IS NULL;

CREATE TABLE case_attachments (
  case_id       uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  attachment_id uuid NOT NULL REFERENCES attachments (id),
  purpose       text NOT NULL CHECK (purpose IN ('evidence', 'supplement', 'document')),
  added_by      uuid REFERENCES users (id),
  added_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, attachment_id)
);
CREATE INDEX case_attachments_attachment ON case_attachments (attachment_id);
