import { DownloadOutlined } from '@ant-design/icons';
import { complaintOutcomes } from '@yuanzhi/contracts';
import { Button, Col, Row, Spin, Statistic, Table } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { summaryXlsxUrl, useSummary } from './api.ts';
import { eventMessages } from './messages.ts';

/** After the event: complaints, consultations and outcomes, exportable to .xlsx. */
export function SummaryTab({ id }: { id: string }) {
  const t = useT(eventMessages);
  const label = useLabel();
  const q = useSummary(id);
  if (!q.data) return <Spin />;
  const s = q.data.data;
  return (
    <div data-testid="event-summary">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={4}><Statistic title={t('complaints')} value={s.complaints} /></Col>
        <Col span={4}><Statistic title={t('notified')} value={s.notified} /></Col>
        {complaintOutcomes.map((o) => <Col span={4} key={o.value}><Statistic title={label(complaintOutcomes, o.value)} value={s.outcomes[o.value] ?? 0} /></Col>)}
        <Col span={4}><Statistic title={t('consultations')} value={s.consultations} /></Col>
      </Row>
      <Table rowKey="day" size="small" pagination={false} dataSource={s.byDay} style={{ maxWidth: 480 }}
        columns={[{ title: t('day'), dataIndex: 'day' }, { title: t('complaints'), dataIndex: 'complaints' }, { title: t('consultations'), dataIndex: 'consultations' }]} />
      <Button icon={<DownloadOutlined />} href={summaryXlsxUrl(id)} style={{ marginTop: 12 }} data-testid="summary-export">{t('export')}</Button>
    </div>
  );
}
