import crypto from 'node:crypto';
import { sql } from 'kysely';
import { insertColumns, type Conn } from './bulk.ts';
import { provinceWeights } from './distributions.ts';

/** A generated institution, as the later steps need it (ord: 1-based position in gen_inst). */
export interface GenInstitution {
  ord: number;
  id: string;
  path: string;
  parentId: string;
  name: string;
  type: 'assistance_center' | 'protection_center' | 'rapid_center' | 'sub_center' | 'workstation';
  level: 'province' | 'city' | 'county';
  regionCode: string;
  province: string;
  caseCode: string;
  docPrefix: string;
  host: string | null;
  /** Share of the province's services this institution handles (before the province's own weight). */
  weight: number;
}

interface Region { code: string; name: string; level: string; parent_code: string | null }

const abbr: Record<string, string> = {
  '11': 'BJ', '12': 'TJ', '13': 'HE', '14': 'SX', '15': 'NM', '21': 'LN', '22': 'JL', '23': 'HL', '31': 'SH', '32': 'JS', '33': 'ZJ',
  '34': 'AH', '35': 'FJ', '36': 'JX', '37': 'SD', '41': 'HA', '42': 'HB', '43': 'HN', '44': 'GD', '45': 'GX', '46': 'HI', '50': 'CQ',
  '51': 'SC', '52': 'GZ', '53': 'YN', '54': 'XZ', '61': 'SN', '62': 'GS', '63': 'QH', '64': 'NX', '65': 'XJ',
};
const hosts = [['park', '园区'], ['market', '市场'], ['enterprise', '企业'], ['university', '高校']] as const;
/** The part of the province's services each kind of institution takes (renormalised over the kinds present). */
const typeShare = { province: 0.15, city: 0.45, protection_center: 0.2, rapid_center: 0.05, county: 0.15 };

/**
 * The network: a provincial centre in each of the 31 provinces, city centres (capitals first, then by the province's
 * size), protection and rapid-protection centres in the largest cities, and sub-centres and workstations in the
 * counties, `total` institutions in all under the existing root `cn`. Real GB/T 2260 codes from the regions table.
 */
