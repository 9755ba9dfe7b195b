import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { roles as roleLabels, userKinds, userStatuses } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useUserList } from './api.ts';
import { userMessages } from './messages.ts';
import type { User, UserFilters } from './types.ts';
import { UserCreateModal } from './UserCreateModal.tsx';
import { UserDrawer } from './UserDrawer.tsx';
import { UserFilterBar } from './UserFilterBar.tsx';

/** 用户与角色: users holding a role in the caller's scope. */
export function UsersPage() {
  const t = useT(userMessages);
  const { label } = useEnum();
  const can = useCan();
  const nav = useNavigate();
  const { id } = useParams();
  const [filters, setFilters] = useState<UserFilters>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const q = useUserList({ ...filters, ...page });

  return (
    <Card title={t('title')} extra={can('user.manage') && (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">{t('createUser')}</Button>
    )}>
      <Flex vertical gap={8}>
        <UserFilterBar onChange={(f) => { setFilters(f); setPage((p) => ({ ...p, page: 1 })); }} />
        {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
        <Table<User>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={q.data?.data ?? []}
          scroll={{ x: 760 }}
          data-testid="user-table"
          onRow={(r) => ({ onClick: () => nav(`/users/${r.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page.page, pageSize: page.pageSize, total: q.data?.total ?? 0, showSizeChanger: true,
            showTotal: (n) => t('total', { n }), onChange: (p, s) => setPage({ page: p, pageSize: s }),
          }}
          columns={[
            { title: t('displayName'), dataIndex: 'displayName', render: (v: string, r) => <span data-testid={`user-row-${r.username}`}>{v}</span> },
            { title: t('userName'), dataIndex: 'username' },
            { title: t('kind'), dataIndex: 'kind', width: 90, render: (v: string) => label(userKinds, v) },
            {
              title: t('roles'),
              dataIndex: 'grants',
              render: (g: User['grants']) => g.map((x) => <Tag key={x.id}>{label(roleLabels, x.role)} · {x.institutionName}</Tag>),
            },
            {
              title: t('status'),
              width: 120,
              render: (_, r) => (
                <>
                  <Tag color={r.status === 'active' ? 'green' : 'default'}>{label(userStatuses, r.status)}</Tag>
                  {r.lockedUntil && dayjs(r.lockedUntil).isAfter(dayjs()) && <Tag color="red">{t('locked')}</Tag>}
                </>
              ),
            },
          ]}
        />
      </Flex>
      {creating && <UserCreateModal open onClose={() => setCreating(false)} onCreated={(nid) => nav(`/users/${nid}`)} />}
      <UserDrawer id={id} onClose={() => nav('/users')} />
    </Card>
  );
}
