import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { recordAudit } from '../audit/audit.record.ts';
import { checkPassword } from '../auth/auth.service.ts';
import { clearFailures, userSubject } from '../auth/lockout.ts';
import { hashPassword } from '../auth/password.ts';
import { findTarget, loadTarget, notOnOwnAccount, userEvent, type AuditContext, type Target } from './users.access.ts';
import { outranksNone, userOutranksActor } from './users.policy.ts';
import { deleteSessions } from './users.repository.ts';

/**
 * Security actions on an account. A security administrator (user.security) may act on any account in
 * scope; an institution or system administrator (user.manage) may reset passwords of accounts it
 * could have created, never of one holding a role it could not grant.
 */
async function loadForReset(deps: Deps, actor: Actor, id: string): Promise<Target> {
  const bySecurity = await findTarget(deps, actor, 'user.security', id);
  if (bySecurity) return bySecurity;
  const t = await loadTarget(deps, actor, 'user.manage', id);
  if (!outranksNone(actor, t.grants)) throw userOutranksActor();
  return t;
}

export async function resetPassword(deps: Deps, actor: Actor, id: string, password: string, ctx: AuditContext): Promise<void> {
  const t = await loadForReset(deps, actor, id);
  if (id === actor.userId) throw notOnOwnAccount();
  checkPassword(password, true, t.user.username, 'password');
  const hash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now, must_change_password: true, updated_at: now })
      .where('id', '=', id)
      .execute();
    await deleteSessions(tx, id);
    await recordAudit(tx, ctx, userEvent(t, 'user.reset_password'));
  });
}

/** Lock-out helpers take Deps; run them on the transaction so the unlock and its entry commit together. */
const onTx = (deps: Deps, tx: Tx): Deps => ({ ...deps, db: tx });

export async function unlockUser(deps: Deps, actor: Actor, id: string, ctx: AuditContext): Promise<void> {
  const t = await loadTarget(deps, actor, 'user.security', id);
  await deps.db.transaction().execute(async (tx) => {
    await clearFailures(onTx(deps, tx), userSubject(deps, id));
    await tx.updateTable('users').set({ locked_until: null }).where('id', '=', id).execute();
    await recordAudit(tx, ctx, userEvent(t, 'user.unlock'));
  });
}

/** Remove the TOTP secret; the user enrols again at the next sign-in (required roles ask for it). */
export async function resetMfa(deps: Deps, actor: Actor, id: string, ctx: AuditContext): Promise<void> {
  const t = await loadTarget(deps, actor, 'user.security', id);
  if (id === actor.userId) throw notOnOwnAccount();
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('users').set({ totp_secret_enc: null, totp_enabled: false, updated_at: deps.clock.now() }).where('id', '=', id).execute();
    await deleteSessions(tx, id);
    await recordAudit(tx, ctx, userEvent(t, 'user.reset_mfa'));
  });
}

/** Show a personal field in clear; the audit entry names the field, never the value. */
export async function revealField(deps: Deps, actor: Actor, id: string, field: 'phone', ctx: AuditContext): Promise<{ phone: string | null }> {
  const t = await loadTarget(deps, actor, 'pii.reveal', id);
  const phone = t.user.phone_enc ? deps.secrets.decrypt(t.user.phone_enc) : null;
  await deps.db.transaction().execute(async (tx) => {
    await recordAudit(tx, ctx, userEvent(t, 'user.reveal', { field }));
  });
  return { phone };
}
