import { maskIdNumber, maskPhone } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Permission } from '../../authz/roles.ts';
import { can, scopeFor } from '../../authz/can.ts';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, Conflict, NotFound } from '../../platform/errors.ts';
import type { Secrets } from '../../platform/secrets.ts';
import { recordAudit, type AuditContext } from '../audit/audit.record.ts';
import { getExpert, isUuid } from './experts.repository.ts';
import type { CreateExpertInput, UpdateExpertInput } from './experts.schemas.ts';

/** Expert registry use cases: one transaction each, with the audit entry (the change history) inside it. */

type Fields = Partial<Omit<CreateExpertInput, 'institutionId'>>;

/** API fields → columns; personal data encrypted, with a keyed hash of the ID number for duplicate checks. */
export function toColumns(f: Fields, secrets: Secrets): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const map: Record<string, string> = {
    name: 'name', employer: 'employer', employerCreditCode: 'employer_credit_code', title: 'title', email: 'email', kinds: 'kinds', ipc: 'ipc',
    industries: 'industries', ipTypes: 'ip_types', services: 'services', regions: 'regions', languages: 'languages', jurisdictions: 'jurisdictions',
    availability: 'availability', maxOpen: 'max_open', notes: 'notes', userId: 'user_id',
  };
  for (const [k, col] of Object.entries(map)) {
    const v = (f as Record<string, unknown>)[k];
    if (v !== undefined) out[col] = Array.isArray(v) ? [...new Set(v)] : v === '' ? null : v;
  }
  if (f.interests !== undefined) out.interests = JSON.stringify(f.interests);
  if (f.qualifications !== undefined) out.qualifications = JSON.stringify(f.qualifications);
  if (f.idNumber !== undefined) {
    const id = f.idNumber?.toUpperCase() || null;
    Object.assign(out, { id_number_enc: id && secrets.encrypt(id), id_number_hmac: id && secrets.hmac(id), id_number_masked: id && maskIdNumber(id) });
  }
  if (f.phone !== undefined) Object.assign(out, { phone_enc: f.phone ? secrets.encrypt(f.phone) : null, phone_masked: f.phone ? maskPhone(f.phone) : null });
  return out;
}

/** The institution a new expert belongs to: the one named (in the caller's manage scope), else the caller's own. */
export async function targetInstitution(tx: Tx, actor: Actor, institutionId: string | undefined, permission: Permission) {
  const id = institutionId ?? actor.grants.find((g) => can({ ...actor, grants: [g] }, permission))?.institutionId;
  const row = id && isUuid(id)
    ? await tx.selectFrom('institutions').select(['id', sql<string>`path::text`.as('path'), 'status']).where('id', '=', id).executeTakeFirst()
    : undefined;
  if (!row || !can(actor, permission, { institutionPath: row.path })) throw NotFound('institution', '机构');
  if (row.status !== 'active') throw new AppError(422, 'institution_closed', '该机构已撤销', 'The institution is closed', 'institutionId');
  return row;
}

async function assertLinkable(tx: Tx, userId: string | null | undefined) {
  if (!userId) return;
  const u = await tx.selectFrom('users').select(['kind', 'status']).where('id', '=', userId).executeTakeFirst();
  if (!u || u.kind !== 'expert') throw new AppError(422, 'not_an_expert_account', '所关联的账号不是专家账号', 'The linked account is not an expert account', 'userId');
}

/** Unique violations as 409s naming the field (same ID number; an account linked twice). */
export function mapUnique(e: unknown): never {
  const c = (e as { constraint?: string }).constraint;
  if (c === 'experts_id_number') throw Conflict('duplicate_id_number', '已有相同身份证号码的专家', 'An expert with this ID number exists', 'idNumber');
  if (c === 'experts_user_id_key') throw Conflict('account_linked', '该账号已关联其他专家', 'The account is linked to another expert', 'userId');
  throw e;
}

async function assertNameEmployerFree(tx: Tx, name: string, employer: string | null | undefined, exceptId?: string) {
  if (!employer) return;
  let q = tx.selectFrom('experts').select('id').where('name', '=', name).where('employer', '=', employer).where('status', '=', 'active');
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) throw Conflict('duplicate_expert', `已有同名同单位的专家：${name}（${employer}）`, 'An expert with this name and employer exists', 'name');
}

export async function createExpert(deps: Deps, actor: Actor, input: CreateExpertInput, ctx: AuditContext): Promise<string> {
  return deps.db.transaction().execute(async (tx) => {
    const inst = await targetInstitution(tx, actor, input.institutionId, 'expert.manage');
    await assertLinkable(tx, input.userId);
    await assertNameEmployerFree(tx, input.name, input.employer);
    const now = deps.clock.now();
    const { institutionId: _, ...fields } = input;
    const row = await tx
      .insertInto('experts')
      .values({ ...toColumns(fields, deps.secrets), institution_id: inst.id, institution_path: inst.path, created_at: now, updated_at: now } as never)
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch(mapUnique);
    await recordAudit(tx, ctx, {
      action: 'expert.create', objectType: 'expert', objectId: row.id, institutionId: inst.id, institutionPath: inst.path,
      detail: { fields: Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] != null) },
    });
    return row.id;
  });
}

export async function updateExpert(deps: Deps, actor: Actor, id: string, input: UpdateExpertInput, ctx: AuditContext): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const cur = await getExpert(tx, scopeFor(actor, 'expert.read'), id);
    if (!cur) throw NotFound('expert', '专家');
    if (!can(actor, 'expert.manage', { institutionPath: cur.institution_path })) throw NotFound('expert', '专家');
    if (cur.version !== input.version) throw Conflict('stale_version', '该专家信息已被他人修改，请刷新后重试', 'Changed by someone else; reload and retry', 'version');
    const { version: _, status, ...fields } = input;
    const changed = Object.keys(fields).filter((k) => (fields as Record<string, unknown>)[k] !== undefined);
    if (status && status !== cur.status) changed.push('status');
    if (changed.length === 0) return;
    if (fields.userId !== undefined) await assertLinkable(tx, fields.userId);
    if (fields.name !== undefined || fields.employer !== undefined) {
      await assertNameEmployerFree(tx, fields.name ?? cur.name, fields.employer === undefined ? cur.employer : fields.employer, id);
    }
    await tx
      .updateTable('experts')
      .set({ ...toColumns(fields, deps.secrets), ...(status ? { status } : {}), version: cur.version + 1, updated_at: deps.clock.now() } as never)
      .where('id', '=', id)
      .execute()
      .catch(mapUnique);
    await recordAudit(tx, ctx, {
      action: 'expert.update', objectType: 'expert', objectId: id, institutionId: cur.institution_id, institutionPath: cur.institution_path,
      detail: { fields: changed },
    });
  });
}
