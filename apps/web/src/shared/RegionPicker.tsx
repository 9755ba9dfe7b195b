import { Cascader, Flex, Select } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useT } from './i18n/index.ts';
import { fetchRegion, fetchRegionChildren, searchRegions, type Region } from './regions.ts';

interface Opt {
  value: string;
  label: string;
  isLeaf?: boolean;
  children?: Opt[];
}

const toOpt = (r: Region): Opt => ({ value: r.code, label: r.name, isLeaf: r.level === 'county' });

async function chainOf(code: string): Promise<Region[]> {
  const out: Region[] = [];
  let next: string | null = code;
  for (let i = 0; next && i < 4; i++) {
    const r: Region = await fetchRegion(next);
    out.unshift(r);
    next = r.parentCode;
  }
  return out;
}

export interface RegionPickerProps {
  /** The chosen region's 6-digit code, at any level. */
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  testId?: string;
  style?: CSSProperties;
  /** Hide the search box (e.g. in a narrow filter bar). */
  noSearch?: boolean;
}

/** Province → city → county cascader loading /api/regions lazily, plus a search box (/api/regions?q=). */
export function RegionPicker({ value, onChange, testId = 'region-picker', style, noSearch }: RegionPickerProps) {
  const t = useT();
  const [options, setOptions] = useState<Opt[]>([]);
  const [path, setPath] = useState<string[]>([]);
  const [found, setFound] = useState<Region[]>([]);
  const names = useRef(new Map<string, string>());
  const remember = (rs: Region[]) => rs.forEach((r) => names.current.set(r.code, r.name));

  useEffect(() => {
    fetchRegionChildren()
      .then((rs) => setOptions(rs.map(toOpt)))
      .catch(() => setOptions([]));
  }, []);

  useEffect(() => {
    if (!value) {
      setPath([]);
      return;
    }
    if (path[path.length - 1] === value) return;
    let live = true;
    chainOf(value)
      .then((chain) => {
        if (!live) return;
        remember(chain);
        setPath(chain.map((r) => r.code));
      })
      .catch(() => live && setPath([value]));
    return () => {
      live = false;
    };
  }, [value]);

  const loadData = async (selected: Opt[]) => {
    const target = selected[selected.length - 1];
    const kids = await fetchRegionChildren(target.value).catch(() => []);
    target.children = kids.map(toOpt);
    if (!kids.length) target.isLeaf = true;
    setOptions((o) => [...o]);
  };

  // Answers can arrive out of order while the user types (洪 then 洪山): only the newest query's answer is shown.
  const latest = useRef(0);
  const onSearch = (q: string) => {
    const asked = ++latest.current;
    if (!q.trim()) return setFound([]);
    searchRegions(q.trim())
      .then((rs) => {
        if (asked !== latest.current) return;
        remember(rs);
        setFound(rs);
      })
      .catch(() => asked === latest.current && setFound([]));
  };

  const choose = (codes: string[] | undefined, labels?: string[]) => {
    const p = codes ?? [];
    labels?.forEach((l, i) => names.current.set(p[i], l));
    setPath(p);
    onChange?.(p[p.length - 1]);
  };

  return (
    <Flex gap={8} wrap style={style}>
      <Cascader<Opt>
        data-testid={testId}
        style={{ flex: '1 1 200px', minWidth: 180 }}
        options={options}
        loadData={loadData}
        value={path}
        changeOnSelect
        allowClear
        placeholder={t('regionPlaceholder')}
        displayRender={(labels) => path.map((c, i) => labels[i] && labels[i] !== c ? labels[i] : (names.current.get(c) ?? c)).join(' / ')}
        onChange={(v, sel) => choose(v as string[] | undefined, (sel as Opt[] | undefined)?.map((o) => o.label))}
      />
      {!noSearch && (
        <Select
          data-testid={`${testId}-search`}
          style={{ flex: '1 1 160px', minWidth: 140 }}
          showSearch={{ filterOption: false, onSearch }}
          placeholder={t('regionSearch')}
          value={null}
          notFoundContent={null}
          options={found.map((r) => ({ value: r.code, label: r.fullName || r.name }))}
          onChange={(code: string) => onChange?.(code)}
        />
      )}
    </Flex>
  );
}
