import { normaliseCreditCode, normaliseOrgName, orgKey, type OrgKey, type OrgRef } from './names.ts';

/**
 * Ranking experts for a case (issue 5, items 7 and 9). Recusal comes first: an expert whose employer, declared
 * interests or past work touch the applicant or an opposing party is excluded with the reason, whatever the score.
 * The rest are scored out of 100 and each score carries its parts, so the handler sees why.
 */
export interface MatchParty extends OrgRef {
  role: 'applicant' | 'opposing';
}

export interface MatchCase {
  ipType?: string | null;
  /** Industry (case field). */
  field?: string | null;
  /** IPC classes or sections the handler names (e.g. G06F, B23). */
  ipc?: readonly string[];
  services: readonly string[];
  regionCode?: string | null;
  overseas?: boolean;
  country?: string | null;
  language?: string | null;
  parties: readonly MatchParty[];
}

export interface MatchInterest extends OrgRef {
  kind: string;
}

export interface MatchExpert {
  id: string;
  name: string;
  employer?: string | null;
  employerCreditCode?: string | null;
  kinds: readonly string[];
  ipc: readonly string[];
  industries: readonly string[];
  ipTypes: readonly string[];
  services: readonly string[];
  regions: readonly string[];
  languages: readonly string[];
  jurisdictions: readonly string[];
  availability: string;
  maxOpen: number;
  /** Pending and accepted invitations on open cases. */
  openLoad: number;
  ratingAvg?: number | null;
  ratingCount?: number;
  interests: readonly MatchInterest[];
  /** Parties of cases the expert worked on before. */
  pastParties: readonly OrgRef[];
}

export type RecusalCode = 'same_organisation' | 'declared_interest' | 'past_work' | 'unavailable' | 'at_capacity';

export interface Exclusion {
  expertId: string;
  name: string;
  reasons: { code: RecusalCode; zh: string; en: string }[];
}

export type ScoreFactor = 'technical_field' | 'ip_type' | 'service' | 'region' | 'overseas' | 'workload' | 'rating';

export interface ScorePart {
  factor: ScoreFactor;
  points: number;
  max: number;
  zh: string;
  en: string;
}

export interface RankedExpert {
  expertId: string;
  name: string;
  rank: number;
  score: number;
  parts: ScorePart[];
}

export interface Ranking {
  ranked: RankedExpert[];
  excluded: Exclusion[];
}

/** Ties are broken by code-point order: deterministic, and a collator over 20,000 names costs more than the whole ranking. */
const byName = { compare: (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) };
const ROLE_ZH = { applicant: '申请人', opposing: '对方当事人' } as const;
const ROLE_EN = { applicant: 'the applicant', opposing: 'the opposing party' } as const;
const INTEREST_ZH: Record<string, string> = { employer: '任职单位', client: '委托人/客户', relative: '近亲属的企业', shareholding: '持股/投资', other: '其他利害关系' };
const HOW = { credit_code: ['统一社会信用代码相同', 'same credit code'], name: ['名称一致', 'same name'] } as const;

interface PartyKey extends OrgKey { role: 'applicant' | 'opposing'; label: string }

/** The parties indexed by credit code and by normalised name, so each expert reference costs two look-ups. */
interface PartyIndex { byCode: Map<string, PartyKey[]>; byName: Map<string, PartyKey[]>; empty: boolean }

function indexParties(parties: readonly PartyKey[]): PartyIndex {
  const byCode = new Map<string, PartyKey[]>();
  const byName = new Map<string, PartyKey[]>();
  for (const p of parties) {
    if (p.creditCode) byCode.set(p.creditCode, [...(byCode.get(p.creditCode) ?? []), p]);
    if (p.name.length >= 3) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
  }
  return { byCode, byName, empty: parties.length === 0 };
}

/** The parties a reference names, with how (same rule as sameOrg: two credit codes decide alone). */
function partiesNamed(ix: PartyIndex, ref: OrgRef): [PartyKey, 'credit_code' | 'name'][] {
  const code = ref.creditCode ? normaliseCreditCode(ref.creditCode) : '';
  const out: [PartyKey, 'credit_code' | 'name'][] = [];
  if (code) for (const p of ix.byCode.get(code) ?? []) out.push([p, 'credit_code']);
  const named = ix.byName.get(normaliseOrgName(ref.name));
  if (named) for (const p of named) if (!(code && p.creditCode)) out.push([p, 'name']);
  return out;
}

