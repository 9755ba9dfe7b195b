import fs from 'node:fs';
import path from 'node:path';
import type { Deps } from '../platform/deps.ts';
import { createBackup, restoreBackup, verifyBackup } from '../platform/backup/backup.ts';
import { backupsDir } from '../platform/backup/schedule.ts';
import { recordAudit } from '../modules/audit/audit.record.ts';
import { CliError, cliContext } from './commands.ts';

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** `backup [dir]`: the whole install (database, evidence files, data key) into a folder with a manifest of hashes. */
export async function backupCommand(deps: Deps, dir: string | undefined, out: (l: string) => void): Promise<void> {
  const dest = path.resolve(dir ?? path.join(backupsDir(deps.config.dataDir), stamp(deps.clock.now())));
  const m = await createBackup({ pool: deps.pool, dataDir: deps.config.dataDir, now: deps.clock.now() }, dest);
  const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
  const files = Object.keys(m.files).filter((f) => f.startsWith('files/')).length;
  await recordAudit(deps.db, cliContext(), { action: 'system.backup', objectType: 'install', detail: { rows, files, at: m.createdAt } });
  out(`已备份 Backed up: ${rows} 行 rows, ${files} 个证据文件 evidence files → ${dest}`);
  if (!m.files['keys/data.key']) out('注意：数据密钥来自 YUANZHI_DATA_KEY，未包含在备份中，请另行保管 / The data key comes from YUANZHI_DATA_KEY and is not in the backup: keep it safe separately');
  out('备份含个人数据与密钥，请加密保存 / The backup holds personal data and the key: store it encrypted');
}

/** Before anything is opened: the backup is whole, and (embedded mode) the data directory is empty. */
export async function restorePrecheck(dir: string | undefined, dataDir: string, external: boolean): Promise<string> {
  if (!dir) throw new CliError('缺少备份目录：restore <dir>', 'Missing the backup folder: restore <dir>');
  const abs = path.resolve(dir);
  await verifyBackup(abs);
  if (!external && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new CliError(`数据目录不为空：${dataDir}（只能恢复到空目录）`, `The data directory is not empty: ${dataDir} (restore only onto an empty one)`);
  }
  return abs;
}

export async function restoreCommand(deps: Deps, abs: string, out: (l: string) => void): Promise<void> {
  const m = await restoreBackup({ pool: deps.pool, dataDir: deps.config.dataDir }, abs);
  const rows = Object.values(m.tables).reduce((n, t) => n + t.rows, 0);
  // The restored chain goes on: this entry links to the last one of the backup.
  await recordAudit(deps.db, cliContext(), { action: 'system.restore', objectType: 'install', detail: { rows, takenAt: m.createdAt } });
  out(`已恢复 Restored: ${rows} 行 rows, ${Object.keys(m.files).filter((f) => f.startsWith('files/')).length} 个证据文件 evidence files (备份时间 taken ${m.createdAt})`);
}
