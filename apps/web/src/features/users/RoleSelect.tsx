import { Select, TreeSelect, type SelectProps } from 'antd';
import type { CSSProperties } from 'react';
import { roles as roleLabels } from '../../shared/enums.ts';
import { pick, useLang } from '../../shared/i18n/index.ts';
import { useInstitutionOptions } from '../institutions/useInstitutionOptions.ts';
import { useRoles } from './api.ts';

/** Roles from /api/roles (falls back to the glossary list). */
export function RoleSelect(props: SelectProps<string> & { 'data-testid'?: string }) {
  const { lang } = useLang();
  const q = useRoles();
  const options = q.data
    ? q.data.map((r) => ({ value: r.role, label: pick(lang, r.name) }))
    : Object.entries(roleLabels).map(([value, m]) => ({ value, label: pick(lang, m) }));
  return <Select {...props} options={options} loading={q.isPending} />;
}

/** An institution from the caller's tree. */
export function InstitutionPicker(props: {
  value?: string;
  onChange?: (v: string) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}) {
  const { options, loading } = useInstitutionOptions();
  return (
    <TreeSelect
      {...props}
      treeData={options}
      loading={loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
    />
  );
}
