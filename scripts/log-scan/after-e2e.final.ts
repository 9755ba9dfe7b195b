/**
 * The last test of `npm test` (its own project, groupOrder after the browser journeys): every log the
 * test servers wrote under .tmp/logs is free of ID numbers, phones, passwords and session tokens.
 */
import { describe, expect, it } from 'vitest';
import { scanLogDir } from './scan.ts';

describe('no personal data in the logs of the browser suite', () => {
  it('finds no ID number, phone, password or session token', () => {
    const r = scanLogDir();
    expect(r.files, 'no logs under .tmp/logs: run the e2e project first').toBeGreaterThan(0);
    expect(r.lines).toBeGreaterThan(0);
    console.log(`log scan: ${r.files} files, ${r.lines} lines, ${r.hits.length} findings`);
    expect(r.hits).toEqual([]);
  });
});
