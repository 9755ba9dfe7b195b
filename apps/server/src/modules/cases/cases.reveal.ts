import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { Forbidden, NotFound } from '../../platform/errors.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { canOnCase } from './cases.access.ts';
import { loadVisibleCase } from './cases.read.ts';

export type RevealField = 'phone' | 'idNumber' | 'address' | 'email';

/** A party's personal field in clear, for a holder of case.pii.reveal; the audit entry names the field, never the value. */
export async function revealParty(deps: Deps, actor: Actor, caseId: string, partyId: string, field: RevealField, ctx: AuditContext) {
  const c = await loadVisibleCase(deps, actor, caseId);
  if (!canOnCase(actor, 'case.pii.reveal', c)) throw Forbidden();
  const p = await deps.db.selectFrom('case_parties').selectAll().where('id', '=', partyId).where('case_id', '=', c.id).executeTakeFirst();
  if (!p) throw NotFound('party', '当事人');
  const stored = { phone: p.phone_enc, idNumber: p.id_number_enc, address: p.address_enc, email: null }[field];
  const value = field === 'email' ? p.email : stored ? deps.secrets.decrypt(stored) : null;
  await deps.db.transaction().execute(async (tx) => {
    await recordAudit(tx, ctx, {
      action: 'case.reveal', objectType: 'case', objectId: c.id, institutionId: c.institution_id, institutionPath: c.institution_path,
      detail: { partyId, field },
    });
  });
  return { field, value };
}
