import { Typography } from 'antd';
import { useNavigate } from 'react-router';
import { DevOutboxHint } from '../features/auth/DevOutboxHint.tsx';
import { registerMessages } from '../features/auth/registerMessages.ts';
import { ResetPasswordForm } from '../features/auth/ResetPasswordForm.tsx';
import { useT } from '../shared/i18n/index.ts';
import { AuthCard } from './AuthCard.tsx';

export function ResetPasswordPage() {
  const t = useT(registerMessages);
  const nav = useNavigate();
  return (
    <AuthCard>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>{t('resetTitle')}</Typography.Title>
      <DevOutboxHint />
      <ResetPasswordForm onDone={() => nav('/login', { replace: true })} />
    </AuthCard>
  );
}
