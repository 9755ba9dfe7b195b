/**
 * Organisation names as recusal compares them. Parties and declared interests are typed by different people:
 * full-width letters and brackets, spaces, punctuation and the 有限责任公司 / 有限公司 / 股份有限公司 variants must
 * not hide a conflict.
 */
const SUFFIXES: readonly [RegExp, string][] = [
  [/股份有限公司$/u, '有限公司'],
  [/有限责任公司$/u, '有限公司'],
  [/有限公司$/u, '公司'],
  [/(co|company)?ltd$/u, '公司'],
  [/(inc|corp|corporation|llc|gmbh)$/u, '公司'],
];

export function normaliseOrgName(name: string | null | undefined): string {
  if (!name) return '';
  let s = name.normalize('NFKC').toLowerCase();
  // Every separator, bracket, dot and symbol goes: "武汉（光谷）·激光 有限公司" = "武汉光谷激光有限公司".
  s = s.replace(/[^\p{L}\p{N}]/gu, '');
  for (const [re, to] of SUFFIXES) {
    if (re.test(s)) {
      s = s.replace(re, to);
      break;
    }
  }
  return s.replace(/有限公司$/u, '公司');
}

export function normaliseCreditCode(code: string | null | undefined): string {
  if (!code) return '';
  return code.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}

/** An organisation or person as recusal sees it. */
export interface OrgRef {
  name?: string | null;
  creditCode?: string | null;
}

/** Pre-normalised form of an OrgRef, so a ranking over many experts normalises each party once. */
export interface OrgKey {
  name: string;
  creditCode: string;
}

export function orgKey(o: OrgRef): OrgKey {
  return { name: normaliseOrgName(o.name), creditCode: normaliseCreditCode(o.creditCode) };
}

/** How two references match: by credit code (strongest), by normalised name, or not at all. */
export function sameOrg(a: OrgKey, b: OrgKey): 'credit_code' | 'name' | null {
  if (a.creditCode && b.creditCode) return a.creditCode === b.creditCode ? 'credit_code' : null;
  // Two-character leftovers ("公司") would match everything; a name must say more than its suffix.
  if (a.name.length >= 3 && a.name === b.name) return 'name';
  return null;
}
