import { sql, type RawBuilder } from 'kysely';

/** Condition on a region code column: 420000 → the province's codes, 420100 → the city's, else exact. */
export function regionMatch(column: RawBuilder<unknown>, code: string): RawBuilder<boolean> {
  if (code.endsWith('0000')) return sql<boolean>`substr(${column}, 1, 2) = ${code.slice(0, 2)}`;
  if (code.endsWith('00')) return sql<boolean>`substr(${column}, 1, 4) = ${code.slice(0, 4)}`;
  return sql<boolean>`${column} = ${code}`;
}
