import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { breakReasonText } from '../modules/audit/audit.verify.ts';
import { openPlatform } from '../platform/bootstrap.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import type { Deps } from '../platform/deps.ts';
import { EmbeddedInUse } from '../platform/embedded-pg.ts';
import { recordAudit } from '../modules/audit/audit.record.ts';
import { auditVerify, CliError, cliContext, createAdmin, resetPassword } from './commands.ts';
import { BackupRefused } from '../platform/backup/backup.ts';
import { backupCommand, restoreCommand, restorePrecheck } from './backup.ts';
import { formatRowErrors, importInstitutionsFile } from './import.ts';
import { reindexAll } from '../modules/search/search.index.ts';
import { rebuildCube } from '../modules/stats/cube/cube.rebuild.ts';

export const HELP = `援知 yuanzhi 命令行 / command line

用法 Usage: npm run cli -- <命令 command> [选项 options]   (或 or: yuanzhi <command>)

  migrate                                     执行数据库迁移 / apply database migrations
  create-admin --username <u> --name <n> [--password <p>] [--role system_admin|security_admin|audit_admin]
                                              在根机构创建管理员（默认系统管理员）；未给密码时生成强密码，首次登录须修改
                                              create an administrator (system, security or audit) at the root; a strong
                                              password is generated when none is given; it must be changed at first sign-in
  reset-password --username <u>               生成临时密码（下次登录须修改），解除锁定 /
                                              print a temporary password (to change at next sign-in); clears the lock-out
  import-institutions <file.xlsx>             从 Excel 导入机构（全部成功或全部不导入）/ import institutions from .xlsx (all or nothing)
  backup [<dir>]                              备份数据库、证据文件和数据密钥（含哈希清单）；默认写入 data/backups /
                                              back up the database, evidence files and data key with a manifest of hashes
  restore <dir>                               校验备份后恢复到空的安装；清单不符则拒绝 / verify a backup, then restore
                                              it onto an empty install; refused when the manifest does not match
  audit:verify                                校验审计日志哈希链；断裂时退出码为 1 / verify the audit hash chain; exit code 1 when broken
  search:reindex                              重建全文检索索引（文章、问答、咨询、案件）/ rebuild the full-text search index
  stats:cube:rebuild                          重建统计立方（已结束月份的指标值）/ rebuild the statistics cube (complete months)
  help                                        显示本帮助 / show this help

数据库：默认使用 ./data 下的内嵌 PostgreSQL；设置 DATABASE_URL 使用外部数据库。
Database: the embedded PostgreSQL under ./data by default; set DATABASE_URL for an external one.
所有写操作均记入审计日志（操作人 cli）。Every write is recorded in the audit log (actor 'cli').`;

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Opens the platform (database, migrations); tests hand in the harness's deps. */
  open: () => Promise<{ deps: Deps; migrations: string[]; close: () => Promise<void> }>;
  /** The settings a command checks before opening anything (restore: is the data directory empty?). */
  config?: () => Pick<Config, 'dataDir' | 'databaseUrl'>;
}

const defaultIo: CliIo = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  open: () => openPlatform(loadConfig(), undefined, { ifInUse: 'refuse' }),
};

