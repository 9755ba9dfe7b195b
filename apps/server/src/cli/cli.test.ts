import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { TestClient } from '../testing/client.ts';
import { EmbeddedInUse, livePostmaster, startEmbedded } from '../platform/embedded-pg.ts';
import { AppError } from '../platform/errors.ts';
import { generatePassword } from './commands.ts';
import { importInstitutionsFile, loadImporter } from './import.ts';
import { HELP, runCli } from './main.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    open: async () => ({ deps: t.deps, migrations: [], close: async () => {} }),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const lastAudit = (action: string) =>
  t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').executeTakeFirstOrThrow();

describe('help and arguments', () => {
  it('prints the help, and refuses unknown commands and options', async () => {
    expect(await cli('help')).toMatchObject({ code: 0, out: HELP });
    expect((await cli()).out).toContain('audit:verify');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('migrate', '--bogus')).code).toBe(2);
    expect(await cli('migrate')).toMatchObject({ code: 0, out: expect.stringContaining('up to date') });
  });

  it('generates strong passwords', () => {
    const p = generatePassword();
    expect(p).toHaveLength(16);
    expect(p).toMatch(/[a-z]/);
    expect(p).toMatch(/[A-Z]/);
    expect(p).toMatch(/\d/);
    expect(p).toMatch(/[^a-zA-Z\d]/);
    expect(generatePassword()).not.toBe(p);
  });
});

describe('create-admin', () => {
  it('creates a system administrator at the root with a generated password to change at first sign-in', async () => {
    const r = await cli('create-admin', '--username', 'Ops_Admin', '--name', '运维管理员');
    expect(r.code).toBe(0);
    const password = r.out.match(/Initial password: (\S+)/)![1];
    const u = await t.deps.db.selectFrom('users').selectAll().where('username', '=', 'ops_admin').executeTakeFirstOrThrow();
    expect(u).toMatchObject({ kind: 'staff', display_name: '运维管理员', must_change_password: true });
    const grant = await t.deps.db
      .selectFrom('role_assignments as r')
      .innerJoin('institutions as i', 'i.id', 'r.institution_id')
      .select(['r.role', 'i.path'])
      .where('r.user_id', '=', u.id)
      .execute();
    expect(grant).toEqual([{ role: 'system_admin', path: 'cn' }]);
    const first = await t.anon().post('/api/auth/login', { username: 'ops_admin', password });
    expect(first.body.data.next).toBe('change_password');
    const c = await TestClient.signIn(t.app, 'ops_admin', password);
    expect((await c.get('/api/auth/me')).body.data.grants[0].role).toBe('system_admin');
    expect(await lastAudit('user.create')).toMatchObject({ actor_name: 'cli', object_id: u.id, institution_path: 'cn', result: 'success' });
  });

  it('takes a given password if it is strong enough, and refuses a weak one, a taken name or missing options', async () => {
    expect(await cli('create-admin', '--username', 'ops2', '--name', '二号', '--password', 'Strong#Pass2026')).toMatchObject({ code: 0 });
    expect((await cli('create-admin', '--username', 'ops2', '--name', '二号', '--password', 'Strong#Pass2026')).err).toContain('taken');
    const weak = await cli('create-admin', '--username', 'ops3', '--name', '三号', '--password', 'password');
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/密码不符合要求/);
    expect((await cli('create-admin', '--username', 'ops4')).err).toContain('--name');
    expect((await cli('create-admin', '--username', '1x', '--name', 'n')).code).toBe(1);
    expect(await t.deps.db.selectFrom('users').select('id').where('username', 'in', ['ops3', 'ops4']).execute()).toEqual([]);
  });
});

describe('create-admin --role', () => {
  it('creates security and audit administrators, and refuses any other role', async () => {
    expect((await cli('create-admin', '--username', 'sec2', '--name', '安全二号', '--role', 'security_admin')).code).toBe(0);
    const g = await t.deps.db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('r.role')
      .where('u.username', '=', 'sec2')
      .execute();
    expect(g.map((x) => x.role)).toEqual(['security_admin']);
    expect((await cli('create-admin', '--username', 'x9', '--name', 'n', '--role', 'case_handler')).code).toBe(1);
  });
});

describe('reset-password', () => {
  it('prints a temporary password, clears the lock-out and ends sessions; the user must change it', async () => {
    const old = await t.login('yc_handler');
    for (let i = 0; i < 6; i++) await t.anon().post('/api/auth/login', { username: 'yc_handler', password: `bad${i}` });
    expect((await t.anon().post('/api/auth/login', { username: 'yc_handler', password: 'Hubei#Assist2026' })).status).toBe(423);
    const r = await cli('reset-password', '--username', 'yc_handler');
    expect(r.code).toBe(0);
    const password = r.out.match(/Temporary password: (\S+)/)![1];
    expect((await old.get('/api/auth/me')).body.data).toBeNull();
    const login = await t.anon().post('/api/auth/login', { username: 'yc_handler', password });
    expect(login.status).toBe(200);
    expect(login.body.data.next).toBe('change_password');
    const e = await lastAudit('user.reset_password');
    expect(e).toMatchObject({ actor_name: 'cli', result: 'success' });
    expect(e.institution_path).toMatch(/^cn\./);
    expect((await cli('reset-password', '--username', 'nobody')).code).toBe(1);
  });
});

