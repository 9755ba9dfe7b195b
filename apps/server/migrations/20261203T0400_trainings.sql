-- Trainings and seminars (培训/研讨) with public registration, a waiting list, check-in and feedback;
-- publicity activities (宣传活动); risk alerts (风险预警提示) with subscriptions and deliveries. ADR 0027.
CREATE TABLE trainings (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary           text CHECK (length(summary) <= 4000),
  topics            text[] NOT NULL DEFAULT '{}',
  audience          text CHECK (length(audience) <= 200),
  mode              text NOT NULL CHECK (mode IN ('offline', 'online', 'hybrid')),
  place             text CHECK (length(place) <= 300),
  online_url        text CHECK (length(online_url) <= 500),
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL CHECK (ends_at > starts_at),
  organiser         text NOT NULL CHECK (length(organiser) BETWEEN 1 AND 200),
  co_organisers     text[] NOT NULL DEFAULT '{}',
  capacity          integer CHECK (capacity BETWEEN 1 AND 100000),
  state             text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'held', 'closed')),
  -- The secret in the door QR code: whoever holds it may check in with a phone number or registration code.
  checkin_token     text NOT NULL UNIQUE,
  head_count        integer CHECK (head_count BETWEEN 0 AND 1000000),
  version           integer NOT NULL DEFAULT 1,
  created_by        uuid REFERENCES users (id),
  published_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trainings_path ON trainings USING gist (institution_path);
CREATE INDEX trainings_portal ON trainings (starts_at) WHERE state <> 'draft';

CREATE TABLE training_speakers (
  training_id  uuid NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
  expert_id    uuid NOT NULL REFERENCES experts (id),
  position     integer NOT NULL,
  PRIMARY KEY (training_id, expert_id)
);

CREATE TABLE training_registrations (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  training_id    uuid NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  phone_enc      text NOT NULL,
  phone_hmac     text NOT NULL,
  phone_masked   text NOT NULL,
  organisation   text CHECK (length(organisation) <= 200),
  code           text NOT NULL CHECK (code ~ '^[A-Z0-9]{6}$'),
  status         text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  checked_in_at  timestamptz,
  checked_in_via text CHECK (checked_in_via IN ('qr', 'staff')),
  reminded_at    timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (training_id, code)
);
-- One live registration per phone and training; a cancelled one may register again.
CREATE UNIQUE INDEX training_registrations_phone ON training_registrations (training_id, phone_hmac) WHERE status <> 'cancelled';
CREATE INDEX training_registrations_queue ON training_registrations (training_id, status, created_at);

CREATE TABLE training_feedback (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  training_id      uuid NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
  registration_id  uuid NOT NULL UNIQUE REFERENCES training_registrations (id) ON DELETE CASCADE,
  score            integer NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment          text CHECK (length(comment) <= 1000),
  created_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outreach_activities (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  held_on           date NOT NULL,
  kind              text NOT NULL,
  channel           text NOT NULL,
  reach_people      integer CHECK (reach_people >= 0),
  reach_views       integer CHECK (reach_views >= 0),
  notes             text CHECK (length(notes) <= 2000),
  created_by        uuid REFERENCES users (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outreach_path ON outreach_activities USING gist (institution_path);

CREATE TABLE risk_alerts (
  id                uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id    uuid NOT NULL REFERENCES institutions (id),
  institution_path  ltree NOT NULL,
  title             text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  countries         text[] NOT NULL DEFAULT '{}',   -- ISO 3166 two-letter codes; CN for domestic alerts
  industries        text[] NOT NULL DEFAULT '{}',   -- case fields
  risk_kind         text NOT NULL,
  body              text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  advice            text NOT NULL CHECK (length(advice) BETWEEN 1 AND 4000),
  source            text CHECK (length(source) <= 500),
  state             text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published')),
  created_by        uuid REFERENCES users (id),
  published_at      timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX risk_alerts_path ON risk_alerts USING gist (institution_path);

-- An account's subscription: alerts naming one of its countries and one of its industries (an empty list: any).
CREATE TABLE alert_subscriptions (
  user_id     uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  countries   text[] NOT NULL DEFAULT '{}',
  industries  text[] NOT NULL DEFAULT '{}',
  email       boolean NOT NULL DEFAULT true,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (cardinality(countries) + cardinality(industries) > 0)
);

-- Who an alert reached: one in-app notification each (reads are that notification's read_at).
CREATE TABLE risk_alert_deliveries (
  alert_id         uuid NOT NULL REFERENCES risk_alerts (id) ON DELETE CASCADE,
  user_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  notification_id  uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  PRIMARY KEY (alert_id, user_id)
);
