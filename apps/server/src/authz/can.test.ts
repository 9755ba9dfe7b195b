import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.ts';
import { can, isWithin, scopeFor } from './can.ts';
import { rolePermissions, roles, separatedAdminRoles } from './roles.ts';

const actor = (grants: Actor['grants']): Actor => ({ userId: 'u', kind: 'staff', displayName: 'x', grants, sessionId: 's' });

describe('can() and scopeFor()', () => {
  const admin = actor([{ role: 'institution_admin', institutionId: 'a', institutionPath: 'cn.n1' }]);

  it('reaches the own institution and every descendant, not ancestors or siblings', () => {
    expect(can(admin, 'institution.manage', { institutionPath: 'cn.n1' })).toBe(true);
    expect(can(admin, 'institution.manage', { institutionPath: 'cn.n1.n5.n9' })).toBe(true);
    expect(can(admin, 'institution.manage', { institutionPath: 'cn' })).toBe(false);
    expect(can(admin, 'institution.manage', { institutionPath: 'cn.n2' })).toBe(false);
    // a label that merely starts with the same characters is not a descendant
    expect(can(admin, 'institution.manage', { institutionPath: 'cn.n10' })).toBe(false);
  });

  it('grants nothing without a session or without the permission', () => {
    expect(can(null, 'institution.read')).toBe(false);
    expect(can(admin, 'audit.read')).toBe(false);
  });

  it('builds a minimal scope from several grants', () => {
    const a = actor([
      { role: 'supervisor', institutionId: 'p', institutionPath: 'cn.n1' },
      { role: 'case_handler', institutionId: 'c', institutionPath: 'cn.n1.n4' },
      { role: 'case_handler', institutionId: 'd', institutionPath: 'cn.n2' },
    ]);
    expect(scopeFor(a, 'institution.read').paths).toEqual(['cn.n1', 'cn.n2']);
    expect(scopeFor(a, 'institution.export').paths).toEqual(['cn.n1']);
    expect(scopeFor(a, 'audit.read').paths).toEqual([]);
  });

  it('keeps the three 等保 administrators apart', () => {
    expect(rolePermissions.system_admin).not.toContain('audit.read');
    expect(rolePermissions.audit_admin.filter((p) => p.startsWith('user.') || p === 'pii.reveal')).toEqual([]);
    expect(rolePermissions.security_admin).not.toContain('audit.read');
    expect(separatedAdminRoles).toHaveLength(3);
  });

  it('gives every role a declared permission list', () => {
    for (const r of roles) expect(Array.isArray(rolePermissions[r])).toBe(true);
    expect(isWithin('cn.n1.n2', 'cn.n1')).toBe(true);
  });
});
