import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { pdf } from '../../platform/storage/storage.test-support.ts';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { actorFor } from '../../demo/cases.ts';
import { makeCase, makeInstitution, type HandCase } from '../stats/stats.test-support.ts';
import { startRun } from './assessments.runs.ts';
import { DEMO_PASSWORD } from '../../demo/network.ts';
import { hashPassword } from '../auth/password.ts';

/**
 * A fresh centre P with two assessed children A (武汉) and B (宜昌). Counted by hand for 2026:
 * A: 3 cases accepted, 1 declined; B: 1 accepted (another in 2025, not counted), 0 declined.
 * Sheet: i1 accepted, 0→4, weight 40 → A 30.0, B 10.0; i2 declined, lower is better 2→0, weight 20 → A 10.0, B 20.0;
 * i3 by hand, weight 40 → A 35.5, B 40 → totals A 75.5 (rank 1), B 70 (rank 2).
 */
const cases: HandCase[] = [
  { at: 'A', state: 'in_progress', submitted: '2026-02-01T02:00:00Z', accepted: '2026-02-02T02:00:00Z' },
  { at: 'A', state: 'concluded', submitted: '2026-03-01T02:00:00Z', accepted: '2026-03-02T02:00:00Z', concluded: '2026-05-01T02:00:00Z' },
  { at: 'A', state: 'accepted', submitted: '2026-09-01T02:00:00Z', accepted: '2026-09-03T02:00:00Z' },
  { at: 'A', state: 'declined', submitted: '2026-06-01T02:00:00Z', events: [['decline', '2026-06-03T02:00:00Z']] },
  { at: 'B', state: 'accepted', submitted: '2026-04-01T02:00:00Z', accepted: '2026-04-02T02:00:00Z' },
  { at: 'B', state: 'concluded', submitted: '2025-11-01T02:00:00Z', accepted: '2025-11-02T02:00:00Z', concluded: '2025-12-01T02:00:00Z' },
];

const items = [
  { kind: 'computed', title: '受理援助案件数', weight: 40, indicatorId: 'cases.accepted', rule: { floor: 0, target: 4 } },
  { kind: 'computed', title: '不予受理数', weight: 20, indicatorId: 'cases.declined', rule: { floor: 2, target: 0, lowerIsBetter: true } },
  { kind: 'manual', title: '制度建设与宣传', weight: 40, guidance: '查阅制度文件与宣传材料' },
];

let t: TestApp;
let sup: TestClient;
const inst: Record<string, { id: string; path: string }> = {};

beforeAll(async () => {
  t = await createTestApp();
  inst.P = await makeInstitution(t, '湖北省知识产权维权援助中心', '考核测试中心', '420000');
  inst.A = await makeInstitution(t, '考核测试中心', '考核测试武汉点', '420100');
  inst.B = await makeInstitution(t, '考核测试中心', '考核测试宜昌点', '420500');
  for (const c of cases) await makeCase(t, inst, c);
  sup = await t.login('hb_supervisor');
});
afterAll(() => t?.close());

const sheet = (over: Record<string, unknown> = {}) => ({ institutionId: inst.P!.id, name: '分中心考核指标打分表', year: 2026, items, ...over });

