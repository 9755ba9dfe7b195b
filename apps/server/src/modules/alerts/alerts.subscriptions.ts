import type { DB } from '../../platform/db.ts';
import type { Deps } from '../../platform/deps.ts';

/** An applicant's one subscription: countries, industries, and whether an e-mail goes with the in-app notice. */
export async function ownSubscription(db: DB, userId: string) {
  const s = await db.selectFrom('alert_subscriptions').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return s ? { countries: s.countries, industries: s.industries, email: s.email, updatedAt: new Date(s.updated_at).toISOString() } : null;
}

export async function saveSubscription(deps: Pick<Deps, 'db' | 'clock'>, userId: string, input: { countries: string[]; industries: string[]; email: boolean }) {
  const row = { countries: [...new Set(input.countries)], industries: [...new Set(input.industries)], email: input.email, updated_at: deps.clock.now() };
  await deps.db.insertInto('alert_subscriptions').values({ user_id: userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row)).execute();
}

export async function dropSubscription(db: DB, userId: string): Promise<void> {
  await db.deleteFrom('alert_subscriptions').where('user_id', '=', userId).execute();
}
