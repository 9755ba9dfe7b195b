import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../testing/client.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { makeCase, makeInstitution } from '../stats.test-support.ts';
import { book, download, encodeGbk, HEADER, uploadInto } from './history.test-support.ts';

/**
 * Institution H (武汉, 420100) went live on 2026-01-01 (China time) with two cases accepted in 2026 on the platform.
 * Its 2025 is loaded from a file; the figures below were counted by hand from these rows.
 */
const rows2025: (string | number | null)[][] = [
  ['援助案件', '2025-03-01', '现场来访', '专利', '法人', '咨询指导、纠纷调解', '否', '是', null, null],
  ['case', '2025/7/15', 'online', 'trademark', 'legal_person', null, '是', '否', null, null],
  ['援助案件', '2025年12月31日', null, '专利', null, null, null, null, null, null], // the last day before go-live
  ['咨询', '2025-05-05', null, null, null, null, null, null, null, null],
  ['培训研讨', '2025-04-26', null, null, null, null, null, null, 120, null],
  ['驻场服务', '2025-09-01', null, null, null, null, null, null, null, null],
  ['分析预警', '2025-10-10', null, null, null, null, null, null, null, '对外贸易'],
];

let t: TestApp;
let admin: TestClient;
let H: { id: string; path: string };
let P: { id: string; path: string };

beforeAll(async () => {
  t = await createTestApp();
  P = await makeInstitution(t, '湖北省知识产权维权援助中心', '历史导入测试中心', '420000');
  H = await makeInstitution(t, '历史导入测试中心', '历史导入测试武汉点', '420100');
  await t.deps.db.updateTable('institutions').set({ created_at: '2025-12-31T16:00:00Z' }).where('id', 'in', [P.id, H.id]).execute();
  for (const accepted of ['2026-02-01T02:00:00Z', '2026-03-01T02:00:00Z']) {
    await makeCase(t, { H }, { at: 'H', state: 'accepted', submitted: accepted, accepted });
  }
  // hb_admin's centre went live at 00:30 on 1 April 2024, China time (still 31 March in UTC).
  await t.deps.db.updateTable('institutions').set({ created_at: '2024-03-31T16:30:00Z' }).where('name', '=', '湖北省知识产权维权援助中心').execute();
  admin = await t.login('hb_admin');
});
afterAll(() => t?.close());

type Fig = { value: number | null; previous: number | null; yoy: number | null };
async function figures(query: string): Promise<Record<string, Fig>> {
  const r = await admin.get(`/api/stats/summary?${query}`);
  expect(r.status, r.raw).toBe(200);
  return Object.fromEntries(r.body.data.map((x: { id: string }) => [x.id, x]));
}
const send = (file: Buffer, name = 'history.xlsx') => uploadInto(admin, '/api/stats/history/imports', file, name, H.id);

