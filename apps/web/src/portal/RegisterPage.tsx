import { Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { DevOutboxHint } from '../features/auth/DevOutboxHint.tsx';
import { RegisterForm } from '../features/auth/RegisterForm.tsx';
import { registerMessages } from '../features/auth/registerMessages.ts';
import { useT } from '../shared/i18n/index.ts';
import { AuthCard } from './AuthCard.tsx';

export function RegisterPage() {
  const t = useT(registerMessages);
  const nav = useNavigate();
  return (
    <AuthCard>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>{t('title')}</Typography.Title>
      <DevOutboxHint />
      <RegisterForm onDone={() => nav('/account', { replace: true })} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('haveAccount')} <Link to="/login">{t('signIn')}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
