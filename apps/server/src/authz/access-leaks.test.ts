import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../testing/client.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { APPLICANT, otherApplicant, submitted } from '../modules/portal-cases/portal.test-support.ts';
import { buildWorld, type MatrixWorld, type Relation } from './access-matrix.fixtures.ts';
import { routeCalls } from './access-matrix.routes.ts';
import { roles, type Role } from './roles.ts';

/**
 * The access matrix's second half (drill 7): not only does a record out of scope answer 404 (access-matrix.test.ts),
 * no answer of any list, export (.xlsx read cell by cell), search or dashboard route carries it. Every role, at the
 * home institution, calls every GET collection route; the bytes are searched for the ids and numbers of the
 * ancestor's and the sibling's records. Applicants: one applicant's cases appear nowhere in another's answers, and
 * each of the other's record routes answers 404.
 */
let t: TestApp;
let w: MatrixWorld;
const callers = {} as Record<Role, TestClient>;
let caseNumbers: Record<Relation, string>;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.deps.db);
  for (const role of roles) callers[role] = await t.login(w.callers[role]);
  const rows = await t.deps.db.selectFrom('cases').select(['id', 'case_number']).where('id', 'in', Object.values(w.case).map((c) => c.id)).execute();
  caseNumbers = Object.fromEntries((Object.keys(w.case) as Relation[]).map((r) => [r, rows.find((x) => x.id === w.case[r].id)!.case_number!])) as Record<Relation, string>;
}, 300_000);
afterAll(() => t.close());

/** What a record at the relation leaves in an answer if it leaks. */
function markers(rel: Relation): string[] {
  const c = w.case[rel];
  return [c.id, caseNumbers[rel], c.partyId, c.taskId, c.followUpId, w.article[rel], w.consultation[rel]];
}

/** The answer as text: JSON or HTML as is, an .xlsx workbook as the text of every cell. */
async function answerText(c: TestClient, url: string): Promise<{ status: number; text: string }> {
  const res = await c.app.inject({ method: 'GET', url, headers: c.cookie ? { cookie: c.cookie } : {} });
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode === 200 && type.includes('spreadsheetml')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.text)))));
    return { status: 200, text: cells.join('\n') };
  }
  return { status: res.statusCode, text: res.body };
}

const collectionGets = () =>
  t.app.declaredRoutes.filter((r) => r.method === 'GET' && r.access !== 'public' && routeCalls[`${r.method} ${r.url}`] && !routeCalls[`${r.method} ${r.url}`]!.relational);

describe('no leak through lists, exports, search and dashboards', () => {
  it('finds the own institution\'s records in the case list and export (the scan can see a record)', async () => {
    const list = await answerText(callers.intake_clerk, '/api/cases?queue=institution');
    expect(list.status).toBe(200);
    expect(list.text).toContain(caseNumbers.own);
    const xlsx = await answerText(callers.intake_clerk, '/api/cases/export.xlsx?queue=institution');
    expect(xlsx.status).toBe(200);
    expect(xlsx.text).toContain(caseNumbers.own);
  });

  for (const role of roles) {
    it(`${role}: no answer holds the ancestor's or the sibling's records`, async () => {
      const foreign = [...markers('ancestor'), ...markers('sibling')];
      const leaks: string[] = [];
      let scanned = 0;
      for (const r of collectionGets()) {
        const call = routeCalls[`GET ${r.url}`]!;
        const url = call.url(w, 'own');
        const a = await answerText(callers[role], url);
        if (a.status >= 500) leaks.push(`5xx: ${url}`);
        if (a.status !== 200) continue;
        scanned++;
        for (const m of foreign) if (a.text.includes(m)) leaks.push(`${url} holds ${m}`);
      }
      expect(leaks).toEqual([]);
      expect(scanned).toBeGreaterThan(5);
      console.log(`[leaks] ${role}: ${scanned} answers of ${collectionGets().length} GET collection routes scanned, 0 leaks`);
    }, 120_000);
  }
});

describe('applicants see only their own', () => {
  it('another applicant finds none of my cases in any answer and gets 404 on each of them', async () => {
    const me = await t.login(APPLICANT);
    const mine = await submitted(me);
    const other = await otherApplicant(t);
    await submitted(other, { summary: '另一申请人的纠纷' });
    const myCases = await t.deps.db.selectFrom('cases').innerJoin('users', 'users.id', 'cases.applicant_user_id')
      .select(['cases.id', 'cases.case_number']).where('users.email', '=', APPLICANT).where('cases.state', '!=', 'draft').execute();
    expect(myCases.length).toBeGreaterThan(0);
    const foreign = myCases.flatMap((c) => [c.id, c.case_number!]);
    const leaks: string[] = [];
    for (const r of t.app.declaredRoutes.filter((x) => x.method === 'GET' && x.url.startsWith('/api/portal/') && !x.url.includes(':'))) {
      const a = await answerText(other, routeCalls[`GET ${r.url}`]?.url(w, 'own') ?? r.url);
      for (const m of foreign) if (a.text.includes(m)) leaks.push(`${r.url} holds ${m}`);
    }
    const recordRoutes = [`/api/portal/cases/${mine.receipt.caseId}`, `/api/portal/cases/${mine.receipt.caseId}/documents`, `/api/portal/drafts/${mine.receipt.caseId}`];
    for (const url of recordRoutes) {
      const s = (await other.get(url)).status;
      if (s !== 404) leaks.push(`${url} → ${s}`);
    }
    for (const [url, body] of [[`/api/portal/cases/${mine.receipt.caseId}/withdraw`, { reason: '不再需要' }]] as const) {
      const s = (await other.post(url, body)).status;
      if (s !== 404) leaks.push(`POST ${url} → ${s}`);
    }
    expect((await me.get(`/api/portal/cases/${mine.receipt.caseId}`)).status).toBe(200);
    expect(leaks).toEqual([]);
  }, 120_000);
});
