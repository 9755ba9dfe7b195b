import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPathForPostgresUser } from './embedded-pg.ts';

describe('openPathForPostgresUser', () => {
  it('adds only the search bit for others on every private ancestor', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-perm-'));
    const inner = path.join(root, 'a', 'b');
    fs.mkdirSync(inner, { recursive: true });
    fs.chmodSync(root, 0o700);
    fs.chmodSync(path.join(root, 'a'), 0o750);
    openPathForPostgresUser(inner);
    expect(fs.statSync(root).mode & 0o777).toBe(0o701);
    expect(fs.statSync(path.join(root, 'a')).mode & 0o777).toBe(0o751);
    fs.rmSync(root, { recursive: true });
  });
});

describe('importing the embedded PostgreSQL module', () => {
  it('keeps the exit code a program sets (a failed test run must not exit 0)', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
      "await import('./apps/server/src/platform/embedded-pg.ts'); process.exitCode = 3;"], { encoding: 'utf8' });
    expect(r.stderr).not.toContain('TypeError');
    expect(r.status).toBe(3);
  });
});
