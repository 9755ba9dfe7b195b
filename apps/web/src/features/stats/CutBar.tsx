import { Flex, Select, TreeSelect } from 'antd';
import { channels, ipTypes, partyKinds, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useInstitutionOptions } from '../institutions/useInstitutionOptions.ts';
import type { Cut } from './api.ts';
import { statsMessages } from './messages.ts';

type Kind = 'year' | 'quarter' | 'month';

export function splitPeriod(p: string): { kind: Kind; year: number; sub: number } {
  if (p.includes('-Q')) return { kind: 'quarter', year: +p.slice(0, 4), sub: +p.slice(6) };
  if (p.length === 7) return { kind: 'month', year: +p.slice(0, 4), sub: +p.slice(5) };
  return { kind: 'year', year: +p, sub: 1 };
}

export function joinPeriod(kind: Kind, year: number, sub: number): string {
  if (kind === 'year') return String(year);
  if (kind === 'quarter') return `${year}-Q${Math.min(sub, 4)}`;
  return `${year}-${String(sub).padStart(2, '0')}`;
}

/** Period selects: kind, year, and the quarter or month. */
export function PeriodPicker({ value, onChange, kinds = ['year', 'quarter', 'month'] }: { value: string; onChange: (p: string) => void; kinds?: Kind[] }) {
  const t = useT(statsMessages);
  const { kind, year, sub } = splitPeriod(value);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  return (
    <Flex gap={4}>
      <Select style={{ width: 90 }} value={kind} data-testid="period-kind" onChange={(k) => onChange(joinPeriod(k, year, 1))}
        options={kinds.map((k) => ({ value: k, label: t(k) }))} />
      <Select style={{ width: 90 }} value={year} data-testid="period-year" onChange={(y) => onChange(joinPeriod(kind, y, sub))}
        options={years.map((y) => ({ value: y, label: `${y}` }))} />
      {kind !== 'year' && (
        <Select style={{ width: 90 }} value={sub} data-testid="period-sub" onChange={(s) => onChange(joinPeriod(kind, year, s))}
          options={Array.from({ length: kind === 'quarter' ? 4 : 12 }, (_, i) => ({ value: i + 1, label: kind === 'quarter' ? `Q${i + 1}` : `${i + 1}` }))} />
      )}
    </Flex>
  );
}

/** The cut of a dashboard: period, institution subtree, and the case dimensions. */
export function CutBar({ cut, onChange }: { cut: Cut; onChange: (c: Cut) => void }) {
  const t = useT(statsMessages);
  const { options } = useEnum();
  const inst = useInstitutionOptions();
  const set = (k: keyof Cut) => (v: string | undefined) => onChange({ ...cut, [k]: v || undefined });
  const sel = (k: 'ipType' | 'channel' | 'service' | 'applicantKind', table: Parameters<typeof options>[0]) => (
    <Select allowClear placeholder={t(k)} style={{ width: 150 }} value={cut[k]} onChange={set(k)} options={options(table)} data-testid={`cut-${k}`} />
  );
  return (
    <Flex gap={8} wrap align="center" data-testid="stats-cut">
      <PeriodPicker value={cut.period} onChange={(p) => onChange({ ...cut, period: p })} />
      <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll style={{ width: 280 }} placeholder={t('wholeScope')}
        value={cut.institutionId} onChange={set('institutionId')} treeData={inst.options} loading={inst.loading} data-testid="cut-institution" />
      {sel('ipType', ipTypes)}
      {sel('channel', channels)}
      {sel('service', services)}
      {sel('applicantKind', partyKinds)}
    </Flex>
  );
}
