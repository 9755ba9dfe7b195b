import { EditOutlined, MobileOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { eventKinds } from '@yuanzhi/contracts';
import { Alert, Button, Card, Descriptions, Space, Spin, Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useLabel } from '../experts/labels.ts';
import { onsitePageUrl, useEvent } from './api.ts';
import { EventFormDrawer } from './EventFormDrawer.tsx';
import { ComplaintsTab } from './ComplaintsTab.tsx';
import { ConsultationTally } from './ConsultationTally.tsx';
import { eventMessages } from './messages.ts';
import { PreEventTab } from './PreEventTab.tsx';
import { RosterTab } from './RosterTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';

/** One event: overview, roster, before the event, on-site complaints, summary. */
export function EventPage() {
  const { id = '' } = useParams();
  const t = useT(eventMessages);
  const label = useLabel();
  const q = useEvent(id);
  const [editing, setEditing] = useState(false);
  useTitle(q.data?.data.name ?? t('title'));
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <Spin />;
  const e = q.data.data;
  const ab = q.data.abilities;
  return (
    <Card title={<>{e.name} <Tag color={e.phase === 'during' ? 'green' : undefined}>{t(e.phase)}</Tag></>} data-testid="event-page"
      extra={<Space>
        {ab.edit && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="event-edit">{t('edit')}</Button>}
        {ab.desk && <Button icon={<MobileOutlined />} href={onsitePageUrl(e.id)} target="_blank" data-testid="open-desk">{t('openDesk')}</Button>}
      </Space>}>
      <EventFormDrawer open={editing} onClose={() => setEditing(false)} event={e} />
      <Tabs
        items={[
          {
            key: 'overview', label: t('overview'),
            children: (
              <Descriptions column={2} bordered size="small">
                <Descriptions.Item label={t('kind')}>{label(eventKinds, e.kind)}</Descriptions.Item>
                <Descriptions.Item label={t('dates')}>{e.startsOn} ~ {e.endsOn}</Descriptions.Item>
                <Descriptions.Item label={t('venue')}>{e.venue}</Descriptions.Item>
                <Descriptions.Item label={t('organiser')}>{e.organiser}</Descriptions.Item>
                <Descriptions.Item label={t('institution')}>{e.institutionName}</Descriptions.Item>
                <Descriptions.Item label={t('expectedExhibitors')}>{e.expectedExhibitors ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('preTraining')} span={2}>{e.preTraining ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('notes')} span={2}>{e.notes ?? '—'}</Descriptions.Item>
              </Descriptions>
            ),
          },
          { key: 'roster', label: `${t('roster')} (${e.roster.length})`, children: <RosterTab event={e} edit={ab.edit} /> },
          { key: 'pre', label: t('preEvent'), children: <PreEventTab event={e} edit={ab.edit} /> },
          {
            key: 'desk', label: `${t('desk')} (${e.complaints.length})`,
            children: <>{ab.desk && <Alert type="info" showIcon title={t('deskHint')} style={{ marginBottom: 12 }} />}<ComplaintsTab event={e} desk={ab.desk} /><ConsultationTally event={e} desk={ab.desk} /></>,
          },
          { key: 'summary', label: t('summary'), children: <SummaryTab id={e.id} /> },
        ]}
      />
    </Card>
  );
}