function upload(c: TestClient, url: string, file: Buffer, filename: string) {
  const boundary = `----yz${crypto.randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`),
    file, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return c.request('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

describe('assessment sheets', () => {
  it('refuses weights that do not add up to 100, and bad rules, naming the field', async () => {
    const off = await sup.post('/api/assessments/sheets', sheet({ items: [items[0], items[2]] }));
    expect(off.status).toBe(422);
    expect(off.body.error.field).toBe('items');
    expect(off.body.error.message).toContain('当前为 80');
    const rule = await sup.post('/api/assessments/sheets', sheet({ items: [{ ...items[0], rule: { floor: 5, target: 4 } }, items[1], items[2]] }));
    expect(rule.status).toBe(422);
    expect(rule.body.error.field).toBe('items.0.target');
    const unknown = await sup.post('/api/assessments/sheets', sheet({ items: [{ ...items[0], indicatorId: 'cases.nothing' }, items[1], items[2]] }));
    expect(unknown.body.error.field).toBe('items.0.indicatorId');
    const nothingSaved = (await sup.get('/api/assessments/sheets')).body.data.filter((s: { name: string }) => s.name === '分中心考核指标打分表');
    expect(nothingSaved).toHaveLength(0);
  });

  it('keeps a sheet out of reach of institutions outside the owner\'s tree', async () => {
    const made = await sup.post('/api/assessments/sheets', sheet({ name: '范围测试表' }));
    expect(made.status, made.raw).toBe(201);
    const yc = await t.login('yc_handler');
    expect((await yc.get(`/api/assessments/sheets/${made.body.data.id}`)).status).toBe(404);
    expect((await yc.post('/api/assessments/sheets', sheet())).status).toBe(403);
    expect((await yc.get('/api/assessments/sheets')).body.data.some((s: { id: string }) => s.id === made.body.data.id)).toBe(false);
  });
});

describe('a yearly run over the owner\'s subtree', () => {
  let sheetId: string;
  let runId: string;

  it('computes, ranks and traces each score to its figure', async () => {
    const made = await sup.post('/api/assessments/sheets', sheet());
    expect(made.status, made.raw).toBe(201);
    sheetId = made.body.data.id;
    expect(made.body.data.items.map((i: { key: string }) => i.key)).toEqual(['i1', 'i2', 'i3']);
    const run = await sup.post('/api/assessments/runs', { sheetId, institutionTypes: ['assistance_center'] });
    expect(run.status, run.raw).toBe(201);
    runId = run.body.data.id;
    expect(run.body.data).toMatchObject({ status: 'done', total: 2, processed: 2 });

    const view = (await sup.get(`/api/assessments/runs/${runId}`)).body.data;
    const byName = Object.fromEntries(view.rows.map((r: { institutionName: string }) => [r.institutionName, r]));
    expect(byName['考核测试武汉点']).toMatchObject({ items: { i1: 30, i2: 10, i3: null }, total: 40, missing: 1, rank: 1 });
    expect(byName['考核测试宜昌点']).toMatchObject({ items: { i1: 10, i2: 20, i3: null }, total: 30, rank: 2 });

    const a = (await sup.get(`/api/assessments/runs/${runId}/institutions/${inst.A!.id}`)).body.data;
    expect(a.items[0]).toMatchObject({ score: 30, figure: { value: 3, num: 3, den: null }, rule: { floor: 0, target: 4 }, indicator: { id: 'cases.accepted' } });
    expect(a.items[0].records).toEqual({ indicator: 'cases.accepted', period: '2026', institutionId: inst.A!.id });
    // The records link lists exactly the three cases behind the figure.
    const recs = await sup.get(`/api/stats/records?indicator=cases.accepted&period=2026&institutionId=${inst.A!.id}`);
    expect(recs.body.data).toHaveLength(3);
  });

  it('locks the sheet once run; a copy is a new editable version', async () => {
    const locked = await sup.put(`/api/assessments/sheets/${sheetId}`, sheet({ name: '改名' }));
    expect(locked.status).toBe(409);
    expect((await sup.get(`/api/assessments/sheets/${sheetId}`)).body.data).toMatchObject({ locked: true, name: '分中心考核指标打分表', abilities: { edit: false } });
    const copy = await sup.post(`/api/assessments/sheets/${sheetId}/copy`, {});
    expect(copy.body.data).toMatchObject({ version: 2, previousId: sheetId, locked: false });
    expect((await sup.put(`/api/assessments/sheets/${copy.body.data.id}`, sheet({ name: '改名' }))).body.data.name).toBe('改名');
    // A bad edit is refused by field and what was saved stays.
    const bad = await sup.put(`/api/assessments/sheets/${copy.body.data.id}`, sheet({ name: '再改', items: [{ ...items[0], weight: 50 }, items[1], items[2]] }));
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('当前为 110');
    expect((await sup.get(`/api/assessments/sheets/${copy.body.data.id}`)).body.data).toMatchObject({ name: '改名', items: [{ weight: 40 }, { weight: 20 }, { weight: 40 }] });
  });

  it('shows a run only inside the owner\'s tree and lets only its managers score', async () => {
    const yc = await t.login('yc_handler');
    expect((await yc.get(`/api/assessments/runs/${runId}`)).status).toBe(404);
    expect((await yc.get(`/api/assessments/runs/${runId}/institutions/${inst.B!.id}`)).status).toBe(404);
    expect((await yc.get(`/api/assessments/runs/${runId}/export.xlsx`)).status).toBe(404);
    expect((await yc.put(`/api/assessments/runs/${runId}/scores`, { institutionId: inst.B!.id, itemKey: 'i3', score: 40, evidence: '自评' })).status).toBe(403);
    const hbAdmin = await t.login('hb_admin');
    expect((await hbAdmin.get(`/api/assessments/runs/${runId}`)).body.data.abilities.score).toBe(true);
  });

  it('takes hand scores with evidence and a file, bounded by the weight', async () => {
    const over = await sup.put(`/api/assessments/runs/${runId}/scores`, { institutionId: inst.A!.id, itemKey: 'i3', score: 41, evidence: '制度齐全' });
    expect(over.status).toBe(422);
    expect(over.body.error.field).toBe('score');
    const notManual = await sup.put(`/api/assessments/runs/${runId}/scores`, { institutionId: inst.A!.id, itemKey: 'i1', score: 1, evidence: 'x' });
    expect(notManual.body.error.field).toBe('itemKey');

    const up = await upload(sup, `/api/assessments/runs/${runId}/files`, pdf(), '宣传材料.pdf');
    expect(up.status, up.raw).toBe(201);
    const fileId = up.body.data[0].id;
    const scored = await sup.put(`/api/assessments/runs/${runId}/scores`, { institutionId: inst.A!.id, itemKey: 'i3', score: 35.5, evidence: '制度齐全，宣传活动6场', fileIds: [fileId] });
    expect(scored.status, scored.raw).toBe(200);
    const i3 = scored.body.data.items[2];
    expect(i3).toMatchObject({ score: 35.5, evidence: '制度齐全，宣传活动6场', scoredBy: expect.any(String), files: [{ id: fileId, name: '宣传材料.pdf' }] });
    expect((await sup.get(`/api/assessments/runs/${runId}/files/${fileId}`)).status).toBe(200);
    expect((await sup.put(`/api/assessments/runs/${runId}/scores`, { institutionId: inst.B!.id, itemKey: 'i3', score: 40, evidence: '材料完整' })).status).toBe(200);

    const rows = (await sup.get(`/api/assessments/runs/${runId}`)).body.data.rows;
    expect(rows.map((r: { institutionName: string; total: number; rank: number }) => [r.institutionName, r.total, r.rank]))
      .toEqual([['考核测试武汉点', 75.5, 1], ['考核测试宜昌点', 70, 2]]);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'assessment.%').execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['assessment.sheet.create', 'assessment.run', 'assessment.score']));
  });

  it('exports one row per institution with item columns, total and rank', async () => {
    const x = await t.app.inject({ method: 'GET', url: `/api/assessments/runs/${runId}/export.xlsx`, headers: { cookie: sup.cookie! } });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const ws = wb.getWorksheet('考核结果')!;
    expect(ws.getRow(2).values).toEqual([undefined, '排名 Rank', '机构 Institution', '受理援助案件数（40分）', '不予受理数（20分）', '制度建设与宣传（40分）', '总分 Total']);
    expect(ws.getRow(3).values).toEqual([undefined, 1, '考核测试武汉点', 30, 10, 35.5, 75.5]);
    expect(ws.getRow(4).values).toEqual([undefined, 2, '考核测试宜昌点', 10, 20, 40, 70]);
    const trace = wb.getWorksheet('计算依据')!;
    expect(trace.rowCount).toBe(5);
  });

  it('shows an assessed institution its own total, place and items, and nothing of the others', async () => {
    const u = await t.deps.db.insertInto('users').values({
      kind: 'staff', username: 'assess_a_reviewer', display_name: '武汉点审核人', email: 'assess_a@assess.test', password_hash: await hashPassword(DEMO_PASSWORD),
      phone_enc: null, phone_hmac: null, phone_masked: null, party_kind: null, org_name: null, credit_code: null, totp_secret_enc: null, locked_until: null, last_login_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    await t.deps.db.insertInto('role_assignments').values({ user_id: u.id, role: 'reviewer', institution_id: inst.A!.id }).execute();
    const a = await t.login('assess_a_reviewer');
    const mine = (await a.get('/api/assessments/mine')).body.data;
    expect(mine).toEqual([expect.objectContaining({ runId, year: 2026, assessedBy: '考核测试中心', institutionId: inst.A!.id, total: 75.5, rank: 1, of: 2, missing: 0 })]);
    // its own sheet with the figures and the evidence file; not the run's table, not the other institution
    const own = await a.get(`/api/assessments/runs/${runId}/institutions/${inst.A!.id}`);
    expect(own.status).toBe(200);
    expect(own.body.data.items.map((i: { score: number }) => i.score)).toEqual([30, 10, 35.5]);
    const fileId = own.body.data.items[2].files[0].id;
    expect((await a.get(`/api/assessments/runs/${runId}/files/${fileId}`)).status).toBe(200);
    expect((await a.get(`/api/assessments/runs/${runId}/institutions/${inst.B!.id}`)).status).toBe(404);
    expect((await a.get(`/api/assessments/runs/${runId}`)).status).toBe(404);
    expect((await a.get(`/api/assessments/runs/${runId}/export.xlsx`)).status).toBe(404);
    // 宜昌 sees the demo run's results of its own sub-centres and workstations, nothing of this run
    const yc = (await (await t.login('yc_handler')).get('/api/assessments/mine')).body.data as { runId: string; institutionName: string }[];
    expect(yc.length).toBeGreaterThan(0);
    expect(yc.some((m) => m.runId === runId)).toBe(false);
    const ycPath = (await t.deps.db.selectFrom('institutions').select('path').where('name', '=', '宜昌市知识产权维权援助中心').executeTakeFirstOrThrow()).path;
    const under = await t.deps.db.selectFrom('institutions').select('name').where(sql<boolean>`path <@ ${ycPath}::ltree`).execute();
    for (const m of yc) expect(under.map((x) => x.name)).toContain(m.institutionName);
  });

  it('computes a run over the inline limit in the background job, with progress', async () => {
    const actor = await actorFor(t.deps, 'hb_supervisor');
    const ctx = { actorId: actor.userId, actorName: actor.displayName, institutionId: null, institutionPath: null, ip: null, requestId: 'test' };
    const queued = await startRun(t.deps, actor, { sheetId, institutionTypes: ['assistance_center'] }, ctx, 1);
    expect((await sup.get(`/api/assessments/runs/${queued}`)).body.data).toMatchObject({ status: 'queued', total: 2, processed: 0, rows: [] });
    expect(await t.drainJobs({ name: 'assessment-run' })).toBe(1);
    const view = (await sup.get(`/api/assessments/runs/${queued}`)).body.data;
    expect(view).toMatchObject({ status: 'done', processed: 2 });
    // The same computed scores as the inline run; hand scores belong to their run and are open here.
    expect(view.rows.map((r: { total: number; missing: number }) => [r.total, r.missing])).toEqual([[40, 1], [30, 1]]);
  });

  it('refuses a run with no institution of the chosen types', async () => {
    const r = await sup.post('/api/assessments/runs', { sheetId, institutionTypes: ['overseas_center'] });
    expect(r.status).toBe(422);
    expect(r.body.error.field).toBe('institutionTypes');
  });
});
