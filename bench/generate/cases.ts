import { sql } from 'kysely';
import type { Conn } from './bulk.ts';
import { applicantKinds, channels, fields, ipTypes, legalPersonSizes, pick, recentStates, services, settledStates } from './distributions.ts';
import { spread } from './timeline.ts';
import { caseIssues, caseRequests, caseResults, orgCores, orgTrades } from './texts.ts';

const arr = (xs: readonly string[]) => sql`${sql.val([...xs])}::text[]`;

/**
 * Cases, one INSERT … SELECT over generate_series: institution by weighted slot, year by share, state by a
 * low-discrepancy sequence (settled states for cases older than two months, mostly open ones after), the case
 * number from the institution's code and its serial in the year. gen_case keeps each case's draws for the later steps.
 */
export async function generateCases(conn: Conn, n: number, slots: number, applicants: number): Promise<void> {
  await sql.raw(`CREATE UNLOGGED TABLE gen_case AS
    WITH s AS (
      SELECT t.g, t.at, random() AS u_slot, random() AS u_kind, random() AS u_size, random() AS u_ip, random() AS u_field, random() AS u_ch,
             random() AS u_svc, random() AS u_h, random() AS u_txt, random() AS u_ov, random() AS u_app, random() AS u_req,
             (t.g * 0.6180339887498949::float8) - floor(t.g * 0.6180339887498949::float8) AS u_state
      FROM (${spread(n)}) t
    )
    SELECT s.g, s.at, i.ord, i.handlers,
           CASE WHEN s.at > now() - interval '60 days' THEN ${pick('s.u_state', recentStates)} ELSE ${pick('s.u_state', settledStates)} END AS state,
           ${pick('s.u_kind', applicantKinds)} AS kind,
           ${pick('s.u_size', legalPersonSizes)} AS size,
           ${pick('s.u_ip', ipTypes)} AS ip_type, ${pick('s.u_field', fields)} AS field, ${pick('s.u_ch', channels)} AS channel,
           ${pick('s.u_svc', services)} AS service, s.u_h, s.u_txt, s.u_ov, s.u_req,
           1 + floor(s.u_app * ${applicants})::int AS applicant_j,
           0.5 + (extract(microseconds FROM s.at)::int % 1000) / 1000.0::float8 AS f
    FROM s JOIN gen_slot sl ON sl.slot = floor(s.u_slot * ${slots})::int JOIN gen_inst i ON i.ord = sl.ord`).execute(conn);
  await sql`CREATE UNIQUE INDEX ON gen_case (g)`.execute(conn);

  await sql`
    INSERT INTO cases (id, case_number, institution_id, institution_path, transfer_to_id, transfer_to_path, state, track, channel, applicant_user_id,
      handler_id, opinion_signed_off, suspended_from, supplement_from, transferred_from, referred_from, referral_body, applicant_kind,
      enterprise_size, enterprise_tags, ip_type, ip_number, services, overseas, country, field, region_code, summary, request, result,
      submitted_at, accepted_at, concluded_at, archived_at, version, created_at, updated_at)
    SELECT c.id,
      CASE WHEN c.state <> 'draft' THEN i.case_code || '-' || extract(year FROM c.at AT TIME ZONE 'Asia/Shanghai') || '-' || lpad(c.serial::text, 6, '0') END,
      i.id, i.path, ti.id, ti.path, c.state,
      CASE WHEN c.channel IN ('exhibition', 'online') AND c.u_ov < 0.5 THEN 'fast' ELSE 'standard' END, c.channel,
      CASE WHEN c.channel = 'online' THEN a.id END,
      CASE WHEN c.state IN ('assigned', 'in_progress', 'under_review', 'concluded', 'archived', 'referred', 'suspended') THEN h.user_id END,
      c.state IN ('concluded', 'archived') AND c.service = 'infringement_opinion',
      CASE WHEN c.state = 'suspended' THEN 'in_progress' END, CASE WHEN c.state = 'awaiting_supplement' THEN 'submitted' END,
      CASE WHEN c.state = 'transferred' THEN 'accepted' END, CASE WHEN c.state = 'referred' THEN 'in_progress' END,
      CASE WHEN c.state = 'referred' THEN (ARRAY['市场监督管理局', '知识产权局行政裁决', '人民法院', '人民调解委员会', '电商平台'])[1 + c.g % 5] END,
      c.kind, CASE WHEN c.kind = 'legal_person' THEN c.size END,
      CASE WHEN c.kind = 'legal_person' AND c.size IN ('small', 'medium') AND c.g % 9 = 0 THEN ARRAY['specialised_innovative'] WHEN c.kind = 'legal_person' AND c.g % 13 = 0 THEN ARRAY['high_tech'] ELSE '{}' END,
      c.ip_type,
      CASE c.ip_type WHEN 'patent' THEN 'ZL' || (extract(year FROM c.at)::int - 3) || (1 + c.g % 3) || lpad((c.g::bigint * 7919 % 1000000)::text, 7, '0') || '.' || (c.g % 10)
                     WHEN 'trademark' THEN (10000000 + c.g::bigint * 104729 % 89999999)::text END,
      CASE WHEN c.service = 'consultation' THEN ARRAY['consultation'] ELSE ARRAY[c.service, 'consultation'] END,
      c.u_ov < 0.03, CASE WHEN c.u_ov < 0.03 THEN (ARRAY['US', 'DE', 'JP', 'GB', 'FR', 'KR', 'AU'])[1 + c.g % 7] END,
      c.field, i.region_code, rg.name || '，' || (${arr(caseIssues)})[1 + floor(c.u_txt * ${caseIssues.length})::int],
      (${arr(caseRequests)})[1 + floor(c.u_req * ${caseRequests.length})::int],
      CASE WHEN c.state IN ('concluded', 'archived') THEN (${arr(caseResults)})[1 + c.g % ${caseResults.length}] END,
      CASE WHEN c.state <> 'draft' THEN c.at END,
      CASE WHEN c.state NOT IN ('draft', 'submitted', 'awaiting_supplement', 'declined', 'withdrawn') THEN least(c.at + 2 * c.f * interval '1 day', now()) END,
      CASE WHEN c.state IN ('concluded', 'archived') THEN least(c.at + 28 * c.f * interval '1 day', now()) END,
      CASE WHEN c.state = 'archived' THEN least(c.at + 35 * c.f * interval '1 day', now()) END,
      1 + coalesce(pc.n, 0)::int,
      c.at - interval '1 hour', least(c.at + coalesce(pc.days, 0) * c.f * interval '1 day', now())
    FROM (SELECT gc.*, uuidv7() AS id,
                 row_number() OVER (PARTITION BY gc.ord, extract(year FROM gc.at AT TIME ZONE 'Asia/Shanghai'), gc.state = 'draft' ORDER BY gc.at) AS serial
          FROM gen_case gc) c
    JOIN gen_inst i ON i.ord = c.ord
    JOIN regions rg ON rg.code = i.region_code
    LEFT JOIN gen_inst ti ON c.state = 'transferred' AND ti.ord = 1 + c.ord % (SELECT count(*) FROM gen_inst)
    LEFT JOIN gen_handler h ON h.ord = c.ord AND h.j = floor(c.u_h * c.handlers)::int
    LEFT JOIN gen_applicant a ON a.j = c.applicant_j
    LEFT JOIN (SELECT state, count(*) AS n, max(days) AS days FROM gen_path GROUP BY state) pc ON pc.state = c.state`.execute(conn);
  // The next number an institution gives continues after the generated ones.
  await sql`INSERT INTO number_sequences (institution_id, kind, year, last)
    SELECT institution_id, 'case', split_part(case_number, '-', 2)::int, max(split_part(case_number, '-', 3)::int)
    FROM cases WHERE case_number IS NOT NULL GROUP BY 1, 3`.execute(conn);
}

