import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { recordAudit, type AuditContext } from './audit.record.ts';
import { verifyChain } from './audit.verify.ts';

let t: TestApp;
const ctx: AuditContext = { actorId: null, actorName: 'test', institutionId: null, institutionPath: null, ip: '127.0.0.1', requestId: 'r1' };

/** Run SQL as the database superuser with the append-only trigger switched off, as an intruder would. */
async function asIntruder(sql: string, params: unknown[] = []): Promise<void> {
  const c = await t.deps.pool.connect();
  try {
    await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_no_update');
    await c.query(sql, params);
  } finally {
    await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_no_update');
    c.release();
  }
}

async function seqs(): Promise<number[]> {
  const r = await t.deps.db.selectFrom('audit_log').select('seq').orderBy('seq').execute();
  return r.map((x) => Number(x.seq));
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

beforeEach(async () => {
  for (let i = 0; i < 12; i++) {
    await recordAudit(t.deps.db, ctx, { action: 'test.write', objectType: 'thing', objectId: `o${i}`, detail: { i, 名称: '测试 "引号" \\ 反斜杠', n: 1.5e3, nested: { a: [1, null, true] } } });
  }
});

describe('the database refuses changes to the audit log', () => {
  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = t.deps.pool;
    await expect(db.query(`UPDATE audit_log SET action = 'x' WHERE seq = (SELECT max(seq) FROM audit_log)`)).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE seq = (SELECT min(seq) FROM audit_log)')).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    expect((await verifyChain(t.deps.db)).ok).toBe(true);
  });

  it('chains entries written inside a transaction that rolls back without leaving a break', async () => {
    await t.deps.db
      .transaction()
      .execute(async (tx) => {
        await recordAudit(tx, ctx, { action: 'test.rolled_back', objectType: 'thing' });
        throw new Error('roll back');
      })
      .catch(() => {});
    await recordAudit(t.deps.db, ctx, { action: 'test.after', objectType: 'thing' });
    expect(await verifyChain(t.deps.db)).toMatchObject({ ok: true });
  });
});

describe('verifyChain finds the first tampered entry', () => {
  it('matches the hash the database computed for every entry (checked in small batches)', async () => {
    const all = await seqs();
    expect(await verifyChain(t.deps.db, 5)).toEqual({ ok: true, checked: all.length });
  });

  it('reports exactly the entry whose detail was changed', async () => {
    const all = await seqs();
    const target = all[all.length - 5];
    await asIntruder(`UPDATE audit_log SET detail = '{"i": 999}' WHERE seq = $1`, [target]);
    const v = await verifyChain(t.deps.db, 4);
    expect(v).toMatchObject({ ok: false, firstBadSeq: target, reason: 'hash_mismatch' });
    expect(v.checked).toBe(all.indexOf(target) + 1);
    // the chain stays broken at that entry however many are appended after it
    await recordAudit(t.deps.db, ctx, { action: 'test.later', objectType: 'thing' });
    expect((await verifyChain(t.deps.db)).firstBadSeq).toBe(target);
  });

  it("reports the same first break when a later entry's action is changed too", async () => {
    const first = (await verifyChain(t.deps.db)).firstBadSeq!;
    const later = (await seqs()).at(-2)!;
    await asIntruder(`UPDATE audit_log SET action = 'test.innocent' WHERE seq = $1`, [later]);
    expect((await verifyChain(t.deps.db)).firstBadSeq).toBe(first);
  });
});

describe('verifyChain on a fresh database', () => {
  it('finds an entry deleted in the middle, at the entry after it', async () => {
    const u = await createTestApp();
    const saved = t;
    t = u;
    try {
      for (let i = 0; i < 8; i++) await recordAudit(u.deps.db, ctx, { action: 'test.write', objectType: 'thing', detail: { i } });
      const all = await seqs();
      expect((await verifyChain(u.deps.db)).ok).toBe(true);

      // an entry deleted in the middle: the entry after it no longer links
      const gone = all[3];
      await asIntruder('DELETE FROM audit_log WHERE seq = $1', [gone]);
      expect(await verifyChain(u.deps.db)).toMatchObject({ ok: false, firstBadSeq: all[4], reason: 'link_broken' });
      expect((await seqs()).includes(gone)).toBe(false);
    } finally {
      t = saved;
      await u.close();
    }
  });

  it('finds an entry altered with its own hash recomputed, at the entry after it', async () => {
    const u = await createTestApp();
    const saved = t;
    t = u;
    try {
      for (let i = 0; i < 6; i++) await recordAudit(u.deps.db, ctx, { action: 'test.write', objectType: 'thing', detail: { i } });
      const all = await seqs();
      const target = all[2];
      await asIntruder(`UPDATE audit_log SET action = 'test.forged' WHERE seq = $1`, [target]);
      expect(await verifyChain(u.deps.db)).toMatchObject({ ok: false, firstBadSeq: target, reason: 'hash_mismatch' });
      await asIntruder(`UPDATE audit_log a SET hash = encode(sha256(convert_to(audit_canonical(a), 'UTF8')), 'hex') WHERE seq = $1`, [target]);
      expect(await verifyChain(u.deps.db)).toMatchObject({ ok: false, firstBadSeq: all[3], reason: 'link_broken' });
    } finally {
      t = saved;
      await u.close();
    }
  });
});