function conflicts(e: MatchExpert, ix: PartyIndex): Exclusion['reasons'] {
  const out: Exclusion['reasons'] = [];
  if (ix.empty) return out;
  for (const [p, hit] of partiesNamed(ix, { name: e.employer, creditCode: e.employerCreditCode })) {
    out.push({
      code: 'same_organisation',
      zh: `任职于${ROLE_ZH[p.role]}“${p.label}”（${HOW[hit][0]}）`,
      en: `works for ${ROLE_EN[p.role]} "${p.label}" (${HOW[hit][1]})`,
    });
  }
  for (const i of e.interests) {
    for (const [p, h] of partiesNamed(ix, i)) {
      out.push({
        code: 'declared_interest',
        zh: `申报的利害关系（${INTEREST_ZH[i.kind] ?? i.kind}）涉及${ROLE_ZH[p.role]}“${p.label}”（${HOW[h][0]}）`,
        en: `declared interest (${i.kind}) involves ${ROLE_EN[p.role]} "${p.label}" (${HOW[h][1]})`,
      });
    }
  }
  const seen = new Set<PartyKey>();
  for (const q of e.pastParties) {
    for (const [p] of partiesNamed(ix, q)) {
      if (seen.has(p)) continue;
      seen.add(p);
      out.push({ code: 'past_work', zh: `曾在既往案件中涉及${ROLE_ZH[p.role]}“${p.label}”`, en: `past work involved ${ROLE_EN[p.role]} "${p.label}"` });
    }
  }
  return out;
}

/** A score part whose wording is only built for the experts shown (the top of the ranking), not for all 20,000. */
interface LazyPart { factor: ScoreFactor; points: number; max: number; text: () => readonly [string, string] }
const part = (factor: ScoreFactor, points: number, max: number, text: () => readonly [string, string]): LazyPart => ({ factor, points, max, text });
const explain = (p: LazyPart): ScorePart => {
  const [zh, en] = p.text();
  return { factor: p.factor, points: Math.round(p.points * 10) / 10, max: p.max, zh, en };
};

/** What the case asks, prepared once per ranking. */
interface Prepared { c: MatchCase; ipc: string[]; wanted: string[]; region: string }

/**
 * Each factor returns its points; given `out` it also adds the part with its wording. The ranking scores every
 * expert without `out` (no allocation per expert) and explains only the ones it returns.
 */
type Out = LazyPart[] | undefined;
function emit(out: Out, factor: ScoreFactor, points: number, max: number, text: () => readonly [string, string]): number {
  out?.push(part(factor, points, max, text));
  return points;
}

function technical(e: MatchExpert, q: Prepared, out?: Out): number {
  const classHit = q.ipc.find((x) => e.ipc.includes(x));
  if (classHit) return out ? emit(out, 'technical_field', 25, 25, () => [`IPC ${classHit} 一致`, `IPC ${classHit} matches`]) : 25;
  const sectionHit = q.ipc.find((x) => e.ipc.some((y) => y[0] === x[0]));
  const industry = !!q.c.field && e.industries.includes(q.c.field);
  if (industry && sectionHit) return out ? emit(out, 'technical_field', 22, 25, () => [`行业一致，IPC 部 ${sectionHit[0]} 相同`, `same industry, IPC section ${sectionHit[0]}`]) : 22;
  if (industry) return out ? emit(out, 'technical_field', 18, 25, () => ['行业领域一致', 'same industry']) : 18;
  if (sectionHit) return out ? emit(out, 'technical_field', 10, 25, () => [`IPC 部 ${sectionHit[0]} 相同`, `IPC section ${sectionHit[0]} matches`]) : 10;
  return out ? emit(out, 'technical_field', 0, 25, () => ['技术领域不匹配', 'no technical field in common']) : 0;
}

function service(e: MatchExpert, q: Prepared, out?: Out): number {
  if (q.wanted.length === 0) return out ? emit(out, 'service', 10, 20, () => ['案件未指定需专家提供的服务', 'no expert service asked for']) : 10;
  let has = 0;
  for (const s of q.wanted) if (e.services.includes(s)) has++;
  const points = (20 * has) / q.wanted.length;
  return out ? emit(out, 'service', points, 20, () => [has ? `可提供 ${has}/${q.wanted.length} 项所需服务` : '不提供所需服务',
    `offers ${has} of ${q.wanted.length} services asked for`]) : points;
}

function regionPoints(x: string, r: string): number {
  if (x === r) return 10;
  const code = x.endsWith('0000') ? x.slice(0, 2) : x.endsWith('00') ? x.slice(0, 4) : x;
  if (code.length < 6 && r.startsWith(code)) return code.length >= 4 ? 9 : 7; // the expert serves the whole city / province
  if (x.slice(0, 4) === r.slice(0, 4)) return 6;
  if (x.slice(0, 2) === r.slice(0, 2)) return 4;
  return 0;
}

function region(e: MatchExpert, q: Prepared, out?: Out): number {
  if (!q.region) return out ? emit(out, 'region', 5, 10, () => ['案件未填地区', 'case has no region']) : 5;
  let best = 0;
  for (const x of e.regions) best = Math.max(best, regionPoints(x, q.region));
  return out ? emit(out, 'region', best, 10, () => best >= 9 ? ['服务地区覆盖案件所在地', "serves the case's region"] : best > 0 ? ['服务地区邻近', 'serves a nearby region'] : ['服务地区不覆盖', 'does not serve the region']) : best;
}

