import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rateLimit } from '../../platform/rate-limit.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { changePassword, enableMfa, login, reloadSession, setupMfa, verifyMfa } from './auth.service.ts';
import { buildMe } from './me.ts';
import { registerApplicant, requestReset, resetPassword } from './register.ts';
import { sendCode } from './codes.ts';
import { SESSION_COOKIE } from './session.ts';

const tags = ['auth'];
const MeOut = z.any();
const stepOut = z.object({ data: MeOut, csrfToken: z.string() });
const pw = z.string().min(1).max(200);
const partyKind = z.enum(['natural_person', 'legal_person', 'unincorporated_org', 'individual_business']);
const channel = z.enum(['email', 'sms']);

function setCookie(req: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https', path: '/' });
}

/** Answer of every sign-in step: who you are, the next step, and the CSRF token. */
async function stepAnswer(app: FastifyInstance, token: string) {
  const s = await reloadSession(app.deps, token);
  const me = await buildMe(app.deps, s);
  return { data: { ...me, me }, csrfToken: s.csrfToken };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  const tokenOf = (req: FastifyRequest) => req.cookies[SESSION_COOKIE] ?? '';
  // Session-step routes are 'public' at the guard: they work on a session that is not complete yet
  // (2FA or a forced password change pending) and check it themselves.

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: '登录 Sign in', body: z.strictObject({ username: z.string().min(1).max(100), password: pw }), response: { 200: stepOut } },
  }, async (req, reply) => {
    await rateLimit(deps.db, `login-ip:${req.ip}`, 30, 60, deps.clock.now());
    const { token } = await login(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] }, auditContext(req));
    setCookie(req, reply, token);
    return stepAnswer(app, token);
  });

  r.post('/api/auth/mfa', {
    config: { access: 'public' },
    schema: { tags, summary: '双因素认证 Verify TOTP', body: z.strictObject({ code: z.string().min(1).max(10) }), response: { 200: stepOut } },
  }, async (req) => {
    await verifyMfa(deps, req.session, req.body.code, auditContext(req));
    return stepAnswer(app, tokenOf(req));
  });

  r.post('/api/auth/mfa/setup', {
    config: { access: 'public' },
    schema: { tags, summary: '生成 TOTP 密钥 Start TOTP enrolment', body: z.strictObject({}).optional(), response: { 200: z.object({ data: z.object({ secret: z.string(), otpauthUrl: z.string() }) }) } },
  }, async (req) => ({ data: await setupMfa(deps, req.session) }));

  r.post('/api/auth/mfa/enable', {
    config: { access: 'public' },
    schema: { tags, summary: '启用 TOTP Enable TOTP', body: z.strictObject({ code: z.string().min(1).max(10) }), response: { 200: stepOut } },
  }, async (req) => {
    await enableMfa(deps, req.session, req.body.code, auditContext(req));
    return stepAnswer(app, tokenOf(req));
  });

  r.post('/api/auth/password', {
    config: { access: 'public' },
    schema: { tags, summary: '修改密码 Change password', body: z.strictObject({ currentPassword: pw, newPassword: pw }), response: { 200: stepOut } },
  }, async (req) => {
    await changePassword(deps, req.session, req.body, auditContext(req));
    return stepAnswer(app, tokenOf(req));
  });

  r.post('/api/auth/logout', {
    config: { access: 'public' },
    schema: { tags, summary: '退出 Sign out', body: z.strictObject({}).optional(), response: { 200: z.object({ data: z.object({ ok: z.boolean() }) }) } },
  }, async (req, reply) => {
    if (req.session) {
      await deps.db.deleteFrom('sessions').where('id_hash', '=', req.session.idHash).execute();
      await recordAudit(deps.db, auditContext(req), { action: 'auth.logout', objectType: 'user', objectId: req.session.userId });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { data: { ok: true } };
  });

  r.get('/api/auth/me', {
    config: { access: 'public' },
    schema: { tags, summary: '当前用户 Who am I', response: { 200: z.object({ data: MeOut.nullable(), csrfToken: z.string().optional() }) } },
  }, async (req) => {
    if (!req.session) return { data: null };
    return { data: await buildMe(deps, req.session), csrfToken: req.session.csrfToken };
  });

  r.post('/api/auth/codes', {
    config: { access: 'public' },
    schema: {
      tags, summary: '发送验证码 Send a verification code',
      body: z.strictObject({ purpose: z.enum(['register', 'reset_password']), channel, target: z.string().min(3).max(100) }),
      response: { 200: z.object({ data: z.object({ sent: z.boolean(), expiresInSeconds: z.number() }) }) },
    },
  }, async (req) => {
    const { purpose, channel: ch, target } = req.body;
    const ttl = purpose === 'register' ? await sendCode(deps, purpose, ch, target, req.ip) : await requestReset(deps, ch, target, req.ip);
    return { data: { sent: true, expiresInSeconds: ttl } };
  });

  r.post('/api/auth/register', {
    config: { access: 'public' },
    schema: {
      tags, summary: '申请人注册 Applicant sign-up',
      body: z.strictObject({
        partyKind,
        displayName: z.string().trim().min(1).max(100),
        orgName: z.string().max(200).optional(),
        creditCode: z.string().max(18).optional(),
        email: z.string().max(100).optional(),
        phone: z.string().max(20).optional(),
        code: z.string().min(4).max(8),
        password: pw,
      }),
      response: { 200: stepOut },
    },
  }, async (req, reply) => {
    await rateLimit(deps.db, `register-ip:${req.ip}`, 20, 3600, deps.clock.now());
    const { token } = await registerApplicant(deps, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] }, auditContext(req));
    setCookie(req, reply, token);
    return stepAnswer(app, token);
  });

  r.post('/api/auth/reset-password', {
    config: { access: 'public' },
    schema: {
      tags, summary: '重置密码 Reset password',
      body: z.strictObject({ channel, target: z.string().min(3).max(100), code: z.string().min(4).max(8), newPassword: pw }),
      response: { 200: z.object({ data: z.object({ ok: z.boolean() }) }) },
    },
  }, async (req) => {
    await rateLimit(deps.db, `reset-ip:${req.ip}`, 20, 3600, deps.clock.now());
    await resetPassword(deps, req.body, auditContext(req));
    return { data: { ok: true } };
  });
}
