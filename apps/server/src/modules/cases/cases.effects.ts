import type { CaseEffect } from '@yuanzhi/domain';

/**
 * The effects of a transition (the domain's table), as a report the API returns. Carried out in the
 * transition's transaction: deadlines (recomputed) and notices (cases/case-notifications.ts: in-app rows
 * and delivery jobs through the notifications module — `queued`, or `no_contact` when nobody can be told).
 * Not yet: documents (the documents engineer hooks in at the `todo` markers).
 */
export type EffectReport =
  | { type: 'notify'; to: string; template: string; status: 'queued' | 'no_contact' | 'todo' }
  | { type: 'document'; document: string; status: 'todo' | 'queued'; documentId?: string; docNumber?: string }
  | { type: 'deadline'; action: string; kind?: string; status: 'done' };

export function plannedEffects(effects: readonly CaseEffect[]): EffectReport[] {
  return effects.map((e): EffectReport => {
    if ('notify' in e) return { type: 'notify', to: e.notify, template: e.template, status: 'todo' };
    if ('document' in e) return { type: 'document', document: e.document, status: 'todo' }; // queued by case-documents.ts
    return { type: 'deadline', action: e.deadline, ...('kind' in e ? { kind: e.kind } : {}), status: 'done' };
  });
}
