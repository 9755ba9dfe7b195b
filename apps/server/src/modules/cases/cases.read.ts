import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { caseNotFound, canSeeCase } from './cases.access.ts';
import { deadlinesOf } from './cases.deadlines.ts';
import { caseAbilities, presentCase, presentEvent } from './cases.presenter.ts';
import { isInvitedExpert } from './service-outcomes.ts';
import { redactParty } from './expert-view.ts';
import { eventsOf, findCase, findCaseWithNames, isUuid, partiesOf, type CaseRow } from './cases.repository.ts';

/** The case if the caller may see it (drafts belong to their applicant); otherwise 404. */
export async function loadVisibleCase(deps: Deps, actor: Actor, id: string): Promise<CaseRow> {
  return visibleOrNotFound(deps, actor, await findCase(deps.db, id));
}

async function visibleOrNotFound<C extends CaseRow>(deps: Deps, actor: Actor, c: C | undefined): Promise<C> {
  if (!c || (c.state === 'draft' && actor.kind !== 'applicant')) throw caseNotFound();
  if (canSeeCase(actor, c)) return c;
  // An expert attached to the case by hand reads it (read-only: experts hold no case permission but case.expert).
  if (actor.kind === 'expert' && (await isInvitedExpert(deps.db, c.id, actor.userId))) return c;
  throw caseNotFound();
}

export async function caseView(deps: Deps, actor: Actor, id: string) {
  if (!isUuid(id)) throw caseNotFound();
  // The case (with its names), parties and deadlines in one round of parallel statements (issue 8: the case page
  // was five statements in two rounds); nothing read leaves this function before the visibility check.
  const [row, allParties, deadlines] = await Promise.all([findCaseWithNames(deps.db, id), partiesOf(deps.db, id), deadlinesOf(deps.db, id)]);
  const c = await visibleOrNotFound(deps, actor, row);
  // An attached expert reaches the case without case.read: the parties go without personal data (expert-view.ts).
  const expertOnly = actor.kind === 'expert' && !canSeeCase(actor, c);
  const parties = expertOnly ? allParties.filter((p) => p.role !== 'agent').map(redactParty) : allParties;
  const institution = new Map<string, string>();
  if (c.institution_name !== null) institution.set(c.institution_id, c.institution_name);
  if (c.transfer_to_id && c.transfer_to_name !== null) institution.set(c.transfer_to_id, c.transfer_to_name);
  const user = new Map<string, string>(c.handler_id && c.handler_name !== null ? [[c.handler_id, c.handler_name]] : []);
  return { data: presentCase(c, parties, deadlines, { institution, user }), abilities: caseAbilities(actor, c) };
}
export type CaseView = Awaited<ReturnType<typeof caseView>>;

export async function caseTimeline(deps: Deps, actor: Actor, id: string) {
  const c = await loadVisibleCase(deps, actor, id);
  return (await eventsOf(deps.db, c.id)).map(presentEvent);
}