describe('historical import', () => {
  let importId: string;

  it('offers a template (.xlsx and CSV) whose example rows import as they are', async () => {
    const x = await download(admin, '/api/stats/history/template');
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('记录类型');
    expect(wb.worksheets[0]!.getRow(3).getCell(1).value).toBe('援助案件');
    const c = await download(admin, '/api/stats/history/template?format=csv');
    expect([...c.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(c.body.toString('utf8')).toContain('培训研讨,2023-04-26');
    // Into the parent, whose figures the tests below do not read.
    for (const [file, name] of [[x.body, 'template.xlsx'], [c.body, 'template.csv']] as const) {
      const r = await uploadInto(admin, '/api/stats/history/imports', file, name, P.id);
      expect(r.body.data, r.raw).toMatchObject({ status: 'done', imported: 2 });
    }
  });

  it('lists bad rows by row and column and imports nothing until the file is clean', async () => {
    const bad = await send(await book([...rows2025, ['援助案件', '2026-01-01', null, '外观设计', null, null, null, null, null, null], ['培训研讨', '2024-06-01', null, null, null, null, null, null, null, null]]));
    expect(bad.status, bad.raw).toBe(200);
    expect(bad.body.data.status).toBe('invalid');
    expect(bad.body.data.imported).toBe(0);
    const errs = bad.body.data.errors.map((e: { row: number; field: string }) => [e.row, e.field]);
    expect(errs).toEqual([[9, 'ipType'], [10, 'attendance']]);
    expect(bad.body.data.errors[0].message).toContain('知识产权类型');
    expect((await t.deps.db.selectFrom('history_records').select('id').where('institution_id', '=', H.id).execute())).toHaveLength(0);

    const late = await send(await book([...rows2025, ['援助案件', '2026-01-01', null, '专利', null, null, null, null, null, null]]));
    expect(late.body.data.errors).toHaveLength(1);
    expect(late.body.data.errors[0]).toMatchObject({ row: 9, field: 'occurredOn' });
    expect(late.body.data.errors[0].message).toContain('上线日期 2026-01-01');
    expect((await figures(`period=2026&institutionId=${H.id}`))['cases.accepted']).toMatchObject({ value: 2, previous: 0, yoy: null });

    const ok = await send(await book(rows2025));
    expect(ok.body.data).toMatchObject({ status: 'done', imported: 7 });
    importId = ok.body.data.id;
  });

  it('gives year-on-year figures whose last year comes only from history', async () => {
    const f = await figures(`period=2026&institutionId=${H.id}`);
    expect(f['cases.accepted']).toMatchObject({ value: 2, previous: 3, yoy: -33.3 });
    expect(f['cases.domestic']).toMatchObject({ value: 2, previous: 2 });
    expect(f['cases.overseas']).toMatchObject({ value: 0, previous: 1 });
    expect(f['cases.sme']!.previous).toBe(1);
    expect(f['cases.received']!.previous).toBe(0); // history is of accepted cases only
    expect(f['consultations.total']!.previous).toBe(1);
    expect(f['trainings.sessions']!.previous).toBe(1);
    expect(f['trainings.attendances']!.previous).toBe(120);
    expect(f['events.onsite_services']!.previous).toBe(1);
    expect(f['analysis.projects']!.previous).toBe(1);
    expect(f['analysis.projects_trade']!.previous).toBe(1);
    expect((await figures(`period=2025&institutionId=${H.id}&ipType=patent`))['cases.accepted']!.value).toBe(2);
    expect((await figures(`period=2025-Q4&institutionId=${H.id}`))['cases.accepted']!.value).toBe(1);
    const month = (await admin.get(`/api/stats/breakdown?period=2026&institutionId=${H.id}&indicator=cases.accepted&by=month`)).body.data;
    expect(month.map((m: { previous: number }) => m.previous)).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    // The records behind a figure are the platform's cases only.
    expect((await admin.get(`/api/stats/records?period=2025&institutionId=${H.id}&indicator=cases.accepted`)).body.data).toHaveLength(0);
  });

  it('lists the import with what it holds, and undoes it as a whole batch', async () => {
    const list = await admin.get('/api/stats/history/imports');
    expect(list.body.goLive.date).toBe('2024-04-01'); // hb_admin's own centre, in China time
    const item = list.body.data.find((i: { id: string }) => i.id === importId);
    expect(item).toMatchObject({ status: 'done', imported: 7, fileName: 'history.xlsx', institutionName: '历史导入测试武汉点', undoneAt: null });
    expect(item.kinds).toContainEqual({ kind: 'case', count: 3, first: '2025-03-01', last: '2025-12-31' });
    const handler = await t.login('wh_handler');
    expect((await handler.get('/api/stats/history/imports')).status).toBe(403);
    expect((await handler.post(`/api/stats/history/imports/${importId}/undo`, {})).status).toBe(403);

    const undo = await admin.post(`/api/stats/history/imports/${importId}/undo`, {});
    expect(undo.status, undo.raw).toBe(200);
    expect(undo.body.data.deleted).toBe(7);
    expect((await figures(`period=2026&institutionId=${H.id}`))['cases.accepted']!.previous).toBe(0);
    expect((await admin.post(`/api/stats/history/imports/${importId}/undo`, {})).status).toBe(409);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', importId).execute();
    expect(audit.map((a) => a.action)).toContain('history.undo');
  });

  it('reads CSV in UTF-8 with a BOM and in GBK', async () => {
    const text = `${HEADER.join(',')}\r\n咨询,2024-03-01,,,,,,,,\r\n"援助案件",2024-03-02,热线电话,版权,自然人,"咨询指导、经费援助",否,否,,\r\n`;
    const utf8 = await send(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'history.csv');
    expect(utf8.body.data, utf8.raw).toMatchObject({ status: 'done', imported: 2 });
    const gbk = await send(encodeGbk(text.replaceAll('2024-', '2023-')), '历史.csv');
    expect(gbk.body.data, gbk.raw).toMatchObject({ status: 'done', imported: 2 });
    const f = await figures(`period=2024&institutionId=${H.id}`);
    expect(f['consultations.total']!.value).toBe(1);
    expect(f['consultations.total']!.previous).toBe(1);
    expect(f['cases.accepted']).toMatchObject({ value: 1, previous: 1 });
    const bad = await send(Buffer.from(`${HEADER.join(',')}\n咨询,2024-13-01,,,,,,,,\n`, 'utf8'), 'bad.csv');
    expect(bad.body.data.errors).toEqual([expect.objectContaining({ row: 2, field: 'occurredOn' })]);
  });

  it('answers a broken file, a missing file or a foreign institution with a 4xx naming the field', async () => {
    const junk = await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx');
    expect(junk.status).toBe(422);
    expect(junk.body.error.field).toBe('file');
    const empty = await send(Buffer.from(`${HEADER.join(',')}\n`, 'utf8'), 'empty.csv');
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain('没有数据行');
    const header = await send(Buffer.from('名称,日期\n某,2020-01-01\n', 'utf8'), 'wrong.csv');
    expect(header.status).toBe(422);
    expect(header.body.error.field).toBe('file');
    const quote = await send(Buffer.from(`${HEADER.join(',')}\n"咨询,2020-01-01\n`, 'utf8'), 'quote.csv');
    expect(quote.status).toBe(422);
    expect((await admin.post('/api/stats/history/imports', {})).status).toBe(400);
    const yc = await t.deps.db.selectFrom('institutions').select('id').where('name', '=', '宜昌市知识产权维权援助中心').executeTakeFirstOrThrow();
    const wh = await t.login('yc_handler');
    expect((await uploadInto(wh, '/api/stats/history/imports', await book(rows2025), 'x.xlsx', yc.id)).status).toBe(403);
    const root = await t.deps.db.selectFrom('institutions').select('name').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const foreign = await makeInstitution(t, root.name, '历史导入测试外省中心', '430000');
    expect((await uploadInto(admin, '/api/stats/history/imports', await book(rows2025), 'x.xlsx', foreign.id)).status).toBe(404);
  });

  it('runs a 5,000-row file as a job whose progress can be watched', async () => {
    const rows = Array.from({ length: 5000 }, (_, n) => ['咨询', `2022-${String(1 + (n % 12)).padStart(2, '0')}-15`, null, null, null, null, null, null, null, null]);
    const r = await send(await book(rows));
    expect(r.status, r.raw).toBe(202);
    expect(r.body.data).toMatchObject({ status: 'queued', total: 5000, processed: 0 });
    const seen: { status: string; processed: number }[] = [];
    let running = true;
    const watch = (async () => {
      while (running) {
        const s = await admin.get(`/api/stats/history/imports/${r.body.data.id}`);
        seen.push({ status: s.body.data.status, processed: s.body.data.processed });
        await new Promise((ok) => setTimeout(ok, 15));
      }
    })();
    await t.drainJobs({ name: 'history-import' });
    running = false;
    await watch;
    const end = await admin.get(`/api/stats/history/imports/${r.body.data.id}`);
    expect(end.body.data).toMatchObject({ status: 'done', processed: 5000, imported: 5000 });
    expect(seen.some((s) => s.status === 'writing' && s.processed > 0 && s.processed < 5000), JSON.stringify(seen.slice(0, 40))).toBe(true);
    expect((await figures(`period=2022&institutionId=${H.id}`))['consultations.total']!.value).toBe(5000);
  });
});
