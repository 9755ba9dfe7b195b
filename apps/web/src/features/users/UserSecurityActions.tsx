import { App, Button, Divider, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useShowError } from '../../shared/useApplyErrors.ts';
import { useResetMfa, useUnlock, useUpdateUser } from './api.ts';
import { userMessages } from './messages.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import type { User, UserAbilities } from './types.ts';

/** Reset password, unlock, reset 2FA, disable/enable — each as the server's abilities (or, failing those, the caller's permissions) allow. */
export function UserSecurityActions({ user, abilities }: { user: User; abilities?: UserAbilities }) {
  const t = useT(userMessages);
  const can = useCan();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const unlock = useUnlock(user.id);
  const resetMfa = useResetMfa(user.id);
  const update = useUpdateUser(user.id);
  const [resetOpen, setResetOpen] = useState(false);
  const ab = (k: keyof UserAbilities, ...perms: string[]) => abilities?.[k] ?? perms.some(can);
  const locked = !!user.lockedUntil && new Date(user.lockedUntil) > new Date();
  const confirm = (title: string, run: () => Promise<unknown>, done: string) =>
    modal.confirm({ title, onOk: () => run().then(() => void message.success(done), showError) });

  const show = {
    reset: ab('resetPassword', 'user.security', 'user.manage'),
    unlock: locked && ab('unlock', 'user.security'),
    mfa: user.totpEnabled && ab('resetMfa', 'user.security'),
    status: ab('update', 'user.manage'),
  };
  if (!Object.values(show).some(Boolean)) return null;

  return (
    <>
    <Divider titlePlacement="start">{t('security')}</Divider>
    <Space wrap>
      {show.reset && (
        <Button onClick={() => setResetOpen(true)} data-testid="user-reset-password">{t('resetPassword')}</Button>
      )}
      {show.unlock && (
        <Button onClick={() => confirm(t('unlockConfirm'), () => unlock.mutateAsync(undefined), t('unlocked'))} data-testid="user-unlock">
          {t('unlock')}
        </Button>
      )}
      {show.mfa && (
        <Button onClick={() => confirm(t('resetMfaConfirm'), () => resetMfa.mutateAsync(undefined), t('mfaReset'))} data-testid="user-reset-mfa">
          {t('resetMfa')}
        </Button>
      )}
      {show.status &&
        (user.status === 'active' ? (
          <Button danger onClick={() => confirm(t('disableConfirm'), () => update.mutateAsync({ status: 'disabled' }), t('done'))} data-testid="user-disable">
            {t('disable')}
          </Button>
        ) : (
          <Button onClick={() => update.mutateAsync({ status: 'active' }).then(() => void message.success(t('done')), showError)} data-testid="user-enable">
            {t('enableAccount')}
          </Button>
        ))}
      {resetOpen && <ResetPasswordModal open onClose={() => setResetOpen(false)} user={user} />}
    </Space>
    </>
  );
}
