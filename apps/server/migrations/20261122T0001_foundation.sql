-- Foundation: regions, the institution network, people, sessions, limits, notifications, audit.
CREATE EXTENSION IF NOT EXISTS ltree;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
  code        char(6) PRIMARY KEY,
  name        text NOT NULL,
  full_name   text NOT NULL,            -- 湖北省 武汉市 洪山区
  level       text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  parent_code char(6) REFERENCES regions (code)
);
CREATE INDEX regions_parent ON regions (parent_code);
CREATE INDEX regions_full_name_trgm ON regions USING gin (full_name gin_trgm_ops);

CREATE TABLE institutions (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  path           ltree NOT NULL UNIQUE,
  parent_id      uuid REFERENCES institutions (id),
  name           text NOT NULL,
  short_name     text,
  type           text NOT NULL CHECK (type IN ('authority', 'protection_center', 'assistance_center', 'rapid_center',
                   'sub_center', 'workstation', 'overseas_center', 'intake_office')),
  level          text NOT NULL CHECK (level IN ('national', 'province', 'city', 'county')),
  host           text CHECK (host IN ('park', 'market', 'enterprise', 'university', 'overseas')),
  region_code    char(6) REFERENCES regions (code),
  address        text,
  phone          text,
  email          text,
  website        text,
  hours          text,
  contact_person text,
  ip_types       text[] NOT NULL DEFAULT '{}',
  services       text[] NOT NULL DEFAULT '{}',
  description    text,
  established_on date,
  status         text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  closed_at      timestamptz,
  closed_reason  text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX institutions_path_gist ON institutions USING gist (path);
CREATE INDEX institutions_parent ON institutions (parent_id);
CREATE INDEX institutions_region ON institutions (region_code);
CREATE INDEX institutions_name_trgm ON institutions USING gin (name gin_trgm_ops);
CREATE UNIQUE INDEX institutions_name_active ON institutions (name) WHERE status = 'active';
-- Labels of the ltree path are allocated from this sequence (n1, n2 ...), so a rename never moves a path.
CREATE SEQUENCE institution_label_seq;

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT uuidv7(),
  kind                 text NOT NULL CHECK (kind IN ('staff', 'expert', 'volunteer', 'applicant')),
  username             text UNIQUE,                      -- staff, experts, volunteers sign in by user name
  display_name         text NOT NULL,
  email                text,                             -- stored lower-case
  phone_enc            text,                             -- AES-256-GCM, key outside the database
  phone_hmac           text,                             -- keyed hash, for look-up and uniqueness
  phone_masked         text,
  party_kind           text CHECK (party_kind IN ('natural_person', 'legal_person', 'unincorporated_org', 'individual_business')),
  org_name             text,
  credit_code          text,
  password_hash        text NOT NULL,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  must_change_password boolean NOT NULL DEFAULT false,
  totp_secret_enc      text,
  totp_enabled         boolean NOT NULL DEFAULT false,
  totp_required        boolean NOT NULL DEFAULT false,
  status               text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  locked_until         timestamptz,
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email ON users (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_phone ON users (phone_hmac) WHERE phone_hmac IS NOT NULL;
CREATE INDEX users_name_trgm ON users USING gin (display_name gin_trgm_ops);

CREATE TABLE role_assignments (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role             text NOT NULL,
  institution_id   uuid NOT NULL REFERENCES institutions (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, institution_id)
);
CREATE INDEX role_assignments_institution ON role_assignments (institution_id);

CREATE TABLE sessions (
  id_hash       text PRIMARY KEY,                          -- sha256 of the cookie value
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  mfa_passed    boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,                      -- the absolute limit
  ip            text,
  user_agent    text
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Failed sign-ins by identifier (known or not), so the lock-out holds across restarts and processes.
CREATE TABLE login_failures (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  subject    text NOT NULL,
  at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_subject_at ON login_failures (subject, at);

-- Lock-outs by subject (a keyed hash of the user id, or of the identifier typed for an unknown user).
CREATE TABLE login_locks (
  subject      text PRIMARY KEY,
  locked_until timestamptz NOT NULL
);

CREATE TABLE rate_limits (
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  count        integer NOT NULL,
  PRIMARY KEY (key, window_start)
);

CREATE TABLE verification_codes (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  purpose     text NOT NULL,
  target_hmac text NOT NULL,
  code_hash   text NOT NULL,
  attempts    integer NOT NULL DEFAULT 0,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verification_codes_target ON verification_codes (target_hmac, purpose);

-- Every message the platform sends; in embedded mode this table is the developer's inbox.
CREATE TABLE outbox (
  id              uuid PRIMARY KEY DEFAULT uuidv7(),
  channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient_enc   text NOT NULL,
  recipient_masked text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'kept')),
  error           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz
);

CREATE TABLE audit_log (
  seq              bigint PRIMARY KEY,
  at               timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id         uuid,
  actor_name       text,
  institution_id   uuid,
  institution_path ltree,
  action           text NOT NULL,
  object_type      text NOT NULL,
  object_id        text,
  result           text NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
  ip               text,
  request_id       text,
  detail           jsonb,
  prev_hash        text NOT NULL,
  hash             text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_path ON audit_log USING gist (institution_path);
CREATE SEQUENCE audit_log_seq;

-- The text each entry's hash covers; the verifier (apps/server/src/modules/audit) rebuilds it the same way.
CREATE FUNCTION audit_canonical(e audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws('|', e.seq::text, to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    coalesce(e.actor_id::text, ''), coalesce(e.actor_name, ''), coalesce(e.institution_id::text, ''),
    coalesce(e.institution_path::text, ''), e.action, e.object_type, coalesce(e.object_id, ''), e.result,
    coalesce(e.ip, ''), coalesce(e.request_id, ''), coalesce(e.detail::text, ''), e.prev_hash)
$$;

-- Entries are chained in commit order: the advisory lock is held to the end of the writing transaction.
CREATE FUNCTION audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7301002);
  NEW.seq := nextval('audit_log_seq');
  NEW.at := clock_timestamp();
  SELECT hash INTO NEW.prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.prev_hash := coalesce(NEW.prev_hash, repeat('0', 64));
  NEW.hash := encode(sha256(convert_to(audit_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END $$;
CREATE TRIGGER audit_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_chain();

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
