import { App, Button, Card, Descriptions, Flex } from 'antd';
import { Link, Navigate, useNavigate } from 'react-router';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm.tsx';
import { AlertSubscriptionCard } from '../features/portal-alerts/AlertSubscriptionCard.tsx';
import { NotificationsCard } from '../features/portal-alerts/NotificationsCard.tsx';
import { partyKinds, userKinds } from '../shared/enums.ts';
import { FullPageSpin } from '../shared/FullPageSpin.tsx';
import { useT } from '../shared/i18n/index.ts';
import { pendingStep, useMe, useSignOut } from '../shared/session.ts';
import { useEnum } from '../shared/useEnum.ts';
import { portalMessages } from './messages.ts';

/** 我的账户: who I am, a password change, sign-out; staff get a link to the console. */
export function PortalAccountPage() {
  const t = useT(portalMessages);
  const { label } = useEnum();
  const { message } = App.useApp();
  const { data: me, isPending } = useMe();
  const signOut = useSignOut();
  const nav = useNavigate();
  if (isPending) return <FullPageSpin />;
  if (!me || pendingStep(me)) return <Navigate to="/login" replace />;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 640, margin: '0 auto' }}>
      <Card title={t('welcome', { name: me.displayName })} data-testid="account-card"
        extra={<Button onClick={async () => { await signOut(); nav('/', { replace: true }); }} data-testid="sign-out">{t('signOut')}</Button>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('kind')}>{label(userKinds, me.kind)}</Descriptions.Item>
          {me.partyKind && <Descriptions.Item label={t('partyKind')}>{label(partyKinds, me.partyKind)}</Descriptions.Item>}
          {me.orgName && <Descriptions.Item label={t('orgName')}>{me.orgName}</Descriptions.Item>}
          {me.username && <Descriptions.Item label={t('userName')}>{me.username}</Descriptions.Item>}
          <Descriptions.Item label={t('email')}>{me.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('phone')}>{me.phoneMasked ?? '—'}</Descriptions.Item>
        </Descriptions>
        {me.kind === 'applicant' && <Link to="/my/cases"><Button type="primary" style={{ marginTop: 8 }} data-testid="account-my-cases">{t('navMyCases')}</Button></Link>}
        {me.kind !== 'applicant' && <Button type="primary" href="/console/" style={{ marginTop: 8 }}>{t('toConsole')}</Button>}
      </Card>
      {me.kind === 'applicant' && <NotificationsCard />}
      {me.kind === 'applicant' && <AlertSubscriptionCard />}
      <Card title={t('changePassword')}>
        <ChangePasswordForm staff={me.kind !== 'applicant'} username={me.username} onAnswer={() => message.success(t('saved'))} />
      </Card>
    </Flex>
  );
}
