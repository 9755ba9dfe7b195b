import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useShowError } from '../../shared/useApplyErrors.ts';
import { revealPhone } from './api.ts';
import { userMessages } from './messages.ts';

/** The masked phone, and — with pii.reveal, after a confirmation — the full number (audited server-side). */
export function RevealPhone({ userId, masked, allowed }: { userId: string; masked: string | null; allowed: boolean }) {
  const t = useT(userMessages);
  const { modal } = App.useApp();
  const showError = useShowError();
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <>—</>;
  const ask = () =>
    modal.confirm({
      title: t('revealConfirm'),
      onOk: () => revealPhone(userId).then((r) => setFull(r.data.phone), showError),
    });
  return (
    <Space>
      <Typography.Text copyable={!!full} data-testid="user-phone-value">{full ?? masked}</Typography.Text>
      {allowed && !full && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={ask} data-testid="user-reveal-phone">
          {t('reveal')}
        </Button>
      )}
    </Space>
  );
}
