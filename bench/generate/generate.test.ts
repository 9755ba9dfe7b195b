import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { indexArticle, indexCase, indexConsultation } from '../../apps/server/src/modules/search/search.index.ts';
import { createDb, type DB } from '../../apps/server/src/platform/db.ts';
import { migrate } from '../../apps/server/src/platform/migrate.ts';
import { createSecrets } from '../../apps/server/src/platform/secrets.ts';
import { TEST_DATA_KEY } from '../../apps/server/src/testing/constants.ts';
import { generate, knownAccounts, personAt, type GenerateReport } from './index.ts';

/** The generator at scale 0.002 (2,000 cases) on its own empty, migrated database. */
const secrets = createSecrets(Buffer.from(TEST_DATA_KEY, 'base64'));
const adminUrl = inject('pgAdminUrl');
const name = `gen_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
let db: DB;
let pool: pg.Pool;
let report: GenerateReport;

async function admin(q: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(q);
  await c.end();
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  ({ db, pool } = createDb(u.toString(), 4));
  await migrate(pool);
  report = await generate(db, { scale: 0.002, secrets });
}, 240_000);
afterAll(async () => {
  await db?.destroy();
  await admin(`DROP DATABASE IF EXISTS "${name}"`);
});

const rows = async <T,>(q: ReturnType<typeof sql<T>>) => (await q.execute(db)).rows;
const share = (xs: { k: string; n: number }[], keys: string[]) =>
  xs.filter((x) => keys.includes(x.k)).reduce((s, x) => s + x.n, 0) / xs.reduce((s, x) => s + x.n, 0);

describe('bench/generate at scale 0.002', () => {
  it('makes the rows asked for, a real tree over all 31 provinces with the five kinds of institution', async () => {
    expect(report.counts.cases).toBe(2000);
    expect(report.counts.consultations).toBe(1000);
    expect(report.counts.institutions).toBe(100);
    const [tree] = await rows(sql<{ provinces: number; types: string[]; orphans: number; badRegion: number }>`
      SELECT count(DISTINCT left(i.region_code, 2))::int AS provinces, array_agg(DISTINCT i.type ORDER BY i.type) AS types,
             count(*) FILTER (WHERE p.id IS NULL OR subpath(i.path, 0, nlevel(i.path) - 1) <> p.path)::int AS orphans,
             count(*) FILTER (WHERE r.code IS NULL)::int AS "badRegion"
      FROM institutions i LEFT JOIN institutions p ON p.id = i.parent_id LEFT JOIN regions r ON r.code = i.region_code WHERE i.path <> 'cn'`);
    expect(tree).toEqual({
      provinces: 31, types: ['assistance_center', 'protection_center', 'rapid_center', 'sub_center', 'workstation'], orphans: 0, badRegion: 0,
    });
  });

  it('draws the services from the national shares: ≈45% SMEs, e-commerce first, patents and trademarks the top IP types', async () => {
    const sizes = await rows(sql<{ k: string; n: number }>`SELECT coalesce(enterprise_size, '-') AS k, count(*)::int AS n FROM cases GROUP BY 1`);
    expect(share(sizes, ['medium', 'small', 'micro'])).toBeGreaterThan(0.4);
    expect(share(sizes, ['medium', 'small', 'micro'])).toBeLessThan(0.5);
    const fieldsByCount = await rows(sql<{ k: string }>`SELECT field AS k FROM cases GROUP BY field ORDER BY count(*) DESC`);
    expect(fieldsByCount[0]!.k).toBe('e_commerce');
    const ip = await rows(sql<{ k: string }>`SELECT ip_type AS k FROM cases GROUP BY ip_type ORDER BY count(*) DESC LIMIT 2`);
    expect(ip.map((r) => r.k).sort()).toEqual(['patent', 'trademark']);
  });

  it('grows every year from 2017 to 2026 by 15–50%, and has every state', async () => {
    const years = await rows(sql<{ y: number; n: number }>`
      SELECT extract(year FROM coalesce(submitted_at, created_at) AT TIME ZONE 'Asia/Shanghai')::int AS y, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 1`);
    expect(years.map((r) => r.y)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (let k = 1; k < years.length; k++) {
      expect(years[k]!.n / years[k - 1]!.n).toBeGreaterThan(1.1);
      expect(years[k]!.n / years[k - 1]!.n).toBeLessThan(1.6);
    }
    const states = await rows(sql<{ state: string }>`SELECT DISTINCT state FROM cases ORDER BY state`);
    expect(states).toHaveLength(14);
  });

  it('gives every case an applicant, and every submitted case a history from submit to its state', async () => {
    const [c] = await rows(sql<{ noApplicant: number; noEvents: number; wrongEnd: number; orphanEvents: number; badHandler: number }>`
      SELECT (SELECT count(*) FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant'))::int AS "noApplicant",
             (SELECT count(*) FROM cases c WHERE c.state <> 'draft' AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.seq = 1 AND e.event = 'submit'))::int AS "noEvents",
             (SELECT count(*) FROM cases c JOIN LATERAL (SELECT to_state FROM case_events e WHERE e.case_id = c.id ORDER BY seq DESC LIMIT 1) l ON true
               WHERE l.to_state <> c.state)::int AS "wrongEnd",
             (SELECT count(*) FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id))::int AS "orphanEvents",
             (SELECT count(*) FROM cases c WHERE c.handler_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM users u WHERE u.id = c.handler_id))::int AS "badHandler"`);
    expect(c).toEqual({ noApplicant: 0, noEvents: 0, wrongEnd: 0, orphanEvents: 0, badHandler: 0 });
    const [d] = await rows(sql<{ deadlines: number; docs: number; open: number }>`
      SELECT (SELECT count(DISTINCT case_id) FROM case_deadlines)::int AS deadlines, (SELECT count(*) FROM case_documents)::int AS docs,
             (SELECT count(*) FROM cases WHERE state <> 'draft')::int AS open`);
    expect(d!.deadlines).toBe(d!.open);
    expect(d!.docs).toBeGreaterThan(1000);
    // The work queue's sort key (ADR 0038) agrees with the deadlines, and some cases have one.
    const [n] = await rows(sql<{ drift: number; withDue: number }>`
      SELECT count(*) FILTER (WHERE c.next_due IS DISTINCT FROM (SELECT min(x.due) FROM case_deadlines x WHERE x.case_id = c.id AND x.status <> 'met'))::int AS drift,
             count(c.next_due)::int AS "withDue" FROM cases c`);
    expect(n).toMatchObject({ drift: 0 });
    expect(n!.withDue).toBeGreaterThan(0);
  });

  it('stores ID numbers, phones and addresses encrypted only: no clear text in any table, the ciphertext opens with the key', async () => {
    for (const n of [1, 2, 3]) {
      const p = personAt(n);
      for (const table of ['case_parties', 'users', 'experts', 'consultations']) {
        for (const v of [p.idNumber, p.phone, p.address]) {
          const [hit] = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} t WHERE t::text LIKE ${'%' + v + '%'}`);
          expect(hit!.n, `${table} holds ${v} in clear text`).toBe(0);
        }
      }
      const [u] = await rows(sql<{ phone_enc: string }>`SELECT phone_enc FROM users WHERE phone_hmac = ${secrets.hmac(p.phone)}`);
      expect(secrets.decrypt(u!.phone_enc)).toBe(p.phone);
    }
    const parties = await rows(sql<{ id_number_enc: string; id_number_masked: string }>`
      SELECT id_number_enc, id_number_masked FROM case_parties WHERE id_number_enc IS NOT NULL LIMIT 20`);
    expect(parties.length).toBeGreaterThan(0);
    for (const p of parties) {
      const id = secrets.decrypt(p.id_number_enc);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(p.id_number_masked).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
    }
  });

  it('builds the same search entries as the application does, record by record', async () => {
    const cols = sql`title, body, keys, ip_types, year, boost, visibility, institution_path::text AS path, sort_at, tsv::text AS tsv`;
    const sample = async (kind: string, n: number) =>
      rows(sql<{ ref_id: string }>`SELECT ref_id FROM search_entries WHERE kind = ${kind} ORDER BY md5(ref_id::text) LIMIT ${n}`);
    const checks: [string, (id: string) => Promise<void>][] = [['case', (id) => indexCase(db, id)], ['consultation', (id) => indexConsultation(db, id)],
      ['article', (id) => indexArticle(db, id)], ['qa', (id) => indexArticle(db, id)]];
    for (const [kind, reindex] of checks) {
      const ids = await sample(kind, 12);
      expect(ids.length).toBeGreaterThan(0);
      for (const { ref_id } of ids) {
        const bulk = await rows(sql`SELECT ${cols} FROM search_entries WHERE kind = ${kind} AND ref_id = ${ref_id}`);
        await reindex(ref_id);
        const real = await rows(sql`SELECT ${cols} FROM search_entries WHERE kind = ${kind} AND ref_id = ${ref_id}`);
        expect(bulk, `${kind} ${ref_id}`).toEqual(real);
      }
    }
    const [n] = await rows(sql<{ cases: number; indexed: number }>`
      SELECT (SELECT count(*) FROM cases WHERE state <> 'draft')::int AS cases, (SELECT count(*) FROM search_entries WHERE kind = 'case')::int AS indexed`);
    expect(n!.indexed).toBe(n!.cases);
  });

  it('gives back every index it dropped for the load, and leaves none of its work tables', async () => {
    const names = (await rows(sql<{ indexname: string }>`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).map((r) => r.indexname);
    for (const ix of ['cases_summary_trgm', 'cases_path_gist', 'case_parties_case', 'case_deadlines_open', 'search_entries_tsv', 'users_email', 'users_phone',
      'attachments_owner', 'experts_id_number']) expect(names).toContain(ix);
    const [left] = await rows(sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'gen\_%'`);
    expect(left!.n).toBe(0);
  });

  it('creates the known accounts: a handler with cases at the busiest city centre, a national supervisor, a TOTP-enrolled administrator', async () => {
    const [h] = await rows(sql<{ assigned: number; path: string }>`
      SELECT (SELECT count(*) FROM cases c WHERE c.handler_id = u.id)::int AS assigned, i.path::text AS path
      FROM users u JOIN role_assignments r ON r.user_id = u.id AND r.role = 'case_handler' JOIN institutions i ON i.id = r.institution_id
      WHERE u.username = ${knownAccounts.handler.username}`);
    expect(h!.path).toBe(report.busiestInstitution.path);
    expect(h!.assigned).toBeGreaterThan(0);
    const [s] = await rows(sql<{ path: string }>`SELECT i.path::text AS path FROM users u JOIN role_assignments r ON r.user_id = u.id
      JOIN institutions i ON i.id = r.institution_id WHERE u.username = ${knownAccounts.supervisor.username} AND r.role = 'supervisor'`);
    expect(s!.path).toBe('cn');
    const [a] = await rows(sql<{ totp_secret_enc: string; totp_enabled: boolean }>`SELECT totp_secret_enc, totp_enabled FROM users WHERE username = ${knownAccounts.admin.username}`);
    expect(a!.totp_enabled).toBe(true);
    expect(secrets.decrypt(a!.totp_secret_enc)).toBe(knownAccounts.admin.totpSecret);
    const [seq] = await rows(sql<{ behind: number }>`SELECT count(*)::int AS behind FROM cases c JOIN number_sequences s ON s.institution_id = c.institution_id
      AND s.kind = 'case' AND s.year = split_part(c.case_number, '-', 2)::int WHERE split_part(c.case_number, '-', 3)::int > s.last`);
    expect(seq!.behind).toBe(0);
  });
});
