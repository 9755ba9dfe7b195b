import path from 'node:path';

/** Every setting the platform reads from the environment; the README's table mirrors this. */
export interface Config {
  port: number;
  host: string;
  /** External PostgreSQL; when absent the embedded server under dataDir is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Load the demo network, users and records when the database is empty. */
  demo: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  passwordMaxAgeDays: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  trustProxy: boolean;
  logLevel: string;
  bodyLimitBytes: number;
  /** Scheduled backups (embedded mode) kept under dataDir/backups. */
  backupKeep: number;
  /** Days after a case is archived before its personal data and files are removed. */
  retentionDays: number;
}

function num(v: string | undefined, dflt: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`Invalid number in environment: ${v}`);
  return n;
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: num(env.PORT, 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.YUANZHI_DATA_DIR ?? 'data'),
    demo: bool(env.YUANZHI_DEMO, true),
    sessionIdleMinutes: num(env.SESSION_IDLE_MINUTES, 30),
    sessionAbsoluteHours: num(env.SESSION_ABSOLUTE_HOURS, 12),
    passwordMaxAgeDays: num(env.PASSWORD_MAX_AGE_DAYS, 90),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'yuanzhi@localhost',
    trustProxy: bool(env.TRUST_PROXY, false),
    logLevel: env.LOG_LEVEL ?? 'warn',
    bodyLimitBytes: num(env.BODY_LIMIT_BYTES, 1024 * 1024),
    backupKeep: num(env.BACKUP_KEEP, 7),
    retentionDays: num(env.RETENTION_DAYS, 3 * 365),
  };
}
