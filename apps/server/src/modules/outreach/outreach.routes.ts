import { labelOf, outreachChannels, outreachChannelValues, outreachKinds, outreachKindValues } from '@yuanzhi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { can, inScope, scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import type { OutreachActivitiesTable } from '../../platform/tables.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { targetInstitution } from '../experts/experts.service.ts';
import { sheet, xlsxHeaders } from '../trainings/trainings.xlsx.ts';

/** 宣传活动: a simple registry of publicity activities (e.g. the 4·26 World IP Day week) and their reach. */
const tags = ['outreach'];
const count = z.number().int().min(0, '不能为负 / cannot be negative').max(1_000_000_000).nullish();
const fields = {
  name: z.string().trim().min(1, '请填写活动名称 / name required').max(200),
  heldOn: z.iso.date('日期格式为 YYYY-MM-DD / date as YYYY-MM-DD'),
  kind: z.enum(outreachKindValues),
  channel: z.enum(outreachChannelValues),
  reachPeople: count,
  reachViews: count,
  notes: z.string().trim().max(2000).nullish(),
};
const createBody = z.strictObject({ institutionId: z.uuid().optional(), ...fields });
const updateBody = z.strictObject({
  name: fields.name.optional(), heldOn: fields.heldOn.optional(), kind: fields.kind.optional(), channel: fields.channel.optional(),
  reachPeople: count, reachViews: count, notes: fields.notes,
});
const listQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  kind: z.enum(outreachKindValues).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const idParams = z.strictObject({ id: z.uuid() });

type Row = Selectable<OutreachActivitiesTable> & { institution_name: string };
const present = (r: Row) => ({
  id: r.id, institutionId: r.institution_id, institutionName: r.institution_name, name: r.name, heldOn: String(r.held_on).slice(0, 10),
  kind: r.kind, channel: r.channel, reachPeople: r.reach_people, reachViews: r.reach_views, notes: r.notes,
});
const columns = (f: Partial<z.infer<typeof createBody>>) => {
  const map: Record<string, string> = { name: 'name', heldOn: 'held_on', kind: 'kind', channel: 'channel', reachPeople: 'reach_people', reachViews: 'reach_views', notes: 'notes' };
  return Object.fromEntries(Object.entries(map).filter(([k]) => (f as Record<string, unknown>)[k] !== undefined).map(([k, c]) => [c, (f as Record<string, unknown>)[k]]));
};

export async function outreachRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  function list(scopePaths: ReturnType<typeof scopeFor>, f: Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>) {
    let q = deps.db.selectFrom('outreach_activities as o').innerJoin('institutions as i', 'i.id', 'o.institution_id')
      .selectAll('o').select('i.name as institution_name').where(inScope(scopePaths, 'o.institution_path'));
    if (f.year) q = q.where(sql<boolean>`extract(year FROM o.held_on) = ${f.year}`);
    if (f.kind) q = q.where('o.kind', '=', f.kind);
    return q;
  }

  r.get('/api/outreach', {
    config: { access: 'training.read' },
    schema: { tags, summary: '宣传活动列表 Publicity activities in scope', querystring: listQuery },
  }, async (req) => {
    const { page, pageSize, ...f } = req.query;
    const q = list(scopeFor(requireActor(req), 'training.read'), f);
    const [rows, totals] = await Promise.all([
      q.orderBy('o.held_on', 'desc').orderBy('o.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
      q.clearSelect().select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(o.reach_people), 0)::int`.as('people'), sql<number>`coalesce(sum(o.reach_views), 0)::bigint::float8`.as('views')]).executeTakeFirstOrThrow(),
    ]);
    return { data: (rows as Row[]).map(present), total: totals.n, reach: { people: totals.people, views: totals.views }, page, pageSize };
  });

  r.get('/api/outreach/export.xlsx', {
    config: { access: 'training.read' },
    schema: { tags, summary: '导出宣传活动 Export (.xlsx)', querystring: listQuery.omit({ page: true, pageSize: true }) },
  }, async (req, reply) => {
    const rows = ((await list(scopeFor(requireActor(req), 'training.read'), req.query).orderBy('o.held_on', 'desc').limit(5000).execute()) as Row[]).map(present);
    const file = await sheet<ReturnType<typeof present>>('宣传活动', [
      { zh: '活动名称', width: 40, value: (x) => x.name },
      { zh: '日期', width: 12, value: (x) => x.heldOn },
      { zh: '类型', width: 20, value: (x) => labelOf(outreachKinds, x.kind) },
      { zh: '渠道', width: 14, value: (x) => labelOf(outreachChannels, x.channel) },
      { zh: '覆盖人数', width: 12, value: (x) => x.reachPeople ?? '' },
      { zh: '浏览量', width: 12, value: (x) => x.reachViews ?? '' },
      { zh: '机构', width: 30, value: (x) => x.institutionName },
    ], rows);
    await recordAudit(deps.db, auditContext(req), { action: 'outreach.export', objectType: 'outreach', detail: { count: rows.length } });
    return reply.headers(xlsxHeaders('outreach.xlsx', '宣传活动.xlsx')).send(file);
  });

  r.post('/api/outreach', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '登记宣传活动 Record a publicity activity', body: createBody },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const id = await deps.db.transaction().execute(async (tx) => {
      const inst = await targetInstitution(tx, actor, req.body.institutionId, 'training.manage');
      const now = deps.clock.now();
      const row = await tx.insertInto('outreach_activities')
        .values({ ...columns(req.body), institution_id: inst.id, institution_path: inst.path, created_by: actor.userId, created_at: now, updated_at: now } as never)
        .returning('id').executeTakeFirstOrThrow();
      await recordAudit(tx, auditContext(req), { action: 'outreach.create', objectType: 'outreach', objectId: row.id, institutionId: inst.id, institutionPath: inst.path });
      return row.id;
    });
    const row = await list(scopeFor(actor, 'training.read'), {}).where('o.id', '=', id).executeTakeFirstOrThrow();
    return reply.status(201).send({ data: present(row as Row) });
  });

  r.patch('/api/outreach/:id', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '修改宣传活动 Update a publicity activity', params: idParams, body: updateBody },
  }, async (req) => {
    const actor = requireActor(req);
    const cur = await list(scopeFor(actor, 'training.read'), {}).where('o.id', '=', req.params.id).executeTakeFirst();
    if (!cur || !can(actor, 'training.manage', { institutionPath: cur.institution_path })) throw NotFound('outreach', '宣传活动');
    await deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('outreach_activities').set({ ...columns(req.body), updated_at: deps.clock.now() } as never).where('id', '=', cur.id).execute();
      await recordAudit(tx, auditContext(req), {
        action: 'outreach.update', objectType: 'outreach', objectId: cur.id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
        detail: { fields: Object.keys(req.body) },
      });
    });
    return { data: present((await list(scopeFor(actor, 'training.read'), {}).where('o.id', '=', cur.id).executeTakeFirstOrThrow()) as Row) };
  });
}
