import { createRatingLink } from '../portal-cases/portal.rating.ts';
import type { CaseEvent, CasePayload, NoticeRecipient } from '@yuanzhi/domain';
import type { Tx } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';
import { notifyFromTemplate } from '../notifications/notifications.service.ts';
import type { NotificationKind, TemplateData } from '../notifications/notifications.templates.ts';
import { institutionPath, intakeStaff, nearestHolders, transferDesk } from './case-recipients.ts';
import type { EffectReport } from './cases.effects.ts';
import { PENDING_CASE_NUMBER } from './cases.number-last.ts';
import type { CaseRow } from './cases.repository.ts';

/**
 * The notices of a transition, written with notify() in the transition's own transaction: the in-app
 * rows exist exactly when the transition does, and each e-mail/SMS is a delivery job enqueued in the
 * same transaction, so it goes out after the commit and a failed delivery never undoes the transition.
 * The recipients come from the domain's table (`{ notify: 'handler', template: 'assigned' }`); the
 * templates (notifications.templates.ts) take references only — case number, institution name, and
 * the reason or comments staff wrote — never the applicant's personal data.
 */

/** The transition as this module needs it: the row before, the state after, what was sent. */
export interface NoticeContext {
  /** The case row before the transition (locked). */
  row: CaseRow;
  event: CaseEvent;
  payload: CasePayload;
  next: { handlerId: string | null; institutionId: string };
  actorId: string;
  /**
   * Set on a submission that has no number yet: its notices carry PENDING_CASE_NUMBER, and their ids are
   * collected here for the statement that takes the number (cases.number-last.ts, ADR 0043).
   */
  pendingNumber?: string[];
}

type Audience = 'applicant' | 'staff';

/** Domain template → notification kind, per audience (the applicant and staff read different words). */
const kinds: Record<Audience, Record<string, NotificationKind>> = {
  applicant: {
    received: 'case_submitted', supplement_requested: 'supplement_requested', accepted: 'case_accepted',
    declined: 'case_declined', in_progress: 'case_in_progress', concluded: 'case_concluded', reopened: 'case_reopened',
    transferred: 'case_transferred', referred: 'case_referred', suspended: 'case_suspended', resumed: 'case_resumed',
    withdrawn: 'case_withdrawn', rating: 'rating_invitation',
  },
  staff: {
    new_case: 'case_new', supplemented: 'case_supplemented', assigned: 'case_assigned', reassigned: 'case_reassigned',
    review_requested: 'review_requested', returned_for_rework: 'review_returned', signed_off: 'review_signed_off',
    reopened: 'case_reopened', transfer_received: 'transfer_received', transfer_accepted: 'transfer_accepted',
    transfer_returned: 'transfer_returned', referral_feedback: 'referral_feedback', withdrawn: 'case_withdrawn_staff',
    suspended: 'case_suspended', resumed: 'case_resumed',
  },
};

/** Notices the table does not list but a user expects: the applicant's withdrawal confirmation, the rating invitation. */
const extraApplicantNotices: Partial<Record<CaseEvent, string>> = { withdraw: 'withdrawn', conclude: 'rating' };

export const notificationKindFor = (to: NoticeRecipient, template: string): NotificationKind | undefined =>
  kinds[to === 'applicant' ? 'applicant' : 'staff'][template];

/** The one-click rating link sent with the conclusion notice (no sign-in needed; 30 days; once). */
export async function ratingLinkFor(tx: Tx, deps: Deps, caseId: string): Promise<string> {
  const link = await createRatingLink(deps, tx, caseId);
  return link ? link.path : `/cases/${caseId}`;
}

/** Carry out the notify effects of a transition (plus the extra applicant notices); returns the effect reports. */
export async function notifyTransition(tx: Tx, deps: Deps, c: NoticeContext, effects: readonly EffectReport[]): Promise<EffectReport[]> {
  const data = await templateData(tx, c);
  const out: EffectReport[] = [];
  for (const e of effects) {
    if (e.type !== 'notify') {
      out.push(e);
      continue;
    }
    out.push({ ...e, status: (await send(tx, deps, c, e.to as NoticeRecipient, e.template, data)) ? 'queued' : 'no_contact' });
  }
  const extra = extraApplicantNotices[c.event];
  if (extra) {
    const link = extra === 'rating' ? await ratingLinkFor(tx, deps, c.row.id) : undefined;
    const sent = await send(tx, deps, c, 'applicant', extra, { ...data, ...(link ? { link } : {}) });
    out.push({ type: 'notify', to: 'applicant', template: extra, status: sent ? 'queued' : 'no_contact' });
  }
  return out;
}