function overseas(e: MatchExpert, c: MatchCase, out?: Out): number {
  const j = c.country ? e.jurisdictions.includes(c.country) : false;
  const l = c.language ? e.languages.includes(c.language) : false;
  const k = e.kinds.some((x) => x === 'overseas' || x === 'overseas_lawyer');
  const points = (j ? 10 : 0) + (l ? 5 : 0) + (k ? 5 : 0);
  return out ? emit(out, 'overseas', points, 20, () => [
    [j ? `熟悉${c.country}法域` : `不熟悉${c.country ?? '该'}法域`, l ? `掌握${c.language}` : '', k ? '海外纠纷专家' : ''].filter(Boolean).join('，'),
    `${j ? 'knows' : 'does not know'} ${c.country ?? 'the'} jurisdiction${l ? ', speaks ' + c.language : ''}${k ? ', overseas expert' : ''}`,
  ]) : points;
}

function workload(e: MatchExpert, out?: Out): number {
  const lim = e.availability === 'limited';
  const points = 10 * Math.max(0, 1 - e.openLoad / e.maxOpen) * (lim ? 0.5 : 1);
  return out ? emit(out, 'workload', points, 10, () => [`在办 ${e.openLoad}/${e.maxOpen}${lim ? '，时间有限' : ''}`, `${e.openLoad} of ${e.maxOpen} open${lim ? ', limited time' : ''}`]) : points;
}

function rating(e: MatchExpert, out?: Out): number {
  const avg = e.ratingAvg;
  if (!e.ratingCount || avg == null) return out ? emit(out, 'rating', 5, 10, () => ['尚无评价（按中等计）', 'no ratings yet (counted as average)']) : 5;
  const points = (10 * (avg - 1)) / 4;
  return out ? emit(out, 'rating', points, 10, () => [`历史评价 ${avg.toFixed(1)} 分（${e.ratingCount} 次）`, `rated ${avg.toFixed(1)} over ${e.ratingCount}`]) : points;
}

function ipTypePart(e: MatchExpert, c: MatchCase, out?: Out): number {
  const fit = !!c.ipType && e.ipTypes.includes(c.ipType);
  return out ? emit(out, 'ip_type', fit ? 15 : 0, 15, () => (fit ? ['擅长该知识产权类型', 'knows this IP type'] : ['不擅长该知识产权类型', 'does not list this IP type'])) : fit ? 15 : 0;
}

/** Every factor for one expert: the points, and with `out` the parts in their display order. */
function scoreExpert(e: MatchExpert, q: Prepared, out?: Out): number {
  let got = technical(e, q, out) + ipTypePart(e, q.c, out) + service(e, q, out) + region(e, q, out);
  if (q.c.overseas) got += overseas(e, q.c, out);
  got += workload(e, out) + rating(e, out);
  return got;
}

export function rankExperts(c: MatchCase, experts: readonly MatchExpert[], limit = 20): Ranking {
  const parties: PartyKey[] = c.parties.map((p) => ({ ...orgKey(p), role: p.role, label: p.name ?? p.creditCode ?? '' }));
  const q: Prepared = { c, ipc: (c.ipc ?? []).map((x) => x.toUpperCase()), wanted: c.services.filter((s) => s !== 'funding_aid'), region: c.regionCode ?? '' };
  const ix = indexParties(parties);
  const excluded: Exclusion[] = [];
  const scored: { e: MatchExpert; score: number }[] = [];
  const max = 25 + 15 + 20 + 10 + (c.overseas ? 20 : 0) + 10 + 10;
  for (const e of experts) {
    const reasons = conflicts(e, ix);
    if (e.availability === 'unavailable') reasons.push({ code: 'unavailable', zh: '专家暂不可用', en: 'the expert is unavailable' });
    else if (e.openLoad >= e.maxOpen) reasons.push({ code: 'at_capacity', zh: `在办任务已满（${e.openLoad}/${e.maxOpen}）`, en: `workload full (${e.openLoad}/${e.maxOpen})` });
    if (reasons.length) {
      excluded.push({ expertId: e.id, name: e.name, reasons });
      continue;
    }
    scored.push({ e, score: Math.round((1000 * scoreExpert(e, q)) / max) / 10 });
  }
  scored.sort((a, b) => b.score - a.score || byName.compare(a.e.name, b.e.name) || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
  // Recusals (conflicts of interest) lead the excluded list; capacity and availability follow.
  const weight = (x: Exclusion) => (x.reasons.some((r) => r.code !== 'unavailable' && r.code !== 'at_capacity') ? 0 : 1);
  excluded.sort((a, b) => weight(a) - weight(b) || byName.compare(a.name, b.name));
  return {
    ranked: scored.slice(0, limit).map((s, i) => {
      const parts: LazyPart[] = [];
      scoreExpert(s.e, q, parts);
      return { expertId: s.e.id, name: s.e.name, rank: i + 1, score: s.score, parts: parts.map(explain) };
    }),
    excluded,
  };
}
