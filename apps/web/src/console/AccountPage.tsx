import { App, Card, Descriptions, Flex, Tag } from 'antd';
import { ChangePasswordForm } from '../features/auth/ChangePasswordForm.tsx';
import { pick, useLang, useT } from '../shared/i18n/index.ts';
import { useMe } from '../shared/session.ts';
import { useEnum } from '../shared/useEnum.ts';
import { userKinds } from '../shared/enums.ts';
import { consoleMessages } from './messages.ts';

/** The signed-in staff member: profile, roles, 2FA state, password change. */
export function AccountPage() {
  const t = useT(consoleMessages);
  const { lang } = useLang();
  const { label } = useEnum();
  const { message } = App.useApp();
  const { data: me } = useMe();
  if (!me) return null;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Card title={t('menuAccount')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('userName')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('displayName')}>{me.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('email')}>{me.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('phone')}>{me.phoneMasked ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('kind')}>{label(userKinds, me.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('grants')}>
            {me.grants.length
              ? me.grants.map((g) => <Tag key={`${g.role}@${g.institutionId}`}>{pick(lang, g.roleName)} · {g.institutionName}</Tag>)
              : t('noGrants')}
          </Descriptions.Item>
          <Descriptions.Item label={t('twoFactor')}>
            {me.totpEnabled ? <Tag color="green">{t('enabled')}</Tag> : <Tag>{t('notEnabled')}</Tag>}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('changePassword')}>
        <ChangePasswordForm staff username={me.username} onAnswer={() => message.success(t('saved'))} />
      </Card>
    </Flex>
  );
}
