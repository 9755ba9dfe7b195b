import fc from 'fast-check';
import { caseStates } from '@yuanzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../testing/client.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { fire, institutionId, register, userId, YC } from './cases.test-support.ts';

/**
 * Model-based test at the server: random sequences of actions by several staff users, sometimes two
 * at once, through HTTP on real PostgreSQL. After every step: the state is one the table knows, a
 * refused action changed nothing, every accepted action left exactly one event, no case ever had a
 * second handler assigned over the first, and nothing answered 5xx.
 */
let t: TestApp;
const actors: Record<string, TestClient> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['wh_clerk', 'wh_handler', 'wh_reviewer', 'hb_admin', 'yc_handler', 'hb_supervisor']) actors[u] = await t.login(u);
  ids.handler = await userId(t, 'wh_handler');
  ids.yc = await institutionId(t, YC);
}, 120_000);
afterAll(() => t.close());

const events = [
  'requestSupplement', 'accept', 'decline', 'assign', 'reassign', 'start', 'submitForReview', 'returnForRework', 'signOff',
  'conclude', 'reopen', 'archive', 'transfer', 'acceptTransfer', 'returnTransfer', 'refer', 'recordReferralFeedback', 'suspend', 'resume',
] as const;

function payloadFor(event: string, full: boolean): Record<string, unknown> {
  if (!full) return {};
  const text = '模型测试说明';
  switch (event) {
    case 'assign': return { handlerId: ids.handler };
    case 'reassign': return { handlerId: ids.handler, reason: text };
    case 'transfer': return { toInstitutionId: ids.yc, reason: text };
    case 'refer': return { body: 'mediation_committee', reason: text };
    case 'conclude': return { result: text };
    case 'returnForRework': case 'signOff': return { comments: text };
    case 'recordReferralFeedback': return { feedback: text };
    case 'requestSupplement': case 'decline': case 'reopen': case 'returnTransfer': case 'suspend': return { reason: text };
    default: return {};
  }
}

interface Row { state: string; version: number; handler_id: string | null; events: number }

async function snapshot(caseId: string): Promise<Row> {
  const c = await t.deps.db.selectFrom('cases').select(['state', 'version', 'handler_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const n = await t.deps.db.selectFrom('case_events').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return { ...c, events: Number(n.n) };
}

const step = fc.record({
  actor: fc.constantFrom('wh_clerk', 'wh_handler', 'wh_reviewer', 'hb_admin', 'yc_handler', 'hb_supervisor'),
  event: fc.constantFrom(...events),
  full: fc.boolean(),
  second: fc.option(fc.record({ actor: fc.constantFrom('wh_clerk', 'hb_admin', 'wh_handler'), event: fc.constantFrom(...events) }), { freq: 3 }),
});

describe('cases under random sequences of actions', () => {
  it('keep every invariant', async () => {
    const problems: string[] = [];
    const reached = new Set<string>();
    let acceptedTotal = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 22 }), async (steps) => {
        const caseId = await register(actors.wh_clerk);
        let before = await snapshot(caseId);
        for (const s of steps) {
          const calls = [{ actor: s.actor, event: s.event, full: s.full }];
          if (s.second) calls.push({ actor: s.second.actor, event: s.second.event, full: true });
          const answers = await Promise.all(calls.map((c) => fire(actors[c.actor], caseId, c.event, payloadFor(c.event, c.full))));
          const after = await snapshot(caseId);
          const accepted = answers.filter((a) => a.status === 200).length;
          acceptedTotal += accepted;
          reached.add(after.state);
          for (const [i, a] of answers.entries()) if (a.status >= 500) problems.push(`5xx on ${calls[i].event}: ${a.raw.slice(0, 200)}`);
          if (!(caseStates as readonly string[]).includes(after.state)) problems.push(`unknown state ${after.state}`);
          if (after.events !== before.events + accepted) problems.push(`events ${before.events} + ${accepted} accepted ≠ ${after.events}`);
          if (accepted === 0 && (after.state !== before.state || after.version !== before.version)) problems.push('a refused action changed the case');
          for (const [i, a] of answers.entries()) {
            if (a.status === 200 && calls[i].event === 'assign' && before.handler_id) problems.push('assigned over an existing handler');
            if (a.status !== 200 && ![400, 403, 404, 409, 422].includes(a.status)) problems.push(`unexpected ${a.status} for ${calls[i].event}`);
          }
          if (problems.length) return false;
          before = after;
        }
        return true;
      }),
      { numRuns: 25, seed: 4242, endOnFailure: true },
    ).catch((e) => problems.push(String(e).slice(0, 500)));
    expect(problems).toEqual([]);
    // The walk must actually move cases around, not bounce off refusals.
    expect(acceptedTotal).toBeGreaterThan(30);
    expect(reached.size).toBeGreaterThanOrEqual(6);
  }, 300_000);
});
