import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, QRCode, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import type { AuthAnswer } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { enableMfa, setupMfa } from './api.ts';
import { authMessages } from './messages.ts';
import { totpRules } from './TotpForm.tsx';

/** TOTP enrolment: the otpauth URL as a QR code, the secret as text, then a first code to confirm. */
export function TotpEnrol({ onAnswer }: { onAnswer: (a: AuthAnswer) => void }) {
  const t = useT(authMessages);
  const errText = useErrorText();
  const [form] = Form.useForm<{ code: string }>();
  const onError = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const setup = useQuery({ queryKey: ['auth', 'mfa-setup'], queryFn: setupMfa, staleTime: Infinity, gcTime: 0, retry: false });

  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      onAnswer(await enableMfa(code));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  if (setup.isPending) return <Spin />;
  if (setup.isError) return <Alert type="error" title={errText(setup.error)} showIcon />;
  const { secret, otpauthUrl } = setup.data.data;
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('enrolHint')}</Typography.Paragraph>
      <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
        <QRCode value={otpauthUrl} size={180} data-testid="totp-qr" />
        <Typography.Text type="secondary">{t('secretLabel')}</Typography.Text>
        <Typography.Text code copyable data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Text>
        <input type="hidden" data-testid="totp-otpauth" value={otpauthUrl} readOnly />
      </Flex>
      <Form.Item name="code" label={t('totpCode')} rules={totpRules(t('totpInvalid'))}>
        <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} data-testid="totp-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="totp-submit">
        {t('enable')}
      </Button>
    </Form>
  );
}
