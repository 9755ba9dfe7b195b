import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main.ts';
import { createTestApp, type TestApp } from '../../../testing/harness.ts';
import { currentMonth } from './cube.months.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('npm run cli -- stats:cube:rebuild', () => {
  it('seals every complete month from the first record on, empties the dirty marks and is audited', async () => {
    const db = t.deps.db;
    await sql`INSERT INTO stats_cube_dirty (institution_id, month) SELECT id, '2020-01-01' FROM institutions LIMIT 1`.execute(db);
    const out: string[] = [];
    const code = await runCli(['stats:cube:rebuild'], { out: (l) => out.push(l), err: (l) => out.push(l), open: async () => ({ deps: t.deps, migrations: [], close: async () => {} }) });
    expect(code, out.join('\n')).toBe(0);
    const { rows } = await sql<{ first: string; last: string; months: number; dirty: number; leaf: number; first_case: string }>`SELECT
        to_char(min(month), 'YYYY-MM-DD') AS first, to_char(max(month), 'YYYY-MM-DD') AS last, count(*)::int AS months,
        (SELECT count(*)::int FROM stats_cube_dirty) AS dirty, (SELECT count(*)::int FROM stats_cube_leaf) AS leaf,
        (SELECT to_char(stats_cube_month_of(min(submitted_at)), 'YYYY-MM-DD') FROM cases) AS first_case
      FROM stats_cube_month`.execute(db);
    const r = rows[0]!;
    expect(r.first <= r.first_case).toBe(true);
    expect(r.last < currentMonth()).toBe(true);
    expect(r.dirty).toBe(0);
    expect(r.leaf).toBeGreaterThan(0);
    expect(out.join('\n')).toContain(`${r.months} 个月 months`);
    const audit = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'stats.cube.rebuild').executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ months: r.months, rows: r.leaf });
  });
});
