import { Form, Input } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { authMessages } from './messages.ts';
import { PasswordRules, usePasswordValidator } from './PasswordRules.tsx';

/** `password` + `confirm` with live rule checks (applicant rules unless `staff`). */
export function NewPasswordFields({ name = 'password', staff = false, label }: { name?: string; staff?: boolean; label?: string }) {
  const t = useT(authMessages);
  const form = Form.useFormInstance();
  const pw = Form.useWatch(name, form) ?? '';
  const pwValidator = usePasswordValidator(staff);
  return (
    <>
      <Form.Item name={name} label={label ?? t('password')} style={{ marginBottom: 4 }}
        rules={[
          { required: true, message: t('passwordRequired') },
          { validator: pwValidator },
        ]}>
        <Input.Password autoComplete="new-password" data-testid="new-password" />
      </Form.Item>
      <PasswordRules value={pw} staff={staff} />
      <Form.Item name="confirm" label={t('confirmPassword')} dependencies={[name]}
        rules={[
          { required: true, message: t('passwordRequired') },
          ({ getFieldValue }) => ({ validator: async (_r, v: string) => { if (v && v !== getFieldValue(name)) throw new Error(t('mismatch')); } }),
        ]}>
        <Input.Password autoComplete="new-password" data-testid="new-password-confirm" />
      </Form.Item>
    </>
  );
}
