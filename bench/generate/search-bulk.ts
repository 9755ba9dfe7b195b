import { sql } from 'kysely';
import { documentWords } from '../../apps/server/src/modules/search/search.segment.ts';
import { insertColumns, type Conn } from './bulk.ts';

const ascii = (col: string) => `trim(regexp_replace(lower(coalesce(${col}, '')), '[^a-z0-9]+', ' ', 'g'))`;
const filters = (kind: string, ip: string, year: string, visibility: string, answered = 'false') =>
  `concat_ws(' ', 'zzk' || lower(regexp_replace(${kind}, '[^a-zA-Z0-9]', '', 'g')),
     (SELECT string_agg('zzip' || lower(regexp_replace(t, '[^a-zA-Z0-9]', '', 'g')), ' ') FROM unnest(${ip}) t),
     'zzy' || ${year}, CASE WHEN ${visibility} = 'public' THEN 'zzvpublic' END, CASE WHEN ${answered} THEN 'zzvanswered' END)`;
const tsv = (title: string, keys: string, body: string, filter: string) =>
  `setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${keys}), 'A')
     || setweight(to_tsvector('simple', ${body}), 'B') || setweight(to_tsvector('simple', ${filter}), 'D')`;
const w = (alias: string) => `coalesce(${alias}.words, '')`;
const cst = (col: string) => `extract(year FROM ${col} AT TIME ZONE 'Asia/Shanghai')::int`;

/**
 * The search index built in bulk, entry for entry what reindexAll writes (search.entries.ts, search.index.ts) but
 * without segmenting 1.6 million texts in Node: every indexed field is segmented once per DISTINCT value (a few
 * hundred thousand: summaries, organisations' names, questions, titles) into gen_words, and an entry's words are its
 * fields' words joined. That equals segmenting the joined text because the fields are joined with '\n', '；' or a
 * space, which the segmenter never puts inside a word; numbers (case, patent, trademark) are ASCII and cut at every
 * non-alphanumeric character, as the segmenter cuts them. generate.test.ts compares sample entries with indexCase,
 * indexConsultation and indexArticle.
 */
export async function segmentDistinctValues(conn: Conn): Promise<number> {
  await sql`CREATE UNLOGGED TABLE gen_words (value text PRIMARY KEY, words text NOT NULL)`.execute(conn);
  const distinct = await sql<{ v: string }>`
    SELECT v FROM (
      SELECT summary AS v FROM cases UNION SELECT request FROM cases
      UNION SELECT name FROM case_parties WHERE kind <> 'natural_person' AND role IN ('applicant', 'opposing')
      UNION SELECT question FROM consultations UNION SELECT answer FROM consultations WHERE answer IS NOT NULL
      UNION SELECT title FROM articles WHERE state = 'published' UNION SELECT summary FROM articles WHERE state = 'published'
      UNION SELECT body_text FROM articles WHERE state = 'published'
      UNION SELECT meta->>'documentNumber' FROM articles WHERE state = 'published' AND meta ? 'documentNumber'
    ) x WHERE v IS NOT NULL`.execute(conn);
  const values = distinct.rows.map((r) => r.v);
  await insertColumns(conn, 'gen_words', { value: values, words: values.map((v) => documentWords(v.trim())) }, { value: 'text[]', words: 'text[]' });
  await sql`ANALYZE gen_words`.execute(conn);
  return values.length;
}

