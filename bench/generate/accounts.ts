import { sql } from 'kysely';
import { hashPassword } from '../../apps/server/src/modules/auth/password.ts';
import type { Secrets } from '../../apps/server/src/platform/secrets.ts';
import type { Conn } from './bulk.ts';

/**
 * The accounts a load test signs in with. Staff sign in at POST /api/auth/login with { username, password }; the
 * applicant with its e-mail (or phone) as username. Case handlers and supervisors need no second factor; the
 * institution administrator does (an administrator role requires TOTP): its secret is stored enrolled, so a script
 * answers the challenge with totpNow(knownAccounts.admin.totpSecret) from apps/server/src/modules/auth/totp.ts.
 */
export const knownAccounts = {
  /** 承办人 at the busiest city institution (the city centre with the largest share of cases). */
  handler: { username: 'bench.handler', password: 'Bench#Handler2026' },
  /** 上级监督 at the root of the network (国家知识产权局, path `cn`): the national scope. */
  supervisor: { username: 'bench.supervisor', password: 'Bench#Supervisor2026' },
  /** 机构管理员 of the busiest city institution, TOTP enrolled with a known secret. */
  admin: { username: 'bench.admin', password: 'Bench#Admin2026', totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' },
  /** A portal applicant (申请人), a small enterprise. */
  applicant: { username: 'bench.applicant@example.cn', phone: '13800138000', password: 'Bench#Applicant2026' },
} as const;

/** Every other generated account signs in with this password (one argon2 hash shared: hashing 40,000 would take minutes). */
export const generatedPassword = 'Bench#Yuanzhi2026';

const staffRoles = ['case_handler', 'intake_clerk', 'reviewer', 'case_handler', 'supervisor', 'case_handler', 'institution_admin'];

/**
 * Staff (spread evenly over the institutions, roles in turn: handlers, clerks, reviewers, supervisors, administrators),
 * portal applicants (phone from the person pool, encrypted), the four known accounts, and gen_handler: the handlers
 * of each institution numbered 0…n-1, which the cases draw from.
 */
export async function generateAccounts(
  conn: Conn, secrets: Secrets, o: { staff: number; applicants: number; institutions: number; busiestOrd: number; rootId: string },
): Promise<void> {
  const shared = await hashPassword(generatedPassword);
  await sql`CREATE UNLOGGED TABLE gen_staff AS
    SELECT k, uuidv7() AS id, 1 + (k - 1) % ${o.institutions} AS ord,
           (${sql.val(staffRoles)}::text[])[1 + ((k - 1) / ${o.institutions}) % ${staffRoles.length}] AS role
    FROM generate_series(1, ${o.staff}) k`.execute(conn);
  await sql`INSERT INTO users (id, kind, username, display_name, email, password_hash, totp_required, created_at, password_changed_at)
    SELECT s.id, 'staff', 'staff' || s.k, p.name, 'staff' || s.k || '@bench.example.cn', ${shared}, s.role = 'institution_admin',
           timestamptz '2017-01-01' + (s.k % 3000) * interval '1 day', now()
    FROM gen_staff s JOIN gen_pii p ON p.n = s.k`.execute(conn);
  await sql`INSERT INTO role_assignments (user_id, role, institution_id)
    SELECT s.id, s.role, i.id FROM gen_staff s JOIN gen_inst i ON i.ord = s.ord`.execute(conn);

  await sql`INSERT INTO users (kind, display_name, email, phone_enc, phone_hmac, phone_masked, party_kind, org_name, password_hash, created_at)
    SELECT 'applicant', p.name, 'applicant' || k || '@example.cn', p.phone_enc, p.phone_hmac, p.phone_masked,
           CASE WHEN k % 10 < 7 THEN 'legal_person' ELSE 'natural_person' END,
           CASE WHEN k % 10 < 7 THEN '申请企业' || k || '号有限公司' END, ${shared},
           timestamptz '2017-01-01' + (k % 3500) * interval '1 day'
    FROM generate_series(1, ${o.applicants}) k JOIN gen_pii p ON p.n = k`.execute(conn);

  const busiest = sql`(SELECT id FROM gen_inst WHERE ord = ${o.busiestOrd})`;
  const k = knownAccounts;
  const known = [
    { username: k.handler.username, name: '基准承办人', pw: k.handler.password, role: 'case_handler', inst: busiest, totp: null },
    { username: k.supervisor.username, name: '基准监督员', pw: k.supervisor.password, role: 'supervisor', inst: sql`${o.rootId}::uuid`, totp: null },
    { username: k.admin.username, name: '基准管理员', pw: k.admin.password, role: 'institution_admin', inst: busiest, totp: k.admin.totpSecret },
  ];
  for (const a of known) {
    const id = (await sql<{ id: string }>`INSERT INTO users (kind, username, display_name, password_hash, totp_secret_enc, totp_enabled, totp_required)
      VALUES ('staff', ${a.username}, ${a.name}, ${await hashPassword(a.pw)}, ${a.totp ? secrets.encrypt(a.totp) : null}, ${a.totp !== null}, ${a.totp !== null})
      RETURNING id`.execute(conn)).rows[0]!.id;
    await sql`INSERT INTO role_assignments (user_id, role, institution_id) VALUES (${id}, ${a.role}, ${a.inst})`.execute(conn);
    if (a.role === 'case_handler') await sql`INSERT INTO gen_staff (k, id, ord, role) VALUES (0, ${id}, ${o.busiestOrd}, 'case_handler')`.execute(conn);
  }
  await sql`INSERT INTO users (kind, display_name, email, phone_enc, phone_hmac, phone_masked, party_kind, org_name, password_hash)
    VALUES ('applicant', '基准申请人', ${k.applicant.username}, ${secrets.encrypt(k.applicant.phone)}, ${secrets.hmac(k.applicant.phone)},
            '138****8000', 'legal_person', '基准科技有限公司', ${await hashPassword(k.applicant.password)})`.execute(conn);

  // Institutions without a handler of their own borrow one from the busiest institution (only at tiny scales).
  await sql`CREATE UNLOGGED TABLE gen_handler AS
    SELECT i.ord, row_number() OVER (PARTITION BY i.ord ORDER BY s.k) - 1 AS j, s.id AS user_id
    FROM gen_inst i JOIN gen_staff s ON s.role = 'case_handler'
      AND s.ord = CASE WHEN EXISTS (SELECT 1 FROM gen_staff x WHERE x.ord = i.ord AND x.role = 'case_handler') THEN i.ord ELSE ${o.busiestOrd} END`.execute(conn);
  await sql`ALTER TABLE gen_inst ADD COLUMN handlers int`.execute(conn);
  await sql`UPDATE gen_inst i SET handlers = (SELECT count(*) FROM gen_handler h WHERE h.ord = i.ord)`.execute(conn);
  await sql`CREATE UNIQUE INDEX ON gen_handler (ord, j)`.execute(conn);
  await sql`CREATE UNLOGGED TABLE gen_applicant AS SELECT row_number() OVER (ORDER BY id) AS j, id FROM users WHERE kind = 'applicant'`.execute(conn);
  await sql`CREATE UNIQUE INDEX ON gen_applicant (j)`.execute(conn);
  await sql`ANALYZE gen_handler`.execute(conn);
}
