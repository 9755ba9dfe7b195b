import { Button, Card, DatePicker, Flex, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useVisits, visitsExportUrl } from './api.ts';
import { moduleLabels } from './labels.ts';
import { articleMessages } from './messages.ts';

/** 模块访问量: per day and module, newest first, with a bar of each day's total and an .xlsx export. */
export function VisitsPage() {
  const t = useT(articleMessages);
  const { label } = useEnum();
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const q = useVisits(range);
  const d = q.data;
  const max = Math.max(1, ...(d?.days ?? []).map((x) => x.total));
  const onRange = (v: [Dayjs | null, Dayjs | null] | null) =>
    setRange(v?.[0] && v[1] ? { from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') } : {});
  return (
    <Card title={t('visitsTitle')} extra={<Button href={visitsExportUrl(range)} data-testid="visits-export">{t('export')}</Button>}>
      <Typography.Paragraph type="secondary">{t('visitsIntro')}</Typography.Paragraph>
      <Flex gap={8} style={{ marginBottom: 12 }}><DatePicker.RangePicker onChange={onRange as never} data-testid="visits-range" /></Flex>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Table
        rowKey="day" size="small" loading={q.isFetching} scroll={{ x: 1000 }} data-testid="visits-table" pagination={{ pageSize: 31 }}
        dataSource={[...(d?.days ?? [])].reverse()}
        summary={() => d && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}><b>{t('total')}</b></Table.Summary.Cell>
            {d.modules.map((m, i) => <Table.Summary.Cell key={m} index={i + 1}><b>{d.totals[m]}</b></Table.Summary.Cell>)}
            <Table.Summary.Cell index={d.modules.length + 1}><b>{Object.values(d.totals).reduce((a, b) => a + b, 0)}</b></Table.Summary.Cell>
          </Table.Summary.Row>
        )}
        columns={[
          { title: t('day'), dataIndex: 'day', width: 110, fixed: 'left' },
          ...(d?.modules ?? []).map((m) => ({ title: label(moduleLabels, m), key: m, width: 80, render: (_: unknown, r: { counts: Record<string, number> }) => r.counts[m] })),
          {
            title: t('total'), dataIndex: 'total', width: 130,
            render: (v: number) => (
              <Flex align="center" gap={6}>
                <div style={{ height: 10, width: `${(v / max) * 70}px`, background: '#3a7bd5', borderRadius: 2 }} />
                <span>{v}</span>
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
