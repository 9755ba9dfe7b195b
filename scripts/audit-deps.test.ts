import { describe, expect, it } from 'vitest';
import { judgeAudit } from './audit-deps.ts';

const report = (v: Record<string, number>) => JSON.stringify({ metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...v } } });

describe('dependency audit verdict', () => {
  it('fails on a high or critical advisory, passes on moderate ones', () => {
    expect(judgeAudit(report({ high: 1 }), false).ok).toBe(false);
    expect(judgeAudit(report({ critical: 2 }), false).ok).toBe(false);
    expect(judgeAudit(report({ moderate: 3 }), false).ok).toBe(true);
  });
  it('warns when the registry has no advisory endpoint, and fails then in strict mode', () => {
    const missing = JSON.stringify({ statusCode: 405, message: '405 Method Not Allowed' });
    expect(judgeAudit(missing, false)).toMatchObject({ ok: true, message: expect.stringContaining('NOT audited') });
    expect(judgeAudit(missing, true).ok).toBe(false);
    expect(judgeAudit('not json', false).ok).toBe(false);
  });
});
