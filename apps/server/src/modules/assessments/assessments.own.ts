import type { Actor } from '../../authz/actor.ts';
import { inScope, scopeFor } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import { NotFound } from '../../platform/errors.ts';
import { rankedTable, runInScope, runQuery, type RunRow } from './assessments.runs.ts';

/**
 * 本机构考核结果: what an assessed institution sees of the runs that scored it — its own total, place and items,
 * never the other institutions' figures. A run is the assessing supervisor's; the assessed reach it only through
 * a result row of an institution in their own scope.
 */
export async function ownResults(db: DB, actor: Actor) {
  const mine = await db.selectFrom('assessment_results as a').innerJoin('assessment_runs as r', 'r.id', 'a.run_id')
    .select(['a.run_id', 'a.institution_id']).where('r.status', '=', 'done')
    .where(inScope(scopeFor(actor, 'stats.read'), 'a.institution_path'))
    .orderBy('r.year', 'desc').orderBy('r.created_at', 'desc').limit(100).execute();
  const out = [];
  const tables = new Map<string, { run: RunRow; rows: Awaited<ReturnType<typeof rankedTable>> }>();
  for (const m of mine) {
    let t = tables.get(m.run_id);
    if (!t) {
      const run = await runQuery(db).where('r.id', '=', m.run_id).executeTakeFirstOrThrow();
      t = { run, rows: await rankedTable(db, run) };
      tables.set(m.run_id, t);
    }
    const row = t.rows.find((x) => x.institutionId === m.institution_id);
    if (!row) continue;
    out.push({
      runId: t.run.id, sheetName: t.run.sheet_name, sheetVersion: t.run.version, year: t.run.year, assessedBy: t.run.institution_name,
      institutionId: row.institutionId, institutionName: row.institutionName, total: row.total, rank: row.rank, of: t.rows.length, missing: row.missing,
    });
  }
  return out;
}

/** The run, for the actor who supervises it or who belongs to the assessed institution (else 404). */
export async function runForBreakdown(db: DB, actor: Actor, runId: string, institutionId: string): Promise<RunRow> {
  const supervised = await runInScope(db, actor, runId);
  if (supervised) return supervised;
  const own = await db.selectFrom('assessment_results as a').innerJoin('assessment_runs as r', 'r.id', 'a.run_id').select('a.run_id')
    .where('a.run_id', '=', runId).where('a.institution_id', '=', institutionId).where('r.status', '=', 'done')
    .where(inScope(scopeFor(actor, 'stats.read'), 'a.institution_path')).executeTakeFirst();
  if (!own) throw NotFound('run', '考核');
  return runQuery(db).where('r.id', '=', runId).executeTakeFirstOrThrow();
}

/** An evidence file of a hand score given to an institution in the actor's scope (the assessed institution's own). */
export async function ownScoreFile(db: DB, actor: Actor, runId: string, fileId: string): Promise<string> {
  const f = await db.selectFrom('attachments as f').innerJoin('assessment_scores as s', 's.id', 'f.owner_id')
    .innerJoin('assessment_results as a', (j) => j.onRef('a.run_id', '=', 's.run_id').onRef('a.institution_id', '=', 's.institution_id'))
    .select('f.id').where('f.id', '=', fileId).where('f.owner_type', '=', 'assessment_score').where('f.status', '=', 'attached')
    .where('s.run_id', '=', runId).where(inScope(scopeFor(actor, 'stats.read'), 'a.institution_path')).executeTakeFirst();
  if (!f) throw NotFound('attachment', '附件');
  return f.id;
}
