import { ipTypes, services, type IpType, type Service } from '@yuanzhi/contracts';
import { sql } from 'kysely';
import type { DB, Tx } from '../../platform/db.ts';

/**
 * The competent institution for an application: active institutions whose declared services and IP
 * types fit, located in the applicant's region or above it (county → city → province → national),
 * nearest first; an overseas matter puts the overseas dispute centres first. Each comes with the reason.
 */
export interface ProposalQuery {
  regionCode: string;
  service?: Service | undefined;
  ipType?: IpType | undefined;
  overseas?: boolean | undefined;
}

export interface Proposal {
  id: string;
  name: string;
  type: string;
  level: string;
  regionCode: string | null;
  path: string;
  reason: { zh: string; en: string };
}

const levelEn = ['county', 'city', 'province'] as const;
/** Between institutions equally near: the assistance centres before the offices and workstations. */
const typeOrder = ['assistance_center', 'rapid_center', 'protection_center', 'sub_center', 'overseas_center', 'intake_office', 'workstation'];

interface RegionLink {
  code: string;
  name: string;
  level: string;
}

/** The region and its ancestors, nearest first. */
async function regionChain(db: DB | Tx, code: string): Promise<RegionLink[]> {
  const r = await sql<RegionLink>`
    WITH RECURSIVE up AS (
      SELECT code, name, level, parent_code, 0 AS depth FROM regions WHERE code = ${code}
      UNION ALL
      SELECT r.code, r.name, r.level, r.parent_code, up.depth + 1 FROM regions r JOIN up ON r.code = up.parent_code
    ) SELECT trim(code) AS code, name, level FROM up ORDER BY depth`.execute(db);
  return r.rows;
}

export async function proposeInstitutions(db: DB | Tx, q: ProposalQuery, limit = 10): Promise<Proposal[]> {
  const chain = await regionChain(db, q.regionCode);
  if (chain.length === 0) return [];
  const codes = chain.map((c) => c.code);
  let query = db
    .selectFrom('institutions')
    .select(['id', 'name', 'type', 'level', 'region_code', sql<string>`path::text`.as('path')])
    .where('status', '=', 'active')
    .where('type', '!=', 'authority')
    .where((eb) => {
      const near = eb('region_code', 'in', codes);
      return q.overseas ? eb.or([near, eb.and([eb('type', '=', 'overseas_center'), eb('region_code', 'is', null)])]) : near;
    });
  if (q.service) query = query.where(sql<boolean>`services @> ARRAY[${q.service}]::text[]`);
  if (q.ipType) query = query.where(sql<boolean>`ip_types @> ARRAY[${q.ipType}]::text[]`);
  const rows = await query.execute();
  const distance = (region: string | null) => {
    const i = region ? codes.indexOf(region.trim()) : -1;
    return i < 0 ? codes.length : i;
  };
  const overseasFirst = (type: string) => (q.overseas && type === 'overseas_center' ? 0 : 1);
  const typeRank = (type: string) => (typeOrder.indexOf(type) + 1 || typeOrder.length + 1);
  rows.sort(
    (a, b) =>
      overseasFirst(a.type) - overseasFirst(b.type) ||
      distance(a.region_code) - distance(b.region_code) ||
      typeRank(a.type) - typeRank(b.type) ||
      a.name.localeCompare(b.name, 'zh'),
  );
  return rows.slice(0, limit).map((r) => {
    const region = r.region_code ? chain[distance(r.region_code)] : undefined;
    return {
      id: r.id, name: r.name, type: r.type, level: r.level, regionCode: r.region_code?.trim() ?? null, path: r.path,
      reason: reasonFor(q, r.type, region, region ? distance(r.region_code) : null),
    };
  });
}

function reasonFor(q: ProposalQuery, type: string, region: RegionLink | undefined, d: number | null): { zh: string; en: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (region) {
    zh.push(`位于申请人所在的${region.name}`);
    en.push(`located in the applicant's ${levelEn[d!] ?? 'region'}, ${region.name}`);
  } else {
    zh.push('全国性机构');
    en.push('a national institution');
  }
  if (q.overseas && type === 'overseas_center') {
    zh.push('负责海外知识产权纠纷应对指导');
    en.push('the centre for overseas IP disputes');
  }
  const s = q.service ? services.find((x) => x.value === q.service) : undefined;
  if (s) {
    zh.push(`提供${s.zh}服务`);
    en.push(`offers ${s.en.toLowerCase()}`);
  }
  const ip = q.ipType ? ipTypes.find((x) => x.value === q.ipType) : undefined;
  if (ip) {
    zh.push(`受理${ip.zh}纠纷`);
    en.push(`handles ${ip.en.toLowerCase()} disputes`);
  }
  const sentence = en.join(', ');
  return { zh: zh.join('，'), en: sentence.charAt(0).toUpperCase() + sentence.slice(1) };
}
