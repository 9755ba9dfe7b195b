import { sql, type RawBuilder } from 'kysely';

/** Condition on a region code column: 420000 → the province's codes, 420100 → the city's, else exact. */
export function regionMatch(column: RawBuilder<unknown>, code: string): RawBuilder<boolean> {
  if (code.endsWith('0000')) return sql<boolean>`substr(${column}, 1, 2) = ${code.slice(0, 2)}`;
  if (code.endsWith('00')) return sql<boolean>`substr(${column}, 1, 4) = ${code.slice(0, 4)}`;
  return sql<boolean>`${column} = ${code}`;
}

/** Breakdown keys by where the holding institution (alias i) is: its province, its city (GB/T 2260), itself. */
export const regionKeys = {
  province: sql<string>`substr(i.region_code, 1, 2) || '0000'`,
  city: sql<string>`substr(i.region_code, 1, 4) || '00'`,
};
export const institutionKeys = { ...regionKeys, institution: sql<string>`i.id::text` };
