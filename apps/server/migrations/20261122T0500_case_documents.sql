-- Issued documents of a case (受理通知书、不予受理通知书、补正材料通知书、移交函、转办函、指导意见书、侵权判定参考意见).
-- A row is written in the transition's transaction as a numbered 'draft'; the render job stores the .docx and the PDF as
-- attachments and marks it 'issued'. Numbers: number_sequences (institution, 'doc:<type word>', year), so 受理 and
-- 不予受理 notices (both 受字) share one series and a number is never given twice. See docs/adr/0011-case-documents.md.

-- 机关代字 of the institution's document numbers (e.g. 鄂维援); without one, derived (cases/case-documents.data.ts).
ALTER TABLE institutions ADD COLUMN doc_prefix text
  CHECK (doc_prefix ~ '^[^0-9[:space:]〔〕【】()（）\[\]{}<>《》第号]{1,12}$');

CREATE TABLE case_documents (
  id                 uuid PRIMARY KEY DEFAULT uuidv7(),
  case_id            uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind               text NOT NULL CHECK (kind IN ('acceptance_notice', 'decline_notice', 'supplement_request', 'guidance_letter',
                                                   'infringement_opinion', 'transfer_letter', 'referral_letter')),
  institution_id     uuid NOT NULL REFERENCES institutions (id),
  year               integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  serial             integer NOT NULL CHECK (serial > 0),
  doc_number         text NOT NULL,
  event_seq          integer,                             -- the case event that produced it
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
  data               jsonb NOT NULL,                      -- the template data as issued (snapshot)
  docx_attachment_id uuid REFERENCES attachments (id),
  pdf_attachment_id  uuid REFERENCES attachments (id),
  error              text,                                -- the last rendering failure of a draft
  attempts           integer NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  issued_at          timestamptz,
  issued_by          uuid REFERENCES users (id),
  UNIQUE (institution_id, doc_number),
  CHECK ((status = 'issued') = (issued_at IS NOT NULL AND docx_attachment_id IS NOT NULL AND pdf_attachment_id IS NOT NULL))
);
CREATE INDEX case_documents_case ON case_documents (case_id, created_at);

-- Issued documents are immutable: no update of any column, no delete (a case's own deletion cascades only while
-- its documents are drafts).
CREATE FUNCTION case_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'case document % is issued and cannot be changed', OLD.id USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER case_documents_immutable BEFORE UPDATE OR DELETE ON case_documents
  FOR EACH ROW EXECUTE FUNCTION case_documents_immutable();
