-- Statistical returns (信息报送): one per filing institution and period. The platform's figures are frozen
-- into `figures` at submission; the institution adds what records cannot know. Accepted returns are locked.
CREATE TABLE stat_returns (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id   uuid NOT NULL REFERENCES institutions (id),
  institution_path ltree NOT NULL,
  period           text NOT NULL CHECK (period ~ '^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$'),
  period_kind      text NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month')),
  status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'accepted')),
  figures          jsonb NOT NULL DEFAULT '{}',         -- {indicatorId: value} at submission
  funds_spent      numeric(14, 2) CHECK (funds_spent >= 0), -- 万元 spent by this institution itself (not its subtree)
  narrative        text NOT NULL DEFAULT '',
  practices        jsonb NOT NULL DEFAULT '[]',         -- [{title, text}] notable practices (典型经验)
  review_comment   text,
  due_on           date NOT NULL,
  submitted_at     timestamptz,
  submitted_by     uuid REFERENCES users (id),
  reviewed_at      timestamptz,
  reviewed_by      uuid REFERENCES users (id),
  version          integer NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (institution_id, period)
);
CREATE INDEX stat_returns_path_gist ON stat_returns USING gist (institution_path);
CREATE INDEX stat_returns_period ON stat_returns (period, status);

-- Kept in step with a subtree move, like cases.
CREATE FUNCTION institutions_path_to_stat_returns() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stat_returns SET institution_path = NEW.path WHERE institution_id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER institutions_path_to_stat_returns AFTER UPDATE OF path ON institutions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION institutions_path_to_stat_returns();

-- The history of a return: saved, submitted, returned with a comment, accepted.
CREATE TABLE stat_return_events (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  return_id   uuid NOT NULL REFERENCES stat_returns (id) ON DELETE CASCADE,
  action      text NOT NULL CHECK (action IN ('save', 'submit', 'return', 'accept')),
  actor_id    uuid REFERENCES users (id),
  actor_name  text NOT NULL,
  comment     text,
  at          timestamptz NOT NULL
);
CREATE INDEX stat_return_events_return ON stat_return_events (return_id, at);

-- Reminders sent for a missing return: once per institution, period and China day.
CREATE TABLE stat_return_reminders (
  institution_id uuid NOT NULL REFERENCES institutions (id),
  period         text NOT NULL,
  day            date NOT NULL,
  PRIMARY KEY (institution_id, period, day)
);
