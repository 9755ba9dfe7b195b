import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, forgetCsrf, rememberCsrf, withQuery } from './api.ts';

function answer(status: number, body: unknown) {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetCsrf();
});

describe('withQuery', () => {
  it('leaves out empty values and repeats arrays', () => {
    expect(withQuery('/api/x', { a: 1, b: '', c: undefined, d: null, e: ['p', 'q'] })).toBe('/api/x?a=1&e=p&e=q');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});

describe('api', () => {
  it('sends the CSRF token from the last auth answer on writes, not on reads', async () => {
    const f = answer(200, { data: { next: 'done', me: null }, csrfToken: 'tok-1' });
    vi.stubGlobal('fetch', f);
    await api('/api/auth/login', { body: { username: 'a', password: 'b' } });
    await api('/api/users');
    await api('/api/users', { method: 'POST', body: {} });
    const headers = f.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1].headers as Record<string, string>);
    expect(headers[0]['x-csrf-token']).toBeUndefined();
    expect(headers[1]['x-csrf-token']).toBeUndefined();
    expect(headers[2]['x-csrf-token']).toBe('tok-1');
    const init = (f.mock.calls[2] as unknown as [string, RequestInit])[1];
    expect(init.credentials).toBe('same-origin');
  });

  it('throws an ApiError carrying code, messages, field, fields and the rest', async () => {
    rememberCsrf('t');
    vi.stubGlobal('fetch', answer(423, {
      error: { code: 'account_locked', message: '账户已锁定', messageEn: 'Locked', lockedUntil: '2026-01-01T00:00:00Z',
        field: 'username', fields: [{ field: 'username', message: '锁', messageEn: 'lock' }], requestId: 'r' },
    }));
    const err = await api('/api/auth/login', { body: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect([e.status, e.code, e.message, e.messageEn, e.field]).toEqual([423, 'account_locked', '账户已锁定', 'Locked', 'username']);
    expect(e.fields).toHaveLength(1);
    expect(e.extra.lockedUntil).toBe('2026-01-01T00:00:00Z');
  });

  it('turns a network failure into an ApiError with status 0', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
    const e = (await api('/api/x').catch((x: unknown) => x)) as ApiError;
    expect(e.status).toBe(0);
    expect(e.code).toBe('network_error');
  });
});
