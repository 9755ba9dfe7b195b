-- On-site service at events (驻场服务) and analysis-and-warning projects (分析预警). ADR 0028.
-- An event belongs to the institution that runs the on-site desk; everything under it shares its path.
CREATE TABLE onsite_events (
  id                   uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id       uuid NOT NULL REFERENCES institutions (id),
  institution_path     ltree NOT NULL,
  name                 text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind                 text NOT NULL CHECK (kind IN ('exhibition', 'trade_fair', 'sports_event', 'innovation_contest', 'cultural_event')),
  venue                text NOT NULL CHECK (length(venue) BETWEEN 1 AND 200),
  starts_on            date NOT NULL,
  ends_on              date NOT NULL,
  organiser            text NOT NULL CHECK (length(organiser) BETWEEN 1 AND 200),
  expected_exhibitors  integer CHECK (expected_exhibitors BETWEEN 0 AND 100000),
  pre_training         text CHECK (length(pre_training) <= 2000),   -- the pre-event training: free text or a link
  notes                text CHECK (length(notes) <= 2000),
  version              integer NOT NULL DEFAULT 1,
  created_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on AND ends_on - starts_on <= 366)
);
CREATE INDEX onsite_events_path ON onsite_events USING gist (institution_path);
CREATE INDEX onsite_events_dates ON onsite_events (starts_on DESC);

-- Who is on duty each day: an institution, a staff member or an expert.
CREATE TABLE onsite_roster (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  event_id    uuid NOT NULL REFERENCES onsite_events (id) ON DELETE CASCADE,
  on_date     date NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('institution', 'staff', 'expert')),
  ref_id      uuid NOT NULL,
  duty        text CHECK (length(duty) <= 100),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, on_date, kind, ref_id)
);

-- Exhibitors' IP commitments (知识产权承诺书): an uploaded signed copy or signed online (box ticked, name, time).
CREATE TABLE onsite_commitments (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  event_id       uuid NOT NULL REFERENCES onsite_events (id) ON DELETE CASCADE,
  exhibitor      text NOT NULL CHECK (length(exhibitor) BETWEEN 1 AND 200),
  booth          text CHECK (length(booth) <= 40),
  method         text NOT NULL CHECK (method IN ('upload', 'online')),
  signer_name    text CHECK (length(signer_name) <= 100),
  agreed         boolean NOT NULL DEFAULT false,
  signed_at      timestamptz NOT NULL,
  attachment_id  uuid REFERENCES attachments (id),
  created_by     uuid REFERENCES users (id),
  CHECK ((method = 'online' AND agreed AND signer_name IS NOT NULL) OR (method = 'upload' AND attachment_id IS NOT NULL))
);
CREATE INDEX onsite_commitments_event ON onsite_commitments (event_id);

-- A risk screening before the event; its findings render as a short report.
CREATE TABLE onsite_screenings (
  id           uuid PRIMARY KEY DEFAULT uuidv7(),
  event_id     uuid NOT NULL REFERENCES onsite_events (id) ON DELETE CASCADE,
  screened_on  date NOT NULL,
  scope        text NOT NULL CHECK (length(scope) BETWEEN 1 AND 2000),
  findings     jsonb NOT NULL DEFAULT '[]',    -- [{exhibitor, booth, ipType, level: high|medium|low, note}]
  conclusion   text NOT NULL CHECK (length(conclusion) BETWEEN 1 AND 4000),
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX onsite_screenings_event ON onsite_screenings (event_id);

-- A complaint taken at the on-site desk: the case it became, the notice to the respondent, the outcome.
CREATE TABLE onsite_complaints (
  id              uuid PRIMARY KEY DEFAULT uuidv7(),
  event_id        uuid NOT NULL REFERENCES onsite_events (id),
  case_id         uuid NOT NULL UNIQUE REFERENCES cases (id),
  booth           text NOT NULL CHECK (length(booth) BETWEEN 1 AND 40),
  respondent      text NOT NULL CHECK (length(respondent) BETWEEN 1 AND 200),
  ip_type         text NOT NULL,
  ip_number       text CHECK (length(ip_number) <= 100),
  taken_on        date NOT NULL,
  notified_at     timestamptz,
  notice_method   text CHECK (notice_method IN ('in_person', 'phone', 'written')),
  notice_note     text CHECK (length(notice_note) <= 1000),
  outcome         text CHECK (outcome IN ('withdrawn_from_display', 'settled', 'referred_to_enforcement')),
  outcome_note    text CHECK (length(outcome_note) <= 2000),
  outcome_at      timestamptz,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX onsite_complaints_event ON onsite_complaints (event_id, created_at);

-- Consultations answered at the desk, counted per day and topic (names are not taken at a busy desk).
CREATE TABLE onsite_consultations (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  event_id    uuid NOT NULL REFERENCES onsite_events (id) ON DELETE CASCADE,
  on_date     date NOT NULL,
  topic       text NOT NULL CHECK (length(topic) BETWEEN 1 AND 200),
  count       integer NOT NULL CHECK (count BETWEEN 1 AND 10000),
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX onsite_consultations_event ON onsite_consultations (event_id);

-- Analysis projects (分析预警) commissioned by a government body or an enterprise.
CREATE TABLE analysis_projects (
  id                 uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id     uuid NOT NULL REFERENCES institutions (id),
  institution_path   ltree NOT NULL,
  title              text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  commissioner_kind  text NOT NULL CHECK (commissioner_kind IN ('government', 'enterprise')),
  commissioner       text NOT NULL CHECK (length(commissioner) BETWEEN 1 AND 200),
  subject_kind       text NOT NULL CHECK (subject_kind IN ('industry', 'technology', 'market', 'overseas_country')),
  subject            text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  country            text CHECK (country ~ '^[A-Z]{2}$'),
  kind               text NOT NULL CHECK (kind IN ('patent_landscape', 'freedom_to_operate', 'competitor_monitoring', 'regional_statistics')),
  purpose            text NOT NULL CHECK (purpose IN ('public_rnd', 'trade', 'investment', 'technology_transfer', 'outbound_licensing')),
  staff_ids          uuid[] NOT NULL DEFAULT '{}',
  expert_ids         uuid[] NOT NULL DEFAULT '{}',
  partner_agency     text CHECK (length(partner_agency) <= 200),
  status             text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'delivered', 'closed')),
  starts_on          date NOT NULL,
  due_on             date,
  version            integer NOT NULL DEFAULT 1,
  created_by         uuid REFERENCES users (id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (subject_kind <> 'overseas_country' OR country IS NOT NULL)
);
CREATE INDEX analysis_projects_path ON analysis_projects USING gist (institution_path);

CREATE TABLE analysis_milestones (
  id          uuid PRIMARY KEY DEFAULT uuidv7(),
  project_id  uuid NOT NULL REFERENCES analysis_projects (id) ON DELETE CASCADE,
  title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  due_on      date NOT NULL,
  done_on     date
);
CREATE INDEX analysis_milestones_project ON analysis_milestones (project_id, due_on);

-- The deliverable report, every uploaded version kept.
CREATE TABLE analysis_reports (
  id             uuid PRIMARY KEY DEFAULT uuidv7(),
  project_id     uuid NOT NULL REFERENCES analysis_projects (id) ON DELETE CASCADE,
  version        integer NOT NULL,
  attachment_id  uuid NOT NULL REFERENCES attachments (id),
  note           text CHECK (length(note) <= 1000),
  uploaded_by    uuid REFERENCES users (id),
  uploaded_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, version)
);
