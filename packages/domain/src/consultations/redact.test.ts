import { describe, expect, it } from 'vitest';
import { stripPersonalDetails } from './redact.ts';

describe('stripPersonalDetails', () => {
  const cases: [string, string, string[]?][] = [
    ['请联系 13812345678 或 zhang.san@example.com', '请联系 [电话] 或 [邮箱]'],
    ['电话 138-1234-5678，座机 027-87654321', '电话 [电话]，座机 [电话]'],
    ['身份证号 42010619900307123X 已提交', '身份证号 [证件号码] 已提交'],
    ['信用代码 91420100MA4K3XYW1P 的企业', '信用代码 [统一社会信用代码] 的企业'],
    ['我叫李明，是一家小公司的负责人', '我叫某某，是一家小公司的负责人'],
    ['联系人：赵敏。', '联系人：某某。'],
    ['张先生来电询问，王经理补充说明', '某先生来电询问，某经理补充说明'],
    ['武汉光谷某公司的陈晓东咨询商标', '武汉光谷某公司的某某咨询商标', ['陈晓东']],
    ['商标被抢注后如何提出无效宣告？', '商标被抢注后如何提出无效宣告？'],
    ['专利号 ZL202310123456.7 的法律状态', '专利号 ZL202310123456.7 的法律状态'],
  ];
  for (const [input, expected, names] of cases) {
    it(`${input} → ${expected}`, () => expect(stripPersonalDetails(input, names).text).toBe(expected));
  }

  it('counts what it removed, never returning the values', () => {
    const r = stripPersonalDetails('张先生 13812345678，a@b.cn，13900001111');
    expect(r.removed).toEqual({ email: 1, idNumber: 0, phone: 2, creditCode: 0, name: 1 });
    expect(JSON.stringify(r.removed)).not.toContain('138');
  });

  it('leaves a text without personal details unchanged', () => {
    const t = '发明专利权的保护范围以其权利要求的内容为准。';
    expect(stripPersonalDetails(t)).toEqual({ text: t, removed: { email: 0, idNumber: 0, phone: 0, creditCode: 0, name: 0 } });
  });
});
