import { describe, expect, it } from 'vitest';
import { allowedEntries } from '../console/menu.tsx';
import { breaksSeparation } from '../features/users/rules.ts';
import { fill, pick } from './i18n/lang.ts';
import { regionChain } from './regions.ts';
import { pendingStep, type Me } from './session.ts';

describe('small rules', () => {
  it('regionChain walks province → city → county', () => {
    expect(regionChain('420111')).toEqual(['420000', '420100', '420111']);
    expect(regionChain('420100')).toEqual(['420000', '420100']);
    expect(regionChain('420000')).toEqual(['420000']);
  });

  it('no user holds two of the three separated administrator roles', () => {
    expect(breaksSeparation(['system_admin', 'case_handler'])).toBe(false);
    expect(breaksSeparation(['system_admin', 'audit_admin'])).toBe(true);
    expect(breaksSeparation(['security_admin', 'security_admin'])).toBe(false);
  });

  it('the menu follows the permissions', () => {
    expect(allowedEntries(['institution.read']).map((e) => e.path)).toEqual(['/institutions', '/account']);
    expect(allowedEntries(['audit.read', 'outbox.read']).map((e) => e.path)).toEqual(['/audit', '/outbox', '/account']);
    expect(allowedEntries(['case.read', 'institution.read']).map((e) => e.path)).toEqual(['/cases', '/institutions', '/account']);
  });

  it('i18n picks and fills', () => {
    expect(pick('en', ['中', 'en'])).toBe('en');
    expect(pick('zh-CN', { zh: '中', en: 'en' })).toBe('中');
    expect(fill('共 {n} 条', { n: 3 })).toBe('共 3 条');
  });

  it('a session is complete only when no step is due', () => {
    const me = { next: 'done', mustChangePassword: false } as Me;
    expect(pendingStep(me)).toBeNull();
    expect(pendingStep({ ...me, next: 'mfa_setup' })).toBe('mfa_setup');
    expect(pendingStep({ ...me, next: undefined, mustChangePassword: true })).toBe('change_password');
    expect(pendingStep(null)).toBeNull();
  });
});
