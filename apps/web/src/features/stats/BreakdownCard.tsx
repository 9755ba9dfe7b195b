import { Button, Card, Flex, Select, Table } from 'antd';
import { useState } from 'react';
import { useBi, useLang, useT } from '../../shared/i18n/index.ts';
import { exportTable, useBreakdown, type Cut, type Dimension, type IndicatorDef } from './api.ts';
import { figure } from './format.ts';
import { statsMessages } from './messages.ts';

/** An indicator broken down by a chosen dimension, as a table that exports to .xlsx. */
export function BreakdownCard({ cut, ind }: { cut: Cut; ind: IndicatorDef }) {
  const t = useT(statsMessages);
  const bi = useBi();
  const { lang } = useLang();
  const [by, setBy] = useState<Dimension>(ind.dims.includes('ipType') ? 'ipType' : 'province');
  const dim = ind.dims.includes(by) ? by : ind.dims[0]!;
  const q = useBreakdown(cut, ind.id, dim);
  const rows = q.data ?? [];
  const title = `${bi(ind.zh, ind.en)}·${t(`dim${dim}` as 'dimmonth')}（${cut.period}）`;
  return (
    <Card size="small" title={`${t('breakdown')}：${bi(ind.zh, ind.en)}`} data-testid="stats-breakdown" extra={
      <Flex gap={8}>
        <Select size="small" style={{ width: 150 }} value={dim} onChange={setBy} data-testid="breakdown-by"
          options={ind.dims.map((d) => ({ value: d, label: t(`dim${d}` as 'dimmonth') }))} />
        <Button size="small" data-testid="breakdown-export"
          onClick={() => exportTable(title, [t(`dim${dim}` as 'dimmonth'), `${bi(ind.zh, ind.en)}（${bi(ind.unit.zh, ind.unit.en)}）`],
            rows.map((r) => [r.label, r.value]))}>
          {t('exportXlsx')}
        </Button>
      </Flex>
    }>
      <Table rowKey={(r) => r.key ?? '-'} size="small" loading={q.isFetching} dataSource={rows} pagination={{ pageSize: 12 }}
        columns={[
          { title: t(`dim${dim}` as 'dimmonth'), dataIndex: 'label' },
          { title: t('value'), dataIndex: 'value', align: 'right', render: (v: number | null) => figure(ind, v, lang) },
        ]} />
    </Card>
  );
}
