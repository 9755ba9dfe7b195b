-- Consultations (咨询指导): the desk's records and the portal's online threads; featured Q&A proposals;
-- the case a consultation became. See docs/adr/0018-consultations.md.

CREATE TABLE consultations (
  id                  uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id      uuid NOT NULL REFERENCES institutions (id),
  institution_path    ltree NOT NULL,                     -- copied; kept in step by institutions_path_to_consultations
  channel             text NOT NULL CHECK (channel IN ('hotline', 'walk_in', 'email', 'online', 'exhibition', 'mini_program', 'other')),
  asker_kind          text NOT NULL DEFAULT 'unknown'
                        CHECK (asker_kind IN ('natural_person', 'legal_person', 'unincorporated_org', 'individual_business', 'unknown')),
  enterprise_size     text CHECK (enterprise_size IN ('large', 'medium', 'small', 'micro')),
  region_code         char(6) REFERENCES regions (code),
  ip_type             text CHECK (ip_type IN ('patent', 'trademark', 'geographical_indication', 'ic_layout', 'copyright',
                        'trade_secret', 'plant_variety')),
  topic               text NOT NULL CHECK (topic IN ('laws', 'procedures', 'dispute', 'evidence', 'licensing', 'overseas', 'other')),
  question            text NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
  answer              text CHECK (length(answer) <= 10000),  -- the latest staff answer
  status              text NOT NULL CHECK (status IN ('open', 'answered')),
  minutes_spent       integer CHECK (minutes_spent BETWEEN 0 AND 1440),
  -- who asked: a name as given, and a contact (phone or e-mail) encrypted with a masked copy
  asker_name          text,
  asker_contact_enc   text,
  asker_contact_masked text,
  asker_user_id       uuid REFERENCES users (id),         -- the portal account of an online consultation
  staff_id            uuid REFERENCES users (id),         -- who recorded or last answered it
  case_id             uuid REFERENCES cases (id),         -- the case it became
  asked_at            timestamptz NOT NULL,
  answered_at         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR (answer IS NOT NULL AND answered_at IS NOT NULL))
);
CREATE INDEX consultations_path_gist ON consultations USING gist (institution_path);
CREATE INDEX consultations_asked_at ON consultations (asked_at DESC);
CREATE INDEX consultations_open ON consultations (asked_at) WHERE status = 'open';
CREATE INDEX consultations_asker ON consultations (asker_user_id) WHERE asker_user_id IS NOT NULL;
-- suggestAnswers(): similar past questions, by trigram similarity (consultations.suggest.ts).
CREATE INDEX consultations_question_trgm ON consultations USING gist (question gist_trgm_ops) WHERE status = 'answered';

-- An online consultation's thread: the question, staff answers, the asker's follow-ups, in order.
CREATE TABLE consultation_messages (
  id                  uuid PRIMARY KEY DEFAULT uuidv7(),
  consultation_id     uuid NOT NULL REFERENCES consultations (id) ON DELETE CASCADE,
  author              text NOT NULL CHECK (author IN ('asker', 'staff')),
  author_id           uuid REFERENCES users (id),
  body                text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  created_at          timestamptz NOT NULL
);
CREATE INDEX consultation_messages_thread ON consultation_messages (consultation_id, created_at);

-- 优秀问答 proposals: the de-identified question and answer, reviewed before publication as an Article ('qa').
CREATE TABLE qa_proposals (
  id                  uuid PRIMARY KEY DEFAULT uuidv7(),
  consultation_id     uuid NOT NULL REFERENCES consultations (id),
  institution_path    ltree NOT NULL,
  question            text NOT NULL CHECK (length(question) BETWEEN 1 AND 5000),
  answer              text NOT NULL CHECK (length(answer) BETWEEN 1 AND 10000),
  ip_type             text,
  topic               text NOT NULL,
  status              text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'returned')),
  proposed_by         uuid NOT NULL REFERENCES users (id),
  proposed_at         timestamptz NOT NULL,
  reviewed_by         uuid REFERENCES users (id),
  reviewed_at         timestamptz,
  review_comment      text,
  article_id          uuid,                               -- set when published (after the articles module)
  CHECK ((status = 'proposed') = (reviewed_at IS NULL))
);
CREATE INDEX qa_proposals_path_gist ON qa_proposals USING gist (institution_path);
CREATE UNIQUE INDEX qa_proposals_one_pending ON qa_proposals (consultation_id) WHERE status = 'proposed';

ALTER TABLE cases ADD COLUMN consultation_id uuid REFERENCES consultations (id);
CREATE UNIQUE INDEX cases_consultation ON cases (consultation_id) WHERE consultation_id IS NOT NULL;

CREATE FUNCTION institutions_path_to_consultations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE consultations SET institution_path = NEW.path WHERE institution_id = NEW.id;
  UPDATE qa_proposals q SET institution_path = NEW.path FROM consultations c
    WHERE q.consultation_id = c.id AND c.institution_id = NEW.id;
  RETURN NEW;
END $$;
CREATE TRIGGER institutions_path_to_consultations AFTER UPDATE OF path ON institutions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION institutions_path_to_consultations();
