import { sql } from 'kysely';
import type { DB } from '../../platform/db.ts';

export interface RegionRow {
  code: string;
  name: string;
  fullName: string;
  level: 'province' | 'city' | 'county';
  parentCode: string | null;
}

const cols = ['code', 'name', 'full_name as fullName', 'level', 'parent_code as parentCode'] as const;

export async function listChildren(db: DB, parentCode: string | null): Promise<RegionRow[]> {
  let q = db.selectFrom('regions').select(cols).orderBy('code');
  q = parentCode ? q.where('parent_code', '=', parentCode) : q.where('level', '=', 'province');
  return (await q.execute()) as RegionRow[];
}

/** Look-up by code prefix or by any part of the full name (trigram index). */
export async function searchRegions(db: DB, q: string, limit: number): Promise<RegionRow[]> {
  const term = q.trim();
  const rows = await db
    .selectFrom('regions')
    .select(cols)
    .where((eb) =>
      /^\d+$/.test(term)
        ? eb('code', 'like', `${term}%`)
        : eb.or([eb('full_name', 'ilike', `%${term}%`), eb('name', 'ilike', `%${term}%`)]),
    )
    .orderBy(sql`length(full_name)`)
    .orderBy('code')
    .limit(limit)
    .execute();
  return rows as RegionRow[];
}

export async function getRegion(db: DB, code: string): Promise<RegionRow | undefined> {
  return (await db.selectFrom('regions').select(cols).where('code', '=', code).executeTakeFirst()) as RegionRow | undefined;
}