describe('import-institutions', () => {
  it('says clearly when the importer is not in this build', async () => {
    await expect(loadImporter(new URL('./no-such-module.ts', import.meta.url).href)).rejects.toThrow(/does not include the institution import/);
  });

  it('prints the row errors of a bad file, and the count of a good one', async () => {
    const file = path.resolve('.tmp', `cli-import-${process.pid}.xlsx`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not really a workbook');
    const bad = await importInstitutionsFile(t.deps, file, async () => async () => {
      throw new AppError(422, 'import_invalid', '导入文件有误', 'The file has errors', undefined, {
        rows: [{ row: 3, field: 'type', message: '类型无效', messageEn: 'Unknown type' }],
      });
    });
    expect(bad).toMatchObject({ ok: false, rows: [{ row: 3, field: 'type' }] });
    let seen: unknown[] = [];
    const good = await importInstitutionsFile(t.deps, file, async () => async (...args) => ((seen = args), { imported: 7 }));
    expect(good).toEqual({ ok: true, imported: 7 });
    expect(seen[2]).toBeNull();
    expect(seen[3]).toMatchObject({ actorName: 'cli' });
    expect((await cli('import-institutions', '/no/such/file.xlsx')).err).toContain('Cannot read');
    fs.rmSync(file, { force: true });
  });
});

describe('audit:verify', () => {
  it('exits 0 on an intact chain and 1 with the bad seq when broken', async () => {
    const ok = await cli('audit:verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('intact');
    expect(await lastAudit('audit.verify')).toMatchObject({ actor_name: 'cli' });
    const target = (await lastAudit('user.create')).seq;
    const c = await t.deps.pool.connect();
    try {
      await c.query('ALTER TABLE audit_log DISABLE TRIGGER audit_no_update');
      await c.query(`UPDATE audit_log SET actor_name = 'someone else' WHERE seq = $1`, [target]);
    } finally {
      await c.query('ALTER TABLE audit_log ENABLE TRIGGER audit_no_update');
      c.release();
    }
    const bad = await cli('audit:verify');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`broken at seq ${target}`);
  });
});

describe('the embedded database in use', () => {
  it('is refused, not stopped, when another running program owns it', async () => {
    if (process.env.TEST_DATABASE_URL) return;
    const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await c.connect();
    const dir = (await c.query('SHOW data_directory')).rows[0].data_directory as string;
    await c.end();
    const live = livePostmaster(dir);
    expect(live).toMatchObject({ ownerAlive: true });
    await expect(startEmbedded(path.dirname(dir), { ifInUse: 'refuse' })).rejects.toBeInstanceOf(EmbeddedInUse);
    expect(livePostmaster(dir)?.pid).toBe(live!.pid);
  });
});

describe('backup and restore commands', () => {
  it('backs up into a folder with a manifest and audits it; restore refuses a damaged backup and a data directory in use', async () => {
    const dir = fs.mkdtempSync(path.join('/tmp', 'yz-cli-backup-'));
    const dest = path.join(dir, 'b');
    // Its own data directory: the shared test one changes under other test files.
    const out: string[] = [];
    const deps = { ...t.deps, config: { ...t.deps.config, dataDir: path.join(dir, 'data') } };
    const code = await runCli(['backup', dest], { out: (l) => out.push(l), err: (l) => out.push(l), open: async () => ({ deps, migrations: [], close: async () => {} }) });
    expect({ code, out: out.join('\n') }).toMatchObject({ code: 0, out: expect.stringContaining(dest) });
    expect(fs.existsSync(path.join(dest, 'manifest.json'))).toBe(true);
    expect((await lastAudit('system.backup')).object_type).toBe('install');

    const cfg = (dataDir: string) => ({ dataDir, databaseUrl: undefined });
    const run = (dataDir: string, ...argv: string[]) => {
      const err: string[] = [];
      return runCli(argv, { out: () => {}, err: (l) => err.push(l), config: () => cfg(dataDir), open: async () => { throw new Error('must not open'); } })
        .then((code) => ({ code, err: err.join('\n') }));
    };
    const used = path.join(dir, 'used');
    fs.mkdirSync(used);
    fs.writeFileSync(path.join(used, 'x'), '');
    expect(await run(used, 'restore', dest)).toMatchObject({ code: 1, err: expect.stringContaining('not empty') });
    fs.writeFileSync(path.join(dest, 'tables', 'users.jsonl'), '{}\n');
    expect(await run(path.join(dir, 'empty'), 'restore', dest)).toMatchObject({ code: 1, err: expect.stringContaining('hash mismatch: tables/users.jsonl') });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
