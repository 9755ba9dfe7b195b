import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { get, type Page } from '../../shared/api.ts';
import type { DirectoryEntry } from '../directory/api.ts';

interface Props {
  value?: string;
  onChange?: (v: string) => void;
  /** The case's own institution: never a transfer target. */
  exclude: string;
  'data-testid'?: string;
}

/**
 * The receiving institution of a transfer: any open institution of the network, searched by name in
 * the public directory (the caller's own tree would only offer its subtree).
 */
export function InstitutionSelect({ value, onChange, exclude, ...rest }: Props) {
  const [q, setQ] = useState('');
  const list = useQuery({
    queryKey: ['directory', 'pick', q],
    queryFn: () => get<Page<DirectoryEntry>>('/api/directory', { q: q || undefined, pageSize: 50 }),
    placeholderData: (p) => p,
  });
  const options = (list.data?.data ?? [])
    .filter((i) => i.id !== exclude)
    .map((i) => ({ value: i.id, label: i.regionName ? `${i.name}（${i.regionName}）` : i.name }));
  return (
    <Select value={value} onChange={onChange} showSearch={{ filterOption: false, onSearch: setQ }} loading={list.isFetching}
      options={options} data-testid={rest['data-testid']} />
  );
}
