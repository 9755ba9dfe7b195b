import { App, Button, Form, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { resetPassword, type CodeChannel } from './api.ts';
import { ContactFields } from './ContactFields.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { registerMessages } from './registerMessages.ts';

interface Values {
  channel: CodeChannel;
  phone?: string;
  email?: string;
  code: string;
  newPassword: string;
}

/** 找回密码: a code to the registered phone or e-mail, then a new password. */
export function ResetPasswordForm({ onDone }: { onDone: () => void }) {
  const t = useT(registerMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const channel = Form.useWatch('channel', form);
  const rename = useMemo(() => ({ target: channel === 'email' ? 'email' : 'phone' }), [channel]);
  const onError = useFormErrors(form, rename);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      const target = (v.channel === 'sms' ? v.phone : v.email)!.trim();
      await resetPassword(v.channel, target, v.code, v.newPassword);
      message.success(t('resetDone'));
      onDone();
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ channel: 'sms' }} data-testid="reset-form">
      <Typography.Paragraph type="secondary">{t('resetHint')}</Typography.Paragraph>
      <ContactFields purpose="reset_password" />
      <NewPasswordFields name="newPassword" />
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="reset-submit">
        {t('submit')}
      </Button>
    </Form>
  );
}
