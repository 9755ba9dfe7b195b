/**
 * Roles and the permissions they grant. A staff role is held at one institution and reaches its
 * whole subtree. The three 等保 administrators are kept apart: the system administrator cannot read
 * the audit log, the audit administrator sees no case data, and no one holds two of the three.
 */
export const permissions = [
  'institution.read',
  'institution.manage',
  'institution.move',
  'institution.import',
  'institution.export',
  'user.read',
  'user.manage',
  'user.security',
  'audit.read',
  'audit.export',
  'outbox.read',
  'pii.reveal',
] as const;
export type Permission = (typeof permissions)[number];

export const staffRoles = [
  'intake_clerk',
  'case_handler',
  'reviewer',
  'institution_admin',
  'supervisor',
  'system_admin',
  'security_admin',
  'audit_admin',
] as const;
export const roles = [...staffRoles, 'expert', 'volunteer'] as const;
export type Role = (typeof roles)[number];

export const separatedAdminRoles: readonly Role[] = ['system_admin', 'security_admin', 'audit_admin'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  intake_clerk: ['institution.read'],
  case_handler: ['institution.read'],
  reviewer: ['institution.read'],
  institution_admin: [
    'institution.read', 'institution.manage', 'institution.move', 'institution.import', 'institution.export',
    'user.read', 'user.manage', 'pii.reveal',
  ],
  supervisor: ['institution.read', 'institution.export', 'user.read'],
  system_admin: [
    'institution.read', 'institution.manage', 'institution.move', 'institution.import', 'institution.export',
    'user.read', 'user.manage', 'outbox.read',
  ],
  security_admin: ['institution.read', 'user.read', 'user.security'],
  audit_admin: ['institution.read', 'audit.read', 'audit.export'],
  expert: [],
  volunteer: [],
};

export const roleNames: Record<Role, { zh: string; en: string }> = {
  intake_clerk: { zh: '接待登记员', en: 'Intake clerk' },
  case_handler: { zh: '承办人', en: 'Case handler' },
  reviewer: { zh: '审核人', en: 'Reviewer' },
  institution_admin: { zh: '机构管理员', en: 'Institution administrator' },
  supervisor: { zh: '上级监督', en: 'Supervisor' },
  system_admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
  expert: { zh: '专家', en: 'Expert' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
};

/** Roles whose holders must use two-factor sign-in by default. */
export const mfaRequiredRoles: readonly Role[] = ['institution_admin', 'system_admin', 'security_admin', 'audit_admin'];

export function isRole(v: string): v is Role {
  return (roles as readonly string[]).includes(v);
}
