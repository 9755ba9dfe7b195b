import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { historyMessages } from './history.messages.ts';
import { HistoryImportPage } from './HistoryImportPage.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { statsMessages } from './messages.ts';
import { ReturnsPage } from './ReturnsPage.tsx';
import { AssessmentsPage } from '../assessments/AssessmentsPage.tsx';
import { assessmentMessages } from '../assessments/messages.ts';

/** 统计与报送: the dashboard and the returns (with the yearly report), as two tabs with their own URLs. */
export function StatsPage({ tab = 'dashboard' }: { tab?: 'dashboard' | 'returns' | 'assessments' | 'history' }) {
  const t = useT(statsMessages);
  const th = useT(historyMessages);
  const can = useCan();
  const navigate = useNavigate();
  const ta = useT(assessmentMessages);
  return (
    <Tabs activeKey={tab} onChange={(k) => navigate(k === 'dashboard' ? '/stats' : `/stats/${k}`)} destroyOnHidden
      items={[
        { key: 'dashboard', label: <span data-testid="tab-dashboard">{t('dashboard')}</span>, children: <DashboardPage /> },
        { key: 'returns', label: <span data-testid="tab-returns">{t('returns')}</span>, children: <ReturnsPage /> },
        { key: 'assessments', label: <span data-testid="tab-assessments">{ta('assessments')}</span>, children: <AssessmentsPage /> },
        ...(can('stats.history') ? [{ key: 'history', label: <span data-testid="tab-history">{th('tab')}</span>, children: <HistoryImportPage /> }] : []),
      ]} />
  );
}
