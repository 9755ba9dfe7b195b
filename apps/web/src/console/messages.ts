import type { Dict } from '../shared/i18n/index.ts';

export const consoleMessages = {
  menuCases: ['案件管理', 'Cases'],
  menuInstitutions: ['机构管理', 'Institutions'],
  menuUsers: ['用户与角色', 'Users and roles'],
  menuAudit: ['审计日志', 'Audit log'],
  menuStats: ['统计与报送', 'Statistics'],
  menuOutbox: ['消息发件箱', 'Outbox'],
  menuAccount: ['我的账户', 'My account'],
  grants: ['角色', 'Roles'],
  welcome: ['欢迎使用援知工作台', 'Welcome to the Yuanzhi console'],
  nothingPermitted: ['您的账户暂未分配可用的管理功能。', 'Your account has no console functions yet.'],
  toPortal: ['返回门户', 'To the portal'],
  collapse: ['收起菜单', 'Collapse menu'],
  expand: ['展开菜单', 'Expand menu'],
  noGrants: ['无角色', 'No roles'],
  changePassword: ['修改密码', 'Change password'],
  twoFactor: ['双因素登录', 'Two-factor sign-in'],
  enabled: ['已启用', 'Enabled'],
  notEnabled: ['未启用', 'Not enabled'],
  setUpTwoFactor: ['绑定身份验证器', 'Set up an authenticator'],
} satisfies Dict;