async function send(tx: Tx, deps: Deps, c: NoticeContext, to: NoticeRecipient, template: string, data: TemplateData): Promise<boolean> {
  const kind = notificationKindFor(to, template);
  if (!kind) return false;
  if (to === 'applicant') return notifyApplicant(tx, deps, c, kind, data);
  const userIds = (await staffRecipients(tx, c, to)).filter((id) => id !== c.actorId);
  if (userIds.length === 0) return false;
  if (to === 'receiving_institution') {
    // The applicant reads where the case went; the receiving side reads who sent it.
    const from = await tx.selectFrom('institutions').select('name').where('id', '=', c.row.institution_id).executeTakeFirst();
    data = { ...data, ...(from ? { institution: from.name } : {}) };
  }
  pending(c, await notifyFromTemplate(deps, tx, { userIds, kind, data, link: `/console/cases/${c.row.id}`, email: true }));
  return true;
}

/** Keeps the ids of a submission's notices for the statement that writes the number into them. */
const pending = (c: NoticeContext, ids: readonly string[]) => void c.pendingNumber?.push(...ids);

async function staffRecipients(tx: Tx, c: NoticeContext, to: Exclude<NoticeRecipient, 'applicant'>): Promise<string[]> {
  const { row, next } = c;
  switch (to) {
    case 'handler':
      return next.handlerId ? [next.handlerId] : [];
    case 'previous_handler':
      return row.handler_id && row.handler_id !== next.handlerId ? [row.handler_id] : [];
    case 'reviewers':
      return nearestHolders(tx, row.institution_path, 'case.review');
    case 'intake':
      return intakeStaff(tx, row.institution_path);
    case 'receiving_institution': {
      const path = c.payload.toInstitutionId ? await institutionPath(tx, c.payload.toInstitutionId) : undefined;
      return path ? transferDesk(tx, path) : [];
    }
    case 'sending_institution': {
      // The case is still filed at the sending institution in the row before acceptTransfer / returnTransfer.
      const side = await transferDesk(tx, row.institution_path);
      return row.handler_id ? [...side, row.handler_id] : side;
    }
  }
}

/**
 * The applicant: through the portal account when there is one (in-app, and by e-mail, else SMS); an
 * applicant registered at the desk has no account and is reached by the e-mail, else the phone, of the
 * applicant party — the delivery job reads (and decrypts) the address when it sends.
 */
async function notifyApplicant(tx: Tx, deps: Deps, c: NoticeContext, kind: NotificationKind, data: TemplateData): Promise<boolean> {
  const row = c.row;
  if (row.applicant_user_id) {
    const u = await tx
      .selectFrom('users')
      .select(['id', 'status', 'email', 'phone_enc'])
      .where('id', '=', row.applicant_user_id)
      .executeTakeFirst();
    if (u?.status === 'active') {
      pending(c, await notifyFromTemplate(deps, tx, {
        userIds: [u.id], kind, data, link: `/portal/cases/${row.id}`, email: u.email !== null, sms: u.email === null && u.phone_enc !== null,
      }));
      return true;
    }
  }
  const p = await tx
    .selectFrom('case_parties')
    .select(['id', 'email', 'phone_enc'])
    .where('case_id', '=', row.id)
    .where('role', '=', 'applicant')
    .executeTakeFirst();
  if (!p || (p.email === null && p.phone_enc === null)) return false;
  pending(c, await notifyFromTemplate(deps, tx, {
    userIds: [], partyIds: [p.id], kind, data, link: '/portal/track', email: p.email !== null, sms: p.email === null,
  }));
  return true;
}

/** References for the templates: the case number, an institution's name, the text staff wrote for this step. */
async function templateData(tx: Tx, c: NoticeContext): Promise<TemplateData> {
  const { row, payload: p, event } = c;
  const data: TemplateData = { caseNo: c.pendingNumber ? PENDING_CASE_NUMBER : (row.case_number ?? '') };
  const institutionId =
    event === 'transfer' ? p.toInstitutionId
    : event === 'acceptTransfer' || event === 'returnTransfer' ? row.transfer_to_id
    : c.next.institutionId;
  if (institutionId) {
    const i = await tx.selectFrom('institutions').select('name').where('id', '=', institutionId).executeTakeFirst();
    if (i) data.institution = i.name;
  }
  const note = (p.reason ?? p.comments ?? '').trim();
  if (note && ['decline', 'requestSupplement', 'reassign', 'returnForRework', 'signOff', 'reopen', 'suspend', 'returnTransfer'].includes(event)) {
    data.note = note;
  }
  return data;
}