/** The cases' entries (after segmentDistinctValues). */
export async function caseEntries(conn: Conn): Promise<void> {
  await sql.raw(`
    INSERT INTO search_entries (kind, ref_id, visibility, institution_id, institution_path, title, body, keys, ip_types, article_kind, region_code,
      year, sort_at, boost, tsv)
    SELECT 'case', c.id, 'staff', c.institution_id, c.institution_path, c.case_number || ' ' || c.summary,
           left(concat_ws(E'\\n', nullif(concat_ws('；', ap.name, op.name), ''), nullif(c.summary, ''), nullif(c.request, '')), 4000),
           concat_ws(' ', c.case_number, nullif(c.ip_number, ''), ap.name, op.name),
           CASE WHEN c.ip_type IS NULL THEN '{}' ELSE ARRAY[c.ip_type] END, NULL, c.region_code, ${cst('coalesce(c.submitted_at, c.created_at)')},
           coalesce(c.submitted_at, c.created_at), 1,
           ${tsv(`concat_ws(' ', ${ascii('c.case_number')}, ${w('ws')})`,
                 `concat_ws(' ', ${ascii('c.case_number')}, ${ascii('c.ip_number')}, ${w('wa')}, ${w('wo')})`,
                 `concat_ws(' ', ${w('wa')}, ${w('wo')}, ${w('ws')}, ${w('wr')})`,
                 filters(`'case'`, `CASE WHEN c.ip_type IS NULL THEN '{}'::text[] ELSE ARRAY[c.ip_type] END`, cst('coalesce(c.submitted_at, c.created_at)'), `'staff'`))}
    FROM cases c
    LEFT JOIN case_parties ap ON ap.case_id = c.id AND ap.role = 'applicant' AND ap.kind <> 'natural_person'
    LEFT JOIN case_parties op ON op.case_id = c.id AND op.role = 'opposing' AND op.kind <> 'natural_person'
    LEFT JOIN gen_words ws ON ws.value = c.summary LEFT JOIN gen_words wr ON wr.value = c.request
    LEFT JOIN gen_words wa ON wa.value = ap.name LEFT JOIN gen_words wo ON wo.value = op.name
    WHERE c.state <> 'draft' AND c.case_number IS NOT NULL`).execute(conn);
}

/** The consultations' and published articles' entries (after segmentDistinctValues). */
export async function consultationAndArticleEntries(conn: Conn): Promise<void> {
  await sql.raw(`
    INSERT INTO search_entries (kind, ref_id, visibility, institution_id, institution_path, title, body, keys, ip_types, article_kind, region_code,
      year, sort_at, boost, tsv)
    SELECT 'consultation', c.id, 'staff', c.institution_id, c.institution_path, c.question, left(trim(c.question || E'\\n' || coalesce(c.answer, '')), 4000), '',
           CASE WHEN c.ip_type IS NULL THEN '{}' ELSE ARRAY[c.ip_type] END, NULL, c.region_code, ${cst('c.asked_at')}, c.asked_at,
           CASE WHEN c.answer IS NULL THEN 0.8 ELSE 1 END,
           ${tsv(w('wq'), `''`, `concat_ws(' ', ${w('wq')}, ${w('wa')})`,
                 filters(`'consultation'`, `CASE WHEN c.ip_type IS NULL THEN '{}'::text[] ELSE ARRAY[c.ip_type] END`, cst('c.asked_at'), `'staff'`,
                   `(c.status = 'answered' AND coalesce(c.answer, '') <> '')`))}
    FROM consultations c LEFT JOIN gen_words wq ON wq.value = c.question LEFT JOIN gen_words wa ON wa.value = c.answer`).execute(conn);

  await sql.raw(`
    INSERT INTO search_entries (kind, ref_id, visibility, institution_id, institution_path, title, body, keys, ip_types, article_kind, region_code,
      year, sort_at, boost, tsv)
    SELECT CASE WHEN a.kind = 'qa' THEN 'qa' ELSE 'article' END, a.id, 'public', a.institution_id, a.institution_path, a.title,
           left(concat_ws(E'\\n', nullif(trim(a.summary), ''), nullif(trim(a.body_text), '')), 4000), coalesce(a.meta->>'documentNumber', ''),
           a.ip_types, a.kind, a.region_code, ${cst('a.published_at')}, a.published_at,
           CASE a.kind WHEN 'policy' THEN 1.3 WHEN 'qa' THEN 1.2 WHEN 'guide' THEN 1.2 WHEN 'case_study' THEN 1.1 WHEN 'knowledge' THEN 1.1 WHEN 'news' THEN 0.9 ELSE 1 END,
           ${tsv(w('wt'), w('wk'), `concat_ws(' ', ${w('wsum')}, ${w('wb')})`, filters(`CASE WHEN a.kind = 'qa' THEN 'qa' ELSE a.kind END`, 'a.ip_types', cst('a.published_at'), `'public'`))}
    FROM articles a LEFT JOIN gen_words wt ON wt.value = a.title LEFT JOIN gen_words wsum ON wsum.value = a.summary
    LEFT JOIN gen_words wb ON wb.value = a.body_text LEFT JOIN gen_words wk ON wk.value = a.meta->>'documentNumber'
    WHERE a.state = 'published' AND a.published_at IS NOT NULL`).execute(conn);
}
