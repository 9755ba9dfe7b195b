import {
  ApartmentOutlined, AuditOutlined, BarChartOutlined, BulbOutlined, CarryOutOutlined, CommentOutlined, EyeOutlined, FileTextOutlined, FolderOpenOutlined, MailOutlined,
  TeamOutlined, UserOutlined,
  ClusterOutlined, GlobalOutlined, HeartOutlined, SafetyCertificateOutlined,
} from '@ant-design/icons';
import { AlertOutlined, NotificationOutlined, ReadOutlined } from '@ant-design/icons';
import { FlagOutlined, RadarChartOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { consoleMessages } from './messages.ts';

export interface MenuEntry {
  path: string;
  label: keyof typeof consoleMessages;
  icon: ReactNode;
  /** Shown only when the user's permissions include this one (none: everyone signed in). */
  permission?: string | readonly string[];
  testId: string;
}

export const menuEntries: MenuEntry[] = [
  { path: '/cases', label: 'menuCases', icon: <FolderOpenOutlined />, permission: 'case.read', testId: 'menu-cases' },
  { path: '/consultations', label: 'menuConsultations', icon: <CommentOutlined />, permission: 'consultation.read', testId: 'menu-consultations' },
  { path: '/experts', label: 'menuExperts', icon: <BulbOutlined />, permission: 'expert.read', testId: 'menu-experts' },
  { path: '/invitations', label: 'menuInvitations', icon: <CarryOutOutlined />, permission: 'case.expert', testId: 'menu-invitations' },
  { path: '/partners', label: 'menuPartners', icon: <ClusterOutlined />, permission: 'partner.read', testId: 'menu-partners' },
  { path: '/key-enterprises', label: 'menuKeyEnterprises', icon: <SafetyCertificateOutlined />, permission: 'key_enterprise.read', testId: 'menu-key-enterprises' },
  { path: '/volunteers', label: 'menuVolunteers', icon: <HeartOutlined />, permission: 'volunteer.read', testId: 'menu-volunteers' },
  { path: '/overseas', label: 'menuOverseas', icon: <GlobalOutlined />, permission: 'overseas.read', testId: 'menu-overseas' },
  { path: '/events', label: 'menuEvents', icon: <FlagOutlined />, permission: 'event.read', testId: 'menu-events' },
  { path: '/analysis', label: 'menuAnalysis', icon: <RadarChartOutlined />, permission: 'analysis.read', testId: 'menu-analysis' },
  { path: '/my-cases', label: 'menuExpertCases', icon: <FolderOpenOutlined />, permission: 'case.expert', testId: 'menu-expert-cases' },
  { path: '/stats', label: 'menuStats', icon: <BarChartOutlined />, permission: 'stats.read', testId: 'menu-stats' },
  { path: '/institutions', label: 'menuInstitutions', icon: <ApartmentOutlined />, permission: 'institution.read', testId: 'menu-institutions' },
  { path: '/users', label: 'menuUsers', icon: <TeamOutlined />, permission: 'user.read', testId: 'menu-users' },
  { path: '/articles', label: 'menuArticles', icon: <FileTextOutlined />, permission: ['article.write', 'article.review'], testId: 'menu-articles' },
  { path: '/visits', label: 'menuVisits', icon: <EyeOutlined />, permission: 'visits.read', testId: 'menu-visits' },
  { path: '/audit', label: 'menuAudit', icon: <AuditOutlined />, permission: 'audit.read', testId: 'menu-audit' },
  { path: '/outbox', label: 'menuOutbox', icon: <MailOutlined />, permission: 'outbox.read', testId: 'menu-outbox' },
  { path: '/trainings', label: 'menuTrainings', icon: <ReadOutlined />, permission: 'training.read', testId: 'menu-trainings' },
  { path: '/outreach', label: 'menuOutreach', icon: <NotificationOutlined />, permission: 'training.read', testId: 'menu-outreach' },
  { path: '/alerts', label: 'menuAlerts', icon: <AlertOutlined />, permission: 'alert.read', testId: 'menu-alerts' },
  { path: '/account', label: 'menuAccount', icon: <UserOutlined />, testId: 'menu-account' },
];

export function allowedEntries(permissions: readonly string[] | undefined): MenuEntry[] {
  const has = (p: string | readonly string[]) => (typeof p === 'string' ? [p] : p).some((x) => permissions?.includes(x));
  return menuEntries.filter((e) => !e.permission || has(e.permission));
}
