import { App, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useCloseInstitution } from './api.ts';
import { institutionMessages } from './messages.ts';

/** Close an institution, with a reason (the server refuses while it has active children or users). */
export function CloseModal({ open, onClose, id, name }: { open: boolean; onClose: () => void; id: string; name: string }) {
  const t = useT(institutionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const onError = useFormErrors(form);
  const close = useCloseInstitution(id);
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await close.mutateAsync(v.reason.trim());
      message.success(t('closedOk'));
      form.resetFields();
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t('closeTitle', { name })}
      onCancel={onClose}
      onOk={onOk}
      okText={t('closeAction')}
      okButtonProps={{ danger: true, loading: close.isPending, 'data-testid': 'institution-close-confirm' } as never}

    >
      <Typography.Paragraph type="secondary">{t('closeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { min: 2, message: t('tooShort', { n: 2 }) }, { max: 500, message: t('tooLong', { n: 500 }) }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} data-testid="institution-close-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
