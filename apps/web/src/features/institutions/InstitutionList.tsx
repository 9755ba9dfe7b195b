import { Button, Flex, Table, Tag } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { institutionStatuses, institutionTypes, levels } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { exportUrl, useInstitutionList } from './api.ts';
import { ImportButton } from './ImportButton.tsx';
import { InstitutionFilterBar } from './InstitutionFilterBar.tsx';
import { institutionMessages } from './messages.ts';
import type { Institution, InstitutionFilters } from './types.ts';

/** The institutions in scope as a filterable, paged table, with .xlsx export and import. */
export function InstitutionList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT(institutionMessages);
  const { label } = useEnum();
  const can = useCan();
  const [filters, setFilters] = useState<InstitutionFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const q = useInstitutionList({ ...filters, ...page });

  return (
    <Flex vertical gap={8}>
      <InstitutionFilterBar onChange={(f) => { setFilters(f); setPage((p) => ({ ...p, page: 1 })); }} />
      <Flex gap={8} wrap>
        {can('institution.export') && (
          <Button href={exportUrl(filters)} data-testid="institution-export">{t('exportXlsx')}</Button>
        )}
        {can('institution.import') && <ImportButton />}
      </Flex>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      <Table<Institution>
        rowKey="id"
        size="small"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        scroll={{ x: 800 }}
        data-testid="institution-table"
        onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: q.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('total', { n }),
          onChange: (p, s) => setPage({ page: p, pageSize: s }),
        }}
        columns={[
          { title: t('name'), dataIndex: 'name' },
          { title: t('type'), dataIndex: 'type', render: (v: string) => label(institutionTypes, v) },
          { title: t('level'), dataIndex: 'level', width: 90, render: (v: string) => label(levels, v) },
          { title: t('region'), dataIndex: 'regionName' },
          { title: t('parent'), dataIndex: 'parentName' },
          {
            title: t('status'),
            dataIndex: 'status',
            width: 90,
            render: (v: string) => (v === 'closed' ? <Tag>{label(institutionStatuses, 'closed')}</Tag> : <Tag color="green">{label(institutionStatuses, 'active')}</Tag>),
          },
        ]}
      />
    </Flex>
  );
}
