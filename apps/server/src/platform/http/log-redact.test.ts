import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redact.ts';

describe('redactUrl', () => {
  it('drops typed search text from logged URLs and keeps the other parameters', () => {
    expect(redactUrl('/api/search/console?q=13912345678&kind=case&page=2')).toBe('/api/search/console?q=[redacted]&kind=case&page=2');
    expect(redactUrl('/api/search?kind=policy&q=%E5%BC%A0%E4%B8%89')).toBe('/api/search?kind=policy&q=[redacted]');
    expect(redactUrl('/api/search?q=a&q=b')).toBe('/api/search?q=[redacted]&q=[redacted]');
    expect(redactUrl('/api/cases?status=open&sq=x')).toBe('/api/cases?status=open&sq=x');
    expect(redactUrl('/api/portal/rate/abc?q=1')).toBe('/api/portal/rate/[redacted]?q=[redacted]');
  });
});
