import { defaultDeadlineRules } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Conn } from './bulk.ts';

const day = (col: string) => `(${col} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * Deadlines as computeDeadlines() leaves them (approximated in calendar days: n working days ≈ 1.4 n days):
 * the acceptance decision for every submitted case, handling once accepted, review, referral feedback, follow-up.
 */
export async function generateDeadlines(conn: Conn): Promise<void> {
  const kinds: { kind: keyof typeof defaultDeadlineRules; where: string; start: string; status: string; met: string }[] = [
    {
      kind: 'acceptance', where: `c.state <> 'draft'`, start: 'c.submitted_at',
      status: `CASE WHEN c.accepted_at IS NOT NULL OR c.state IN ('declined', 'withdrawn') THEN 'met' WHEN c.state = 'awaiting_supplement' THEN 'paused' ELSE 'running' END`,
      met: `coalesce(c.accepted_at, CASE WHEN c.state IN ('declined', 'withdrawn') THEN c.updated_at END)`,
    },
    {
      kind: 'handling', where: `c.accepted_at IS NOT NULL AND c.state <> 'transferred'`, start: 'c.accepted_at',
      status: `CASE WHEN c.concluded_at IS NOT NULL THEN 'met' WHEN c.state = 'suspended' THEN 'paused' ELSE 'running' END`, met: 'c.concluded_at',
    },
    { kind: 'review', where: `c.state = 'under_review'`, start: 'c.updated_at', status: `'running'`, met: 'NULL::timestamptz' },
    { kind: 'referral_feedback', where: `c.state = 'referred'`, start: 'c.updated_at', status: `'running'`, met: 'NULL::timestamptz' },
    {
      kind: 'follow_up', where: `c.concluded_at IS NOT NULL`, start: 'c.concluded_at',
      status: `CASE WHEN c.archived_at IS NOT NULL THEN 'met' ELSE 'running' END`, met: 'c.archived_at',
    },
  ];
  for (const k of kinds) {
    const r = defaultDeadlineRules[k.kind];
    const wd = `CASE WHEN c.track = 'fast' ${r.fast === 'half' ? `THEN ${Math.ceil(r.workingDays / 2)}` : `THEN ${r.workingDays}`} ELSE ${r.workingDays} END`;
    await sql.raw(`
      INSERT INTO case_deadlines (case_id, kind, due, warn_on, started_on, working_days, paused_working_days, status, met_on, late, provisional,
        rule, explanation, computed_at)
      SELECT id, '${k.kind}', due, due - 2, started, wd, 0, status, met, coalesce(met > due, status = 'running' AND due < current_date), false,
        '${JSON.stringify({ id: r.id, zh: r.zh, en: r.en })}'::jsonb,
        jsonb_build_object('zh', '自' || to_char(started, 'YYYY-MM-DD') || '起${r.workingDays}个工作日', 'en', '${r.workingDays} working days from ' || to_char(started, 'YYYY-MM-DD')),
        updated_at
      FROM (SELECT c.id, c.updated_at, ${day(k.start)} AS started, ${wd} AS wd, ${k.status} AS status, ${day(k.met)} AS met,
                   ${day(k.start)} + ceil((${wd}) * 1.4)::int AS due
            FROM cases c WHERE ${k.where}) x`).execute(conn);
  }
}

/**
 * The acceptance and decline notices (受字, one series per institution and year) as issued documents: the row and
 * the metadata of its .docx and PDF (the files themselves are not written; see bench/README.md). The storage key is
 * the attachment's time-ordered id in hex, so its unique index is appended to, not written at random pages.
 */
export async function generateDocuments(conn: Conn): Promise<void> {
  await sql`CREATE UNLOGGED TABLE gen_doc AS
    SELECT uuidv7() AS id, c.id AS case_id, c.institution_id, c.institution_path, c.case_number, c.handler_id,
           CASE WHEN c.state = 'declined' THEN 'decline_notice' ELSE 'acceptance_notice' END AS kind,
           coalesce(c.accepted_at, c.updated_at) AS at, uuidv7() AS docx_id, uuidv7() AS pdf_id,
           extract(year FROM coalesce(c.accepted_at, c.updated_at) AT TIME ZONE 'Asia/Shanghai')::int AS year
    FROM cases c WHERE c.accepted_at IS NOT NULL OR c.state = 'declined'`.execute(conn);
  for (const [col, ext, type] of [['docx_id', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ['pdf_id', 'pdf', 'application/pdf']] as const) {
    await sql`INSERT INTO attachments (id, storage_key, original_name, media_type, size_bytes, sha256, owner_type, owner_id, institution_path,
        uploaded_by, status, created_at, attached_at)
      SELECT ${sql.ref(col)}, replace(${sql.ref(col)}::text, '-', ''), case_number || '-' || kind || '.' || ${ext}, ${type}, 18000 + (hashtext(id::text) & 16383),
             md5(id::text || ${ext}) || md5(${ext} || id::text), 'case', case_id, institution_path, NULL, 'attached', at, at
      FROM gen_doc`.execute(conn);
  }
  await sql`INSERT INTO case_documents (id, case_id, kind, institution_id, year, serial, doc_number, event_seq, status, data,
      docx_attachment_id, pdf_attachment_id, created_at, updated_at, issued_at, issued_by)
    SELECT d.id, d.case_id, d.kind, d.institution_id, d.year, d.serial, i.doc_prefix || '受字〔' || d.year || '〕' || d.serial || '号', 2, 'issued',
           jsonb_build_object('caseNumber', d.case_number, 'institution', i.name, 'date', to_char(d.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')),
           d.docx_id, d.pdf_id, d.at, d.at, d.at, d.handler_id
    FROM (SELECT gd.*, row_number() OVER (PARTITION BY gd.institution_id, gd.year ORDER BY gd.at) AS serial FROM gen_doc gd) d
    JOIN gen_inst i ON i.id = d.institution_id`.execute(conn);
  await sql`INSERT INTO number_sequences (institution_id, kind, year, last)
    SELECT institution_id, 'doc:受字', year, max(serial) FROM case_documents GROUP BY 1, 3`.execute(conn);
}