/** Each state's history: the events that lead to it, with their day offsets from submission (scaled per case). */
const paths: Record<string, [string, string, string, number][]> = {
  submitted: [['submit', 'draft', 'submitted', 0]],
  awaiting_supplement: [['submit', 'draft', 'submitted', 0], ['requestSupplement', 'submitted', 'awaiting_supplement', 2]],
  declined: [['submit', 'draft', 'submitted', 0], ['decline', 'submitted', 'declined', 3]],
  withdrawn: [['submit', 'draft', 'submitted', 0], ['withdraw', 'submitted', 'withdrawn', 1]],
  accepted: [['submit', 'draft', 'submitted', 0], ['accept', 'submitted', 'accepted', 2]],
  transferred: [['submit', 'draft', 'submitted', 0], ['accept', 'submitted', 'accepted', 2], ['transfer', 'accepted', 'transferred', 3]],
};
const worked: [string, string, string, number][] = [...paths.accepted!, ['assign', 'accepted', 'assigned', 3], ['start', 'assigned', 'in_progress', 4]];
paths.assigned = worked.slice(0, 3);
paths.in_progress = worked;
paths.under_review = [...worked, ['submitForReview', 'in_progress', 'under_review', 20]];
paths.referred = [...worked, ['refer', 'in_progress', 'referred', 10]];
paths.suspended = [...worked, ['suspend', 'in_progress', 'suspended', 12]];
paths.concluded = [...paths.under_review, ['signOff', 'under_review', 'in_progress', 22], ['conclude', 'in_progress', 'concluded', 28]];
paths.archived = [...paths.concluded, ['archive', 'concluded', 'archived', 35]];

export async function pathTable(conn: Conn): Promise<void> {
  const rows = Object.entries(paths).flatMap(([state, steps]) => steps.map(([event, from, to, days], k) => ({ state, seq: k + 1, event, from, to, days })));
  await sql`CREATE UNLOGGED TABLE gen_path AS SELECT * FROM unnest(${sql.val(rows.map((r) => r.state))}::text[], ${sql.val(rows.map((r) => r.seq))}::int[],
    ${sql.val(rows.map((r) => r.event))}::text[], ${sql.val(rows.map((r) => r.from))}::text[], ${sql.val(rows.map((r) => r.to))}::text[],
    ${sql.val(rows.map((r) => r.days))}::int[]) AS p(state, seq, event, from_state, to_state, days)`.execute(conn);
}

