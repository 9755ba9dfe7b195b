-- Evidence files and other attachments. The bytes live on disk under <dataDir>/files/<aa>/<bb>/<storage_key>;
-- this row is the only way to find them. See docs/adr/0007-evidence-storage.md.
CREATE TABLE attachments (
  id               uuid PRIMARY KEY DEFAULT uuidv7(),
  storage_key      text NOT NULL UNIQUE CHECK (storage_key ~ '^[0-9a-f]{32}$'),  -- random, never from the user's name
  original_name    text NOT NULL CHECK (length(original_name) BETWEEN 1 AND 200), -- sanitised, for display only
  media_type       text NOT NULL,                       -- detected from the content, not what the client declared
  size_bytes       bigint NOT NULL CHECK (size_bytes > 0),
  sha256           text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  owner_type       text NOT NULL,                       -- 'case', 'message' … ('none' while pending)
  owner_id         uuid,                                -- filled by attach(), in the business transaction
  institution_path ltree,                               -- scope of the owner, for Scope filters
  uploaded_by      uuid REFERENCES users (id) ON DELETE SET NULL,
  status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'attached', 'deleted')),
  created_at       timestamptz NOT NULL DEFAULT now(),
  attached_at      timestamptz,
  deleted_at       timestamptz,
  CHECK ((status = 'attached') = (owner_id IS NOT NULL AND attached_at IS NOT NULL) OR status = 'deleted')
);
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX attachments_pending ON attachments (created_at) WHERE status = 'pending';
CREATE INDEX attachments_uploaded_by ON attachments (uploaded_by) WHERE uploaded_by IS NOT NULL;
CREATE INDEX attachments_institution_path ON attachments USING gist (institution_path);
