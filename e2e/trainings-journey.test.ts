import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, snap, watchErrors } from './support/browser.ts';
import { pick } from './support/antd.ts';
import { signIn } from './support/console.ts';
import { startServer } from './support/server.ts';

/**
 * Issue 6's journeys (items 1 and 8): a training is published, two people register on the portal, one checks in
 * from a phone-sized window, and the console shows 1 of 2; a risk alert reaches a subscribed enterprise's account.
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


async function register(page: Page, id: string, name: string, phone: string, org: string) {
  await page.goto(`${server.url}/trainings/${id}`);
  await page.getByTestId('register-name').fill(name);
  await page.getByTestId('register-phone').fill(phone);
  await page.getByTestId('register-org').fill(org);
  await page.getByTestId('register-submit').click();
  await page.getByTestId('register-result').waitFor();
  return page.getByTestId('register-result').innerText();
}

it('a training is published, two people register, one checks in from a phone, attendance shows 1 of 2', async () => {
  // The draft is planned through the API (the form is covered by its own checks); publishing and the rest go through the pages.
  const api = await server.login('wh_handler');
  const wh = (await server.deps.db.selectFrom('institutions').select('id').where('name', '=', '武汉市知识产权维权援助中心').executeTakeFirstOrThrow()).id;
  const starts = new Date(Date.now() + 60 * 60_000);
  const created = await api.post('/api/trainings', {
    institutionId: wh, title: '专利质押融资与高价值专利培育公益培训', topics: ['pledge_financing', 'high_value_patents'], audience: '科技型中小企业',
    mode: 'offline', place: '武汉市东湖新技术开发区光谷创业街 3 号 2 楼报告厅', startsAt: starts.toISOString(), endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
    organiser: '武汉市知识产权维权援助中心', coOrganisers: ['湖北省知识产权服务业协会'], capacity: 60,
  });
  expect(created.status).toBe(201);
  const id = created.body.data.id as string;
  const token = (created.body.data.checkinPath as string).split('/').pop()!;

  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const staffErrors = watchErrors(staff);
  await signIn(staff, server.url, 'wh_handler');
  await staff.getByTestId('menu-trainings').click();
  await staff.getByTestId('training-table').getByText('专利质押融资与高价值专利培育公益培训').click();
  await staff.getByTestId('training-publish').click();
  await expect.poll(() => staff.getByTestId('training-state').innerText()).toBe('报名中');
  await staff.getByTestId('training-qr').waitFor();
  await snap(staff, 'trainings-01-published');

  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const visitorErrors = watchErrors(visitor);
  await visitor.goto(`${server.url}/trainings`);
  await visitor.getByTestId('portal-trainings').getByText('专利质押融资与高价值专利培育公益培训').waitFor();
  await snap(visitor, 'trainings-02-portal-list');
  // bad phone: the form says so as you type, nothing is sent
  await visitor.goto(`${server.url}/trainings/${id}`);
  await visitor.getByTestId('register-phone').fill('1390000');
  await visitor.getByText('请填写 11 位手机号').waitFor();
  expect(await register(visitor, id, '陈晓', '13912340001', '武汉某新材料有限公司')).toContain('报名成功');
  await snap(visitor, 'trainings-03-registered');
  const second = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  expect(await register(second, id, '刘洋', '13912340002', '武汉某生物科技有限公司')).toContain('报名成功');
  await server.drainJobs();
  expect(server.sent.filter((m) => m.channel === 'sms' && m.body.includes('专利质押融资')).length).toBe(2);

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phoneErrors = watchErrors(phone);
  await phone.goto(`${server.url}/trainings/checkin/${token}`);
  await phone.getByTestId('checkin-phone').fill('13912340001');
  await snap(phone, 'trainings-04-checkin-phone');
  await phone.getByTestId('checkin-submit').click();
  await phone.getByTestId('checkin-result').waitFor();
  expect(await phone.getByTestId('checkin-result').innerText()).toContain('签到成功');
  await snap(phone, 'trainings-05-checked-in');
  // scanned again: still one check-in
  await phone.reload();
  await phone.getByTestId('checkin-phone').fill('13912340001');
  await phone.getByTestId('checkin-submit').click();
  await phone.getByTestId('checkin-result').waitFor();
  expect(await phone.getByTestId('checkin-result').innerText()).toContain('已签到过');

  await staff.reload();
  await expect.poll(() => staff.getByTestId('attendance-summary').innerText()).toBe('签到 1 / 报名 2');
  await staff.getByTestId('registration-table').getByText('刘洋').waitFor();
  expect(await staff.getByTestId('registration-table').innerText()).toContain('139****0002');
  await snap(staff, 'trainings-06-attendance');
  expect([...staffErrors, ...visitorErrors, ...phoneErrors]).toEqual([]);
});

it('a risk alert reaches a subscribed enterprise in its account', async () => {
  const enterprise = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(enterprise);
  await enterprise.goto(`${server.url}/login`);
  await enterprise.getByTestId('login-username').fill('applicant@example.com');
  await enterprise.getByTestId('login-password').fill('Hubei#Assist2026');
  await enterprise.getByTestId('login-submit').click();
  await enterprise.waitForURL((u) => !u.pathname.startsWith('/login'));
  await enterprise.goto(`${server.url}/account`);
  await pick(enterprise, 'sub-countries', '美国');
  await enterprise.keyboard.press('Escape');
  await pick(enterprise, 'sub-industries', '制造业');
  await enterprise.keyboard.press('Escape');
  await enterprise.getByTestId('sub-save').click();
  await enterprise.getByText('订阅已保存').waitFor();
  await snap(enterprise, 'alerts-01-subscription');

  const staff = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const staffErrors = watchErrors(staff);
  await signIn(staff, server.url, 'wh_reviewer');
  await staff.getByTestId('menu-alerts').click();
  await staff.getByTestId('alert-add').click();
  await staff.getByTestId('alert-title').fill('美国 337 调查涉及智能家电温控组件');
  // multiple-choice dropdowns stay open: close each before the next
  await pick(staff, 'alert-countries', '美国');
  await staff.keyboard.press('Escape');
  await pick(staff, 'alert-industries', '制造业');
  await staff.keyboard.press('Escape');
  await pick(staff, 'alert-kind', '诉讼风险');
  await staff.getByTestId('alert-body').fill('美国国际贸易委员会近期就智能家电温控组件发起 337 调查，多家中国出口企业被列为被申请人。');
  await staff.getByTestId('alert-advice').fill('排查出口产品涉及的美国专利，保存研发记录，收到通知后及时联系维权援助中心获取应诉指导。');
  await staff.getByTestId('alert-save').click();
  const row = staff.getByTestId('alert-table').locator('tr', { hasText: '美国 337 调查涉及智能家电温控组件' });
  await row.getByRole('button', { name: '发布并推送' }).click();
  await staff.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await staff.getByText('已发布，送达 1 个订阅账号').waitFor();
  await expect.poll(() => row.locator('[data-testid^="alert-delivered-"]').innerText()).toBe('1');
  await snap(staff, 'alerts-02-published');

  await enterprise.reload();
  const note = enterprise.getByTestId('notification-risk_alert');
  await note.waitFor();
  expect(await note.innerText()).toContain('美国 337 调查涉及智能家电温控组件');
  await snap(enterprise, 'alerts-03-notified');
  await note.click();
  await enterprise.getByTestId('portal-alert-advice').waitFor();
  expect(await enterprise.getByTestId('portal-alert-advice').innerText()).toContain('应诉指导');
  await snap(enterprise, 'alerts-04-alert-page');
  await staff.reload();
  const read = staff.getByTestId('alert-table').locator('tr', { hasText: '美国 337 调查涉及智能家电温控组件' }).locator('td').nth(8);
  await expect.poll(() => read.innerText()).toBe('1');
  expect([...errors, ...staffErrors]).toEqual([]);
});

it('plans a training through the form, which checks as you type', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = watchErrors(page);
  await signIn(page, server.url, 'wh_clerk');
  await page.getByTestId('menu-trainings').click();
  await page.getByTestId('training-new').click();
  await page.getByTestId('training-save').click();
  await page.getByText('请至少选择一个主题').waitFor();
  await page.getByText('请选择开始和结束时间').waitFor();
  await page.getByTestId('training-title').fill('知识产权质押融资银企对接培训');
  await pick(page, 'training-topics', '质押融资');
  await page.keyboard.press('Escape');
  const [from, to] = [page.locator('.ant-modal .ant-picker-range input').first(), page.locator('.ant-modal .ant-picker-range input').last()];
  await from.click();
  await from.fill('2027-03-15 09:00');
  await from.press('Enter');
  await to.fill('2027-03-15 11:30');
  await to.press('Enter');
  await page.getByTestId('training-place').fill('武汉市知识产权维权援助中心 2 楼培训室');
  await page.getByTestId('training-organiser').fill('武汉市知识产权维权援助中心');
  await page.getByTestId('training-capacity').fill('40');
  await snap(page, 'trainings-00-form');
  await page.getByTestId('training-save').click();
  await expect.poll(() => page.getByTestId('training-heading').innerText().catch(() => '')).toBe('知识产权质押融资银企对接培训');
  expect(await page.getByTestId('training-state').innerText()).toBe('草稿');
  const row = await server.deps.db.selectFrom('trainings').select(['starts_at', 'ends_at', 'capacity']).where('title', '=', '知识产权质押融资银企对接培训').executeTakeFirstOrThrow();
  expect(row.capacity).toBe(40);
  expect(row.ends_at.getTime() - row.starts_at.getTime()).toBe(150 * 60_000);

  // a publicity activity with its reach
  await page.getByTestId('menu-outreach').click();
  await page.getByTestId('outreach-add').click();
  await page.getByTestId('outreach-name').fill('4·26 知识产权宣传周进高校');
  await page.getByTestId('outreach-date').fill('2026-04-26');
  await page.getByTestId('outreach-date').press('Enter');
  await pick(page, 'outreach-kind', '4·26 知识产权宣传周');
  await pick(page, 'outreach-channel', '现场');
  await page.getByTestId('outreach-people').fill('350');
  await page.getByTestId('outreach-save').click();
  await page.getByTestId('outreach-table').getByText('4·26 知识产权宣传周进高校').waitFor();
  await snap(page, 'outreach-01-list');
  expect(errors).toEqual([]);
});
