import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { historyMessages } from './history.messages.ts';
import { HistoryImportPage } from './HistoryImportPage.tsx';
import { DashboardPage } from './DashboardPage.tsx';
import { statsMessages } from './messages.ts';
import { ReturnsPage } from './ReturnsPage.tsx';

/** 统计与报送: the dashboard and the returns (with the yearly report), as two tabs with their own URLs. */
export function StatsPage({ tab = 'dashboard' }: { tab?: 'dashboard' | 'returns' | 'history' }) {
  const t = useT(statsMessages);
  const th = useT(historyMessages);
  const can = useCan();
  const navigate = useNavigate();
  return (
    <Tabs activeKey={tab} onChange={(k) => navigate(k === 'dashboard' ? '/stats' : `/stats/${k}`)} destroyOnHidden
      items={[
        { key: 'dashboard', label: <span data-testid="tab-dashboard">{t('dashboard')}</span>, children: <DashboardPage /> },
        { key: 'returns', label: <span data-testid="tab-returns">{t('returns')}</span>, children: <ReturnsPage /> },
        ...(can('stats.history') ? [{ key: 'history', label: <span data-testid="tab-history">{th('tab')}</span>, children: <HistoryImportPage /> }] : []),
      ]} />
  );
}
