import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const propose = async (q: string) => {
  const r = await t.anon().get(`/api/portal/proposal?${q}`);
  expect(r.status, r.raw).toBe(200);
  return r.body.data as { name: string; type: string; reason: { zh: string; en: string } }[];
};

describe('proposal of the competent institution', () => {
  it('ranks the county before the city before the province, among those whose declared scope fits, with the reason', async () => {
    const rows = await propose('regionCode=420111&service=infringement_opinion&ipType=patent');
    expect(rows.map((r) => r.name)).toEqual([
      '东湖高新区光谷知识产权维权援助工作站', // 洪山区 (county): core services, patents
      '武汉市知识产权维权援助中心', // 武汉市 (city): an assistance centre before a protection centre
      '中国（武汉）知识产权保护中心',
      '湖北省知识产权维权援助中心', // 湖北省 (province)
      '湖北省知识产权保护中心',
    ]);
    expect(rows[0].reason.zh).toBe('位于申请人所在的洪山区，提供侵权判定参考意见服务，受理专利纠纷');
    expect(rows[1].reason).toEqual({
      zh: '位于申请人所在的武汉市，提供侵权判定参考意见服务，受理专利纠纷',
      en: "Located in the applicant's city, 武汉市, offers infringement assessment opinion, handles patent disputes",
    });
    expect(rows[3].reason.zh).toBe('位于申请人所在的湖北省，提供侵权判定参考意见服务，受理专利纠纷');
  });

  it('leaves out institutions whose services or IP types do not fit, and other cities', async () => {
    const rows = await propose('regionCode=420111&service=mediation&ipType=copyright');
    const names = rows.map((r) => r.name);
    expect(names).not.toContain('东湖高新区光谷知识产权维权援助工作站'); // no copyright
    expect(names).not.toContain('中国（武汉）知识产权保护中心'); // no mediation
    expect(names).not.toContain('宜昌市知识产权维权援助中心'); // another city
    expect(names).not.toContain('汉正街市场知识产权维权援助工作站'); // another county of Wuhan
    expect(names[0]).toBe('武汉市知识产权维权援助中心');
  });

  it('puts the overseas dispute centres first for an overseas matter', async () => {
    const rows = await propose('regionCode=420111&service=overseas_guidance&ipType=patent&overseas=true');
    expect(rows.slice(0, 2).map((r) => r.name)).toEqual(['国家海外知识产权纠纷应对指导中心湖北分中心', '国家海外知识产权纠纷应对指导中心']);
    expect(rows[0].reason.zh).toBe('位于申请人所在的湖北省，负责海外知识产权纠纷应对指导，提供海外纠纷应对指导服务，受理专利纠纷');
    expect(rows[1].reason.zh).toMatch(/^全国性机构/);
    const domestic = await propose('regionCode=420111&service=overseas_guidance&ipType=patent');
    expect(domestic.map((r) => r.name)).not.toContain('国家海外知识产权纠纷应对指导中心');
  });

  it('answers an empty list for an unknown region and 400 for a malformed one', async () => {
    expect(await propose('regionCode=999999')).toEqual([]);
    expect((await t.anon().get('/api/portal/proposal?regionCode=abc')).status).toBe(400);
  });
});
