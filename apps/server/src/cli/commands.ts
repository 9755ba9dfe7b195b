import crypto from 'node:crypto';
import { passwordProblems } from '@yuanzhi/domain';
import type { Deps } from '../platform/deps.ts';
import { recordAudit, type AuditContext } from '../modules/audit/audit.record.ts';
import { ROOT_PATH } from '../modules/audit/audit.repository.ts';
import { verifyChain, type VerifyResult } from '../modules/audit/audit.verify.ts';
import { clearFailures, userSubject } from '../modules/auth/lockout.ts';
import { hashPassword } from '../modules/auth/password.ts';

/** A mistake the operator can fix; main.ts prints the message and exits with status 1. */
export class CliError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
  }
}

/** Every CLI write is audited under the actor name 'cli'. */
export function cliContext(): AuditContext {
  return {
    actorId: null,
    actorName: 'cli',
    institutionId: null,
    institutionPath: null,
    ip: null,
    requestId: `cli-${crypto.randomUUID()}`,
  };
}

const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@^_-';

/** A strong random password (no look-alike characters) holding every class of character. */
export function generatePassword(length = 16): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const pick = (set: string) => set[crypto.randomInt(set.length)];
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

const USERNAME = /^[a-z][a-z0-9_.-]{2,31}$/;

async function rootInstitution(deps: Deps) {
  const root = await deps.db.selectFrom('institutions').select(['id', 'path']).where('path', '=', ROOT_PATH).executeTakeFirst();
  if (!root) {
    throw new CliError(
      '尚无根机构（cn）：请先导入机构（import-institutions）或以演示模式启动一次服务',
      'There is no root institution (cn) yet: import the institutions first (import-institutions) or start the server once in demo mode',
    );
  }
  return root;
}

export const adminRoles = ['system_admin', 'security_admin', 'audit_admin'] as const;
export type AdminRole = (typeof adminRoles)[number];

export interface CreateAdminInput {
  username: string;
  name: string;
  password?: string;
  /** One of the three separated 等保 administrators; system_admin by default. */
  role?: string;
}

/** A system administrator at the root institution, who must change the password at first sign-in. */
export async function createAdmin(deps: Deps, input: CreateAdminInput): Promise<{ userId: string; password: string; generated: boolean }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new CliError(
      '用户名须以字母开头，3–32 位，仅含小写字母、数字及 _ . -',
      'The user name must start with a letter and have 3–32 characters: lower-case letters, digits, _ . -',
    );
  }
  const name = input.name.trim();
  if (!name || name.length > 100) throw new CliError('请提供姓名（--name，最多 100 字）', 'Give a name (--name, at most 100 characters)');
  const role = (input.role ?? 'system_admin') as AdminRole;
  if (!adminRoles.includes(role)) {
    throw new CliError(`角色须为 ${adminRoles.join('、')} 之一`, `The role must be one of ${adminRoles.join(', ')}`);
  }
  const generated = !input.password;
  const password = input.password ?? generatePassword();
  const problems = passwordProblems(password, { staff: true, username });
  if (problems.length) {
    throw new CliError(`密码不符合要求：${problems.map((p) => p.zh).join('；')}`, `Weak password: ${problems.map((p) => p.en).join('; ')}`);
  }
  const taken = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) throw new CliError(`用户名 ${username} 已存在`, `The user name ${username} is taken`);
  const root = await rootInstitution(deps);
  const passwordHash = await hashPassword(password);
  const userId = await deps.db.transaction().execute(async (tx) => {
    const u = await tx
      .insertInto('users')
      .values({
        kind: 'staff', username, display_name: name, email: null, password_hash: passwordHash, must_change_password: true,
        password_changed_at: deps.clock.now(), totp_required: true, phone_enc: null, phone_hmac: null, phone_masked: null,
        party_kind: null, org_name: null, credit_code: null, totp_secret_enc: null, locked_until: null, last_login_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('role_assignments').values({ user_id: u.id, role, institution_id: root.id }).execute();
    await recordAudit(tx, cliContext(), {
      action: 'user.create',
      objectType: 'user',
      objectId: u.id,
      institutionId: root.id,
      institutionPath: root.path,
      detail: { role, via: 'cli', passwordGenerated: generated },
    });
    return u.id;
  });
  return { userId, password, generated };
}

/** A new temporary password (must be changed at the next sign-in); clears the lock-out and ends the user's sessions. */
export async function resetPassword(deps: Deps, input: { username: string }): Promise<{ userId: string; password: string }> {
  const username = input.username.trim().toLowerCase();
  const user = await deps.db.selectFrom('users').select(['id']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new CliError(`用户 ${username} 不存在`, `No user named ${username}`);
  const grant = await deps.db
    .selectFrom('role_assignments as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['i.id', 'i.path'])
    .where('r.user_id', '=', user.id)
    .orderBy('r.created_at')
    .executeTakeFirst();
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: now, locked_until: null, updated_at: now })
      .where('id', '=', user.id)
      .execute();
    const ended = await tx.deleteFrom('sessions').where('user_id', '=', user.id).executeTakeFirst();
    await recordAudit(tx, cliContext(), {
      action: 'user.reset_password',
      objectType: 'user',
      objectId: user.id,
      institutionId: grant?.id ?? null,
      institutionPath: grant?.path ?? null,
      detail: { via: 'cli', sessionsEnded: Number(ended.numDeletedRows) },
    });
  });
  await clearFailures(deps, userSubject(deps, user.id));
  return { userId: user.id, password };
}

/** Walk the whole chain; the check itself is recorded (reading the audit log is audited). */
export async function auditVerify(deps: Deps): Promise<VerifyResult> {
  const v = await verifyChain(deps.db);
  await recordAudit(deps.db, cliContext(), { action: 'audit.verify', objectType: 'audit_log', detail: { ...v, via: 'cli' } });
  return v;
}
