import { casePermissions, caseRolePermissions, type CasePermission } from '@yuanzhi/domain';

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
  /** The statutory holiday calendar deadlines are counted with (PUT /api/calendar/:year). */
  'calendar.manage',
  /** Publishing (articles): writing drafts and reviewing/publishing are separate; visit counts for staff. */
  'article.write',
  'article.review',
  'visits.read',
  /** The expert pool (专家库): read, edit, .xlsx import/export, and ranking and inviting experts for a case. */
  'expert.read',
  'expert.manage',
  'expert.import',
  'expert.export',
  'expert.invite',
  /** 咨询指导: read, record and answer consultations, export them, review featured Q&A proposals. */
  'consultation.read',
  'consultation.record',
  'consultation.export',
  'consultation.review',
  /** Statistics: dashboards and indicators in scope; returns (信息报送) filed and reviewed; the yearly progress report. */
  'stats.read',
  'stats.return.file',
  'stats.return.review',
  'stats.report',
  /** 历史数据导入: load past years' records of the institution (and its subtree) and undo an import (ADR 0032). */
  'stats.history',
  /** The registries (合作单位、重点企业、志愿者、海外资源库): read, edit and .xlsx import, export; logs of contacts and hours. */
  'partner.read',
  'partner.manage',
  'partner.export',
  'key_enterprise.read',
  'key_enterprise.manage',
  'key_enterprise.export',
  'key_enterprise.log',
  'volunteer.read',
  'volunteer.manage',
  'volunteer.export',
  'volunteer.log',
  'overseas.read',
  'overseas.manage',
  'overseas.export',
  /** Trainings and publicity activities (培训、宣传活动): read in scope, plan and run them; risk alerts: read, publish. */
  'training.read',
  'training.manage',
  'alert.read',
  'alert.publish',
  /** 驻场服务: the event register; the on-site desk (complaints become fast-track cases: intake clerks, who register cases); 分析预警 projects. */
  'event.read',
  'event.manage',
  'event.desk',
  'analysis.read',
  'analysis.manage',
  ...casePermissions,
  ...serverCasePermissions(),
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Case permissions the server adds to the domain's (packages/domain permissions.ts): reading cases,
 * the working file (notes, tasks, contact log), the .xlsx export, revealing a party's personal data.
 */
function serverCasePermissions() {
  return ['case.read', 'case.note', 'case.export', 'case.pii.reveal', 'case.expert'] as const;
}
export type ServerCasePermission = ReturnType<typeof serverCasePermissions>[number];
export const allCasePermissions: readonly (CasePermission | ServerCasePermission)[] = [...casePermissions, ...serverCasePermissions()];

