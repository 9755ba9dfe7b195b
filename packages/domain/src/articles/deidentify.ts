/**
 * De-identification of a case for a published case study: names of parties, credit codes, ID numbers,
 * phones, e-mail addresses and street addresses are replaced. Known values (the case's parties) are
 * replaced by name; patterns catch numbers typed into free text that no party field holds.
 */
export type SensitiveKind = 'name' | 'credit_code' | 'id_number' | 'phone' | 'email' | 'address' | 'ip_number';

export interface KnownValue {
  kind: SensitiveKind;
  value: string;
  /** applicant / opposing / agent: decides the placeholder (甲方, 乙方 …). */
  role?: 'applicant' | 'opposing' | 'agent';
  /** For names: a natural person keeps the surname (张某), an organisation becomes 甲公司. */
  person?: boolean;
}

export interface Replacement {
  kind: SensitiveKind;
  /** What was replaced, masked so the list itself is no leak (the editor sees the kind and a hint). */
  shown: string;
  replacement: string;
  count: number;
}

const ORG_LABELS = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];

const PLACEHOLDER: Record<Exclude<SensitiveKind, 'name'>, string> = {
  credit_code: '[统一社会信用代码已隐去]',
  id_number: '[身份证号已隐去]',
  phone: '[电话已隐去]',
  email: '[邮箱已隐去]',
  address: '[地址已隐去]',
  ip_number: '[权利编号已隐去]',
};

const PATTERNS: { kind: SensitiveKind; re: RegExp }[] = [
  { kind: 'id_number', re: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g },
  { kind: 'credit_code', re: /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])/g },
  { kind: 'email', re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  { kind: 'phone', re: /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g },
  { kind: 'phone', re: /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g },
];

/** A hint of the original: first and last character, the rest starred. */
export function hint(v: string): string {
  const s = [...v];
  if (s.length <= 2) return s[0] + '*';
  return s[0] + '*'.repeat(Math.min(s.length - 2, 6)) + s[s.length - 1];
}

/** Strip common company-type suffixes so 某某有限公司 is also found when the text writes 某某公司. */
function shortNames(name: string): string[] {
  const core = name.replace(/(股份)?有限(责任)?公司$|集团$|经营部$|商行$|工作室$/, '');
  if (core === name || [...core].length < 4) return [name];
  // Firms are often called without their leading place name (武汉楚天… → 楚天…): most such names are two characters.
  const unplaced = core.replace(/^[\u4e00-\u9fa5]{1,3}?(省|市|区|县)/, '');
  const cores = [core, unplaced !== core ? unplaced : core.slice(2)].filter((c) => [...c].length >= 4);
  return [name, ...new Set(cores.flatMap((c) => [c + '公司', c]))];
}

export function placeholderFor(v: KnownValue, orgIndex: number): string {
  if (v.kind !== 'name') return PLACEHOLDER[v.kind];
  if (v.person) return `${[...v.value][0]}某`;
  return `${ORG_LABELS[orgIndex] ?? `第${orgIndex + 1}`}公司`;
}

export function deidentify(texts: readonly string[], known: readonly KnownValue[]): { texts: string[]; replacements: Replacement[] } {
  const out = [...texts];
  const found = new Map<string, Replacement>();
  const count = (kind: SensitiveKind, original: string, replacement: string, n: number) => {
    if (n === 0) return;
    const key = `${kind}\u0000${original}`;
    const r = found.get(key) ?? { kind, shown: hint(original), replacement, count: 0 };
    r.count += n;
    found.set(key, r);
  };
  const replaceAll = (needle: string, by: string) => {
    let n = 0;
    for (let i = 0; i < out.length; i++) {
      const parts = out[i].split(needle);
      n += parts.length - 1;
      out[i] = parts.join(by);
    }
    return n;
  };
  // Longest values first, so a company name is replaced before a shorter name inside it.
  let orgs = 0;
  const ordered = known
    .filter((v) => v.value.trim().length >= 2)
    .map((v) => ({ ...v, placeholder: placeholderFor(v, v.kind === 'name' && !v.person ? orgs++ : 0) }))
    .flatMap((v) => (v.kind === 'name' && !v.person ? shortNames(v.value) : [v.value]).map((value) => ({ ...v, value })))
    .sort((a, b) => b.value.length - a.value.length);
  for (const v of ordered) count(v.kind, v.value, v.placeholder, replaceAll(v.value, v.placeholder));
  for (const p of PATTERNS) {
    for (let i = 0; i < out.length; i++) {
      out[i] = out[i].replace(p.re, (m) => {
        count(p.kind, m, PLACEHOLDER[p.kind as Exclude<SensitiveKind, 'name'>], 1);
        return PLACEHOLDER[p.kind as Exclude<SensitiveKind, 'name'>];
      });
    }
  }
  return { texts: out, replacements: [...found.values()] };
}
