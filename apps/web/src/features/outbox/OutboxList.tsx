import { Alert, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { channels } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useOutbox, type OutboxMessage } from './api.ts';
import { outboxMessages } from './messages.ts';

/** The outbox as a table; used by the console page and the public demo page. */
export function OutboxList() {
  const t = useT(outboxMessages);
  const { label } = useEnum();
  const q = useOutbox({ refetchInterval: 5000 });
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404) return <Alert type="info" showIcon title={t('unavailable')} />;
    return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  }
  return (
    <Table<OutboxMessage>
      rowKey="id"
      size="small"
      loading={q.isPending}
      dataSource={q.data ?? []}
      pagination={{ pageSize: 20 }}
      scroll={{ x: 720 }}
      data-testid="outbox-table"
      columns={[
        { title: t('time'), dataIndex: 'createdAt', width: 160, render: (v: string) => dayjs(v).format('MM-DD HH:mm:ss') },
        { title: t('channel'), dataIndex: 'channel', width: 90, render: (v: string) => <Tag>{label(channels, v)}</Tag> },
        { title: t('recipient'), dataIndex: 'recipientMasked', width: 150 },
        { title: t('subject'), dataIndex: 'subject', width: 180 },
        { title: t('body'), dataIndex: 'body', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }} data-testid="outbox-body">{v}</span> },
      ]}
    />
  );
}
