import { sql } from 'kysely';
import type { Conn } from './bulk.ts';
import {
  articleKinds, askerKinds, consultationChannels, consultationTopics, eventKinds, fields, ipTypes, legalPersonSizes, pick,
} from './distributions.ts';
import { answers, articleGenres, articleSentences, articleSubjects, eventNames, orgCores, orgTrades, questionOpeners, questionTopics } from './texts.ts';
import { spread } from './timeline.ts';

const lit = (xs: readonly string[]) => `ARRAY[${xs.map((s) => `'${s.replaceAll("'", "''")}'`).join(',')}]`;
const at = (xs: readonly string[], u: string) => `(${lit(xs)})[1 + floor(${u} * ${xs.length})::int]`;
/** A row's institution: a random slot of gen_slot (weighted by the institution's share of services). */
const inst = (slots: number) => `JOIN gen_slot sl ON sl.slot = floor(r.u_slot * ${slots})::int JOIN gen_inst i ON i.ord = sl.ord JOIN regions rg ON rg.code = i.region_code`;

/** Experts: personal data from the pool (distinct persons, encrypted), kinds, fields and IP types of the pool's mix. */
export async function generateExperts(conn: Conn, n: number, slots: number): Promise<void> {
  const kinds = ['technical_expert', 'technical_investigator', 'lawyer', 'mediator', 'overseas', 'overseas_lawyer'];
  const ipcs = ['A', 'B', 'C', 'F', 'G', 'H', 'G06F', 'H04L', 'A61K', 'B29C', 'H01L', 'C07D'];
  await sql.raw(`
    INSERT INTO experts (institution_id, institution_path, name, employer, title, id_number_enc, id_number_hmac, id_number_masked, phone_enc,
      phone_masked, kinds, ipc, industries, ip_types, services, regions, languages, jurisdictions, availability, max_open, created_at, updated_at)
    SELECT i.id, i.path, p.name, rg.name || ${at(orgCores, 'r.u_txt')} || ${at(orgTrades, 'r.u_k')} || '有限公司',
           ${at(['教授', '高级工程师', '律师', '研究员', '副教授', '专利代理师'], 'r.u_k')},
           p.id_enc, p.id_hmac, p.id_masked, p.phone_enc, p.phone_masked,
           ARRAY[${at(kinds, 'r.u_k')}], ARRAY[${at(ipcs, 'r.u_txt')}], ARRAY[${pick('r.u_f', fields)}], ARRAY[${pick('r.u_ip', ipTypes)}],
           ARRAY['infringement_opinion', 'consultation'], ARRAY[i.province || '0000'], ARRAY['zh'],
           CASE WHEN r.u_k > 0.66 THEN ARRAY['US'] ELSE '{}' END,
           CASE WHEN r.g % 10 = 0 THEN 'limited' WHEN r.g % 37 = 0 THEN 'unavailable' ELSE 'available' END, 3, now(), now()
    FROM (SELECT g, random() AS u_slot, random() AS u_txt, random() AS u_k, random() AS u_f, random() AS u_ip FROM generate_series(1, ${n}) g) r
    JOIN gen_pii p ON p.n = r.g ${inst(slots)}`).execute(conn);
}

