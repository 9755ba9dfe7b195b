import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../authz/actor.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { discardPending, receiveUploads } from '../../platform/storage/index.ts';
import { auditContext } from '../audit/audit.record.ts';
import { caseNotFound } from '../cases/cases.access.ts';
import { findCase, type CaseRow } from '../cases/cases.repository.ts';
import { transitionCase } from '../cases/cases.transition.ts';
import { requireApplicant } from './portal.drafts.ts';
import { rateCase, ratingLinkView } from './portal.rating.ts';
import { idParams, rateBody, rateParams, trackBody, trackCodeBody, withdrawBody } from './portal.schemas.ts';
import { caseForTrackToken, sendTrackCode, verifyTrackCode } from './portal.track.ts';
import { ownCases, portalCaseView } from './portal.view.ts';

/** The applicant's cases after submission: track, supplement, withdraw; tracking without an account; rating. */
const tags = ['portal'];
const data = z.object({ data: z.record(z.string(), z.unknown()) });
const SUPPLEMENT_LIMITS = { maxFiles: 10, maxFileBytes: 20 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxFields: 5 };

export async function portalCaseRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  /** The caller's own submitted case; anybody else's (staff included) does not exist here. */
  const ownCase = async (actor: Actor, id: string): Promise<CaseRow> => {
    const c = await findCase(deps.db, id);
    if (!c || c.state === 'draft' || c.applicant_user_id === null || c.applicant_user_id !== actor.userId) throw caseNotFound();
    return c;
  };

  r.get('/api/portal/cases', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '我的案件 My cases', response: { 200: z.object({ data: z.array(z.record(z.string(), z.unknown())) }) } },
  }, async (req) => ({ data: await ownCases(deps.db, requireActor(req).userId) }));

  r.get('/api/portal/cases/:id', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '案件进度 State, what happens next and by when, messages, documents', params: idParams, response: { 200: data } },
  }, async (req) => ({ data: await portalCaseView(deps, await ownCase(requireActor(req), req.params.id), { readOnly: false }) }));

  r.post('/api/portal/cases/:id/supplement', {
    config: { access: 'authenticated' },
    schema: {
      tags, params: idParams, response: { 200: data },
      summary: '补充材料 Reply to a request for more material (multipart: files in "file", optional text field "note")',
    },
  }, async (req) => {
    const actor = requireActor(req);
    requireApplicant(actor);
    await ownCase(actor, req.params.id);
    const up = await receiveUploads(deps, req, SUPPLEMENT_LIMITS, { ownerType: 'case', uploadedBy: actor.userId });
    const ids = up.files.map((f) => f.id);
    const note = up.fields.note?.trim().slice(0, 2000);
    try {
      await transitionCase(deps, actor, req.params.id, 'supplement', note ? { note } : {}, auditContext(req), { attachmentIds: ids });
    } catch (e) {
      await discardPending(deps, ids).catch(() => {});
      throw e;
    }
    return { data: await portalCaseView(deps, await ownCase(actor, req.params.id), { readOnly: false }) };
  });

  r.post('/api/portal/cases/:id/withdraw', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '撤回申请 Withdraw an open case (reason optional)', params: idParams, body: withdrawBody, response: { 200: data } },
  }, async (req) => {
    const actor = requireActor(req);
    await ownCase(actor, req.params.id);
    await transitionCase(deps, actor, req.params.id, 'withdraw', req.body.reason ? { reason: req.body.reason } : {}, auditContext(req));
    return { data: await portalCaseView(deps, await ownCase(actor, req.params.id), { readOnly: false }) };
  });

  r.post('/api/portal/track/code', {
    config: { access: 'public' },
    schema: {
      tags, summary: '免登录查询：发送验证码 Send a code to the phone or e-mail given in the application (same answer either way)',
      body: trackCodeBody, response: { 200: data },
    },
  }, async (req) => {
    const s = await sendTrackCode(deps, req.body.caseNumber, req.body.contact, req.ip);
    return { data: { sent: true, ...s, message: { zh: '如案件编号与联系方式相符，验证码已发送', en: 'If the case number and the contact match, a code has been sent' } } };
  });

  r.post('/api/portal/track', {
    config: { access: 'public' },
    schema: { tags, summary: '免登录查询：验证 Exchange the code for a read-only token (30 minutes)', body: trackBody, response: { 200: data } },
  }, async (req) => ({ data: await verifyTrackCode(deps, req.body.caseNumber, req.body.contact, req.body.code, req.ip) }));

  r.get('/api/portal/track/case', {
    config: { access: 'public' },
    schema: {
      tags, summary: '免登录查询：案件进度 The case, read-only, with header x-track-token',
      headers: z.object({ 'x-track-token': z.string().optional() }).loose(), response: { 200: data },
    },
  }, async (req) => {
    const token = req.headers['x-track-token'];
    const c = await caseForTrackToken(deps, typeof token === 'string' ? token : undefined);
    return { data: await portalCaseView(deps, c, { readOnly: true }) };
  });

  r.get('/api/portal/rate/:token', {
    config: { access: 'public' },
    schema: { tags, summary: '评价链接 The case a rating link is for, and whether it was rated', params: rateParams, response: { 200: data } },
  }, async (req) => ({ data: await ratingLinkView(deps, req.params.token) }));

  r.post('/api/portal/rate/:token', {
    config: { access: 'public' },
    schema: { tags, summary: '评价服务 Rate the service once (1–5, comment optional)', params: rateParams, body: rateBody, response: { 200: data } },
  }, async (req) => ({ data: await rateCase(deps, req.params.token, req.body.score, req.body.comment) }));
}
