import { Card, Flex, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInFlow } from '../features/auth/SignInFlow.tsx';
import { useT } from '../shared/i18n/index.ts';
import { useTitle } from '../shared/useTitle.ts';
import { LanguageSwitch } from '../shared/LanguageSwitch.tsx';
import { pendingStep, useMe } from '../shared/session.ts';
import { FullPageSpin } from '../shared/FullPageSpin.tsx';
import { authMessages } from '../features/auth/messages.ts';

/** Staff sign-in: password, then whatever further step the server asks for. */
export function LoginPage() {
  const t = useT(authMessages);
  useTitle(t('consoleName'));
  const nav = useNavigate();
  const [params] = useSearchParams();
  const { data: me, isPending } = useMe();
  if (isPending) return <FullPageSpin />;
  const next = params.get('next');
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  if (me && !pendingStep(me)) return <Navigate to={target} replace />;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#eef2f8' }}>
      <Flex justify="space-between" align="center" style={{ width: '100%', maxWidth: 420, marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('consoleName')}
        </Typography.Title>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <SignInFlow
          key={pendingStep(me) ?? 'login'}
          staff
          title={t('consoleSignInTitle')}
          initial={pendingStep(me) ?? 'login'}
          onDone={() => nav(target, { replace: true })}
        />
      </Card>
      <Typography.Link href="/" style={{ marginTop: 16 }}>
        {t('appName')} · {t('appTagline')}
      </Typography.Link>
    </Flex>
  );
}