const options = {
  username: { type: 'string' },
  name: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const need = (v: string | undefined, flag: string): string => {
  if (!v) throw new CliError(`缺少参数 --${flag}`, `Missing --${flag}`);
  return v;
};

async function run(command: string, args: ReturnType<typeof parse>, deps: Deps, migrations: string[], io: CliIo): Promise<number> {
  const { values, positionals } = args;
  switch (command) {
    case 'migrate':
      if (migrations.length) {
        await recordAudit(deps.db, cliContext(), { action: 'system.migrate', objectType: 'schema', detail: { applied: migrations } });
        io.out(`已执行迁移 Applied: ${migrations.join(', ')}`);
      } else io.out('数据库结构已是最新 / The schema is up to date');
      return 0;
    case 'create-admin': {
      const r = await createAdmin(deps, { username: need(values.username, 'username'), name: need(values.name, 'name'), password: values.password, role: values.role });
      io.out(`已创建管理员 Created ${values.role ?? 'system_admin'}: ${values.username!.trim().toLowerCase()} (${r.userId})`);
      if (r.generated) io.out(`初始密码 Initial password: ${r.password}`);
      io.out('首次登录须修改密码并绑定两步验证 / The password must be changed, and TOTP enrolled, at first sign-in');
      return 0;
    }
    case 'reset-password': {
      const r = await resetPassword(deps, { username: need(values.username, 'username') });
      io.out(`临时密码 Temporary password: ${r.password}`);
      io.out('下次登录须修改密码；锁定已解除，现有会话已结束 / Must be changed at next sign-in; lock-out cleared, sessions ended');
      return 0;
    }
    case 'import-institutions': {
      const r = await importInstitutionsFile(deps, positionals[1] ?? '');
      if (r.ok) {
        io.out(`已导入机构 Imported institutions: ${r.imported ?? '?'}`);
        return 0;
      }
      io.err(r.message);
      for (const line of formatRowErrors(r.rows)) io.err(line);
      return 1;
    }
    case 'backup':
      await backupCommand(deps, positionals[1], io.out);
      return 0;
    case 'restore':
      await restoreCommand(deps, path.resolve(positionals[1]!), io.out);
      return 0;
    case 'audit:verify': {
      const v = await auditVerify(deps);
      if (v.ok) {
        io.out(`审计日志完整 / The audit chain is intact: ${v.checked} 条 entries checked`);
        return 0;
      }
      const why = v.reason ? breakReasonText[v.reason] : { zh: '', en: '' };
      io.err(`审计日志哈希链断裂于第 ${v.firstBadSeq} 条：${why.zh}`);
      io.err(`The audit chain is broken at seq ${v.firstBadSeq}: ${why.en}`);
      return 1;
    }
    case 'search:reindex': {
      const t0 = Date.now();
      const r = await reindexAll(deps.db, (n) => { if (n % 5000 < 500) io.out(`… ${n}`); });
      await recordAudit(deps.db, cliContext(), { action: 'search.reindex', objectType: 'search_index', detail: { ...r } });
      io.out(`已重建检索索引 Search index rebuilt in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${r.article} 文章 articles, ${r.qa} 问答 Q&A, ${r.consultation} 咨询 consultations, ${r.case} 案件 cases`);
      return 0;
    }
    case 'stats:cube:rebuild': {
      const r = await rebuildCube(deps.db);
      await recordAudit(deps.db, cliContext(), { action: 'stats.cube.rebuild', objectType: 'stats', detail: { ...r } });
      io.out(`已重建统计立方 Statistics cube rebuilt in ${r.seconds} s: ${r.months} 个月 months, ${r.rows} 行 rows`);
      return 0;
    }
    default:
      throw new CliError(`未知命令：${command}（运行 help 查看用法）`, `Unknown command: ${command} (run help for usage)`);
  }
}

function parse(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

const commands = new Set(['migrate', 'create-admin', 'reset-password', 'import-institutions', 'audit:verify', 'backup', 'restore', 'search:reindex', 'stats:cube:rebuild']);

/** Parse, open the platform, run one command; returns the exit code. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (e) {
    io.err(`参数有误 / Bad arguments: ${(e as Error).message}`);
    io.err(HELP);
    return 2;
  }
  const command = args.positionals[0] ?? 'help';
  if (command === 'help' || args.values.help) {
    io.out(HELP);
    return 0;
  }
  if (!commands.has(command)) {
    io.err(`未知命令：${command} / Unknown command: ${command}`);
    io.err(HELP);
    return 2;
  }
  let platform: Awaited<ReturnType<CliIo['open']>> | undefined;
  try {
    if (command === 'restore') {
      const config = (io.config ?? loadConfig)();
      await restorePrecheck(args.positionals[1], config.dataDir, !!config.databaseUrl);
    }
    platform = await io.open();
    return await run(command, args, platform.deps, platform.migrations, io);
  } catch (e) {
    if (e instanceof CliError || e instanceof EmbeddedInUse || e instanceof BackupRefused) {
      io.err(e.message);
      return 1;
    }
    throw e;
  } finally {
    await platform?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
