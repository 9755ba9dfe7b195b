import { trainingModes, trainingTopics } from '@yuanzhi/contracts';
import { Card, Empty, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import { usePublicTrainings } from './api.ts';
import { portalTrainingMessages } from './messages.ts';

/** `/trainings`: upcoming and past trainings on the portal. */
export function TrainingsListPage() {
  const t = useT(portalTrainingMessages);
  useTitle(t('title'));
  const label = useLabel();
  const [past, setPast] = useState(false);
  const [page, setPage] = useState(1);
  const q = usePublicTrainings(past, page);
  return (
    <Card title={t('title')} extra={<Segmented value={past ? 'past' : 'upcoming'} onChange={(v) => { setPast(v === 'past'); setPage(1); }}
      options={[{ value: 'upcoming', label: t('upcoming') }, { value: 'past', label: t('past') }]} />}>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <List loading={q.isFetching} dataSource={q.data?.data ?? []} locale={{ emptyText: <Empty description={t('none')} /> }} data-testid="portal-trainings"
        pagination={q.data && q.data.total > 10 ? { current: page, pageSize: 10, total: q.data.total, onChange: setPage } : false}
        renderItem={(x) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Link to={`/trainings/${x.id}`} style={{ fontSize: 16, fontWeight: 600 }}>{x.title}</Link>
              <Space wrap size={4}>
                <Typography.Text type="secondary">{fmtTime(x.startsAt)} · {label(trainingModes, x.mode)}{x.place ? ` · ${x.place}` : ''}</Typography.Text>
                {x.topics.map((tp) => <Tag key={tp}>{label(trainingTopics, tp)}</Tag>)}
                {x.state === 'published' && (x.placesLeft === null ? <Tag color="green">{t('unlimited')}</Tag>
                  : x.placesLeft > 0 ? <Tag color="blue">{t('placesLeft', { n: x.placesLeft })}</Tag> : <Tag color="orange">{t('full')}</Tag>)}
              </Space>
            </Flex>
          </List.Item>
        )} />
    </Card>
  );
}
