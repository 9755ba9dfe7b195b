import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { fontFamily } from '../../shared/theme.ts';
import { statsMessages } from './messages.ts';

// Only what the dashboards draw (a full import is ~700 KB gzipped).
echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

interface Props {
  title: ReactNode;
  /** The file name of the PNG export. */
  name: string;
  option: ChartOption;
  height?: number;
  extra?: ReactNode;
  onClick?: (name: string) => void;
  testId?: string;
}

/** A chart card with a "save as PNG" button. */
export function EChart({ title, name, option, height = 300, extra, onClick, testId }: Props) {
  const t = useT(statsMessages);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (p) => click.current?.(String((p as { name?: string }).name ?? '')));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => { ro.disconnect(); c.dispose(); chart.current = null; };
  }, []);
  useEffect(() => {
    const full = { animation: false, textStyle: { fontFamily }, ...option };
    chart.current?.setOption(full, true);
    // A canvas does not make the browser fetch the web font's slices for its text: load them, then draw again.
    let live = true;
    document.fonts?.load(`12px "Noto Sans SC"`, JSON.stringify(option)).then(() => { if (live) chart.current?.setOption(full, true); }).catch(() => {});
    return () => { live = false; };
  }, [option]);

  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}.png`;
    a.click();
  };

  return (
    <Card size="small" title={title} data-testid={testId}
      extra={<>{extra}<Button size="small" icon={<DownloadOutlined />} onClick={savePng}>{t('exportPng')}</Button></>}>
      <div ref={el} style={{ width: '100%', height }} />
    </Card>
  );
}
