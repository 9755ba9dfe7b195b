import { missing, refuse, type CaseRefusal } from './refusals.ts';
import { referralBodies, type CaseActor, type CasePayload, type CaseSnapshot } from './snapshot.ts';

/** A guard answers null when the event may go ahead, or the reason it may not. */
export type CaseGuard = (c: CaseSnapshot, actor: CaseActor, p: CasePayload) => CaseRefusal | null;

export function all(...guards: CaseGuard[]): CaseGuard {
  return (c, a, p) => {
    for (const g of guards) {
      const r = g(c, a, p);
      if (r) return r;
    }
    return null;
  };
}

const blank = (v: string | undefined) => v === undefined || v.trim() === '';

/** A non-empty text field, e.g. the reason of a decline. */
export function requireText(field: 'reason' | 'result' | 'comments' | 'feedback', zh: string, en: string): CaseGuard {
  return (_c, _a, p) => (blank(p[field]) ? missing(field, zh, en) : null);
}

/** Applicants act only on their own case; staff act for applicants who came to the desk. */
export const applicantOwnOrStaff: CaseGuard = (c, a) =>
  a.kind === 'staff' || (c.applicantId !== null && a.userId === c.applicantId)
    ? null
    : refuse('not_applicant', '只有本案申请人可以执行此操作', 'Only the applicant of this case may do this');

export const applicantOnly: CaseGuard = (c, a) =>
  a.kind === 'applicant' && c.applicantId !== null && a.userId === c.applicantId
    ? null
    : refuse('not_applicant', '只有本案申请人可以撤回申请', 'Only the applicant of this case may withdraw it');

export const isHandler: CaseGuard = (c, a) =>
  c.handlerId !== null && a.userId === c.handlerId
    ? null
    : refuse('not_handler', '只有本案承办人可以执行此操作', 'Only the handler of this case may do this');

/** Four eyes: the reviewer is not the handler. */
export const notHandler: CaseGuard = (c, a) =>
  a.userId !== c.handlerId
    ? null
    : refuse('same_person', '承办人不能审核自己办理的案件', 'A handler cannot review their own case');

export const validTrack: CaseGuard = (_c, _a, p) =>
  p.track === undefined || p.track === 'fast' || p.track === 'standard'
    ? null
    : refuse('invalid_field', '处理通道只能是“快速”或“普通”', 'The track must be fast or standard', 'track');

/** Declining is an intake decision: not once the case was accepted and is only waiting for material. */
export const notYetAccepted: CaseGuard = (c) =>
  c.state !== 'awaiting_supplement' || c.supplementFrom === 'submitted' || c.supplementFrom === null
    ? null
    : refuse('already_accepted', '案件已受理，不能再作不予受理决定', 'The case was already accepted and cannot be declined');

export const handlerGiven: CaseGuard = (_c, _a, p) =>
  blank(p.handlerId) ? missing('handlerId', '请选择承办人', 'Choose a handler') : null;

export const unassigned: CaseGuard = (c) =>
  c.handlerId === null
    ? null
    : refuse('already_assigned', '案件已有承办人，如需更换请使用“改派”', 'The case already has a handler; reassign it instead');

export const differentHandler: CaseGuard = (c, _a, p) =>
  p.handlerId !== c.handlerId
    ? null
    : refuse('same_handler', '新承办人与现承办人相同', 'The new handler is the current handler', 'handlerId');

export const supplementGiven: CaseGuard = (_c, _a, p) =>
  (p.attachmentCount ?? 0) > 0 || !blank(p.note)
    ? null
    : missing('attachments', '请上传补正材料或填写说明', 'Upload the material or write a note');

export const signedOffIfOpinion: CaseGuard = (c) =>
  !c.services.includes('infringement_opinion') || c.opinionSignedOff
    ? null
    : refuse(
        'opinion_not_signed_off',
        '侵权判定参考意见尚未审核签发，不能办结',
        'The infringement assessment opinion has not been signed off',
      );

export const targetInstitution: CaseGuard = (c, _a, p) => {
  if (blank(p.toInstitutionId)) return missing('toInstitutionId', '请选择接收机构', 'Choose the receiving institution');
  return p.toInstitutionId === c.institutionId
    ? refuse('same_institution', '不能移交给本机构', 'A case cannot be transferred to its own institution', 'toInstitutionId')
    : null;
};

export const referralBody: CaseGuard = (_c, _a, p) => {
  if (blank(p.body)) return missing('body', '请选择转办单位类型', 'Choose the body to refer to');
  return referralBodies.some((b) => b.value === p.body)
    ? null
    : refuse('invalid_field', '转办单位类型不在可选范围内', 'Unknown kind of body', 'body');
};
