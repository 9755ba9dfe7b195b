import type { DB } from '../../platform/db.ts';
import { NotFound } from '../../platform/errors.ts';
import { findIndicator } from '../stats/indicators.registry.ts';
import type { RunRow } from './assessments.runs.ts';

/**
 * One institution's score sheet, item by item, with what each score came from: for a computed item the
 * indicator, its frozen figure (numerator, denominator) and the rule, plus the cut that lists the records
 * behind it (GET /api/stats/records); for a hand score the points, the evidence, its files, who and when.
 */
export async function institutionBreakdown(db: DB, run: RunRow, institutionId: string) {
  const res = await db.selectFrom('assessment_results').select(['institution_id', 'institution_name', 'computed'])
    .where('run_id', '=', run.id).where('institution_id', '=', institutionId).executeTakeFirst();
  if (!res) throw NotFound('institution', '被考核机构');
  const scores = await db.selectFrom('assessment_scores').selectAll().where('run_id', '=', run.id).where('institution_id', '=', institutionId).execute();
  const files = scores.length === 0 ? [] : await db.selectFrom('attachments').select(['id', 'original_name', 'owner_id'])
    .where('owner_type', '=', 'assessment_score').where('owner_id', 'in', scores.map((s) => s.id)).where('status', '=', 'attached').execute();
  const items = run.items.map((it) => {
    const base = { key: it.key, title: it.title, weight: it.weight, kind: it.kind };
    if (it.kind === 'computed') {
      const ind = findIndicator(it.indicatorId ?? '');
      const fig = res.computed?.[it.key];
      return {
        ...base, score: fig?.score ?? null, rule: it.rule ?? null,
        indicator: ind ? { id: ind.id, zh: ind.zh, en: ind.en, unit: ind.unit, kind: ind.kind, definition: ind.definition } : null,
        figure: fig ? { value: fig.value, num: fig.num, den: fig.den } : null,
        records: ind?.records ? { indicator: ind.id, period: String(run.year), institutionId } : null,
      };
    }
    const s = scores.find((x) => x.item_key === it.key);
    return {
      ...base, guidance: it.guidance ?? null, score: s ? Number(s.score) : null, evidence: s?.evidence ?? null,
      scoredBy: s?.scored_by_name ?? null, scoredAt: s ? new Date(s.scored_at).toISOString() : null,
      files: s ? files.filter((f) => f.owner_id === s.id).map((f) => ({ id: f.id, name: f.original_name })) : [],
    };
  });
  return { institutionId, institutionName: res.institution_name, year: run.year, items };
}

/** The attachment id if it is a file of a hand score of this run (else 404). */
export async function fileOfRun(db: DB, runId: string, fileId: string): Promise<string> {
  const f = await db.selectFrom('attachments as a').innerJoin('assessment_scores as s', 's.id', 'a.owner_id').select('a.id')
    .where('a.id', '=', fileId).where('a.owner_type', '=', 'assessment_score').where('a.status', '=', 'attached').where('s.run_id', '=', runId).executeTakeFirst();
  if (!f) throw NotFound('attachment', '附件');
  return f.id;
}
