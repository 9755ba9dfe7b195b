import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useShowError } from '../../shared/useApplyErrors.ts';
import { revealParty } from './api.ts';
import { caseMessages } from './messages.ts';
import type { RevealField } from './types.ts';

interface Props {
  caseId: string;
  partyId: string;
  field: RevealField;
  masked: string | null;
  allowed: boolean;
}

/** A masked personal field; with `abilities.revealPii`, after a confirmation, the full value (audited by the server). */
export function RevealValue({ caseId, partyId, field, masked, allowed }: Props) {
  const t = useT(caseMessages);
  const { modal } = App.useApp();
  const showError = useShowError();
  const [full, setFull] = useState<string | null>(null);
  if (!masked) return <>—</>;
  const ask = () =>
    modal.confirm({
      title: t('revealConfirm'),
      okButtonProps: { 'data-testid': 'reveal-confirm' },
      onOk: () => revealParty(caseId, partyId, field).then((r) => setFull(r.data.value ?? ''), showError),
    });
  return (
    <Space size={4} wrap>
      <Typography.Text copyable={!!full} data-testid={`party-${field}-${partyId}`}>{full ?? masked}</Typography.Text>
      {allowed && full === null && (
        <Button size="small" type="link" icon={<EyeOutlined />} onClick={ask} data-testid={`reveal-${field}-${partyId}`}>
          {t('reveal')}
        </Button>
      )}
    </Space>
  );
}
