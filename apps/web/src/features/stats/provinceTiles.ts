/**
 * A tile map of China's provincial-level divisions: one equal square each, placed roughly where it lies
 * (ADR 0035). It shows no boundary and no area, so it is not a map that needs an approved base (审图号),
 * yet a supervisor reads it geographically, which a bar chart sorted by value does not allow.
 */
export interface Tile {
  /** The province's 6-digit region code. */
  code: string;
  short: string;
  x: number;
  y: number;
}

export const provinceTiles: readonly Tile[] = [
  { code: '230000', short: '黑龙江', x: 6, y: 0 },
  { code: '150000', short: '内蒙古', x: 4, y: 1 },
  { code: '110000', short: '北京', x: 5, y: 1 },
  { code: '220000', short: '吉林', x: 6, y: 1 },
  { code: '650000', short: '新疆', x: 0, y: 2 },
  { code: '620000', short: '甘肃', x: 1, y: 2 },
  { code: '640000', short: '宁夏', x: 2, y: 2 },
  { code: '140000', short: '山西', x: 3, y: 2 },
  { code: '130000', short: '河北', x: 4, y: 2 },
  { code: '120000', short: '天津', x: 5, y: 2 },
  { code: '210000', short: '辽宁', x: 6, y: 2 },
  { code: '630000', short: '青海', x: 1, y: 3 },
  { code: '610000', short: '陕西', x: 2, y: 3 },
  { code: '410000', short: '河南', x: 3, y: 3 },
  { code: '370000', short: '山东', x: 4, y: 3 },
  { code: '540000', short: '西藏', x: 0, y: 4 },
  { code: '510000', short: '四川', x: 1, y: 4 },
  { code: '500000', short: '重庆', x: 2, y: 4 },
  { code: '420000', short: '湖北', x: 3, y: 4 },
  { code: '340000', short: '安徽', x: 4, y: 4 },
  { code: '320000', short: '江苏', x: 5, y: 4 },
  { code: '310000', short: '上海', x: 6, y: 4 },
  { code: '530000', short: '云南', x: 1, y: 5 },
  { code: '520000', short: '贵州', x: 2, y: 5 },
  { code: '430000', short: '湖南', x: 3, y: 5 },
  { code: '360000', short: '江西', x: 4, y: 5 },
  { code: '330000', short: '浙江', x: 5, y: 5 },
  { code: '450000', short: '广西', x: 2, y: 6 },
  { code: '440000', short: '广东', x: 3, y: 6 },
  { code: '350000', short: '福建', x: 4, y: 6 },
  { code: '710000', short: '台湾', x: 5, y: 6 },
  { code: '460000', short: '海南', x: 2, y: 7 },
  { code: '820000', short: '澳门', x: 3, y: 7 },
  { code: '810000', short: '香港', x: 4, y: 7 },
];

/** Outside the network's statistics: drawn, greyed, never coloured by a figure. */
export const outsideNetwork = new Set(['710000', '810000', '820000']);

const COLS = 7;
const ROWS = 8;

/** The ECharts option (heatmap on two hidden category axes) for a figure per province code. */
export function tileMapOption(values: ReadonlyMap<string, number>, noData: string) {
  const inNetwork = provinceTiles.filter((p) => !outsideNetwork.has(p.code));
  const max = Math.max(1, ...inNetwork.map((p) => values.get(p.code) ?? 0));
  const axis = (n: number) => ({ type: 'category', data: Array.from({ length: n }, (_, i) => String(i)), show: false });
  // Outside tiles carry -1: below the visual map's range, so they take its out-of-range grey.
  const cell = (p: Tile) => ({ name: p.short, code: p.code, value: [p.x, p.y, outsideNetwork.has(p.code) ? -1 : (values.get(p.code) ?? 0)] });
  const shown = (v: number) => (v < 0 ? noData : String(v));
  return {
    tooltip: { formatter: (x: { name: string; value: [number, number, number] }) => `${x.name}：${shown(x.value[2])}` },
    grid: { left: 4, right: 4, top: 4, bottom: 36 },
    xAxis: axis(COLS),
    yAxis: { ...axis(ROWS), inverse: true },
    visualMap: { min: 0, max, calculable: false, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, inRange: { color: ['#e6f4ff', '#1677ff', '#003eb3'] }, outOfRange: { color: '#f0f0f0' } },
    series: [{
      type: 'heatmap',
      data: provinceTiles.map(cell),
      itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 4 },
      label: {
        show: true, fontSize: 11, lineHeight: 14,
        formatter: (x: { name: string; value: [number, number, number] }) => `${x.name}\n${x.value[2] < 0 ? '—' : x.value[2]}`,
      },
      emphasis: { itemStyle: { borderColor: '#fa8c16' } },
    }],
  };
}
