import { orgKey, sameOrg, type OrgKey, type OrgRef } from './names.ts';

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

const ROLE_ZH = { applicant: '申请人', opposing: '对方当事人' } as const;
const ROLE_EN = { applicant: 'the applicant', opposing: 'the opposing party' } as const;
const INTEREST_ZH: Record<string, string> = { employer: '任职单位', client: '委托人/客户', relative: '近亲属的企业', shareholding: '持股/投资', other: '其他利害关系' };
const HOW = { credit_code: ['统一社会信用代码相同', 'same credit code'], name: ['名称一致', 'same name'] } as const;

interface PartyKey extends OrgKey { role: 'applicant' | 'opposing'; label: string }

function conflicts(e: MatchExpert, parties: readonly PartyKey[]): Exclusion['reasons'] {
  const out: Exclusion['reasons'] = [];
  const employer = orgKey({ name: e.employer, creditCode: e.employerCreditCode });
  for (const p of parties) {
    const hit = sameOrg(employer, p);
    if (hit) {
      out.push({
        code: 'same_organisation',
        zh: `任职于${ROLE_ZH[p.role]}“${p.label}”（${HOW[hit][0]}）`,
        en: `works for ${ROLE_EN[p.role]} "${p.label}" (${HOW[hit][1]})`,
      });
    }
    for (const i of e.interests) {
      const h = sameOrg(orgKey(i), p);
      if (h) {
        out.push({
          code: 'declared_interest',
          zh: `申报的利害关系（${INTEREST_ZH[i.kind] ?? i.kind}）涉及${ROLE_ZH[p.role]}“${p.label}”（${HOW[h][0]}）`,
          en: `declared interest (${i.kind}) involves ${ROLE_EN[p.role]} "${p.label}" (${HOW[h][1]})`,
        });
      }
    }
    if (e.pastParties.some((q) => sameOrg(orgKey(q), p))) {
      out.push({ code: 'past_work', zh: `曾在既往案件中涉及${ROLE_ZH[p.role]}“${p.label}”`, en: `past work involved ${ROLE_EN[p.role]} "${p.label}"` });
    }
  }
  return out;
}

const part = (factor: ScoreFactor, points: number, max: number, zh: string, en: string): ScorePart => ({
  factor, points: Math.round(points * 10) / 10, max, zh, en,
});

function technical(e: MatchExpert, c: MatchCase): ScorePart {
  const ipc = (c.ipc ?? []).map((x) => x.toUpperCase());
  const classHit = ipc.find((x) => e.ipc.some((y) => y.toUpperCase() === x));
  if (classHit) return part('technical_field', 25, 25, `IPC ${classHit} 一致`, `IPC ${classHit} matches`);
  const sectionHit = ipc.find((x) => e.ipc.some((y) => y[0]?.toUpperCase() === x[0]));
  const industry = c.field && e.industries.includes(c.field);
  if (industry && sectionHit) return part('technical_field', 22, 25, `行业一致，IPC 部 ${sectionHit[0]} 相同`, `same industry, IPC section ${sectionHit[0]}`);
  if (industry) return part('technical_field', 18, 25, '行业领域一致', 'same industry');
  if (sectionHit) return part('technical_field', 10, 25, `IPC 部 ${sectionHit[0]} 相同`, `IPC section ${sectionHit[0]} matches`);
  return part('technical_field', 0, 25, '技术领域不匹配', 'no technical field in common');
}

function service(e: MatchExpert, c: MatchCase): ScorePart {
  const wanted = c.services.filter((s) => s !== 'funding_aid');
  if (wanted.length === 0) return part('service', 10, 20, '案件未指定需专家提供的服务', 'no expert service asked for');
  const has = wanted.filter((s) => e.services.includes(s));
  const pts = (20 * has.length) / wanted.length;
  return part('service', pts, 20, has.length ? `可提供 ${has.length}/${wanted.length} 项所需服务` : '不提供所需服务',
    `offers ${has.length} of ${wanted.length} services asked for`);
}

function region(e: MatchExpert, c: MatchCase): ScorePart {
  const r = c.regionCode ?? '';
  if (!r) return part('region', 5, 10, '案件未填地区', 'case has no region');
  const best = Math.max(0, ...e.regions.map((x) => {
    const code = x.replace(/0+$/, '');
    if (x === r) return 10;
    if (code && r.startsWith(code)) return code.length >= 4 ? 9 : 7; // the expert serves the whole city / province
    if (x.slice(0, 4) === r.slice(0, 4)) return 6;
    if (x.slice(0, 2) === r.slice(0, 2)) return 4;
    return 0;
  }));
  return part('region', best, 10, best >= 9 ? '服务地区覆盖案件所在地' : best > 0 ? '服务地区邻近' : '服务地区不覆盖', best >= 9 ? 'serves the case\'s region' : best > 0 ? 'serves a nearby region' : 'does not serve the region');
}

