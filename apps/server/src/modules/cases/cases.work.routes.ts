import { toCstDate } from '@yuanzhi/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { addNote, completeTask, listNotes } from './cases.notes.ts';
import { listCases } from './cases.queue.ts';
import { handlerSuggestions } from './handler-suggestions.ts';
import { revealParty } from './cases.reveal.ts';
import { exportQuery, idParams, noteBody, noteParams, partyParams, revealBody } from './cases.schemas.ts';
import { buildCasesWorkbook } from './cases.xlsx.ts';

const tags = ['cases'];
/** Export at most this many rows in one workbook. */
export const EXPORT_MAX_ROWS = 10_000;

/** The working file (notes, tasks, contact log), the audited reveal of personal data, and the .xlsx export. */
export async function caseWorkRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/cases/export.xlsx', {
    config: { access: 'case.export' },
    schema: { tags, summary: '导出案件 Export the case list (.xlsx), same filters as the list', querystring: exportQuery },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const { rows } = await listCases(deps.db, actor, req.query, toCstDate(deps.clock.now()), 1, EXPORT_MAX_ROWS);
    const file = await buildCasesWorkbook(rows);
    await recordAudit(deps.db, auditContext(req), {
      action: 'case.export', objectType: 'case', detail: { count: rows.length, filters: Object.keys(req.query) },
    });
    const name = encodeURIComponent('维权援助案件.xlsx');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="cases.xlsx"; filename*=UTF-8''${name}`)
      .send(file);
  });

  r.get('/api/cases/:id/handler-suggestions', {
    config: { access: 'case.assign' },
    schema: {
      tags, summary: '建议承办人 Qualified handlers by open caseload, the least-loaded first', params: idParams,
      response: {
        200: z.object({
          data: z.array(z.object({
            id: z.string(), displayName: z.string(), username: z.string().nullable(), openCases: z.number().int(), suggested: z.boolean(),
          })),
        }),
      },
    },
  }, async (req) => ({ data: await handlerSuggestions(deps, requireActor(req), req.params.id) }));

  r.get('/api/cases/:id/notes', {
    config: { access: 'case.read' },
    schema: {
      tags, summary: '案件备注、任务与联系记录 Notes, tasks and contact log', params: idParams,
      response: { 200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) },
    },
  }, async (req) => ({ data: await listNotes(deps, requireActor(req), req.params.id) }));

  r.post('/api/cases/:id/notes', {
    config: { access: 'case.note' },
    schema: {
      tags, summary: '添加备注、任务或联系记录 Add a note, task or contact log entry', params: idParams, body: noteBody,
      response: { 201: z.object({ data: z.object({ id: z.string() }) }) },
    },
  }, async (req, reply) => {
    const id = await addNote(deps, requireActor(req), req.params.id, req.body, auditContext(req));
    return reply.status(201).send({ data: { id } });
  });

  r.post('/api/cases/:id/notes/:noteId/done', {
    config: { access: 'case.note' },
    schema: { tags, summary: '完成任务 Mark a task done', params: noteParams, response: { 200: z.object({ data: z.object({ ok: z.boolean() }) }) } },
  }, async (req) => {
    await completeTask(deps, requireActor(req), req.params.id, req.params.noteId, auditContext(req));
    return { data: { ok: true } };
  });

  r.post('/api/cases/:id/parties/:partyId/reveal', {
    config: { access: 'case.pii.reveal' },
    schema: {
      tags, summary: '查看当事人完整信息（留痕）Reveal a party\'s personal field (audited)', params: partyParams, body: revealBody,
      response: { 200: z.object({ data: z.object({ field: z.string(), value: z.string().nullable() }) }) },
    },
  }, async (req) => ({ data: await revealParty(deps, requireActor(req), req.params.id, req.params.partyId, req.body.field, auditContext(req)) }));
}
