import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './report.content.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART_SIZE = { width: 640, height: 320 } as const;

/** A report chart as SVG, rendered on the server by ECharts (no DOM: server-side rendering). */
export function chartSvg(spec: ChartSpec, fontFamily: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  const colors = ['#8fb3de', '#1f5fa8'];
  chart.setOption({
    animation: false,
    textStyle: { fontFamily, fontSize: 13 },
    legend: { top: 4 },
    grid: { left: 60, right: 20, top: 40, bottom: spec.categories.length > 4 ? 70 : 40 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { interval: 0, rotate: spec.categories.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value' },
    series: spec.series.map((s, i) => ({
      name: s.name, type: spec.kind === 'line' ? 'line' : 'bar', data: s.data, itemStyle: { color: colors[i % colors.length] },
      label: { show: true, position: 'top', fontSize: 11 },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
