import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useReturnBoard, type BoardRow } from './api.ts';
import { PeriodPicker } from './CutBar.tsx';
import { statsMessages } from './messages.ts';
import { ReturnEditor } from './ReturnEditor.tsx';
import { ReportCard } from './ReportCard.tsx';

const statusColor = { missing: 'default', draft: 'blue', submitted: 'orange', returned: 'red', accepted: 'green' } as const;

function lastQuarter(): string {
  const now = new Date();
  const q = Math.floor(now.getMonth() / 3);
  return q === 0 ? `${now.getFullYear() - 1}-Q4` : `${now.getFullYear()}-Q${q}`;
}

/** 信息报送: who has and has not filed a period's return; open one to fill, submit or review it. */
export function ReturnsPage() {
  const t = useT(statsMessages);
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? lastQuarter();
  const [open, setOpen] = useState<string | null>(null);
  const q = useReturnBoard(period);
  const rows = q.data ?? [];
  const filed = rows.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('returns')} extra={<PeriodPicker value={period} onChange={(p) => setParams({ period: p })} />}>
        {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Typography.Paragraph data-testid="returns-count">{t('filedCount', { a: filed, b: rows.length })}</Typography.Paragraph>
        <Table<BoardRow> rowKey="institutionId" size="small" loading={q.isFetching} dataSource={rows} pagination={false} data-testid="returns-board"
          columns={[
            { title: t('institution'), dataIndex: 'institutionName' },
            { title: t('status'), dataIndex: 'status', render: (s: BoardRow['status'], r) => (
              <Flex gap={4}><Tag color={statusColor[s]}>{t(`st${s}` as 'stmissing')}</Tag>{r.overdue && <Tag color="red">{t('overdue')}</Tag>}</Flex>
            ) },
            { title: t('dueOn'), dataIndex: 'dueOn' },
            { title: t('submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
            { title: '', render: (_v, r) => <Button size="small" onClick={() => setOpen(r.institutionId)} data-testid={`open-return-${r.institutionName}`}>{t('open')}</Button> },
          ]} />
      </Card>
      <ReportCard />
      <ReturnEditor institutionId={open} period={period} onClose={() => setOpen(null)} />
    </Flex>
  );
}
