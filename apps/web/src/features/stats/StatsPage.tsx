import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { DashboardPage } from './DashboardPage.tsx';
import { statsMessages } from './messages.ts';
import { ReturnsPage } from './ReturnsPage.tsx';
import { AssessmentsPage } from '../assessments/AssessmentsPage.tsx';
import { assessmentMessages } from '../assessments/messages.ts';

/** 统计与报送: the dashboard and the returns (with the yearly report), as two tabs with their own URLs. */
export function StatsPage({ tab = 'dashboard' }: { tab?: 'dashboard' | 'returns' | 'assessments' }) {
  const t = useT(statsMessages);
  const navigate = useNavigate();
  const ta = useT(assessmentMessages);
  return (
    <Tabs activeKey={tab} onChange={(k) => navigate(k === 'returns' ? '/stats/returns' : k === 'assessments' ? '/stats/assessments' : '/stats')} destroyOnHidden
      items={[
        { key: 'dashboard', label: <span data-testid="tab-dashboard">{t('dashboard')}</span>, children: <DashboardPage /> },
        { key: 'returns', label: <span data-testid="tab-returns">{t('returns')}</span>, children: <ReturnsPage /> },
        { key: 'assessments', label: <span data-testid="tab-assessments">{ta('assessments')}</span>, children: <AssessmentsPage /> },
      ]} />
  );
}