/** Consultations over the ten years: channels, topics, askers (≈45% SMEs), the asker's contact encrypted from the pool. */
export async function generateConsultations(conn: Conn, n: number, slots: number, pool: number): Promise<void> {
  await sql.raw(`
    INSERT INTO consultations (institution_id, institution_path, channel, asker_kind, enterprise_size, region_code, ip_type, topic, question,
      answer, status, minutes_spent, asker_name, asker_contact_enc, asker_contact_masked, staff_id, asked_at, answered_at, created_at, updated_at)
    SELECT i.id, i.path, ${pick('r.u_ch', consultationChannels)}, k.kind,
           CASE WHEN k.kind = 'legal_person' THEN ${pick('r.u_size', legalPersonSizes)} END, i.region_code, ${pick('r.u_ip', ipTypes)},
           ${pick('r.u_top', consultationTopics)}, ${at(questionOpeners, 'r.u_q1')} || ${at(questionTopics, 'r.u_q2')},
           CASE WHEN open THEN NULL ELSE ${at(answers, 'r.u_a')} END, CASE WHEN open THEN 'open' ELSE 'answered' END, 5 + (r.g % 55),
           p.name, p.phone_enc, p.phone_masked, h.user_id, r.at, CASE WHEN open THEN NULL ELSE r.at + interval '3 hours' END, r.at, r.at
    FROM (SELECT t.*, random() AS u_slot, random() AS u_ch, random() AS u_size, random() AS u_ip, random() AS u_top, random() AS u_q1,
                 random() AS u_q2, random() AS u_a, random() AS u_k, t.at > now() - interval '3 days' AND t.g % 3 = 0 AS open
          FROM (${spread(n)}) t) r
    CROSS JOIN LATERAL (SELECT ${pick('r.u_k', askerKinds)} AS kind) k
    JOIN gen_pii p ON p.n = 1 + r.g % ${pool}
    ${inst(slots)}
    LEFT JOIN gen_handler h ON h.ord = i.ord AND h.j = r.g % greatest(i.handlers, 1)`).execute(conn);
}

/** Articles of the six kinds, mostly published, policies with their document numbers. */
export async function generateArticles(conn: Conn, n: number, slots: number): Promise<void> {
  await sql.raw(`
    INSERT INTO articles (institution_id, institution_path, kind, state, title, summary, body_html, body_text, ip_types, region_code, meta,
      views, published_at, created_at, updated_at)
    SELECT inst_id, inst_path, kind, state, title, summary, '<p>' || body || '</p>', body, ARRAY[${pick('u_ip', ipTypes)}], region_code,
           CASE WHEN kind = 'policy' THEN jsonb_build_object('documentNumber', '知保发〔' || extract(year FROM at)::int || '〕' || (1 + g % 90) || '号')
                ELSE '{}'::jsonb END,
           (g::bigint * 7919) % 5000, CASE WHEN state IN ('published', 'withdrawn') THEN at END, at - interval '1 day', at
    FROM (SELECT r.*, i.id AS inst_id, i.path AS inst_path, i.region_code, ${pick('r.u_kind', articleKinds)} AS kind,
                 CASE WHEN r.u_st < 0.92 THEN 'published' WHEN r.u_st < 0.96 THEN 'draft' WHEN r.u_st < 0.98 THEN 'in_review' ELSE 'withdrawn' END AS state,
                 rg.name || ${at(articleSubjects, 'r.u_t1')} || ${at(articleGenres, 'r.u_t2')} AS title,
                 ${at(articleSentences, 'r.u_s')} AS summary,
                 ${at(articleSentences, 'r.u_b1')} || ${at(articleSentences, 'r.u_b2')} || ${at(articleSentences, 'r.u_b3')} AS body
          FROM (SELECT t.*, random() AS u_slot, random() AS u_kind, random() AS u_st, random() AS u_t1, random() AS u_t2, random() AS u_s,
                       random() AS u_b1, random() AS u_b2, random() AS u_b3, random() AS u_ip FROM (${spread(n)}) t) r
          ${inst(slots)}) a`).execute(conn);
}

/** On-site service at events (驻场服务): exhibitions, trade fairs, contests, over the ten years. */
export async function generateEvents(conn: Conn, n: number, slots: number): Promise<void> {
  await sql.raw(`
    INSERT INTO onsite_events (institution_id, institution_path, name, kind, venue, starts_on, ends_on, organiser, expected_exhibitors,
      created_at, updated_at)
    SELECT i.id, i.path, extract(year FROM r.at)::int || '年' || rg.name || ${at(eventNames, 'r.u_n')} || '（第' || r.g || '场）',
           ${pick('r.u_k', eventKinds)}, rg.name || '国际会展中心', (r.at AT TIME ZONE 'Asia/Shanghai')::date,
           (r.at AT TIME ZONE 'Asia/Shanghai')::date + (r.g % 4), rg.name || '商务局', 50 + (r.g * 37) % 3000, r.at, r.at
    FROM (SELECT t.*, random() AS u_slot, random() AS u_n, random() AS u_k FROM (${spread(n)}) t) r
    ${inst(slots)}`).execute(conn);
}
