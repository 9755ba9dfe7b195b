/**
 * Organisation names as recusal compares them. Parties and declared interests are typed by different people:
 * full-width letters and brackets, spaces, punctuation and the 有限责任公司 / 有限公司 / 股份有限公司 variants must
 * not hide a conflict.
 */
const LATIN_SUFFIX = /(?:co)?(?:ltd|inc|corp|corporation|llc|gmbh|company)$/u;
const NOT_NAME = /[^\p{L}\p{N}]/gu;
/** Names recur across rankings (the same pool, ranked case after case): remember the normal forms, bounded. */
const memo = new Map<string, string>();
const MEMO_MAX = 200_000;

export function normaliseOrgName(name: string | null | undefined): string {
  if (!name) return '';
  const known = memo.get(name);
  if (known !== undefined) return known;
  // Every separator, bracket, dot and symbol goes: "武汉（光谷）·激光 有限公司" = "武汉光谷激光有限公司".
  let s = name.normalize('NFKC').toLowerCase().replace(NOT_NAME, '');
  // 股份有限公司, 有限责任公司, 有限公司 and 公司 are one suffix; so are Ltd, Co. Ltd, Inc …
  if (s.endsWith('股份有限公司')) s = s.slice(0, -6) + '公司';
  else if (s.endsWith('有限责任公司')) s = s.slice(0, -6) + '公司';
  else if (s.endsWith('有限公司')) s = s.slice(0, -4) + '公司';
  else if (LATIN_SUFFIX.test(s)) s = s.replace(LATIN_SUFFIX, '公司');
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(name, s);
  return s;
}

const CANONICAL_CODE = /^[0-9A-Z]{18}$/;

export function normaliseCreditCode(code: string | null | undefined): string {
  if (!code) return '';
  // Stored codes are already canonical: a ranking checks tens of thousands of them, so skip the NFKC pass then.
  if (CANONICAL_CODE.test(code)) return code;
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
