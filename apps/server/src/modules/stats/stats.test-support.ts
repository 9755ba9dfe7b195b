import type { TestApp } from '../../testing/harness.ts';
import { insertInstitution } from '../institutions/institutions.repository.ts';

/** Hand-made statistics data: cases written straight into the tables, with the events that date them. */
export interface HandCase {
  at: string;
  state: string;
  submitted?: string;
  accepted?: string;
  concluded?: string;
  events?: [string, string][];
  overseas?: boolean;
  ipType?: string;
  channel?: string;
  services?: string[];
  size?: string;
  track?: 'fast' | 'standard';
  handlingLate?: boolean;
  portalScore?: number;
  followUpScore?: number;
}

let serial = 0;

export async function makeInstitution(t: TestApp, parentName: string, name: string, region: string) {
  const parent = await t.deps.db.selectFrom('institutions').select('id').where('name', '=', parentName).executeTakeFirstOrThrow();
  return insertInstitution(t.deps.db, {
    parent_id: parent.id, name, type: 'assistance_center', level: 'city', host: null, region_code: region, services: [], ip_types: [],
    phone: null, email: null, hours: null, address: null, description: null,
  } as Parameters<typeof insertInstitution>[1]);
}

export async function makeCase(t: TestApp, inst: Record<string, { id: string; path: string }>, c: HandCase): Promise<string> {
  const db = t.deps.db;
  const where = inst[c.at]!;
  const row = await db.insertInto('cases').values({
    case_number: c.state === 'draft' ? null : `ST-${String(++serial).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6)}`,
    institution_id: where.id, institution_path: where.path, state: c.state, channel: c.channel ?? 'walk_in',
    track: c.track ?? 'standard', overseas: c.overseas ?? false, ip_type: c.ipType ?? 'patent', services: c.services ?? ['consultation'],
    enterprise_size: c.size ?? null, applicant_kind: 'legal_person',
    submitted_at: c.submitted ?? null, accepted_at: c.accepted ?? null, concluded_at: c.concluded ?? null,
    created_at: c.submitted ?? new Date('2026-01-01T00:00:00Z'), updated_at: new Date('2026-01-01T00:00:00Z'),
  }).returning('id').executeTakeFirstOrThrow();
  let seq = 0;
  for (const [event, at] of c.events ?? []) {
    await db.insertInto('case_events').values({ case_id: row.id, seq: ++seq, event, at, payload: '{}', from_state: null, to_state: null, actor_id: null, actor_name: null, actor_role: null, reason: null }).execute();
  }
  if (c.handlingLate !== undefined) {
    await db.insertInto('case_deadlines').values({
      case_id: row.id, kind: 'handling', due: '2026-12-31', warn_on: '2026-12-25', started_on: '2026-01-01', working_days: 60, paused_working_days: 0,
      status: 'met', met_on: '2026-06-01', late: c.handlingLate, provisional: false, rule: '{"id":"x","zh":"x","en":"x"}', explanation: '{"zh":"x","en":"x"}', computed_at: new Date(),
    }).execute();
  }
  if (c.portalScore !== undefined) {
    await db.insertInto('portal_ratings').values({ case_id: row.id, token_hash: `h${row.id}`, expires_at: '2027-01-01T00:00:00Z', score: c.portalScore, comment: null, rated_at: c.concluded ?? null }).execute();
  }
  if (c.followUpScore !== undefined) {
    await db.insertInto('case_follow_ups').values({ case_id: row.id, due_on: '2026-10-01', done_at: '2026-10-01T02:00:00Z', method: 'phone', satisfaction: c.followUpScore, notes: null, done_by: null, done_by_name: null, skipped_at: null, skipped_reason: null }).execute();
  }
  return row.id;
}
