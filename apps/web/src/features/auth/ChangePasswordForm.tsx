import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import type { AuthAnswer } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { changePassword } from './api.ts';
import { authMessages } from './messages.ts';
import { PasswordRules, usePasswordValidator } from './PasswordRules.tsx';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Forced (or voluntary) password change with live rule checks. */
export function ChangePasswordForm(props: {
  onAnswer: (a: AuthAnswer) => void;
  /** The password just typed at sign-in, so it need not be asked again. */
  knownPassword?: string;
  staff: boolean;
  username?: string | null;
  forced?: boolean;
}) {
  const t = useT(authMessages);
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const pw = Form.useWatch('newPassword', form) ?? '';
  const pwValidator = usePasswordValidator(props.staff, props.username);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: Values) => {
    setBusy(true);
    try {
      props.onAnswer(await changePassword(props.knownPassword ?? v.currentPassword, v.newPassword));
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
      {props.forced && <Typography.Paragraph type="secondary">{t('changePwHint')}</Typography.Paragraph>}
      {props.knownPassword === undefined && (
        <Form.Item name="currentPassword" label={t('currentPassword')} rules={[{ required: true, message: t('passwordRequired') }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
      )}
      <Form.Item
        name="newPassword"
        label={t('newPassword')}
        style={{ marginBottom: 4 }}
        rules={[
          { required: true, message: t('passwordRequired') },
          { validator: pwValidator },
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <PasswordRules value={pw} staff={props.staff} username={props.username} />
      <Form.Item
        name="confirm"
        label={t('confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('passwordRequired') },
          ({ getFieldValue }) => ({
            validator: async (_r, v: string) => (!v || v === getFieldValue('newPassword') ? undefined : Promise.reject(new Error(t('mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="new-password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="change-password-submit">
        {t('save')}
      </Button>
    </Form>
  );
}
