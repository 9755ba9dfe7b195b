import { maskPhone } from '@yuanzhi/domain';
import type { Deps } from '../platform/deps.ts';
import { hashPassword } from '../modules/auth/password.ts';
import { ensureRootInstitution, insertInstitution } from '../modules/institutions/institutions.repository.ts';
import { roleNames, type Role } from '../authz/roles.ts';
import { loadDemoCases } from './cases.ts';
import { loadDemoArticles } from './articles.ts';
import { loadDemoExperts } from './experts.ts';
import { loadDemoExpertCases } from './expert-cases.ts';
import { loadDemoConsultations } from './consultations.ts';
import { loadStatsHistory } from './stats-history.ts';
import { reindexAll } from '../modules/search/search.index.ts';
import { indexMissingCases } from '../modules/search/search.case-job.ts';
import { loadDemoRegistries } from './registries.ts';
import { loadDemoTrainings } from './trainings.ts';
import { loadDemoEvents } from './events.ts';
import { loadDemoAssessments } from './assessments.ts';
import { loadDemoHistoryImports } from './history-import.ts';
import { ADMIN_INITIAL_PASSWORD, DEMO_PASSWORD, demoApplicant, demoNetwork, demoUsers } from './network.ts';

export interface DemoLogin {
  role: string;
  username: string;
  password: string;
}

/**
 * Load the demo network and users into an empty database (no institutions yet). Returns the logins
 * to print. Later modules add their own demo records here.
 */
export async function loadDemo(deps: Deps): Promise<{ loaded: boolean; logins: DemoLogin[] }> {
  const logins: DemoLogin[] = demoUsers.map((u) => ({
    role: `${roleNames[u.role as Role].zh} ${u.role}`,
    username: u.username,
    password: u.mustChange ? `${ADMIN_INITIAL_PASSWORD} (change at first sign-in)` : DEMO_PASSWORD,
  }));
  logins.push({ role: '申请人 applicant (portal)', username: demoApplicant.email, password: DEMO_PASSWORD });
  const root = await ensureRootInstitution(deps.db);
  const any = await deps.db.selectFrom('institutions').select('id').where('id', '!=', root.id).limit(1).executeTakeFirst();
  const anyUser = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any || anyUser) {
    const demoThere = await deps.db.selectFrom('users').select('id').where('username', '=', 'wh_clerk').executeTakeFirst();
    return { loaded: false, logins: demoThere ? logins : [] };
  }

  const [demoHash, adminHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(ADMIN_INITIAL_PASSWORD)]);
  await deps.db.transaction().execute(async (tx) => {
    const ids = new Map<string, string>();
    for (const i of demoNetwork) {
      if (!i.parent) {
        await tx.updateTable('institutions').set({ name: i.name, type: i.type, level: i.level }).where('id', '=', root.id).execute();
        ids.set(i.key, root.id);
        continue;
      }
      const r = await insertInstitution(tx, {
        parent_id: i.parent ? ids.get(i.parent)! : null,
        name: i.name,
        type: i.type,
        level: i.level,
        host: i.host ?? null,
        region_code: i.region ?? null,
        services: i.services ?? [],
        ip_types: i.ipTypes ?? [],
        phone: i.region ? `027-8${String(ids.size).padStart(3, '0')}1234` : '010-62080000',
        email: `contact${ids.size + 1}@example.org`,
        hours: '工作日 9:00–12:00，13:30–17:30',
        address: i.region ? undefined : '北京市海淀区',
        description: null,
      });
      ids.set(i.key, r.id);
    }
    for (const u of demoUsers) {
      const user = await tx
        .insertInto('users')
        .values({
          kind: u.kind ?? 'staff',
          username: u.username,
          display_name: u.name,
          email: `${u.username}@example.org`,
          password_hash: u.mustChange ? adminHash : demoHash,
          must_change_password: u.mustChange ?? false,
          phone_enc: null,
          phone_hmac: null,
          phone_masked: null,
          party_kind: null,
          org_name: null,
          credit_code: null,
          totp_secret_enc: null,
          locked_until: null,
          last_login_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx.insertInto('role_assignments').values({ user_id: user.id, role: u.role, institution_id: ids.get(u.at)! }).execute();
    }
    await tx
      .insertInto('users')
      .values({
        kind: 'applicant',
        username: null,
        display_name: demoApplicant.name,
        email: demoApplicant.email,
        phone_enc: deps.secrets.encrypt(demoApplicant.phone),
        phone_hmac: deps.secrets.hmac(demoApplicant.phone),
        phone_masked: maskPhone(demoApplicant.phone),
        party_kind: 'legal_person',
        org_name: demoApplicant.name,
        credit_code: demoApplicant.creditCode,
        password_hash: demoHash,
        totp_secret_enc: null,
        locked_until: null,
        last_login_at: null,
      })
      .execute();
  });
  await loadDemoCases(deps);
  await loadDemoArticles(deps);
  await loadDemoExperts(deps);
  await loadDemoExpertCases(deps);
  await loadDemoConsultations(deps);
  await loadStatsHistory(deps);
  // The demo's rows were written directly, not through the services that keep the index: build it once.
  await reindexAll(deps.db);
  await loadDemoRegistries(deps);
  await loadDemoTrainings(deps);
  await loadDemoEvents(deps);
  await loadDemoAssessments(deps);
  await loadDemoHistoryImports(deps);
  // Cases submitted after the build above (on-site complaints) get their entries from a job after commit (ADR 0043).
  await indexMissingCases(deps.db);
  return { loaded: true, logins };
}
