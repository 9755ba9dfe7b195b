import { App, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useUpdateUser } from './api.ts';
import { userMessages } from './messages.ts';
import { mobilePattern } from './rules.ts';
import type { User } from './types.ts';

interface Values {
  displayName: string;
  email?: string;
  phone?: string;
}

/** Edit name, e-mail and phone (the phone is shown masked, so it is only sent when typed anew). */
export function UserEditModal({ open, onClose, user }: { open: boolean; onClose: () => void; user: User }) {
  const t = useT(userMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const update = useUpdateUser(user.id);

  useEffect(() => {
    if (open) form.setFieldsValue({ displayName: user.displayName, email: user.email ?? '', phone: '' });
  }, [open, user, form]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await update.mutateAsync({
        displayName: v.displayName.trim(),
        email: v.email?.trim() || null,
        ...(v.phone ? { phone: v.phone } : {}),
      });
      message.success(t('saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Modal open={open} title={t('editUser')} onCancel={onClose} onOk={onOk} okText={t('save')}
      okButtonProps={{ loading: update.isPending, 'data-testid': 'user-edit-save' } as never}>
      <Form form={form} layout="vertical" data-testid="user-edit-form">
        <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }, { max: 50 }]}>
          <Input data-testid="user-edit-displayName" />
        </Form.Item>
        <Form.Item name="email" label={t('email')} rules={[{ type: 'email', message: t('emailInvalid') }]}>
          <Input data-testid="user-edit-email" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} extra={user.phoneMasked ?? undefined} rules={[{ pattern: mobilePattern, message: t('phoneInvalid') }]}>
          <Input inputMode="tel" maxLength={11} data-testid="user-edit-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
