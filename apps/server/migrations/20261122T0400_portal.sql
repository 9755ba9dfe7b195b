-- The applicant portal: the typed application of a draft (encrypted), anonymous tracking tokens and
-- one-click rating links. Tokens are stored only as keyed hashes. See docs/api-cases.md "Portal (applicant)".

-- What the applicant typed into a draft (a `cases` row in state 'draft'), any subset of the form,
-- AES-256-GCM encrypted as one JSON document: it holds personal data (names, phone, ID number, address).
CREATE TABLE portal_drafts (
  case_id            uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  application_enc    text NOT NULL,
  institution_chosen boolean NOT NULL DEFAULT false,   -- false: the draft's institution is a placeholder
  updated_at         timestamptz NOT NULL DEFAULT now()
);

-- Read-only access to one case after a code sent to the contact given in the application (30 minutes).
CREATE TABLE portal_track_tokens (
  token_hash  text PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX portal_track_tokens_expires ON portal_track_tokens (expires_at);

-- One rating per case, given once through a link (30 days) sent when the case is concluded.
CREATE TABLE portal_ratings (
  case_id     uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  token_hash  text NOT NULL UNIQUE,
  expires_at  timestamptz NOT NULL,
  score       integer CHECK (score BETWEEN 1 AND 5),
  comment     text CHECK (length(comment) <= 2000),
  rated_at    timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((score IS NULL) = (rated_at IS NULL))
);
