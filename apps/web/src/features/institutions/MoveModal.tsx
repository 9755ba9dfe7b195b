import { App, Form, Modal, TreeSelect, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useMoveInstitution } from './api.ts';
import { institutionMessages } from './messages.ts';
import { useInstitutionOptions } from './useInstitutionOptions.ts';

/** Move a subtree under a new parent, chosen from the tree without the subtree itself. */
export function MoveModal({ open, onClose, id, name }: { open: boolean; onClose: () => void; id: string; name: string }) {
  const t = useT(institutionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newParentId: string }>();
  const onError = useFormErrors(form);
  const move = useMoveInstitution(id);
  const { options, loading } = useInstitutionOptions(id);
  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await move.mutateAsync(v.newParentId);
      message.success(t('movedOk'));
      form.resetFields();
      onClose();
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Modal
      open={open}
      title={t('moveTitle', { name })}
      onCancel={onClose}
      onOk={onOk}
      okText={t('move')}
      okButtonProps={{ loading: move.isPending, 'data-testid': 'institution-move-confirm' } as never}

    >
      <Typography.Paragraph type="secondary">{t('moveHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="newParentId" label={t('newParent')} rules={[{ required: true, message: t('newParentRequired') }]}>
          <TreeSelect
            treeData={options}
            loading={loading}
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            data-testid="institution-move-parent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
