import { complaintOutcomes, ipTypes, noticeMethods } from '@yuanzhi/contracts';
import { Button, Select, Space, Table, Tag, message } from 'antd';
import { Link } from 'react-router';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { useEventWrite, writes, type Complaint, type EventDetail } from './api.ts';
import { eventMessages } from './messages.ts';

/** The complaints taken at the desk: their cases, the notice to the respondent, the outcome. */
export function ComplaintsTab({ event, desk }: { event: EventDetail; desk: boolean }) {
  const t = useT(eventMessages);
  const label = useLabel();
  const errText = useErrorText();
  const w = writes(event.id);
  const notice = useEventWrite(event.id, w.notice);
  const outcome = useEventWrite(event.id, w.outcome);
  const run = (p: Promise<unknown>) => p.catch((e) => message.error(errText(e)));
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <Table<Complaint>
      rowKey="id" size="small" pagination={false} dataSource={event.complaints} data-testid="complaint-table" scroll={{ x: 1000 }}
      columns={[
        { title: t('caseNumber'), width: 170, render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> },
        { title: t('booth'), dataIndex: 'booth', width: 70 },
        { title: t('complainant'), dataIndex: 'complainant' },
        { title: t('respondent'), dataIndex: 'respondent' },
        { title: t('ipType'), width: 80, render: (_, r) => label(ipTypes, r.ipType) },
        { title: t('due'), width: 110, render: (_, r) => r.due && <Tag color="red">{r.due}</Tag> },
        {
          title: t('notice'), width: 170,
          render: (_, r) => r.notice ? `${label(noticeMethods, r.notice.method)} ${new Date(r.notice.at).toLocaleTimeString('zh-CN', { hour12: false })}`
            : desk && <Select size="small" placeholder={t('recordNotice')} style={{ width: 150 }} options={opts(noticeMethods)} data-testid="notice-select"
              onChange={(m) => run(notice.mutateAsync({ complaintId: r.id, method: m }))} />,
        },
        {
          title: t('outcome'), width: 170,
          render: (_, r) => (
            <Space>
              {r.outcome ? <Tag color="green">{label(complaintOutcomes, r.outcome.outcome)}</Tag> : <Tag>{t('pending')}</Tag>}
              {desk && !r.outcome && <Select size="small" placeholder={t('recordOutcome')} style={{ width: 120 }} options={opts(complaintOutcomes)} data-testid="outcome-select"
                onChange={(o) => run(outcome.mutateAsync({ complaintId: r.id, outcome: o }))} />}
            </Space>
          ),
        },
      ]}
      footer={() => desk && <Button size="small" href={`/onsite/${event.id}`} target="_blank">{t('openDesk')}</Button>}
    />
  );
}
