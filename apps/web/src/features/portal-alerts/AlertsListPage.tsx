import { useQuery } from '@tanstack/react-query';
import { alertCountries, caseFields, riskKinds } from '@yuanzhi/contracts';
import { Card, Descriptions, Empty, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { get } from '../../shared/api.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import type { RiskAlert } from '../alerts/AlertsPage.tsx';
import { portalAlertMessages } from './messages.ts';

/** `/alerts`: published risk alerts. */
export function AlertsListPage() {
  const t = useT(portalAlertMessages);
  useTitle(t('title'));
  const label = useLabel();
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['portal-alerts', page], placeholderData: (p) => p, queryFn: () => get<{ data: RiskAlert[]; total: number }>('/api/portal/alerts', { page }) });
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <List loading={q.isFetching} dataSource={q.data?.data ?? []} locale={{ emptyText: <Empty description={t('none')} /> }} data-testid="portal-alerts"
        pagination={q.data && q.data.total > 20 ? { current: page, pageSize: 20, total: q.data.total, onChange: setPage } : false}
        renderItem={(a) => (
          <List.Item>
            <Space direction="vertical" size={2}>
              <Link to={`/alerts/${a.id}`} style={{ fontWeight: 600 }}>{a.title}</Link>
              <Space wrap size={4}>
                <Typography.Text type="secondary">{fmtTime(a.publishedAt)} · {a.institutionName}</Typography.Text>
                <Tag color="red">{label(riskKinds, a.riskKind)}</Tag>
                {a.countries.map((c) => <Tag key={c}>{label(alertCountries, c)}</Tag>)}
              </Space>
            </Space>
          </List.Item>
        )} />
    </Card>
  );
}

/** `/alerts/:id`: one alert, where the in-app notification links. */
export function AlertPage() {
  const { id = '' } = useParams();
  const t = useT(portalAlertMessages);
  const label = useLabel();
  const q = useQuery({ queryKey: ['portal-alerts', 'one', id], queryFn: () => get<{ data: RiskAlert }>(`/api/portal/alerts/${id}`).then((r) => r.data), retry: false });
  useTitle(q.data?.title ?? t('title'));
  if (q.isError) return <Result status="404" title={t('none')} extra={<Link to="/alerts">{t('back')}</Link>} />;
  if (!q.data) return <Spin />;
  const a = q.data;
  return (
    <Card title={<span data-testid="portal-alert-title">{a.title}</span>} extra={<Link to="/alerts">{t('back')}</Link>} style={{ maxWidth: 900, margin: '0 auto' }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('riskKind')}>{label(riskKinds, a.riskKind)}</Descriptions.Item>
        <Descriptions.Item label={t('countries')}>{a.countries.map((c) => label(alertCountries, c)).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('industries')}>{label(caseFields, a.industries) || '—'}</Descriptions.Item>
        {a.source && <Descriptions.Item label={t('source')}>{a.source}</Descriptions.Item>}
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{a.body}</Typography.Paragraph>
      <Typography.Title level={5}>{t('advice')}</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="portal-alert-advice">{a.advice}</Typography.Paragraph>
    </Card>
  );
}
