import { Alert, Button, Card, Col, Flex, Row, Segmented, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useBi, useLang, useT } from '../../shared/i18n/index.ts';
import { exportTable, useBreakdown, useIndicators, useSummary, type Cut } from './api.ts';
import { BreakdownCard } from './BreakdownCard.tsx';
import { CutBar } from './CutBar.tsx';
import { EChart } from './EChart.tsx';
import { figure } from './format.ts';
import { IndicatorCards } from './IndicatorCards.tsx';
import { statsMessages } from './messages.ts';
import { provinceTiles, tileMapOption } from './provinceTiles.ts';
import { RecordsDrawer } from './RecordsDrawer.tsx';

const DEFAULT_INDICATOR = 'cases.accepted';

/**
 * 统计看板: one page for every level — the institution chosen in the cut (default: the viewer's whole
 * scope) makes it national, provincial, city or institution-level.
 */
export function DashboardPage() {
  const t = useT(statsMessages);
  const bi = useBi();
  const { lang } = useLang();
  const [cut, setCut] = useState<Cut>({ period: String(new Date().getFullYear()) });
  const [selected, setSelected] = useState(DEFAULT_INDICATOR);
  const [records, setRecords] = useState<string | null>(null);
  const [provView, setProvView] = useState<'tiles' | 'bars'>('tiles');
  const defs = useIndicators();
  const summary = useSummary(cut);
  const ind = defs.data?.find((d) => d.id === selected);
  const trend = useBreakdown(cut, selected, 'month', !!ind?.dims.includes('month'));
  const provinces = useBreakdown(cut, selected, 'province', !!ind?.dims.includes('province'));
  const top = useBreakdown(cut, selected, 'institution', !!ind?.dims.includes('institution'));
  const items = useMemo(() => summary.data ?? [], [summary.data]);
  const defsById = useMemo(() => new Map((defs.data ?? []).map((d) => [d.id, d])), [defs.data]);
  const name = useCallback((id: string) => { const d = defsById.get(id); return d ? bi(d.zh, d.en) : id; }, [defsById, bi]);

  const counts = useMemo(() => items.filter((i) => defsById.get(i.id)?.kind === 'count'), [items, defsById]);
  const compare = useMemo(() => ({
    tooltip: { trigger: 'axis' }, legend: { top: 0, itemGap: 24 }, grid: { left: 50, right: 10, bottom: 90, top: 30 },
    xAxis: { type: 'category', data: counts.map((i) => name(i.id)), axisLabel: { rotate: 35, interval: 0 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('lastYear'), type: 'bar', data: counts.map((i) => i.previous ?? 0), itemStyle: { color: '#91caff' } },
      { name: t('thisYear'), type: 'bar', data: counts.map((i) => i.value ?? 0), itemStyle: { color: '#1677ff' }, label: { show: true, position: 'top' } },
    ],
  }), [counts, t, name]);
  const trendOption = useMemo(() => ({
    tooltip: { trigger: 'axis' }, legend: { top: 0, itemGap: 24 }, grid: { left: 50, right: 10, bottom: 30, top: 30 },
    xAxis: { type: 'category', data: (trend.data ?? []).map((r) => r.label) }, yAxis: { type: 'value' },
    series: [
      { name: t('lastYear'), type: 'line', data: (trend.data ?? []).map((r) => r.previous ?? 0), lineStyle: { type: 'dashed' } },
      { name: t('thisYear'), type: 'line', data: (trend.data ?? []).map((r) => r.value ?? 0), label: { show: true } },
    ],
  }), [trend.data, t]);
  const provRows = useMemo(() => (provinces.data ?? []).filter((r) => r.key), [provinces.data]);
  const provOption = useMemo(() => ({
    tooltip: {}, grid: { left: 90, right: 30, bottom: 20, top: 10 },
    yAxis: { type: 'category', inverse: true, data: provRows.map((r) => r.label) }, xAxis: { type: 'value' },
    series: [{ type: 'bar', data: provRows.map((r) => r.value ?? 0), label: { show: true, position: 'right' }, itemStyle: { color: '#1677ff' } }],
  }), [provRows]);
  const tileOption = useMemo(() => tileMapOption(new Map(provRows.map((r) => [r.key!, r.value ?? 0])), t('outsideNetwork')), [provRows, t]);
  const chooseProvince = (label: string) => {
    const code = provRows.find((x) => x.label === label)?.key ?? provinceTiles.find((p) => p.short === label)?.code;
    if (code && provRows.some((x) => x.key === code)) setCut({ ...cut, regionCode: code });
  };

  if (defs.isError) return <ErrorAlert error={defs.error} onRetry={() => defs.refetch()} />;
  return (
    <Flex vertical gap={12} data-testid="stats-dashboard">
      <Card size="small" title={t('dashboard')}><CutBar cut={cut} onChange={setCut} /></Card>
      {summary.isError && <ErrorAlert error={summary.error} onRetry={() => summary.refetch()} />}
      <IndicatorCards defs={defs.data ?? []} items={items} selected={selected} onSelect={setSelected} onRecords={setRecords} />
      {ind && <Typography.Text type="secondary" data-testid="stats-definition">{t('definition')}（{bi(ind.zh, ind.en)}）：{bi(ind.definition.zh, ind.definition.en)}</Typography.Text>}
      <EChart title={`${t('compare')}（${cut.period}）`} name={`对比-${cut.period}`} option={compare} height={340} testId="chart-compare"
        onClick={(n) => { const d = defs.data?.find((x) => bi(x.zh, x.en) === n); if (d) setSelected(d.id); }} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <EChart title={`${t('trend')}：${name(selected)}`} name={`趋势-${selected}-${cut.period}`} option={trendOption} testId="chart-trend" />
        </Col>
        <Col xs={24} lg={12}>
          <EChart title={`${t('byProvince')}：${name(selected)}`} name={`分省-${selected}-${cut.period}`} testId="chart-province"
            option={provView === 'tiles' ? tileOption : provOption} height={provView === 'tiles' ? 340 : 300} onClick={chooseProvince}
            extra={<>
              {cut.regionCode && <Button size="small" type="link" onClick={() => setCut({ ...cut, regionCode: undefined })}>{t('wholeScope')}</Button>}
              <Segmented size="small" value={provView} onChange={(v) => setProvView(v as 'tiles' | 'bars')} data-testid="province-view" style={{ marginRight: 8 }}
                options={[{ value: 'tiles', label: t('tileMap') }, { value: 'bars', label: t('barChart') }]} />
            </>} />
          <Alert type="info" showIcon style={{ marginTop: 4 }} title={t('mapNote')} />
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={`${t('top')}：${name(selected)}`} data-testid="stats-top" extra={
            <Button size="small" onClick={() => exportTable(`${t('top')}-${name(selected)}-${cut.period}`, [t('institution'), t('value')],
              (top.data ?? []).map((r) => [r.label, r.value]))}>{t('exportXlsx')}</Button>
          }>
            <Table rowKey={(r) => r.key ?? '-'} size="small" loading={top.isFetching} pagination={{ pageSize: 10 }} dataSource={top.data ?? []}
              onRow={(r) => ({ onClick: () => r.key && setCut({ ...cut, institutionId: r.key }), style: { cursor: 'pointer' } })}
              columns={[
                { title: '#', width: 40, render: (_v, _r, i) => i + 1 },
                { title: t('institution'), dataIndex: 'label' },
                { title: t('value'), dataIndex: 'value', align: 'right', render: (v: number | null) => figure(ind, v, lang) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>{ind && <BreakdownCard key={ind.id} cut={cut} ind={ind} />}</Col>
      </Row>
      <RecordsDrawer cut={cut} indicator={records} title={records ? name(records) : ''} onClose={() => setRecords(null)} />
    </Flex>
  );
}