export async function generateNetwork(conn: Conn, rootId: string, total: number): Promise<GenInstitution[]> {
  const regions = (await sql<Region>`SELECT code::text AS code, name, level, parent_code::text AS parent_code FROM regions ORDER BY code`.execute(conn)).rows;
  const provinces = regions.filter((r) => r.level === 'province' && provinceWeights[r.code.slice(0, 2)] !== undefined);
  const pw = (code: string) => provinceWeights[code.slice(0, 2)] ?? 0.1;
  const citiesOf = new Map<string, Region[]>();
  const countiesOf = new Map<string, Region[]>();
  for (const r of regions) {
    const m = r.level === 'city' ? citiesOf : r.level === 'county' ? countiesOf : null;
    if (m && r.parent_code) m.set(r.parent_code, [...(m.get(r.parent_code) ?? []), r]);
  }
  const rest = Math.max(0, total - provinces.length);
  const capitals = provinces.map((p) => citiesOf.get(p.code)?.[0]).filter((c): c is Region => Boolean(c));
  const others = provinces.flatMap((p) => (citiesOf.get(p.code) ?? []).slice(1)).sort((a, b) => pw(b.code) - pw(a.code) || a.code.localeCompare(b.code));
  const allCities = [...capitals, ...others];
  const cityCount = Math.min(allCities.length, Math.max(Math.min(rest, capitals.length), Math.round(rest * 0.17)));
  const cities = allCities.slice(0, cityCount);
  const byWeight = [...cities].sort((a, b) => pw(b.code) - pw(a.code) || a.code.localeCompare(b.code));
  const protection = byWeight.slice(0, Math.min(cities.length, Math.round(rest * 0.035)));
  const rapid = byWeight.slice(0, Math.min(cities.length, Math.round(rest * 0.015)));
  const countyCount = Math.max(0, rest - cities.length - protection.length - rapid.length);

  const label = Number((await sql<{ v: string }>`SELECT nextval('institution_label_seq')::text AS v`.execute(conn)).rows[0]!.v);
  await sql`SELECT setval('institution_label_seq', ${label + total})`.execute(conn);
  const out: GenInstitution[] = [];
  const names = new Set<string>();
  const add = (parent: { id: string; path: string } | null, i: Omit<GenInstitution, 'ord' | 'id' | 'path' | 'parentId' | 'caseCode' | 'docPrefix'>) => {
    let name = i.name;
    for (let k = 2; names.has(name); k++) name = `${i.name}（${k}）`;
    names.add(name);
    const ord = out.length + 1;
    const g: GenInstitution = {
      ...i, name, ord, id: crypto.randomUUID(), parentId: parent?.id ?? rootId, path: `${parent?.path ?? 'cn'}.n${label + ord - 1}`,
      caseCode: `${abbr[i.province] ?? 'YZ'}${String(ord).padStart(4, '0')}`, docPrefix: `${name.slice(0, 2)}维援`,
    };
    out.push(g);
    return g;
  };
  const provincial = new Map<string, GenInstitution>();
  for (const p of provinces) {
    provincial.set(p.code.slice(0, 2), add(null, {
      name: `${p.name}知识产权维权援助中心`, type: 'assistance_center', level: 'province', regionCode: p.code, province: p.code.slice(0, 2),
      host: null, weight: typeShare.province,
    }));
  }
  const cityCentres: GenInstitution[] = [];
  for (const c of cities) {
    const prov = provincial.get(c.code.slice(0, 2))!;
    const cityName = c.name === '市辖区' || c.name === '县' ? prov.name.slice(0, 2) : c.name;
    cityCentres.push(add(prov, {
      name: `${cityName}知识产权维权援助中心`, type: 'assistance_center', level: 'city', regionCode: c.code, province: prov.province,
      host: null, weight: typeShare.city * (capitals.includes(c) ? 3 : 1),
    }));
  }
  for (const [list, type, fmt] of [
    [protection, 'protection_center', (n: string) => `中国（${n}）知识产权保护中心`],
    [rapid, 'rapid_center', (n: string) => `中国${n}知识产权快速维权中心`],
  ] as const) {
    for (const c of list) {
      const prov = provincial.get(c.code.slice(0, 2))!;
      const cityName = c.name === '市辖区' ? prov.name.slice(0, 2) : c.name;
      add(prov, { name: fmt(cityName.replace(/市$/, '')), type, level: 'city', regionCode: c.code, province: prov.province, host: null, weight: typeShare[type] });
    }
  }
  // Sub-centres and workstations go to the city centres in proportion to their province's size.
  const cityWeight = cityCentres.map((c) => pw(c.regionCode));
  const sum = cityWeight.reduce((a, b) => a + b, 0);
  let made = 0;
  for (let k = 0; k < cityCentres.length && made < countyCount; k++) {
    const centre = cityCentres[k]!;
    const n = k === cityCentres.length - 1 ? countyCount - made : Math.min(countyCount - made, Math.round((countyCount * cityWeight[k]!) / sum));
    const counties = countiesOf.get(centre.regionCode) ?? [];
    for (let j = 0; j < n; j++) {
      const county = counties.length ? counties[j % counties.length]! : null;
      const place = county?.name && county.name !== '市辖区' ? county.name : centre.name.slice(0, 3);
      const sub = j % 5 < 2;
      const [host, hostZh] = hosts[j % hosts.length]!;
      add(centre, {
        name: sub ? `${centre.name}${place}分中心` : `${place}${hostZh}知识产权维权援助工作站`,
        type: sub ? 'sub_center' : 'workstation', level: 'county', regionCode: county?.code ?? centre.regionCode, province: centre.province,
        host: sub ? null : host, weight: typeShare.county,
      });
    }
    made += n;
  }
  normaliseWeights(out, pw);
  await insertColumns(conn, 'institutions', {
    id: out.map((i) => i.id), path: out.map((i) => i.path), parent_id: out.map((i) => i.parentId), name: out.map((i) => i.name),
    type: out.map((i) => i.type), level: out.map((i) => i.level), host: out.map((i) => i.host), region_code: out.map((i) => i.regionCode),
    case_code: out.map((i) => i.caseCode), doc_prefix: out.map((i) => i.docPrefix),
    phone: out.map((i) => `0${10 + (i.ord % 89)}-${String(60000000 + i.ord * 7919).slice(0, 8)}`),
    established_on: out.map((i) => `${2012 + (i.ord % 12)}-0${1 + (i.ord % 9)}-15`),
  }, {
    id: 'uuid[]', path: 'ltree[]', parent_id: 'uuid[]', name: 'text[]', type: 'text[]', level: 'text[]', host: 'text[]', region_code: 'text[]',
    case_code: 'text[]', doc_prefix: 'text[]', phone: 'text[]', established_on: 'date[]',
  });
  await sql`UPDATE institutions SET ip_types = '{patent,trademark,copyright,geographical_indication}',
    services = CASE WHEN type IN ('protection_center', 'rapid_center') THEN '{consultation,infringement_opinion,mediation,warning_analysis}'::text[]
                    ELSE '{consultation,infringement_opinion,mediation}'::text[] END
    WHERE id = ANY(${sql.val(out.map((i) => i.id))}::uuid[])`.execute(conn);
  return out;
}

