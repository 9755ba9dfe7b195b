import {
  parsePeriod, periodEnded, periodLabel, returnActionAllowed, returnDueOn, toCstDate, type ReturnStatus,
} from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { can, scopeFor, systemScope } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, Forbidden, Invalid, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { notify } from '../notifications/notifications.service.ts';
import { renderTemplate } from '../notifications/notifications.templates.ts';
import {
  acceptedBelow, FILING_TYPES, filingInstitutions, findReturn, holdersAt, institutionInScope, nearestReviewers, returnById, type ReturnRow,
} from './returns.repository.ts';
import { summary, toPeriod } from './stats.service.ts';

export interface Practice { title: string; text: string }
export interface ReturnInput {
  institutionId: string;
  period: string;
  fundsSpent: number | null;
  narrative: string;
  practices: Practice[];
  submit: boolean;
}

const parentPath = (path: string) => path.split('.').slice(0, -1).join('.');

/** The platform's figures for the institution's subtree (the return pre-fill). */
async function liveFigures(deps: Deps, institutionId: string, period: string): Promise<Record<string, number | null>> {
  const items = await summary(deps.db, systemScope(), { period, institutionId });
  return Object.fromEntries(items.map((i) => [i.id, i.value]));
}

export async function returnView(deps: Deps, actor: Actor, institutionId: string, period: string) {
  const p = toPeriod(period);
  const inst = await institutionInScope(deps.db, scopeFor(actor, 'stats.read'), institutionId);
  if (!inst) throw NotFound('institution', '机构');
  if (!(FILING_TYPES as readonly string[]).includes(inst.type)) {
    throw Invalid('institutionId', '该机构不单独报送统计报表（计入上级机构）', 'This institution does not file returns (its parent does)');
  }
  const row = await findReturn(deps.db, institutionId, period);
  const status: ReturnStatus | 'none' = row?.status ?? 'none';
  const frozen = row && (row.status === 'submitted' || row.status === 'accepted');
  const below = await acceptedBelow(deps.db, inst.path, period);
  const today = toCstDate(deps.clock.now());
  const ended = periodEnded(p, today);
  const canFile = can(actor, 'stats.return.file', { institutionPath: inst.path }) && ended;
  const canReview = can(actor, 'stats.return.review', { institutionPath: parentPath(inst.path) });
  return {
    id: row?.id ?? null,
    institution: { id: inst.id, name: inst.name, level: inst.level },
    period, periodLabel: periodLabel(p), status, dueOn: returnDueOn(p),
    figures: frozen ? row.figures : await liveFigures(deps, institutionId, period),
    fundsSpent: row?.funds_spent === null || row?.funds_spent === undefined ? null : Number(row.funds_spent),
    narrative: row?.narrative ?? '', practices: row?.practices ?? [], reviewComment: row?.review_comment ?? null,
    submittedAt: row?.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    rollup: {
      fundsSpent: below.reduce((s, b) => s + Number(b.funds_spent ?? 0), 0),
      returns: below.map((b) => ({ id: b.id, institutionName: b.name, fundsSpent: b.funds_spent === null ? null : Number(b.funds_spent), practices: b.practices })),
    },
    history: row ? await deps.db.selectFrom('stat_return_events').select(['action', 'actor_name', 'comment', 'at']).where('return_id', '=', row.id).orderBy('at').execute()
      .then((es) => es.map((e) => ({ action: e.action, actorName: e.actor_name, comment: e.comment, at: new Date(e.at).toISOString() }))) : [],
    abilities: {
      save: canFile && returnActionAllowed(status, 'save'),
      submit: canFile && returnActionAllowed(status, 'submit'),
      review: canReview && status === 'submitted',
    },
    periodEnded: ended,
  };
}

