import type { HTMLAttributes } from 'react';
import { Button, Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { stateColors } from '../cases/labels.ts';
import { useMyCase, useMyCases } from './api.ts';
import { fmtDate } from './format.ts';
import { portalCaseMessages } from './messages.ts';
import { RequireApplicant } from './RequireApplicant.tsx';
import { instName, type PortalCaseRow } from './types.ts';

/** `/my/cases`: the signed-in applicant's submitted cases. */
export function MyCasesPage() {
  return <RequireApplicant><MyCases /></RequireApplicant>;
}

/** The list has no next step; each visible row reads its case (cached for the case page). */
function NextCell({ id, part }: { id: string; part: 'text' | 'due' }) {
  const q = useMyCase(id);
  const b = useBi();
  const next = q.data?.next;
  if (!next) return <>{q.isPending ? '…' : '—'}</>;
  if (part === 'due') return <span data-testid={`case-due-${id}`}>{next.due ? fmtDate(next.due) : '—'}</span>;
  return <span data-testid={`case-next-${id}`}>{b(next.zh, next.en).replace(/[，,]\s*(预计|by) .*$/, '') || '—'}</span>;
}

function MyCases() {
  const t = useT(portalCaseMessages);
  const b = useBi();
  useTitle(t('myCases'));
  const q = useMyCases();
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card title={t('myCases')} style={{ maxWidth: 1000, margin: '0 auto' }} data-testid="my-cases"
      extra={<Link to="/apply"><Button type="primary" data-testid="my-cases-apply">{t('apply')}</Button></Link>}>
      <Table<PortalCaseRow>
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 720 }}
        data-testid="my-cases-table"
        onRow={(r) => ({ 'data-testid': `my-case-row-${r.caseNumber}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty description={t('noCases')} /> }}
        columns={[
          { title: t('caseNumber'), dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/my/cases/${r.id}`} data-testid={`my-case-link-${v}`}>{v}</Link> },
          { title: t('state'), key: 'state', render: (_, r) => <Tag color={stateColors[r.state.value] ?? 'default'} data-state={r.state.value}>{b(r.state.zh, r.state.en)}</Tag> },
          { title: t('institution'), key: 'inst', render: (_, r) => <Typography.Text>{instName(r.institution)}</Typography.Text> },
          { title: t('nextStep'), key: 'next', render: (_, r) => <NextCell id={r.id} part="text" /> },
          { title: t('dueBy'), key: 'due', render: (_, r) => <NextCell id={r.id} part="due" /> },
          { title: t('submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => fmtDate(v) },
        ]}
      />
    </Card>
  );
}
