import { App, Form, Input, Modal } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { PasswordRules, usePasswordValidator } from '../auth/PasswordRules.tsx';
import { useResetPassword } from './api.ts';
import { userMessages } from './messages.ts';
import type { User } from './types.ts';

/** Set a new password the user must change at next sign-in. */
export function ResetPasswordModal({ open, onClose, user }: { open: boolean; onClose: () => void; user: User }) {
  const t = useT(userMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const onError = useFormErrors(form);
  const reset = useResetPassword(user.id);
  const pw = Form.useWatch('password', form) ?? '';
  const pwValidator = usePasswordValidator(true, user.username);
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await reset.mutateAsync(v.password);
      message.success(t('passwordReset'));
      form.resetFields();
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal open={open} title={t('resetPasswordTitle', { name: user.displayName })} onCancel={onClose} onOk={onOk}
      okText={t('resetPassword')} okButtonProps={{ loading: reset.isPending, 'data-testid': 'reset-password-save' } as never}>
      <Form form={form} layout="vertical">
        <Form.Item name="password" label={t('newPassword')} style={{ marginBottom: 4 }}
          rules={[{ required: true, message: t('required') }, { validator: pwValidator }]}>
          <Input.Password autoComplete="new-password" data-testid="reset-password-input" />
        </Form.Item>
        <PasswordRules value={pw} staff username={user.username} />
      </Form>
    </Modal>
  );
}
