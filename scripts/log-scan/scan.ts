/**
 * Looks through log files for personal data and credentials: resident ID numbers (valid check digit),
 * mainland mobile numbers, passwords (the demo ones and any unredacted "password" field) and the session
 * tokens the test servers actually issued (listed in `<log>.secrets` beside each log).
 */
import fs from 'node:fs';
import path from 'node:path';
import { isValidIdNumber } from '../../packages/domain/src/identifiers.ts';

export const LOG_DIR = path.resolve('.tmp', 'logs');
export const DEMO_PASSWORDS = ['Hubei#Assist2026', 'Start#Hubei2026', 'Temp#Handler2026'];

export interface Hit {
  file: string;
  line: number;
  kind: 'id_number' | 'phone' | 'password' | 'session_token';
  /** The finding masked, so the report does not repeat the leak. */
  sample: string;
}

const mask = (s: string) => (s.length <= 4 ? '****' : `${s.slice(0, 3)}…${s.slice(-2)}`);

// A number's fractional digits ("responseTime":10.8613179999993) are never a phone or an ID number.
export function scanText(text: string, file: string, needles: { passwords: string[]; tokens: string[] }): Hit[] {
  const hits: Hit[] = [];
  text.split('\n').forEach((line, i) => {
    const at = (kind: Hit['kind'], s: string) => hits.push({ file, line: i + 1, kind, sample: mask(s) });
    for (const m of line.matchAll(/(?<![\dA-Za-z]|\d\.)\d{17}[\dXx](?![\dA-Za-z])/g)) if (isValidIdNumber(m[0])) at('id_number', m[0]);
    for (const m of line.matchAll(/(?<![\dA-Za-z]|\d\.)(?:\+?86[- ]?)?1[3-9]\d{9}(?![\dA-Za-z])/g)) at('phone', m[0]);
    for (const m of line.matchAll(/"(?:password|currentPassword|newPassword)"\s*:\s*"([^"]*)"/gi)) {
      if (m[1] !== '[redacted]') at('password', m[1]);
    }
    for (const p of needles.passwords) if (line.includes(p)) at('password', p);
    for (const m of line.matchAll(/yz_sid=([^;\s"\\]+)/g)) if (m[1] !== '[redacted]') at('session_token', m[1]);
    for (const t of needles.tokens) if (line.includes(t)) at('session_token', t);
  });
  return hits;
}

export interface ScanResult {
  files: number;
  lines: number;
  hits: Hit[];
}

export function scanLogDir(dir = LOG_DIR): ScanResult {
  const names = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const tokens = names
    .filter((n) => n.endsWith('.secrets'))
    .flatMap((n) => fs.readFileSync(path.join(dir, n), 'utf8').split('\n'))
    .filter((t) => t.length > 8);
  const result: ScanResult = { files: 0, lines: 0, hits: [] };
  for (const n of names.filter((x) => x.endsWith('.log'))) {
    const text = fs.readFileSync(path.join(dir, n), 'utf8');
    result.files++;
    result.lines += text.split('\n').filter(Boolean).length;
    result.hits.push(...scanText(text, n, { passwords: DEMO_PASSWORDS, tokens }));
  }
  return result;
}
