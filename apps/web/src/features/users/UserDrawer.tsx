import { Button, Descriptions, Divider, Drawer, Grid, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { userKinds, userStatuses } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useUser } from './api.ts';
import { userMessages } from './messages.ts';
import { RevealPhone } from './RevealPhone.tsx';
import { UserEditModal } from './UserEditModal.tsx';
import { UserRoles } from './UserRoles.tsx';
import { UserSecurityActions } from './UserSecurityActions.tsx';

const fmt = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

/** One user: details, roles, security actions. */
export function UserDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useT(userMessages);
  const { label } = useEnum();
  const can = useCan();
  const screens = Grid.useBreakpoint();
  const q = useUser(id);
  const [editing, setEditing] = useState(false);
  const user = q.data?.data;
  const ab = q.data?.abilities;

  return (
    <Drawer open={!!id} onClose={onClose} size={screens.md ? 640 : '100%'} title={user?.displayName ?? ''} data-testid="user-drawer"
      extra={user && (ab?.update ?? can('user.manage')) && <Button onClick={() => setEditing(true)} data-testid="user-edit">{t('edit')}</Button>}>
      {q.isPending && id && <Spin />}
      {q.isError && <ErrorAlert error={q.error} onRetry={() => q.refetch()} />}
      {user && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('userName')}>{user.username}</Descriptions.Item>
            <Descriptions.Item label={t('kind')}>{label(userKinds, user.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('email')}>{user.email ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('phone')}>
              <RevealPhone userId={user.id} masked={user.phoneMasked} allowed={ab?.reveal ?? can('pii.reveal')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('status')}>
              <Tag color={user.status === 'active' ? 'green' : 'default'}>{label(userStatuses, user.status)}</Tag>
              {user.lockedUntil && new Date(user.lockedUntil) > new Date() && (
                <Tag color="red">{t('lockedUntil', { time: fmt(user.lockedUntil) })}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('twoFactor')}>{user.totpEnabled ? t('on') : t('off')}</Descriptions.Item>
            <Descriptions.Item label={t('lastLogin')}>{fmt(user.lastLoginAt)}</Descriptions.Item>
            <Descriptions.Item label={t('createdAt')}>{fmt(user.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('roles')}</Divider>
          <UserRoles user={user} editable={ab?.manageRoles ?? can('user.manage')} />
          <UserSecurityActions user={user} abilities={ab} />
          {editing && <UserEditModal open onClose={() => setEditing(false)} user={user} />}
        </>
      )}
    </Drawer>
  );
}
