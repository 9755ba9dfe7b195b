-- Portal publishing: articles of six kinds, every saved version kept, and per-day module visit counts.
CREATE TABLE articles (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  institution_id   uuid NOT NULL REFERENCES institutions (id),
  institution_path ltree NOT NULL,                       -- the publisher; staff reach their subtree
  kind             text NOT NULL CHECK (kind IN ('policy', 'knowledge', 'case_study', 'news', 'guide', 'qa')),
  state            text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'in_review', 'published', 'withdrawn')),
  title            text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary          text NOT NULL DEFAULT '',
  body_html        text NOT NULL DEFAULT '',            -- sanitised on every save
  body_text        text NOT NULL DEFAULT '',            -- plain text of body_html, for search and snippets
  tags             text[] NOT NULL DEFAULT '{}',
  ip_types         text[] NOT NULL DEFAULT '{}',
  region_code      text REFERENCES regions (code),
  meta             jsonb NOT NULL DEFAULT '{}',          -- the kind's own fields (policy: issuing body …)
  source_case_id   uuid REFERENCES cases (id),          -- a de-identified case study's case
  version          integer NOT NULL DEFAULT 1,
  author_id        uuid REFERENCES users (id),
  reviewer_id      uuid REFERENCES users (id),
  review_note      text,
  replacements     jsonb,                               -- a de-identified case study: what was replaced (hints only)
  views            integer NOT NULL DEFAULT 0,
  published_at     timestamptz,
  withdrawn_at     timestamptz,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  CHECK ((state = 'published') <= (published_at IS NOT NULL))
);
CREATE INDEX articles_published ON articles (kind, published_at DESC) WHERE state = 'published';
CREATE INDEX articles_popular ON articles (views DESC) WHERE state = 'published';
CREATE INDEX articles_path ON articles USING gist (institution_path);

CREATE TABLE article_versions (
  article_id  uuid NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  version     integer NOT NULL,
  title       text NOT NULL,
  summary     text NOT NULL,
  body_html   text NOT NULL,
  body_text   text NOT NULL,
  tags        text[] NOT NULL,
  ip_types    text[] NOT NULL,
  region_code text,
  meta        jsonb NOT NULL,
  saved_by    uuid REFERENCES users (id),
  saved_at    timestamptz NOT NULL,
  PRIMARY KEY (article_id, version)
);

-- Module visits: one counter per day and module, nothing about the visitor (no cookie, no IP).
CREATE TABLE page_visits (
  day    date NOT NULL,
  module text NOT NULL,
  count  integer NOT NULL DEFAULT 0,
  PRIMARY KEY (day, module)
);