/** The timeline of every submitted case, its acting handler named; submission by the applicant. */
export async function generateEvents(conn: Conn): Promise<void> {
  await sql`
    INSERT INTO case_events (case_id, seq, event, from_state, to_state, actor_id, actor_name, actor_role, at, payload)
    SELECT c.id, p.seq, p.event, p.from_state, p.to_state,
           CASE WHEN p.event = 'submit' THEN c.applicant_user_id ELSE c.handler_id END,
           CASE WHEN p.event = 'submit' THEN '申请人' ELSE coalesce(u.display_name, '受理人员') END,
           CASE WHEN p.event = 'submit' THEN 'applicant' WHEN p.event IN ('signOff') THEN 'reviewer' ELSE 'case_handler' END,
           least(c.submitted_at + p.days * (0.5 + (extract(microseconds FROM c.submitted_at)::int % 1000) / 1000.0) * interval '1 day', now()),
           '{}'::jsonb
    FROM cases c JOIN gen_path p ON p.state = c.state LEFT JOIN users u ON u.id = c.handler_id`.execute(conn);
}

/**
 * Parties: the applicant (an organisation named after the case's region, or a person from the pool with the
 * encrypted ID number, phone and address), an opposing party for most cases, an agent for some.
 */
export async function generateParties(conn: Conn, pool: number): Promise<void> {
  const org = (seed: string) => sql.raw(`rg.name || (${orgArr})[1 + (${seed}) % ${orgCores.length}] || (${tradeArr})[1 + ((${seed}) / ${orgCores.length}) % ${orgTrades.length}] || '有限公司'`);
  const orgArr = `ARRAY[${orgCores.map((s) => `'${s}'`).join(',')}]`;
  const tradeArr = `ARRAY[${orgTrades.map((s) => `'${s}'`).join(',')}]`;
  const hashStr = 'abs(hashtextextended(c.id::text, 0))';
  const hash = sql.raw(hashStr);
  await sql`
    INSERT INTO case_parties (case_id, role, kind, name, credit_code, id_number_enc, id_number_masked, phone_enc, phone_hmac, phone_masked,
      address_enc, address_masked, enterprise_size, enterprise_tags, position)
    SELECT c.id, 'applicant', c.applicant_kind,
           CASE WHEN c.applicant_kind IN ('legal_person', 'unincorporated_org') THEN ${org(hashStr)}
                WHEN c.applicant_kind = 'individual_business' THEN p.name || '商行' ELSE p.name END,
           CASE WHEN c.applicant_kind <> 'natural_person' THEN '91' || c.region_code || upper(substr(md5(c.id::text), 1, 10)) END,
           CASE WHEN c.applicant_kind IN ('natural_person', 'individual_business') THEN p.id_enc END,
           CASE WHEN c.applicant_kind IN ('natural_person', 'individual_business') THEN p.id_masked END,
           p.phone_enc, p.phone_hmac, p.phone_masked, p.addr_enc, p.addr_masked, c.enterprise_size, c.enterprise_tags, 0
    FROM cases c JOIN regions rg ON rg.code = c.region_code JOIN gen_pii p ON p.n = 1 + ${hash} % ${pool}`.execute(conn);
  await sql`
    INSERT INTO case_parties (case_id, role, kind, name, credit_code, id_number_enc, id_number_masked, phone_enc, phone_hmac, phone_masked, position)
    SELECT c.id, 'opposing', CASE WHEN h % 5 = 0 THEN 'natural_person' ELSE 'legal_person' END,
           CASE WHEN h % 5 = 0 THEN p.name ELSE ${org('h / 7')} END,
           CASE WHEN h % 5 <> 0 THEN '91' || c.region_code || upper(substr(md5(c.id::text || 'o'), 1, 10)) END,
           CASE WHEN h % 5 = 0 AND h % 3 = 0 THEN p.id_enc END, CASE WHEN h % 5 = 0 AND h % 3 = 0 THEN p.id_masked END,
           CASE WHEN h % 4 = 0 THEN p.phone_enc END, CASE WHEN h % 4 = 0 THEN p.phone_hmac END, CASE WHEN h % 4 = 0 THEN p.phone_masked END, 1
    FROM (SELECT c.*, abs(hashtextextended(c.id::text, 1)) AS h FROM cases c) c
    JOIN regions rg ON rg.code = c.region_code JOIN gen_pii p ON p.n = 1 + c.h % ${pool}
    WHERE c.h % 20 <> 0`.execute(conn);
  await sql`
    INSERT INTO case_parties (case_id, role, kind, name, phone_enc, phone_hmac, phone_masked, position)
    SELECT c.id, 'agent', 'natural_person', p.name, p.phone_enc, p.phone_hmac, p.phone_masked, 2
    FROM (SELECT c.id, abs(hashtextextended(c.id::text, 2)) AS h FROM cases c) c JOIN gen_pii p ON p.n = 1 + c.h % ${pool}
    WHERE c.h % 5 = 0`.execute(conn);
}
