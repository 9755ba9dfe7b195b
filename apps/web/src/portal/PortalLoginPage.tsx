import { Flex, Typography } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import { authMessages } from '../features/auth/messages.ts';
import { SignInFlow } from '../features/auth/SignInFlow.tsx';
import { useT } from '../shared/i18n/index.ts';
import { pendingStep, useMe } from '../shared/session.ts';
import { FullPageSpin } from '../shared/FullPageSpin.tsx';
import { AuthCard } from './AuthCard.tsx';

export function PortalLoginPage() {
  const t = useT(authMessages);
  const nav = useNavigate();
  const { data: me, isPending } = useMe();
  if (isPending) return <FullPageSpin />;
  if (me && !pendingStep(me)) return <Navigate to="/account" replace />;
  return (
    <AuthCard>
      <SignInFlow
          key={pendingStep(me) ?? 'login'} staff={false} title={t('signInTitle')} initial={pendingStep(me) ?? 'login'}
        onDone={() => nav('/account', { replace: true })} />
      <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
        <Link to="/reset-password" data-testid="link-reset">{t('forgot')}</Link>
        <span>{t('noAccount')} <Link to="/register" data-testid="link-register">{t('signUp')}</Link></span>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <a href="/console/login">{t('staffEntrance')}</a>
      </Typography.Paragraph>
    </AuthCard>
  );
}
