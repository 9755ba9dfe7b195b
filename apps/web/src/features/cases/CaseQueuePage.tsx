import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { caseQueueValues, type CaseQueue } from '@yuanzhi/contracts';
import { Badge, Button, Card, Flex, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { exportHref, useCaseList, useQueueCounts } from './api.ts';
import { CaseFilterBar } from './CaseFilterBar.tsx';
import { CaseTable } from './CaseTable.tsx';
import { queueLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import type { CaseFilters } from './types.ts';

/** The seven queues of the contract, and 'all': every case in the caller's scope (no queue filter). */
type Tab = CaseQueue | 'all';
const tabs: readonly Tab[] = [...caseQueueValues, 'all'];
const isTab = (v: string | null): v is Tab => !!v && (tabs as readonly string[]).includes(v);

/** 案件管理: the work queues (tab in the URL), filters, the table, export and registration. */
export function CaseQueuePage() {
  const t = useT(caseMessages);
  useTitle(t('title'));
  const { label } = useEnum();
  const can = useCan();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const asked = params.get('queue');
  const tab: Tab = isTab(asked) ? asked : can('case.handle') ? 'mine' : 'institution';
  const queue = tab === 'all' ? undefined : tab;
  const [filters, setFilters] = useState<CaseFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useCaseList({ ...filters, queue, ...page });
  const counts = useQueueCounts(filters);

  return (
    <Card
      title={t('title')}
      extra={
        <Space wrap>
          {can('case.export') && (
            <Button icon={<DownloadOutlined />} href={exportHref({ ...filters, queue })} data-testid="case-export">{t('exportXlsx')}</Button>
          )}
          {can('case.submit') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => nav('/cases/new')} data-testid="register-case">{t('register')}</Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={8}>
        <Tabs
          activeKey={tab}
          onChange={(k) => { setParams({ queue: k }); setPage((p) => ({ ...p, page: 1 })); }}
          items={tabs.map((k) => ({
            key: k,
            label: (
              <span data-testid={`queue-tab-${k}`}>
                {k === 'all' ? t('allCases') : label(queueLabels, k)}{' '}
                {k !== 'all' && counts[k] !== undefined && (
                  <Badge count={counts[k]} showZero overflowCount={999} size="small"
                    color={k === 'overdue' && counts[k] ? 'red' : k === 'due_soon' && counts[k] ? 'orange' : '#8c8c8c'} />
                )}
              </span>
            ),
          }))}
        />
        <CaseFilterBar onChange={(f) => { setFilters(f); setPage((p) => ({ ...p, page: 1 })); }} />
        {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <CaseTable rows={q.data?.data ?? []} total={q.data?.total ?? 0} totalCapped={q.data?.totalCapped ?? false} loading={q.isFetching} page={page}
          onPage={(p, s) => setPage({ page: p, pageSize: s })} />
      </Flex>
    </Card>
  );
}
