import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pdf, png } from '../apps/server/src/platform/storage/storage.test-support.ts';
import { sha256 } from '../apps/server/src/modules/portal-cases/portal.test-support.ts';
import { inspectDocx } from '../apps/server/src/modules/documents/documents.inspect-docx.ts';
import { inspectPdf } from '../apps/server/src/modules/documents/documents.inspect-pdf.ts';
import { inside, isPageNumber, sizeIs } from '../apps/server/src/modules/documents/documents.gbt9704.test-support.ts';
import { launchBrowser, snap, watchErrors } from './support/browser.ts';
import { act, openCase, pick, signOut, signInEnrolling } from './support/console.ts';
import { pickRegion } from './support/antd.ts';
import { startServer } from './support/server.ts';

/**
 * Issue 3's main journey: an applicant applies online with two evidence files → a clerk accepts → the handler is
 * assigned and attaches an expert, who writes the opinion in the expert's view → the handler adopts it and submits
 * it for review → a reviewer signs off → the handler concludes → the applicant downloads the .docx and rates the service.
 */
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PASSWORD = 'Hubei#Assist2026';
const files = [
  { name: '网店购买公证书.pdf', data: pdf() },
  { name: '被诉产品照片.png', data: png() },
];

/** Console sign-in that also enrols an authenticator at an administrator's first sign-in. */
async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await signInEnrolling(page, server.url, username, PASSWORD);
}


const caseRow = (id: string) => server.deps.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

it('from the online application to the rated, concluded case with an expert opinion', { timeout: 300_000 }, async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = watchErrors(page);
  try {
    await journey(page);
    expect(errors).toEqual([]);
  } catch (e) {
    await snap(page, 'failure-case-journey');
    throw new Error(`${(e as Error).message}\n${errors.join('\n')}`);
  } finally {
    await page.close();
  }
});

async function apply(page: Page): Promise<{ caseId: string; caseNumber: string }> {
  await page.goto(server.url + '/login');
  await page.getByTestId('login-username').fill('applicant@example.com');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(server.url + '/apply');
  await page.getByTestId('apply-page').waitFor();
  // step 1: who applies
  await page.getByTestId('register-partyKind').getByText('法人', { exact: true }).click();
  await page.getByTestId('register-name').fill('武汉云帆智能家居有限公司');
  await page.getByTestId('register-creditCode').fill('91420100MA4K5T2Q3Q');
  await page.getByTestId('register-phone').fill('13800138000');
  await pick(page, 'register-enterpriseSize', '小型企业');
  await page.getByTestId('apply-next').click();
  // step 2: the matter
  await pick(page, 'apply-ipType', '专利');
  await page.getByTestId('apply-ipNumber').fill('ZL202320123456.7');
  await page.getByTestId('apply-services').getByText('侵权判定参考意见').click();
  await pick(page, 'apply-field', '电子商务');
  await page.getByTestId('apply-opposingName').fill('某电商平台“优品家居”店铺');
  await page.getByTestId('apply-summary').fill('对方店铺在电商平台销售的折叠晾衣架，与我司实用新型专利（ZL202320123456.7）的结构相同，销量较大。');
  await page.getByTestId('apply-request').fill('请求出具侵权判定参考意见，以便向平台投诉。');
  await page.getByTestId('apply-next').click();
  // step 3: where — the region, then the proposed institution
  await pickRegion(page, 'apply-region', '洪山区', '武汉');
  // the proposals come with their reasons; the Wuhan centre, which gives infringement opinions, is chosen
  await page.getByTestId('apply-proposal-reason-0').waitFor();
  await page.getByTestId('apply-institution').getByText('武汉市知识产权维权援助中心', { exact: true }).click();
  await snap(page, 'journey-00-apply-institution');
  await page.getByTestId('apply-next').click();
  // step 4: two evidence files
  const dir = path.resolve('.tmp', 'journey');
  fs.mkdirSync(dir, { recursive: true });
  const paths = files.map((f) => {
    const p = path.join(dir, f.name);
    fs.writeFileSync(p, f.data);
    return p;
  });
  await page.getByTestId('apply-evidence').locator('input[type=file]').setInputFiles(paths);
  await expect.poll(() => page.getByTestId('apply-evidence').locator('.ant-upload-list-item-done, .ant-upload-list-item:not(.ant-upload-list-item-uploading)').count()).toBe(2);
  await snap(page, 'journey-01-apply-evidence');
  await page.getByTestId('apply-next').click();
  await page.getByTestId('apply-consent').click(); // the privacy notice, ticked before submitting
  await page.getByTestId('apply-submit').click();
  await page.getByTestId('apply-receipt').waitFor();
  const shown = await page.getByTestId('receipt-evidence').innerText();
  for (const f of files) expect(shown).toContain(f.name);
  const hashes = await Promise.all(files.map((_, i) => page.getByTestId(`receipt-sha256-${i}`).innerText()));
  expect(hashes.sort()).toEqual(files.map((f) => sha256(f.data)).sort());
  await snap(page, 'journey-02-receipt');
  const caseNumber = (await page.getByTestId('receipt-case-number').innerText()).trim();
  const c = await server.deps.db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
  return { caseId: c.id, caseNumber };
}

