import { deidentify, type KnownValue } from '@yuanzhi/domain';
import type { DB, Tx } from '../../platform/db.ts';
import type { Secrets } from '../../platform/secrets.ts';

/** The personal data a case holds, as values to replace: parties' names, numbers, phones, e-mails, addresses. */
async function knownValues(db: DB | Tx, secrets: Secrets, caseId: string): Promise<KnownValue[]> {
  const parties = await db.selectFrom('case_parties').selectAll().where('case_id', '=', caseId).orderBy('role').orderBy('position').execute();
  const c = await db.selectFrom('cases').select(['ip_number', 'case_number']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const known: KnownValue[] = [];
  // Applicant first, so the applicant is 甲公司 and the opposing party 乙公司.
  const order = { applicant: 0, opposing: 1, agent: 2 } as const;
  for (const p of [...parties].sort((a, b) => order[a.role] - order[b.role])) {
    known.push({ kind: 'name', value: p.name, role: p.role, person: p.kind === 'natural_person' });
    if (p.credit_code) known.push({ kind: 'credit_code', value: p.credit_code });
    if (p.id_number_enc) known.push({ kind: 'id_number', value: secrets.decrypt(p.id_number_enc) });
    if (p.phone_enc) known.push({ kind: 'phone', value: secrets.decrypt(p.phone_enc) });
    if (p.address_enc) known.push({ kind: 'address', value: secrets.decrypt(p.address_enc) });
    if (p.email) known.push({ kind: 'email', value: p.email });
  }
  if (c.ip_number) known.push({ kind: 'ip_number', value: c.ip_number });
  if (c.case_number) known.push({ kind: 'ip_number', value: c.case_number });
  return known;
}

/** Run the case's de-identification over texts: what is left to replace (empty when the texts are clean). */
export async function caseDeidentification(db: DB | Tx, secrets: Secrets, caseId: string, texts: string[]) {
  return deidentify(texts, await knownValues(db, secrets, caseId));
}
