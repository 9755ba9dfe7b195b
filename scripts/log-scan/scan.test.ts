import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanLogDir, scanText } from './scan.ts';

const none = { passwords: [], tokens: [] };
const clean = '{"level":30,"time":1795651200000,"reqId":"5f0c1c1e-13a2-4c1b-9d4e-138001380001","req":{"method":"GET","url":"/api/cases/42"},"msg":"incoming request"}';

describe('log scan', () => {
  it('passes a clean request line (timestamps, ids and uuids are not phones)', () => {
    expect(scanText(clean, 'a.log', none)).toEqual([]);
  });

  it('passes fractional digits that look like a phone (seen in CI: a response time)', () => {
    expect(scanText('{"res":{"statusCode":200},"responseTime":10.8613179999993,"msg":"request completed"}', 'a.log', none)).toEqual([]);
    expect(scanText('{"q":"13800138000","t":0.5}', 'a.log', none)).toHaveLength(1);
  });

  it('finds each kind of planted leak and masks it in the report', () => {
    const planted = [
      clean,
      '{"msg":"party","idNumber":"11010519491231002X"}',
      '{"url":"/api/search?q=13800138000"}',
      '{"body":{"username":"wh_clerk","password":"Tr0ub4dor&3"}}',
      '{"req":{"headers":{"cookie":"yz_sid=AbCdEfGhIjKlMnOp"}}}',
      'note Hubei#Assist2026 typed into the wrong box',
      'leaked sessiontokenvalue0123456789 in a message',
    ].join('\n');
    const hits = scanText(planted, 'p.log', { passwords: ['Hubei#Assist2026'], tokens: ['sessiontokenvalue0123456789'] });
    expect(hits.map((h) => [h.line, h.kind])).toEqual([
      [2, 'id_number'], [3, 'phone'], [4, 'password'], [5, 'session_token'], [6, 'password'], [7, 'session_token'],
    ]);
    expect(JSON.stringify(hits)).not.toContain('13800138000');
  });

  it('accepts redacted values and an 18-digit number with a wrong check digit', () => {
    const ok = '{"password":"[redacted]","cookie":"yz_sid=[redacted]","n":"110105194912310021"}';
    expect(scanText(ok, 'r.log', none)).toEqual([]);
  });

  it('reads the tokens a server issued from the .secrets file beside its log', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'logscan-'));
    fs.writeFileSync(path.join(dir, 's.log'), `${clean}\n{"msg":"x issuedtoken-abcdefghijkl"}\n`);
    fs.writeFileSync(path.join(dir, 's.log.secrets'), 'issuedtoken-abcdefghijkl\n');
    const r = scanLogDir(dir);
    expect(r).toMatchObject({ files: 1, lines: 2 });
    expect(r.hits).toEqual([expect.objectContaining({ line: 2, kind: 'session_token' })]);
  });
});
