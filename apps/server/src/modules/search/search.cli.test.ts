import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('npm run cli -- search:reindex', () => {
  it('rebuilds an emptied index, prints the counts and records the rebuild in the audit log', async () => {
    const before = await t.deps.db.selectFrom('search_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('search_entries').execute();
    const out: string[] = [];
    const code = await runCli(['search:reindex'], {
      out: (l) => out.push(l), err: (l) => out.push(l), open: async () => ({ deps: t.deps, migrations: [], close: async () => {} }),
    });
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/Search index rebuilt in [\d.]+ s: \d+ 文章 articles, \d+ 问答 Q&A, \d+ 咨询 consultations, \d+ 案件 cases/);
    const after = await t.deps.db.selectFrom('search_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(after.n).toBeGreaterThan(0);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_name']).where('action', '=', 'search.reindex').executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('cli');
    expect((await t.anon().get(`/api/search?q=${encodeURIComponent('侵权判定')}`)).body.data.length).toBeGreaterThan(0);
  });
});