/** Each province's weight spread over its institutions by kind, so that all weights sum to 1. */
function normaliseWeights(list: GenInstitution[], pw: (code: string) => number): void {
  const byProvince = new Map<string, GenInstitution[]>();
  for (const i of list) byProvince.set(i.province, [...(byProvince.get(i.province) ?? []), i]);
  const total = [...byProvince.keys()].reduce((s, p) => s + pw(p), 0);
  for (const [p, members] of byProvince) {
    const inProvince = members.reduce((s, i) => s + i.weight, 0);
    for (const i of members) i.weight = (pw(p) / total) * (i.weight / inProvince);
  }
}

/**
 * gen_inst (every generated institution) and gen_slot (65,536 slots, each institution holding slots in proportion to
 * its weight): a row picks its institution with one hash join on a random slot.
 */
export async function institutionTables(conn: Conn, list: readonly GenInstitution[]): Promise<number> {
  await sql`CREATE UNLOGGED TABLE gen_inst (ord int PRIMARY KEY, id uuid NOT NULL, path ltree NOT NULL, region_code text NOT NULL,
    province text NOT NULL, level text NOT NULL, case_code text NOT NULL, doc_prefix text NOT NULL, name text NOT NULL)`.execute(conn);
  await insertColumns(conn, 'gen_inst', {
    ord: list.map((i) => i.ord), id: list.map((i) => i.id), path: list.map((i) => i.path), region_code: list.map((i) => i.regionCode),
    province: list.map((i) => i.province), level: list.map((i) => i.level), case_code: list.map((i) => i.caseCode),
    doc_prefix: list.map((i) => i.docPrefix), name: list.map((i) => i.name),
  }, { ord: 'int[]', id: 'uuid[]', path: 'ltree[]', region_code: 'text[]', province: 'text[]', level: 'text[]', case_code: 'text[]', doc_prefix: 'text[]', name: 'text[]' });
  const SLOTS = 65536;
  const slots: number[] = [];
  let acc = 0;
  for (const i of list) {
    acc += i.weight;
    while (slots.length < Math.round(acc * SLOTS)) slots.push(i.ord);
  }
  while (slots.length < SLOTS) slots.push(list.at(-1)!.ord);
  await sql`CREATE UNLOGGED TABLE gen_slot (slot int PRIMARY KEY, ord int NOT NULL)`.execute(conn);
  await insertColumns(conn, 'gen_slot', { slot: slots.map((_, k) => k), ord: slots }, { slot: 'int[]', ord: 'int[]' });
  await sql`ANALYZE gen_inst`.execute(conn);
  await sql`ANALYZE gen_slot`.execute(conn);
  return SLOTS;
}