export async function saveReturn(deps: Deps, actor: Actor, input: ReturnInput, ctx: AuditContext): Promise<string> {
  const p = toPeriod(input.period);
  const inst = await institutionInScope(deps.db, scopeFor(actor, 'stats.read'), input.institutionId);
  if (!inst) throw NotFound('institution', '机构');
  if (!can(actor, 'stats.return.file', { institutionPath: inst.path })) throw Forbidden();
  if (!(FILING_TYPES as readonly string[]).includes(inst.type)) throw Invalid('institutionId', '该机构不单独报送统计报表', 'This institution does not file returns');
  if (!periodEnded(p, toCstDate(deps.clock.now()))) throw Invalid('period', '统计期尚未结束，不能报送', 'The period has not ended yet');
  const action = input.submit ? 'submit' : 'save';
  const figures = input.submit ? await liveFigures(deps, inst.id, input.period) : {};
  return deps.db.transaction().execute(async (tx) => {
    const row = await findReturn(tx, inst.id, input.period, true);
    if (!returnActionAllowed(row?.status ?? 'none', action)) {
      throw Conflict('return_locked', '该报表已提交或已通过审核，不能修改', 'The return has been submitted or accepted and cannot be changed', 'status');
    }
    const now = deps.clock.now();
    const values = {
      funds_spent: input.fundsSpent, narrative: input.narrative.trim(), practices: JSON.stringify(input.practices.map((x) => ({ title: x.title.trim(), text: x.text.trim() }))),
      status: input.submit ? 'submitted' as const : 'draft' as const, updated_at: now,
      ...(input.submit ? { figures: JSON.stringify(figures), submitted_at: now, submitted_by: actor.userId } : {}),
    };
    const id = row
      ? (await tx.updateTable('stat_returns').set({ ...values, version: row.version + 1 }).where('id', '=', row.id).returning('id').executeTakeFirstOrThrow()).id
      : (await tx.insertInto('stat_returns').values({
        ...values, institution_id: inst.id, institution_path: inst.path, period: input.period, period_kind: p.kind, due_on: returnDueOn(p),
        figures: values.figures ?? '{}',
      }).returning('id').executeTakeFirstOrThrow()).id;
    await tx.insertInto('stat_return_events').values({ return_id: id, action, actor_id: actor.userId, actor_name: actor.displayName, comment: null, at: now }).execute();
    await recordAudit(tx, ctx, { action: `stats.return.${action}`, objectType: 'stat_return', objectId: id, institutionId: inst.id, institutionPath: inst.path, detail: { period: input.period } });
    if (input.submit) {
      const t = renderTemplate('return_submitted', { institution: inst.name, period: periodLabel(p) });
      await notify(deps, tx, { userIds: await nearestReviewers(tx, inst.path), kind: 'return_submitted', title: t.title, body: t.body, link: `/console/stats/returns?period=${input.period}` });
    }
    return id;
  });
}

export async function reviewReturn(deps: Deps, actor: Actor, id: string, decision: 'return' | 'accept', comment: string | undefined, ctx: AuditContext): Promise<void> {
  const note = comment?.trim() ?? '';
  if (decision === 'return' && !note) throw Invalid('comment', '退回时请填写修改意见', 'Say what to correct when sending a return back');
  await deps.db.transaction().execute(async (tx) => {
    const row: ReturnRow | undefined = await returnById(tx, scopeFor(actor, 'stats.read'), id, true);
    if (!row) throw NotFound('return', '统计报表');
    if (!can(actor, 'stats.return.review', { institutionPath: parentPath(row.institution_path) })) throw Forbidden();
    if (!returnActionAllowed(row.status, decision)) {
      throw new AppError(409, 'return_not_submitted', '只能审核已提交的报表', 'Only a submitted return can be reviewed', 'status', { status: row.status });
    }
    const now = deps.clock.now();
    await tx.updateTable('stat_returns').set({
      status: decision === 'accept' ? 'accepted' : 'returned', review_comment: note || null, reviewed_at: now, reviewed_by: actor.userId,
      version: row.version + 1, updated_at: now,
    }).where('id', '=', row.id).execute();
    await tx.insertInto('stat_return_events').values({ return_id: row.id, action: decision, actor_id: actor.userId, actor_name: actor.displayName, comment: note || null, at: now }).execute();
    await recordAudit(tx, ctx, { action: `stats.return.${decision}`, objectType: 'stat_return', objectId: row.id, institutionId: row.institution_id, institutionPath: row.institution_path, detail: { period: row.period } });
    const kind = decision === 'accept' ? 'return_accepted' : 'return_returned';
    const t = renderTemplate(kind, { period: periodLabel(parsePeriod(row.period)!), note });
    await notify(deps, tx, { userIds: await holdersAt(tx, row.institution_id, 'stats.return.file'), kind, title: t.title, body: t.body, link: `/console/stats/returns?period=${row.period}` });
  });
}

/** Who has and has not filed a period's return, with the due date; institutions in the read scope. */
export async function returnBoard(deps: Deps, actor: Actor, period: string) {
  const p = toPeriod(period);
  const list = await filingInstitutions(deps.db, scopeFor(actor, 'stats.read'));
  const rows = list.length === 0 ? [] : await deps.db.selectFrom('stat_returns').select(['id', 'institution_id', 'status', 'submitted_at'])
    .where('period', '=', period).where('institution_id', 'in', list.map((i) => i.id)).execute();
  const byInst = new Map(rows.map((r) => [r.institution_id, r]));
  const due = returnDueOn(p);
  const today = toCstDate(deps.clock.now());
  return list.map((i) => {
    const r = byInst.get(i.id);
    const status = r?.status ?? 'missing';
    const filed = status === 'submitted' || status === 'accepted';
    return {
      institutionId: i.id, institutionName: i.name, level: i.level, returnId: r?.id ?? null, status, dueOn: due,
      overdue: !filed && today > due, submittedAt: r?.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    };
  });
}
