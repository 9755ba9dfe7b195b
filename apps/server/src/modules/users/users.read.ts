import type { Actor } from '../../authz/actor.ts';
import { scopeFor } from '../../authz/can.ts';
import type { Deps } from '../../platform/deps.ts';
import { userSubject } from '../auth/lockout.ts';
import { loadTarget } from './users.access.ts';
import { abilitiesFor } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import { activeLocks, grantsOf, listUsers, type UserFilter, type UserRow } from './users.repository.ts';

async function lockedUntilOf(deps: Deps, users: UserRow[]): Promise<(u: UserRow) => Date | null> {
  const subjects = new Map(users.map((u) => [u.id, userSubject(deps, u.id)]));
  const locks = await activeLocks(deps.db, [...subjects.values()], deps.clock.now());
  return (u) => locks.get(subjects.get(u.id)!) ?? null;
}

export async function listUsersInScope(deps: Deps, actor: Actor, filter: UserFilter) {
  const { rows, total } = await listUsers(deps.db, scopeFor(actor, 'user.read'), filter);
  const grants = await grantsOf(deps.db, rows.map((r) => r.id));
  const locked = await lockedUntilOf(deps, rows);
  const data = rows.map((u) => presentUser(u, grants.filter((g) => g.userId === u.id), locked(u)));
  return { data, total, page: filter.page, pageSize: filter.pageSize };
}

export async function getUser(deps: Deps, actor: Actor, id: string) {
  const t = await loadTarget(deps, actor, 'user.read', id);
  const locked = await lockedUntilOf(deps, [t.user]);
  return { data: presentUser(t.user, t.grants, locked(t.user)), abilities: abilitiesFor(actor, t.user.id, t.grants) };
}