export function isCasePermissionOfServer(p: Permission): p is CasePermission | ServerCasePermission {
  return p.startsWith('case.');
}

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
  intake_clerk: [
    'institution.read', 'expert.read', ...caseRolePermissions.intake_clerk, 'case.read', 'case.note', 'case.export', 'case.pii.reveal',
    'article.write', 'consultation.read', 'consultation.record', 'consultation.export', 'stats.read',
    'partner.read', 'key_enterprise.read', 'key_enterprise.log', 'volunteer.read', 'volunteer.log', 'overseas.read',
    'training.read', 'training.manage', 'alert.read',
    'event.read', 'event.desk', 'analysis.read',
  ],
  case_handler: [
    'institution.read', 'expert.read', 'expert.invite', ...caseRolePermissions.case_handler, 'case.read', 'case.note', 'case.pii.reveal',
    'article.write', 'consultation.read', 'consultation.record', 'stats.read',
    'partner.read', 'key_enterprise.read', 'key_enterprise.log', 'volunteer.read', 'volunteer.log', 'overseas.read',
    'training.read', 'training.manage', 'alert.read',
    'event.read', 'analysis.read', 'analysis.manage',
  ],
  reviewer: [
    'institution.read', 'expert.read', ...caseRolePermissions.reviewer, 'case.read', 'case.note', 'article.review', 'visits.read',
    'consultation.read', 'consultation.review',
    // The reviewer signs off what leaves the institution, its statistical returns included.
    'stats.read', 'stats.return.file',
    'partner.read', 'key_enterprise.read', 'volunteer.read', 'overseas.read',
    'training.read', 'alert.read', 'alert.publish',
    'event.read', 'analysis.read',
  ],
  institution_admin: [
    'institution.read', 'institution.manage', 'institution.move', 'institution.import', 'institution.export',
    'user.read', 'user.manage', 'pii.reveal',
    'expert.read', 'expert.manage', 'expert.import', 'expert.export', 'expert.invite',
    ...caseRolePermissions.institution_admin, 'case.read', 'case.note', 'case.export', 'case.pii.reveal',
    'article.write', 'article.review', 'visits.read',
    'consultation.read', 'consultation.record', 'consultation.export', 'consultation.review',
    'stats.read', 'stats.return.file', 'stats.return.review', 'stats.report', 'stats.history',
    'partner.read', 'partner.manage', 'partner.export', 'key_enterprise.read', 'key_enterprise.manage', 'key_enterprise.export', 'key_enterprise.log',
    'volunteer.read', 'volunteer.manage', 'volunteer.export', 'volunteer.log', 'overseas.read', 'overseas.manage', 'overseas.export',
    'training.read', 'training.manage', 'alert.read', 'alert.publish',
    'event.read', 'event.manage', 'analysis.read', 'analysis.manage',
  ],
  supervisor: [
    'institution.read', 'institution.export', 'user.read', ...caseRolePermissions.supervisor, 'case.read', 'case.note', 'case.export',
    'article.write', 'article.review', 'visits.read', 'expert.read', 'expert.export',
    'consultation.read', 'consultation.export', 'consultation.review',
    'stats.read', 'stats.return.review', 'stats.report',
    'partner.read', 'partner.export', 'key_enterprise.read', 'key_enterprise.export', 'volunteer.read', 'volunteer.export', 'overseas.read', 'overseas.export',
    'training.read', 'alert.read', 'alert.publish',
    'event.read', 'analysis.read',
  ],
  system_admin: [
    'institution.read', 'institution.manage', 'institution.move', 'institution.import', 'institution.export',
    'user.read', 'user.manage', 'outbox.read', 'calendar.manage',
  ],
  security_admin: ['institution.read', 'user.read', 'user.security'],
  audit_admin: ['institution.read', 'audit.read', 'audit.export'],
  // Experts see a case only when invited to it (the expert issue adds per-case invitations), never by role.
  // case.expert: reach the routes an expert uses; each answers 404 unless the expert was invited to the case.
  expert: ['case.expert'],
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

/**
 * The permissions an account administrator must hold at an institution to grant the role there (no
 * privilege escalation). Case, publishing and statistics permissions are left out: they open business records, not administration,
 * and the system administrator, who holds none (等保: no case data), still creates the clerks and handlers.
 */
export function grantRequires(role: Role): readonly Permission[] {
  // Publishing rights, the expert pool (experts' personal data, recusals) and consultations are business rights too:
  // the system administrator holds none yet creates the editors, clerks and handlers.
  const business = ['article.', 'expert.', 'consultation.', 'stats.', 'partner.', 'key_enterprise.', 'volunteer.', 'overseas.', 'training.', 'alert.'];
  business.push('event.', 'analysis.');
  return rolePermissions[role].filter((p) => !isCasePermissionOfServer(p) && p !== 'visits.read' && !business.some((b) => p.startsWith(b)));
}

/** Roles whose holders must use two-factor sign-in by default. */
export const mfaRequiredRoles: readonly Role[] = ['institution_admin', 'system_admin', 'security_admin', 'audit_admin'];

export function isRole(v: string): v is Role {
  return (roles as readonly string[]).includes(v);
}
