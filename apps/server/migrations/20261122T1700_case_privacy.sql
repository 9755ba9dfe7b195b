-- Issue 9, drill 11: under which privacy notice each application was submitted, and when a closed case's
-- personal data was anonymised. One row per case, kept after anonymisation (it holds no personal data).
CREATE TABLE case_privacy (
  case_id uuid PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  notice_version text,
  consented_at timestamptz,
  anonymised_at timestamptz
);
CREATE INDEX case_privacy_pending ON case_privacy (case_id) WHERE anonymised_at IS NULL;
