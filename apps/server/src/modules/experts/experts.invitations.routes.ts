import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { caseInvitations, inviteFromMatch, myInvitations, rateInvitation, respond } from './experts.invitations.ts';
import { caseForInvite, createMatch, latestMatch, matchBody } from './experts.matching.ts';

const tags = ['experts'];
const caseParams = z.strictObject({ id: z.uuid() });

export async function invitationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/cases/:id/expert-matching', {
    config: { access: 'expert.invite' },
    schema: { tags, summary: '本案最近一次专家匹配与邀请 Latest ranking and the invitations of a case', params: caseParams },
  }, async (req) => {
    const c = await caseForInvite(deps.db, requireActor(req), req.params.id);
    const [match, invitations] = await Promise.all([latestMatch(deps.db, c.id), caseInvitations(deps.db, c.id)]);
    return { data: { match, invitations } };
  });

  r.post('/api/cases/:id/expert-matches', {
    config: { access: 'expert.invite' },
    schema: { tags, summary: '为案件匹配专家（先回避、后排序）Rank experts for a case, recusal first', params: caseParams, body: matchBody },
  }, async (req, reply) => {
    const m = await createMatch(deps, requireActor(req), req.params.id, req.body, auditContext(req));
    return reply.status(201).send({ data: m });
  });

  r.post('/api/cases/:id/expert-invitations', {
    config: { access: 'expert.invite' },
    schema: {
      tags, summary: '从排序结果邀请专家 Invite a ranked expert', params: caseParams,
      body: z.strictObject({ matchId: z.uuid(), expertId: z.uuid() }),
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    await inviteFromMatch(deps, actor, req.params.id, req.body.matchId, req.body.expertId, auditContext(req));
    return reply.status(201).send({ data: await caseInvitations(deps.db, req.params.id) });
  });

  r.get('/api/expert-invitations/mine', {
    config: { access: 'case.expert' },
    schema: { tags, summary: '我收到的专家邀请 Invitations to the signed-in expert' },
  }, async (req) => ({ data: await myInvitations(deps.db, requireActor(req).userId) }));

  r.post('/api/expert-invitations/:id/accept', {
    config: { access: 'case.expert' },
    schema: { tags, summary: '接受邀请 Accept an invitation', params: caseParams, body: z.strictObject({}).optional() },
  }, async (req) => ({ data: await respond(deps, requireActor(req), req.params.id, 'accept', undefined, auditContext(req)) }));

  r.post('/api/expert-invitations/:id/decline', {
    config: { access: 'case.expert' },
    schema: {
      tags, summary: '谢绝邀请（须说明理由）Decline an invitation with a reason', params: caseParams,
      body: z.strictObject({ reason: z.string().trim().min(2, '请说明谢绝理由 / give a reason').max(500) }),
    },
  }, async (req) => ({ data: await respond(deps, requireActor(req), req.params.id, 'decline', req.body.reason, auditContext(req)) }));

  r.post('/api/expert-invitations/:id/rating', {
    config: { access: 'expert.invite' },
    schema: {
      tags, summary: '评价专家在本案的工作 Rate the expert\'s work on the case', params: caseParams,
      body: z.strictObject({ rating: z.number().int().min(1).max(5), note: z.string().trim().max(500).optional() }),
    },
  }, async (req) => {
    await rateInvitation(deps, requireActor(req), req.params.id, req.body.rating, req.body.note, auditContext(req));
    return { data: { ok: true } };
  });
}
