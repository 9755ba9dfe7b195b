/**
 * Personal details removed from a consultation before it is proposed as a featured Q&A (优秀问答):
 * e-mail addresses, ID numbers, phone numbers, credit codes, and names — the ones the caller knows
 * (the asker's contact name, staff names) and the ones the text gives away by their form
 * (张先生, 王经理, 我叫李明, 联系人：赵敏). Pure: the same text gives the same result.
 */
export interface Redaction {
  text: string;
  /** What was replaced, by kind, as counts only (the values themselves are personal data). */
  removed: Record<RedactionKind, number>;
}
export type RedactionKind = 'email' | 'idNumber' | 'phone' | 'creditCode' | 'name';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const TITLES = '先生|女士|小姐|经理|总经理|老师|律师|主任|工程师|总|师傅|同学|教授|博士|阿姨';

const rules: { kind: RedactionKind; re: RegExp; to: string | ((m: string, ...g: string[]) => string) }[] = [
  { kind: 'email', re: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, to: '[邮箱]' },
  // Before phones: an 18-digit ID number holds digit runs that look like a phone number.
  { kind: 'idNumber', re: /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])/g, to: '[证件号码]' },
  { kind: 'creditCode', re: /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g, to: '[统一社会信用代码]' },
  { kind: 'phone', re: /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g, to: '[电话]' },
  { kind: 'phone', re: /(?<!\d)0\d{2,3}[\s-]?\d{7,8}(?!\d)/g, to: '[电话]' },
  {
    kind: 'name',
    re: new RegExp(`(我叫|我是|本人|姓名[:：]?|联系人[:：]?|申请人[:：]?)\\s*([${SURNAMES}][\\u4e00-\\u9fa5]{1,2})(?=[，,。.；;、\\s]|$)`, 'gu'),
    to: (_m, lead) => `${lead}某某`,
  },
  { kind: 'name', re: new RegExp(`([${SURNAMES}])[\\u4e00-\\u9fa5]?(?=(${TITLES}))`, 'gu'), to: '某' },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function stripPersonalDetails(text: string, knownNames: readonly string[] = []): Redaction {
  const removed: Record<RedactionKind, number> = { email: 0, idNumber: 0, phone: 0, creditCode: 0, name: 0 };
  let out = text;
  const names = [...new Set(knownNames.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  for (const n of names) {
    out = out.replace(new RegExp(escape(n), 'g'), () => {
      removed.name++;
      return '某某';
    });
  }
  for (const r of rules) {
    out = out.replace(r.re, (m: string, ...g: unknown[]) => {
      removed[r.kind]++;
      return typeof r.to === 'string' ? r.to : r.to(m, ...(g.filter((x) => typeof x === 'string') as string[]));
    });
  }
  return { text: out, removed };
}
