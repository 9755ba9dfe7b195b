import crypto from 'node:crypto';
import type { DB } from '../../platform/db.ts';

type Rel = 'own' | 'descendant' | 'ancestor' | 'sibling';

/** A published training and a draft risk alert at each of the access matrix's institutions (authz/access-matrix.fixtures.ts). */
export async function matrixTrainings(db: DB, institution: Record<Rel, string>): Promise<{ training: Record<Rel, string>; alert: Record<Rel, string> }> {
  const training = {} as Record<Rel, string>;
  const alert = {} as Record<Rel, string>;
  for (const rel of Object.keys(institution) as Rel[]) {
    const inst = await db.selectFrom('institutions').select(['id', (eb) => eb.cast<string>('path', 'text').as('path')])
      .where('id', '=', institution[rel]).executeTakeFirstOrThrow();
    const starts = new Date(Date.now() + 7 * 86400_000);
    const t = await db.insertInto('trainings').values({
      institution_id: inst.id, institution_path: inst.path, title: `矩阵培训${rel}`, summary: null, topics: ['ip_basics'], audience: null, mode: 'offline',
      place: '矩阵会议室', online_url: null, starts_at: starts, ends_at: new Date(starts.getTime() + 2 * 3600_000), organiser: '矩阵', co_organisers: [],
      capacity: 10, state: 'published', checkin_token: crypto.randomBytes(18).toString('base64url'), head_count: null, created_by: null,
      published_at: new Date(), updated_at: new Date(),
    }).returning('id').executeTakeFirstOrThrow();
    training[rel] = t.id;
    const a = await db.insertInto('risk_alerts').values({
      institution_id: inst.id, institution_path: inst.path, title: `矩阵预警${rel}`, countries: ['US'], industries: [], risk_kind: 'litigation',
      body: '矩阵预警内容', advice: '矩阵应对建议', source: null, created_by: null, published_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    alert[rel] = a.id;
  }
  return { training, alert };
}
