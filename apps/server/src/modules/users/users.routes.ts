import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../../authz/roles.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { auditContext } from '../audit/audit.record.ts';
import { AbilitiesOut, presentRoles, RoleOut, UserOut } from './users.presenter.ts';
import { getUser, listUsersInScope } from './users.read.ts';
import { resetMfa, resetPassword, revealField, unlockUser } from './users.security.ts';
import { addRole, createUser, removeRole, updateUser } from './users.service.ts';

const tags = ['users'];
const id = z.uuid();
const idParams = z.strictObject({ id });
const kind = z.enum(['staff', 'expert', 'volunteer']);
const username = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '用户名为 3–32 位字母、数字、下划线、点或连字符，以字母开头 / 3–32 letters, digits, _ . -, starting with a letter');
const displayName = z.string().trim().min(1).max(100);
const email = z.email('电子邮箱格式不正确 / invalid e-mail address').max(100);
const phone = z.string().regex(/^1\d{10}$/, '请输入 11 位手机号码 / enter an 11-digit mobile number');
const password = z.string().min(1).max(200);
const grant = z.strictObject({ role: z.enum(roles), institutionId: id });
const ok = z.object({ data: z.object({ ok: z.boolean() }) });
const created = z.object({ data: UserOut, abilities: AbilitiesOut });

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/users', {
    config: { access: 'user.read' },
    schema: {
      tags, summary: '用户列表 Users in scope',
      querystring: z.strictObject({
        q: z.string().trim().min(1).max(50).optional(),
        role: z.enum(roles).optional(),
        institutionId: id.optional(),
        kind: kind.optional(),
        status: z.enum(['active', 'disabled']).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ data: z.array(UserOut), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => listUsersInScope(deps, requireActor(req), req.query));

  r.get('/api/users/:id', {
    config: { access: 'user.read' },
    schema: { tags, summary: '用户详情 One user', params: idParams, response: { 200: created } },
  }, async (req) => getUser(deps, requireActor(req), req.params.id));

  r.post('/api/users', {
    config: { access: 'user.manage' },
    schema: {
      tags, summary: '新建用户 Create a user (must change the password at first sign-in)',
      body: z.strictObject({ kind, username, displayName, email: email.optional(), phone: phone.optional(), password, roles: z.array(grant).min(1).max(20) }),
      response: { 201: created },
    },
  }, async (req, reply) => {
    const actor = requireActor(req);
    const userId = await createUser(deps, actor, req.body, auditContext(req));
    reply.status(201);
    return getUser(deps, actor, userId);
  });

  r.patch('/api/users/:id', {
    config: { access: 'user.manage' },
    schema: {
      tags, summary: '修改用户 Update a user (disabling ends the sessions)',
      params: idParams,
      body: z.strictObject({ displayName: displayName.optional(), email: email.nullable().optional(), phone: phone.nullable().optional(), status: z.enum(['active', 'disabled']).optional() }),
      response: { 200: created },
    },
  }, async (req) => {
    const actor = requireActor(req);
    await updateUser(deps, actor, req.params.id, req.body, auditContext(req));
    return getUser(deps, actor, req.params.id);
  });

  r.post('/api/users/:id/roles', {
    config: { access: 'user.manage' },
    schema: { tags, summary: '授予角色 Grant a role', params: idParams, body: grant, response: { 200: created } },
  }, async (req) => {
    const actor = requireActor(req);
    await addRole(deps, actor, req.params.id, req.body, auditContext(req));
    return getUser(deps, actor, req.params.id);
  });

  r.delete('/api/users/:id/roles/:assignmentId', {
    config: { access: 'user.manage' },
    schema: { tags, summary: '撤销角色 Remove a role', params: z.strictObject({ id, assignmentId: id }), response: { 200: created } },
  }, async (req) => {
    const actor = requireActor(req);
    await removeRole(deps, actor, req.params.id, req.params.assignmentId, auditContext(req));
    return getUser(deps, actor, req.params.id);
  });

  r.post('/api/users/:id/reset-password', {
    config: { access: ['user.security', 'user.manage'] },
    schema: { tags, summary: '重置密码 Set a temporary password', params: idParams, body: z.strictObject({ password }), response: { 200: ok } },
  }, async (req) => {
    await resetPassword(deps, requireActor(req), req.params.id, req.body.password, auditContext(req));
    return { data: { ok: true } };
  });

  r.post('/api/users/:id/unlock', {
    config: { access: 'user.security' },
    schema: { tags, summary: '解除锁定 Clear the lock-out', params: idParams, body: z.strictObject({}).optional(), response: { 200: ok } },
  }, async (req) => {
    await unlockUser(deps, requireActor(req), req.params.id, auditContext(req));
    return { data: { ok: true } };
  });

  r.post('/api/users/:id/reset-mfa', {
    config: { access: 'user.security' },
    schema: { tags, summary: '重置双因素认证 Remove the TOTP secret', params: idParams, body: z.strictObject({}).optional(), response: { 200: ok } },
  }, async (req) => {
    await resetMfa(deps, requireActor(req), req.params.id, auditContext(req));
    return { data: { ok: true } };
  });

  r.post('/api/users/:id/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags, summary: '查看完整个人信息 Reveal a personal field (audited)',
      params: idParams, body: z.strictObject({ field: z.enum(['phone']) }),
      response: { 200: z.object({ data: z.object({ phone: z.string().nullable() }) }) },
    },
  }, async (req) => ({ data: await revealField(deps, requireActor(req), req.params.id, req.body.field, auditContext(req)) }));

  r.get('/api/roles', {
    config: { access: 'staff' },
    schema: { tags, summary: '角色与权限 Roles and their permissions', response: { 200: z.object({ data: z.array(RoleOut) }) } },
  }, async () => ({ data: presentRoles() }));
}
