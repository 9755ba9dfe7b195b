import { ipTypes, partyKinds } from '@yuanzhi/contracts';
import { toCstDate } from '@yuanzhi/domain';
import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { getEvent } from './events.repository.ts';

/** What the on-site desk page needs: the event, today, whether complaints are taken, the choices. Null outside the scope. */
export async function deskData(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: string) {
  const e = await getEvent(deps.db, scopeFor(actor, 'event.desk'), id);
  if (!e) return null;
  const today = toCstDate(deps.clock.now());
  return {
    id: e.id, name: e.name, venue: e.venue, startsOn: e.starts_on, endsOn: e.ends_on, today, open: today >= e.starts_on && today <= e.ends_on,
    ipTypes: ipTypes.map((x) => ({ value: x.value, zh: x.zh, en: x.en })),
    partyKinds: partyKinds.map((x) => ({ value: x.value, zh: x.zh, en: x.en })),
  };
}