function overseas(e: MatchExpert, c: MatchCase): ScorePart | null {
  if (!c.overseas) return null;
  const j = c.country ? e.jurisdictions.includes(c.country) : false;
  const l = c.language ? e.languages.includes(c.language) : false;
  const k = e.kinds.some((x) => x === 'overseas' || x === 'overseas_lawyer');
  const pts = (j ? 10 : 0) + (l ? 5 : 0) + (k ? 5 : 0);
  const zh = [j ? `熟悉${c.country}法域` : `不熟悉${c.country ?? '该'}法域`, l ? `掌握${c.language}` : '', k ? '海外纠纷专家' : ''].filter(Boolean).join('，');
  return part('overseas', pts, 20, zh, `${j ? 'knows' : 'does not know'} ${c.country ?? 'the'} jurisdiction${l ? ', speaks ' + c.language : ''}${k ? ', overseas expert' : ''}`);
}

function workload(e: MatchExpert): ScorePart {
  const free = Math.max(0, 1 - e.openLoad / e.maxOpen) * (e.availability === 'limited' ? 0.5 : 1);
  return part('workload', 10 * free, 10, `在办 ${e.openLoad}/${e.maxOpen}${e.availability === 'limited' ? '，时间有限' : ''}`, `${e.openLoad} of ${e.maxOpen} open${e.availability === 'limited' ? ', limited time' : ''}`);
}

function rating(e: MatchExpert): ScorePart {
  if (!e.ratingCount || e.ratingAvg == null) return part('rating', 5, 10, '尚无评价（按中等计）', 'no ratings yet (counted as average)');
  return part('rating', (10 * (e.ratingAvg - 1)) / 4, 10, `历史评价 ${e.ratingAvg.toFixed(1)} 分（${e.ratingCount} 次）`, `rated ${e.ratingAvg.toFixed(1)} over ${e.ratingCount}`);
}

export function rankExperts(c: MatchCase, experts: readonly MatchExpert[], limit = 20): Ranking {
  const parties: PartyKey[] = c.parties.map((p) => ({ ...orgKey(p), role: p.role, label: p.name ?? p.creditCode ?? '' }));
  const excluded: Exclusion[] = [];
  const scored: Omit<RankedExpert, 'rank'>[] = [];
  for (const e of experts) {
    const reasons = conflicts(e, parties);
    if (e.availability === 'unavailable') reasons.push({ code: 'unavailable', zh: '专家暂不可用', en: 'the expert is unavailable' });
    else if (e.openLoad >= e.maxOpen) reasons.push({ code: 'at_capacity', zh: `在办任务已满（${e.openLoad}/${e.maxOpen}）`, en: `workload full (${e.openLoad}/${e.maxOpen})` });
    if (reasons.length) {
      excluded.push({ expertId: e.id, name: e.name, reasons });
      continue;
    }
    const ipFit = c.ipType && e.ipTypes.includes(c.ipType);
    const parts = [
      technical(e, c),
      part('ip_type', ipFit ? 15 : 0, 15, ipFit ? '擅长该知识产权类型' : '不擅长该知识产权类型', ipFit ? 'knows this IP type' : 'does not list this IP type'),
      service(e, c),
      region(e, c),
      ...[overseas(e, c)].filter((p): p is ScorePart => p !== null),
      workload(e),
      rating(e),
    ];
    const max = parts.reduce((s, p) => s + p.max, 0);
    const score = Math.round((1000 * parts.reduce((s, p) => s + p.points, 0)) / max) / 10;
    scored.push({ expertId: e.id, name: e.name, score, parts });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh') || a.expertId.localeCompare(b.expertId));
  // Recusals (conflicts of interest) lead the excluded list; capacity and availability follow.
  const weight = (x: Exclusion) => (x.reasons.some((r) => r.code !== 'unavailable' && r.code !== 'at_capacity') ? 0 : 1);
  excluded.sort((a, b) => weight(a) - weight(b) || a.name.localeCompare(b.name, 'zh'));
  return { ranked: scored.slice(0, limit).map((s, i) => ({ ...s, rank: i + 1 })), excluded };
}
