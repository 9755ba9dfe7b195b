import { formatCount, formatPercent, formatPointChange, formatYoy, percent, yoyGrowth } from '@yuanzhi/domain';

/** What the yearly progress report is written from (gathered by report.data.ts). */
export interface ReportInput {
  year: number;
  /** 全国, 湖北省 …: the name of the scope, and whether it is the whole country. */
  scopeName: string;
  national: boolean;
  figures: Record<string, { value: number | null; previous: number | null }>;
  months: { label: string; value: number; previous: number }[];
  /** By province (national report) or city (provincial report), for cases accepted. */
  regions: { name: string; value: number }[];
  practices: { institution: string; title: string; text: string }[];
  /** Region units the distribution is over (32 provincial units nationally; the province's cities otherwise). */
  regionUnits: number;
  threshold: number;
}

export interface ChartSpec {
  kind: 'bar' | 'line' | 'hbar';
  categories: string[];
  series: { name: string; data: number[] }[];
}

export interface ReportSection {
  heading: string;
  level: 1 | 2;
  paragraphs: string[];
  figure?: { caption: string; chart: ChartSpec };
}

export interface ProgressReport {
  title: string;
  issuer: string;
  sections: ReportSection[];
}

const f = (input: ReportInput, id: string) => input.figures[id] ?? { value: null, previous: null };
const n = (v: number | null) => (v === null ? '—' : formatCount(v));

/** `受理援助案件1.2万件，同比增长51.1%` */
function stated(input: ReportInput, id: string, zh: string, unit: string): string {
  const x = f(input, id);
  if (x.value === null) return `${zh}暂无数据`;
  const yoy = x.previous === null || x.previous === 0 ? '' : `，${formatYoy(yoyGrowth(x.value, x.previous))}`;
  return `${zh}${n(x.value)}${unit}${yoy}`;
}

function share(input: ReportInput, id: string, zh: string): string {
  const x = f(input, id);
  if (x.value === null) return `${zh}暂无评价数据`;
  const change = x.previous === null ? '' : `，${formatPointChange(x.value, x.previous)}`;
  return `${zh}为${formatPercent(x.value)}${change}`;
}

/**
 * The report's text and figures, in the structure of the national reports: foreword with the headline
 * figures; the work of the scope, each figure with its year-on-year change and comparison charts; the
 * regional section with the notable practices from accepted returns; the closing, left for a person to write.
 */
export function buildReport(input: ReportInput): ProgressReport {
  const { year, scopeName } = input;
  const y = `${year}年`;
  const last = `${year - 1}年`;
  const inst = f(input, 'network.institutions');
  const above = input.regions.filter((r) => r.value >= input.threshold).length;
  const unitWord = input.national ? '省（自治区、直辖市）' : '市（州）';
  const caseIds = ['cases.received', 'cases.accepted', 'cases.concluded', 'cases.domestic', 'cases.overseas', 'cases.sme', 'cases.transfers_in', 'cases.referred'];
  const caseNames = ['收到申请', '受理案件', '办结案件', '国内案件', '海外案件', '中小微企业案件', '移交接收', '转办案件'];
  const sections: ReportSection[] = [
    {
      heading: '前言', level: 1, paragraphs: [
        `${y}，${scopeName}知识产权维权援助工作持续推进。据平台记录统计，${stated(input, 'cases.accepted', '全年受理维权援助案件', '件')}；${stated(input, 'cases.concluded', '办结案件', '件')}；${stated(input, 'network.institutions', '维权援助机构达', '家')}。`,
        '（此处由编写人员补充本年度工作的总体评价。）',
      ],
    },
    { heading: `一、${scopeName}知识产权维权援助工作情况`, level: 1, paragraphs: [] },
    {
      heading: '（一）维权援助工作体系', level: 2,
      paragraphs: [
        `截至${y}底，${stated(input, 'network.institutions', `${scopeName}维权援助机构共`, '家')}，其中${y}新增${n(f(input, 'network.institutions_new').value)}家；${stated(input, 'network.staff', '维权援助工作人员共', '人')}。`,
      ],
      figure: {
        caption: `图1 ${last}、${y}${scopeName}维权援助机构与工作人员对比`,
        chart: { kind: 'bar', categories: ['维权援助机构', '工作人员'], series: [
          { name: last, data: [inst.previous ?? 0, f(input, 'network.staff').previous ?? 0] },
          { name: y, data: [inst.value ?? 0, f(input, 'network.staff').value ?? 0] },
        ] },
      },
    },
    {
      heading: '（二）维权援助服务情况', level: 2,
      paragraphs: [
        `${y}，${stated(input, 'cases.received', '共收到维权援助申请', '件')}，${stated(input, 'cases.accepted', '受理', '件')}，${stated(input, 'cases.concluded', '办结', '件')}。`,
        `其中，${stated(input, 'cases.domestic', '国内案件', '件')}，${stated(input, 'cases.overseas', '海外纠纷案件', '件')}，${stated(input, 'cases.sme', '面向中小微企业的案件', '件')}；${stated(input, 'cases.fast_track', '通过快速处理程序办结', '件')}。`,
        `在协同联动方面，${stated(input, 'cases.transfers_in', '机构间移交接收案件', '件')}，${stated(input, 'cases.referred', '转办行政执法、司法、仲裁、调解等部门', '件')}。`,
        `服务质量方面，${share(input, 'cases.on_time_rate', '按时办结率')}；${share(input, 'cases.satisfaction_rate', '申请人满意率')}。`,
      ],
      figure: {
        caption: `图2 ${last}、${y}${scopeName}维权援助案件情况对比`,
        chart: { kind: 'bar', categories: caseNames, series: [
          { name: last, data: caseIds.map((id) => f(input, id).previous ?? 0) },
          { name: y, data: caseIds.map((id) => f(input, id).value ?? 0) },
        ] },
      },
    },
    {
      heading: '（三）月度及地区分布', level: 2,
      paragraphs: [
        input.regions.length === 0 ? `${y}暂无分地区受理数据。`
          : `${y}，${input.regions.length}个${unitWord}有受理案件，其中${above}个${unitWord}受理案件${input.threshold}件以上，占${formatPercent(percent(above, input.regionUnits))}。受理量居前的依次为${input.regions.slice(0, 5).map((r) => `${r.name}（${n(r.value)}件）`).join('、')}。`,
      ],
      figure: {
        caption: `图3 ${last}、${y}${scopeName}受理维权援助案件月度趋势`,
        chart: { kind: 'line', categories: input.months.map((m) => m.label), series: [
          { name: last, data: input.months.map((m) => m.previous) }, { name: y, data: input.months.map((m) => m.value) },
        ] },
      },
    },
    {
      heading: input.national ? '二、地方知识产权维权援助工作情况' : `二、${scopeName}各地工作情况`, level: 1,
      paragraphs: input.practices.length === 0 ? ['（本年度暂无经审核通过的典型经验报送。）']
        : input.practices.map((p) => `${p.institution}：${p.title}。${p.text}`),
    },
    { heading: '结语', level: 1, paragraphs: ['（此处由编写人员补充下一年度工作展望。）'] },
  ];
  return { title: `${y}${scopeName}知识产权维权援助工作进展报告`, issuer: scopeName, sections };
}