async function journey(page: Page) {
  const { caseId, caseNumber } = await apply(page);
  expect((await caseRow(caseId)).state).toBe('submitted');

  // the clerk accepts
  await signIn(page, 'wh_clerk');
  await openCase(page, caseNumber);
  // the clerk checks the two evidence files before accepting
  await expect.poll(() => page.getByTestId('case-evidence').innerText()).toContain(files[1]!.name);
  expect(await page.getByTestId('case-evidence').innerText()).toContain(files[0]!.name);
  await act(page, 'accept');
  await expect.poll(async () => (await caseRow(caseId)).state).toBe('accepted');
  await snap(page, 'journey-03-accepted');
  await signOut(page);

  // the institution's administrator assigns the handler (the suggestion is pre-selected; we pick wh_handler)
  await signIn(page, 'hb_admin');
  await page.goto(`${server.url}/console/cases/${caseId}`);
  await act(page, 'assign', async () => {
    // the list may redraw when the suggestion arrives and is pre-selected: pick retries until the choice shows
    await pick(page, 'action-field-handlerId', '张伟（承办）（wh_handler）');
    await snap(page, 'journey-03b-assign-handler');
  });
  await expect.poll(async () => (await caseRow(caseId)).state).toBe('assigned');
  await signOut(page);

  // the handler starts and invites the expert from the ranking
  await signIn(page, 'wh_handler');
  await openCase(page, caseNumber, 'mine');
  await act(page, 'start');
  await page.getByTestId('match-experts').click();
  await page.getByTestId('ranked').waitFor();
  await page.getByTestId('invite-吴教授').click();
  await page.getByTestId('inv-pending').waitFor();
  await page.getByTestId('case-experts').scrollIntoViewIfNeeded();
  await snap(page, 'journey-04-expert-invited');
  await signOut(page);

  // the expert accepts, reads the facts and evidence (no personal data) and writes the opinion
  await signIn(page, 'expert_wu');
  await page.getByTestId('menu-invitations').click();
  await page.getByTestId('accept').first().click();
  await page.getByTestId('menu-expert-cases').click();
  await page.getByTestId(`expert-case-${caseNumber}`).click();
  await page.getByTestId('expert-case-page').waitFor();
  const facts = await page.getByTestId('expert-case-facts').innerText();
  expect(facts).toContain('折叠晾衣架');
  expect(facts).not.toContain('13800138000');
  expect(facts).not.toContain('138****8000');
  const evidence = await page.getByTestId('expert-case-evidence').innerText();
  for (const f of files) expect(evidence).toContain(f.name);
  const download = page.waitForEvent('download');
  await page.getByTestId(`evidence-${files[0]!.name}`).click();
  const got = await download;
  expect(sha256(fs.readFileSync((await got.path())!))).toBe(sha256(files[0]!.data));
  await page.getByTestId('opinion-conclusion').getByText('可能构成侵权', { exact: true }).click();
  await page.getByTestId('opinion-compared-what').fill('权利要求1');
  await page.getByTestId('compared-add').click();
  await page.getByTestId('compared-0-item').fill('支撑杆');
  await page.getByTestId('compared-0-protected').fill('两根交叉铰接的支撑杆');
  await page.getByTestId('compared-0-accused').fill('两根交叉铰接的支撑杆');
  await page.getByTestId('compared-0-finding').fill('相同');
  await page.getByTestId('compared-add').click();
  await page.getByTestId('compared-1-item').fill('锁止机构');
  await page.getByTestId('compared-1-protected').fill('设于铰接处的弹性卡扣');
  await page.getByTestId('compared-1-accused').fill('设于铰接处的卡扣，以弹片代替弹簧');
  await page.getByTestId('compared-1-finding').fill('等同');
  await page.getByTestId('opinion-reasoning').fill('被诉产品包含权利要求1记载的全部技术特征，其中锁止机构以基本相同的手段实现基本相同的功能、达到基本相同的效果，构成等同特征。\n据此，被诉产品落入权利要求1的保护范围，可能构成侵权。');
  await snap(page, 'journey-05-expert-view');
  await page.getByTestId('expert-opinion-save').click();
  await expect.poll(async () => {
    const r = await server.deps.db.selectFrom('case_experts').select('opinion_data').where('case_id', '=', caseId).executeTakeFirst();
    return (r?.opinion_data as { conclusion?: string } | null)?.conclusion;
  }).toBe('likely');
  await signOut(page);

  // the handler adopts the expert's opinion, saves it and submits it for review
  await signIn(page, 'wh_handler');
  await page.goto(`${server.url}/console/cases/${caseId}`);
  await page.getByTestId('expert-opinions').waitFor();
  await page.getByTestId('adopt-吴教授（专家）').click();
  await expect.poll(() => page.getByTestId('opinion-reasoning').inputValue()).toContain('等同特征');
  await page.getByTestId('opinion-save').click();
  await expect.poll(async () => (await server.deps.db.selectFrom('case_outcomes').select('service').where('case_id', '=', caseId).execute()).length).toBe(1);
  await page.getByTestId('opinion-card').scrollIntoViewIfNeeded();
  await snap(page, 'journey-06-handler-opinion');
  await act(page, 'submitForReview');
  await expect.poll(async () => (await caseRow(caseId)).state).toBe('under_review');
  await signOut(page);

  // the reviewer signs off
  await signIn(page, 'wh_reviewer');
  await openCase(page, caseNumber, 'awaiting_review');
  await act(page, 'signOff');
  await expect.poll(async () => (await caseRow(caseId)).opinion_signed_off).toBe(true);
  await page.getByTestId('opinion-signed-off').waitFor();
  await snap(page, 'journey-07-signed-off');
  await signOut(page);

  // the handler concludes; the opinion is issued as .docx and PDF
  const sentBefore = server.sent.length;
  await signIn(page, 'wh_handler');
  await page.goto(`${server.url}/console/cases/${caseId}`);
  await act(page, 'conclude', async () => {
    await page.getByTestId('action-field-result').fill('经专家比对，出具侵权判定参考意见：被诉产品可能落入专利权保护范围。');
  });
  await expect.poll(async () => (await caseRow(caseId)).state).toBe('concluded');
  await server.drainJobs();
  const doc = await server.deps.db.selectFrom('case_documents').select(['id', 'status', 'doc_number']).where('case_id', '=', caseId).where('kind', '=', 'infringement_opinion').executeTakeFirstOrThrow();
  expect(doc.status).toBe('issued');
  await signOut(page);

  // the applicant downloads the .docx from their case page
  await page.context().clearCookies();
  await page.goto(server.url + '/login');
  await page.getByTestId('login-username').fill('applicant@example.com');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  await page.goto(`${server.url}/my/cases/${caseId}`);
  await page.getByTestId(`portal-document-${doc.id}`).waitFor();
  await snap(page, 'journey-08-portal-documents');
  const docx = page.waitForEvent('download');
  await page.getByTestId(`document-download-docx-${doc.id}`).click();
  const file = await docx;
  expect(file.suggestedFilename()).toMatch(/参考意见（武汉维援意字〔2026〕\d+号）\.docx$/);
  const bytes = fs.readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  fs.writeFileSync(path.resolve('.tmp', 'journey', 'opinion.docx'), bytes);
  await lookAtTheOpinion(bytes, caseId, doc.id, doc.doc_number);

  // and rates the service from the one-click link of the conclusion notice
  const mail = server.sent.slice(sentBefore).find((m) => /\/rate\//.test(m.body));
  expect(mail, 'the conclusion notice carries the rating link').toBeDefined();
  const link = mail!.body.match(/(\/rate\/[A-Za-z0-9_-]+)/)![1]!;
  await page.goto(server.url + link);
  await page.getByTestId('rate-stars').locator('.ant-rate-star').nth(4).click();
  await page.getByTestId('rate-comment').fill('专家意见很专业，比对清楚，办理及时');
  await snap(page, 'journey-09-rating');
  await page.getByTestId('rate-submit').click();
  await page.getByTestId('rate-thanks').waitFor();
  const rating = await server.deps.db.selectFrom('portal_ratings').select(['score', 'comment']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  expect(rating).toEqual({ score: 5, comment: '专家意见很专业，比对清楚，办理及时' });
}

/** The issued opinion itself, drawn as a reader sees it (ADR 0025): the .docx by docx-preview, the PDF by pdf.js. */
async function lookAtTheOpinion(docx: Buffer, caseId: string, docId: string, docNumber: string) {
  const row = await server.deps.db.selectFrom('case_documents').select('data').where('id', '=', docId).executeTakeFirstOrThrow();
  fs.writeFileSync(path.resolve('.tmp', 'journey', 'opinion-data.json'), JSON.stringify(row.data));
  const { default: JSZip } = await import('jszip');
  const text = (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  const d = await inspectDocx(docx, text, path.resolve('.tmp', 'screenshots', 'journey-10-opinion-docx.png'));
  const paragraphs = d.paragraphs.filter((p) => p.text.trim());
  expect(paragraphs[0]!.text).toBe('武汉市知识产权维权援助中心');
  const number = paragraphs.find((p) => p.text === docNumber)!;
  expect(number.borderBottom?.color).toBe('rgb(230, 0, 18)');
  expect(Math.abs((number.lines[0]!.left + number.lines[0]!.right) / 2 - 106)).toBeLessThan(1);
  expect(text).toContain('可能构成侵权');
  expect(text).toContain('吴教授');
  const pdf = await server.app.inject({ method: 'GET', url: `/api/cases/${caseId}/documents/${docId}/download?format=pdf`, headers: { cookie: await staffCookie('wh_handler') } });
  expect(pdf.statusCode).toBe(200);
  const pages = await inspectPdf(pdf.rawPayload, path.resolve('.tmp', 'screenshots', 'journey-11-opinion-pdf'));
  // the seal's page carries text too (GB/T 9704 7.3.5); a last page may hold only the 版记
  const sealPage = pages.find((p) => p.redBlob && p !== pages[0]) ?? pages[0]!;
  expect(sealPage.lines.filter((l) => sizeIs(l, 16) && !inside(l, sealPage.redBlob) && !l.text.includes('武汉市知识产权维权援助中心') && !l.text.includes('年')).length,
    'text on the seal\'s page').toBeGreaterThan(0);
  for (const p of pages) {
    const lines = p.lines.filter((l) => sizeIs(l, 16) && !isPageNumber(l) && !inside(l, p.redBlob));
    if (lines.length === 0 && p === pages.at(-1)) continue;
    // nothing outside the 156 mm block (a page may hold only indented first lines)
    expect(Math.min(...lines.map((l) => l.left))).toBeGreaterThanOrEqual(27);
    expect(Math.max(...lines.map((l) => l.right))).toBeLessThanOrEqual(185);
  }
  expect(Math.abs(Math.min(...pages.flatMap((p) => p.lines.filter((l) => sizeIs(l, 16)).map((l) => l.left))) - 28)).toBeLessThanOrEqual(1);
  expect(pages[0]!.redRules).toHaveLength(1);
  expect(pages.some((p) => p.redBlob !== null), 'a seal area').toBe(true);
}

async function staffCookie(username: string): Promise<string> {
  return (await server.login(username)).cookie!;
}
