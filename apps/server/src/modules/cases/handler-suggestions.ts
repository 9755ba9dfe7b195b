import { openCaseStates } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Actor } from '../../authz/actor.ts';
import type { Deps } from '../../platform/deps.ts';
import { Forbidden } from '../../platform/errors.ts';
import { canOnCase } from './cases.access.ts';
import { loadVisibleCase } from './cases.read.ts';

export interface HandlerLoad {
  id: string;
  displayName: string;
  username: string | null;
  /** Open cases (submitted … suspended) this handler holds anywhere. */
  openCases: number;
  suggested: boolean;
}

/**
 * The handlers who may take the case — active users holding the handler role at the case's own institution —
 * with their open caseload, lightest first; the first one is the suggestion. Ties go by name so the
 * suggestion does not flicker between equal loads.
 */
export async function handlerSuggestions(deps: Deps, actor: Actor, caseId: string): Promise<HandlerLoad[]> {
  const c = await loadVisibleCase(deps, actor, caseId);
  if (!canOnCase(actor, 'case.assign', c)) throw Forbidden();
  const rows = await deps.db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.display_name', 'u.username'])
    .select((eb) =>
      eb.selectFrom('cases as k')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('k.handler_id', '=', 'u.id')
        .where('k.state', 'in', [...openCaseStates])
        .as('open_cases'),
    )
    .where('r.role', '=', 'case_handler')
    .where('r.institution_id', '=', c.institution_id)
    .where('u.status', '=', 'active')
    .groupBy(['u.id', 'u.display_name', 'u.username'])
    .execute();
  const sorted = rows
    .map((r) => ({ id: r.id, displayName: r.display_name, username: r.username, openCases: Number(r.open_cases ?? 0) }))
    .sort((a, b) => a.openCases - b.openCases || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  return sorted.map((h, i) => ({ ...h, suggested: i === 0 }));
}
