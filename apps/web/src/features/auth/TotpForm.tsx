import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useT } from '../../shared/i18n/index.ts';
import type { AuthAnswer } from '../../shared/session.ts';
import { verifyMfa } from './api.ts';
import { authMessages } from './messages.ts';

export const totpRules = (msg: string) => [{ required: true, pattern: /^\d{6}$/, message: msg }];

/** The 6-digit code of an already enrolled authenticator. */
export function TotpForm({ onAnswer }: { onAnswer: (a: AuthAnswer) => void }) {
  const t = useT(authMessages);
  const [form] = Form.useForm<{ code: string }>();
  const onError = useFormErrors(form);
  const [busy, setBusy] = useState(false);
  const onFinish = async ({ code }: { code: string }) => {
    setBusy(true);
    try {
      onAnswer(await verifyMfa(code));
    } catch (err) {
      form.setFieldValue('code', '');
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      <Typography.Paragraph type="secondary">{t('mfaHint')}</Typography.Paragraph>
      <Form.Item name="code" label={t('totpCode')} rules={totpRules(t('totpInvalid'))}>
        <Input size="large" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus data-testid="totp-code" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="totp-submit">
        {t('verify')}
      </Button>
    </Form>
  );
}
