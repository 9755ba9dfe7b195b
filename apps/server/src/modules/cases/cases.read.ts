import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { caseNotFound, canSeeCase } from './cases.access.ts';
import { deadlinesOf } from './cases.deadlines.ts';
import { caseAbilities, presentCase, presentEvent } from './cases.presenter.ts';
import { isInvitedExpert } from './service-outcomes.ts';
import { redactParty } from './expert-view.ts';
import { eventsOf, findCase, namesOf, partiesOf, type CaseRow } from './cases.repository.ts';

/** The case if the caller may see it (drafts belong to their applicant); otherwise 404. */
export async function loadVisibleCase(deps: Deps, actor: Actor, id: string): Promise<CaseRow> {
  const c = await findCase(deps.db, id);
  if (!c || (c.state === 'draft' && actor.kind !== 'applicant')) throw caseNotFound();
  if (canSeeCase(actor, c)) return c;
  // An expert attached to the case by hand reads it (read-only: experts hold no case permission but case.expert).
  if (actor.kind === 'expert' && (await isInvitedExpert(deps.db, c.id, actor.userId))) return c;
  throw caseNotFound();
}

export async function caseView(deps: Deps, actor: Actor, id: string) {
  const c = await loadVisibleCase(deps, actor, id);
  // An attached expert reaches the case without case.read: the parties go without personal data (expert-view.ts).
  const expertOnly = actor.kind === 'expert' && !canSeeCase(actor, c);
  const [parties, deadlines, institution, user] = await Promise.all([
    partiesOf(deps.db, c.id).then((ps) => (expertOnly ? ps.filter((p) => p.role !== 'agent').map(redactParty) : ps)),
    deadlinesOf(deps.db, c.id),
    namesOf(deps.db, 'institutions', [c.institution_id, c.transfer_to_id]),
    namesOf(deps.db, 'users', [c.handler_id]),
  ]);
  return { data: presentCase(c, parties, deadlines, { institution, user }), abilities: caseAbilities(actor, c) };
}
export type CaseView = Awaited<ReturnType<typeof caseView>>;

export async function caseTimeline(deps: Deps, actor: Actor, id: string) {
  const c = await loadVisibleCase(deps, actor, id);
  return (await eventsOf(deps.db, c.id)).map(presentEvent);
}
