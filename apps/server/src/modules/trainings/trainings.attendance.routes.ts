import { labelOf, registrationStatuses } from '@yuanzhi/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { cancelByStaff, checkInByStaff } from './trainings.registration.ts';
import { getTraining, registrationsOf } from './trainings.repository.ts';
import { headCountBody, idParams, registrationParams } from './trainings.schemas.ts';
import { recordHeadCount } from './trainings.service.ts';
import { cst, sheet, xlsxHeaders } from './trainings.xlsx.ts';

const tags = ['trainings'];

type Reg = Awaited<ReturnType<typeof registrationsOf>>[number];
const presentRegistration = (x: Reg) => ({
  id: x.id, name: x.name, phoneMasked: x.phone_masked, organisation: x.organisation, code: x.code, status: x.status,
  checkedInAt: x.checked_in_at ? new Date(x.checked_in_at).toISOString() : null, checkedInVia: x.checked_in_via, registeredAt: new Date(x.created_at).toISOString(),
});

/** The staff side of attendance: the list to tick, the door's QR code, the head count. */
export async function trainingAttendanceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  async function inScope(actor: Actor, id: string) {
    const row = await getTraining(deps.db, scopeFor(actor, 'training.read'), id);
    if (!row) throw NotFound('training', '培训');
    return row;
  }

  r.get('/api/trainings/:id/registrations', {
    config: { access: 'training.read' },
    schema: { tags, summary: '报名与签到名单（手机号脱敏）Registrations, phones masked', params: idParams },
  }, async (req) => {
    await inScope(requireActor(req), req.params.id);
    return { data: (await registrationsOf(deps.db, req.params.id)).map(presentRegistration) };
  });

  r.get('/api/trainings/:id/registrations.xlsx', {
    config: { access: 'training.read' },
    schema: { tags, summary: '导出签到表 Export the sign-in sheet (.xlsx)', params: idParams },
  }, async (req, reply) => {
    const t = await inScope(requireActor(req), req.params.id);
    const rows = (await registrationsOf(deps.db, req.params.id)).map(presentRegistration);
    const file = await sheet<ReturnType<typeof presentRegistration>>('签到表', [
      { zh: '姓名', width: 14, value: (x) => x.name },
      { zh: '手机号', width: 16, value: (x) => x.phoneMasked },
      { zh: '单位', width: 30, value: (x) => x.organisation ?? '' },
      { zh: '报名码', width: 10, value: (x) => x.code },
      { zh: '状态', width: 10, value: (x) => labelOf(registrationStatuses, x.status) },
      { zh: '签到时间', width: 18, value: (x) => (x.checkedInAt ? cst(x.checkedInAt) : '') },
    ], rows);
    await recordAudit(deps.db, auditContext(req), {
      action: 'training.export_registrations', objectType: 'training', objectId: t.id, institutionId: t.institution_id, institutionPath: t.institution_path, detail: { count: rows.length },
    });
    return reply.headers(xlsxHeaders('sign-in.xlsx', `${t.title.slice(0, 40)}-签到表.xlsx`)).send(file);
  });

  r.post('/api/trainings/:id/registrations/:registrationId/checkin', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '现场签到（名单勾选）Check a registrant in from the list', params: registrationParams },
  }, async (req) => ({ data: await checkInByStaff(deps, requireActor(req), req.params.id, req.params.registrationId, auditContext(req)) }));

  r.post('/api/trainings/:id/registrations/:registrationId/cancel', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '取消报名（候补自动递补）Cancel a registration; the waiting list moves up', params: registrationParams },
  }, async (req, reply) => {
    await cancelByStaff(deps, requireActor(req), req.params.id, req.params.registrationId, auditContext(req));
    return reply.status(204).send();
  });

  r.put('/api/trainings/:id/head-count', {
    config: { access: 'training.manage' },
    schema: { tags, summary: '记录实际到场人数 Record the head count', params: idParams, body: headCountBody },
  }, async (req, reply) => {
    await recordHeadCount(deps, requireActor(req), req.params.id, req.body.headCount, auditContext(req));
    return reply.status(204).send();
  });

  r.get('/api/trainings/:id/qr', {
    config: { access: 'training.read' },
    schema: { tags, summary: '签到二维码（SVG / PNG）The door QR code', params: idParams, querystring: z.strictObject({ format: z.enum(['svg', 'png']).default('svg') }) },
  }, async (req, reply) => {
    const t = await inScope(requireActor(req), req.params.id);
    const url = `${req.protocol}://${req.host}/trainings/checkin/${t.checkin_token}`;
    const opts = { errorCorrectionLevel: 'M' as const, margin: 2 };
    if (req.query.format === 'png') {
      return reply.header('content-type', 'image/png').header('cache-control', 'no-store').send(await QRCode.toBuffer(url, { ...opts, width: 600 }));
    }
    return reply.header('content-type', 'image/svg+xml').header('cache-control', 'no-store').send(await QRCode.toString(url, { ...opts, type: 'svg' }));
  });
}
