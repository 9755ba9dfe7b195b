import { maskAddress, maskIdNumber, maskPhone } from '@yuanzhi/domain';
import type { Insertable } from 'kysely';
import type { Secrets } from '../../platform/secrets.ts';
import type { CasePartiesTable } from '../../platform/tables.ts';
import type { PartyIn } from './cases.schemas.ts';

/** A party as stored: ID number, phone and address encrypted (with a masked copy for lists), phone also hashed for look-up. */
export function partyRow(
  secrets: Secrets, caseId: string, role: 'applicant' | 'opposing' | 'agent', p: PartyIn, position: number,
): Insertable<CasePartiesTable> {
  const phone = p.phone?.replace(/[\s()-]/g, '');
  return {
    case_id: caseId, role, kind: p.kind, name: p.name, credit_code: p.creditCode ?? null,
    id_number_enc: p.idNumber ? secrets.encrypt(p.idNumber.toUpperCase()) : null,
    id_number_masked: p.idNumber ? maskIdNumber(p.idNumber.toUpperCase()) : null,
    phone_enc: phone ? secrets.encrypt(phone) : null,
    phone_hmac: phone ? secrets.hmac(phone) : null,
    phone_masked: phone ? maskPhone(phone) : null,
    email: p.email?.toLowerCase() ?? null,
    address_enc: p.address ? secrets.encrypt(p.address) : null,
    address_masked: p.address ? maskAddress(p.address) : null,
    enterprise_size: p.enterpriseSize ?? null, enterprise_tags: p.enterpriseTags ?? [], country: p.country ?? null, position,
  };
}
