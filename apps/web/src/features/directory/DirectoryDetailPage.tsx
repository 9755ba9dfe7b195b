import { LeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { hosts, institutionTypes, ipTypes, levels, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useDirectoryEntry } from './api.ts';
import { directoryMessages } from './messages.ts';

/** One institution's public page. */
export function DirectoryDetailPage() {
  const t = useT(directoryMessages);
  const { label } = useEnum();
  const { id } = useParams();
  const q = useDirectoryEntry(id);
  const back = (
    <Link to="/directory">
      <Button type="link" icon={<LeftOutlined />} style={{ paddingInline: 0 }}>{t('backToList')}</Button>
    </Link>
  );
  if (q.isPending) return <Spin />;
  if (q.isError) return <>{back}<ErrorAlert error={q.error} /></>;
  const e = q.data;
  const tags = (table: Record<string, readonly [string, string]>, v?: string[]) => (v?.length ? v.map((x) => <Tag key={x}>{label(table, x)}</Tag>) : '—');
  return (
    <div>
      {back}
      <Card data-testid="directory-detail">
        <Typography.Title level={3} style={{ marginTop: 0 }}>{e.name}</Typography.Title>
        <div style={{ marginBottom: 12 }}>
          <Tag color="blue">{label(institutionTypes, e.type)}</Tag>
          <Tag>{label(levels, e.level)}</Tag>
          {e.host && <Tag>{label(hosts, e.host)}</Tag>}
        </div>
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('region')}>{e.regionName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('address')}>{e.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('tel')}>{e.phone ? <a href={`tel:${e.phone.replace(/[^\d+-]/g, '')}`}>{e.phone}</a> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('email')}>{e.email ? <a href={`mailto:${e.email}`}>{e.email}</a> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('website')}>{e.website ? <a href={e.website} target="_blank" rel="noreferrer">{e.website}</a> : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('hours')}>{e.hours ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('services')}>{tags(services, e.services)}</Descriptions.Item>
          <Descriptions.Item label={t('ipTypes')}>{tags(ipTypes, e.ipTypes)}</Descriptions.Item>
          {e.parentName && <Descriptions.Item label={t('parent')}>{e.parentName}</Descriptions.Item>}
        </Descriptions>
        {e.description && <Typography.Paragraph style={{ marginTop: 16, whiteSpace: 'pre-wrap' }}>{e.description}</Typography.Paragraph>}
      </Card>
    </div>
  );
}
