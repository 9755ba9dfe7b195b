import type { ChartSpec } from './report.content.ts';

export const CHART_SIZE = { width: 640, height: 320 } as const;

type ECharts = typeof import('echarts/core');
let loaded: Promise<ECharts> | null = null;

/** ECharts is loaded on the first report, not at start-up (importing it takes a second or two on a busy machine). */
function echartsCore(): Promise<ECharts> {
  loaded ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers'),
    ]);
    core.use([charts.BarChart, charts.LineChart, components.GridComponent, components.LegendComponent, renderers.SVGRenderer]);
    return core;
  })();
  return loaded;
}

/** A report chart as SVG, rendered on the server by ECharts (no DOM: server-side rendering). */
export async function chartSvg(spec: ChartSpec, fontFamily: string): Promise<string> {
  const echarts = await echartsCore();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  const colors = ['#8fb3de', '#1f5fa8'];
  chart.setOption({
    animation: false,
    textStyle: { fontFamily, fontSize: 13 },
    legend: { top: 4, itemGap: 24, textStyle: { fontFamily } },
    grid: { left: 60, right: 20, top: 40, bottom: spec.categories.length > 4 ? 70 : 40 },
    xAxis: { type: 'category', data: spec.categories, axisLabel: { fontFamily, interval: 0, rotate: spec.categories.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { fontFamily } },
    series: spec.series.map((s, i) => ({
      name: s.name, type: spec.kind === 'line' ? 'line' : 'bar', data: s.data, itemStyle: { color: colors[i % colors.length] },
      label: { show: true, position: 'top', fontSize: 11 },
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
