-- Issue 4 item 9: one full-text index over articles, featured Q&A, consultations and cases (ADR 0016, 0017).
-- Rows are written by the application (jieba segments the text in Node; Postgres has no Chinese parser), in the
-- transaction that changes the source record, and rebuilt by `npm run cli -- search:reindex`.
CREATE TABLE search_entries (
  kind             text NOT NULL CHECK (kind IN ('article', 'qa', 'consultation', 'case')),
  ref_id           uuid NOT NULL,
  visibility       text NOT NULL CHECK (visibility IN ('public', 'staff')),
  institution_id   uuid NOT NULL REFERENCES institutions (id),
  institution_path ltree NOT NULL,
  title            text NOT NULL,
  -- The text snippets are cut from (bounded; never ID numbers, phones or addresses).
  body             text NOT NULL DEFAULT '',
  -- Names and numbers matched with pg_trgm for typos (case number, IP and document numbers, organisations' names).
  keys             text NOT NULL DEFAULT '',
  ip_types         text[] NOT NULL DEFAULT '{}',
  article_kind     text,
  region_code      text,
  year             integer,
  sort_at          timestamptz NOT NULL,
  -- Precomputed, query-independent weight (kind, reads): the cheap order candidates are taken in (ADR 0017).
  boost            real NOT NULL DEFAULT 1,
  tsv              tsvector NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, ref_id)
);
CREATE INDEX search_entries_tsv ON search_entries USING gin (tsv);
CREATE INDEX search_entries_keys_trgm ON search_entries USING gin (keys gin_trgm_ops) WHERE keys <> '';
-- Newest first: a common word walks these and stops at the candidate cap (ADR 0017); the first serves the portal
-- (public only; partial, so no query can build a bitmap of every public entry), the second the console.
CREATE INDEX search_entries_recent ON search_entries (sort_at DESC) WHERE visibility = 'public';
CREATE INDEX search_entries_newest ON search_entries (sort_at DESC);
CREATE INDEX search_entries_path ON search_entries USING gist (institution_path);

-- Moving an institution rewrites its path (ADR 0005); the entries it owns follow in the same statement.
CREATE FUNCTION search_entries_follow_path() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_entries SET institution_path = NEW.path WHERE institution_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER institutions_search_path AFTER UPDATE OF path ON institutions
  FOR EACH ROW WHEN (OLD.path IS DISTINCT FROM NEW.path) EXECUTE FUNCTION search_entries_follow_path();
