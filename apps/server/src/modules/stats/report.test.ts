import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { institutionId } from '../cases/cases.test-support.ts';
import { buildReport } from './report.content.ts';
import { reportInput } from './report.data.ts';
import { reportPng } from './report.render.ts';
import { systemScope } from '../../authz/can.ts';

let t: TestApp;

/** A POST whose answer is a file: the raw bytes. */
async function download(c: TestClient, url: string, body: object) {
  const r = await c.app.inject({ method: 'POST', url, payload: body, headers: { cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' } });
  return { status: r.statusCode, bytes: r.rawPayload, raw: r.body };
}
beforeAll(async () => { t = await createTestApp(); });
afterAll(() => t?.close());

describe('the yearly progress report', () => {
  it('generates the provincial .docx with the charts as images, for a supervisor only', async () => {
    const hb = await institutionId(t, '湖北省知识产权局');
    const sup = await t.login('hb_supervisor');
    const res = await download(sup, '/api/stats/report', { year: 2026, institutionId: hb, format: 'docx' });
    expect(res.status, res.raw.slice(0, 300)).toBe(200);
    const zip = await JSZip.loadAsync(res.bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('2026年湖北省知识产权维权援助工作进展报告');
    expect(xml).toContain('图2 2025年、2026年湖北省维权援助案件情况对比');
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(3);
    const dir = path.resolve('.tmp/screenshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'stats-report-docx-chart2.png'), await zip.file(media.sort()[1]!)!.async('nodebuffer'));

    const handler = await t.login('wh_handler');
    expect((await download(handler, '/api/stats/report', { year: 2026, format: 'docx' })).status).toBe(403);
  }, 60_000);

  it('renders to PDF and to a PNG we can look at', async () => {
    const sup = await t.login('hb_supervisor');
    const pdf = await download(sup, '/api/stats/report', { year: 2026, format: 'pdf' });
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 4).toString()).toBe('%PDF');
    const report = buildReport(await reportInput(t.deps.db, systemScope(), 2026, await institutionId(t, '湖北省知识产权局')));
    const png = await reportPng(report, true);
    const dir = path.resolve('.tmp/screenshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'stats-report.png'), png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  }, 60_000);
});
