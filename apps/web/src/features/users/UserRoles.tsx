import { App, Button, Flex, Form, Popconfirm, Tag } from 'antd';
import { roles as roleLabels } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors, useShowError } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useAddRole, useRemoveRole } from './api.ts';
import { userMessages } from './messages.ts';
import { InstitutionPicker, RoleSelect } from './RoleSelect.tsx';
import { breaksSeparation } from './rules.ts';
import type { User } from './types.ts';

/** The user's role grants; add and remove when allowed. */
export function UserRoles({ user, editable }: { user: User; editable: boolean }) {
  const t = useT(userMessages);
  const { label } = useEnum();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ role: string; institutionId: string }>();
  const onError = useFormErrors(form);
  const showError = useShowError();
  const add = useAddRole(user.id);
  const remove = useRemoveRole(user.id);

  const onAdd = async (v: { role: string; institutionId: string }) => {
    if (breaksSeparation([...user.grants.map((g) => g.role), v.role])) {
      form.setFields([{ name: 'role', errors: [t('separatedRoles')] }]);
      return;
    }
    try {
      await add.mutateAsync(v);
      message.success(t('roleAdded'));
      form.resetFields();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={4} data-testid="user-grants">
        {user.grants.length === 0 && <span>{t('none')}</span>}
        {user.grants.map((g) => (
          <Tag key={g.id} color="blue" style={{ padding: '2px 6px' }}>
            {label(roleLabels, g.role)} · {g.institutionName}
            {editable && (
              <Popconfirm title={t('removeRoleConfirm')} onConfirm={() => remove.mutateAsync(g.id).then(() => void message.success(t('roleRemoved')), showError)}>
                <Button type="link" size="small" danger data-testid={`remove-role-${g.id}`}>{t('remove')}</Button>
              </Popconfirm>
            )}
          </Tag>
        ))}
      </Flex>
      {editable && (
        <Form form={form} layout="inline" onFinish={onAdd} data-testid="add-role-form">
          <Form.Item name="role" rules={[{ required: true, message: t('roleRequired') }]} style={{ marginBottom: 8 }}>
            <RoleSelect placeholder={t('role')} style={{ width: 160 }} data-testid="add-role-role" />
          </Form.Item>
          <Form.Item name="institutionId" rules={[{ required: true, message: t('institutionRequired') }]} style={{ marginBottom: 8 }}>
            <InstitutionPicker placeholder={t('institution')} style={{ width: 220 }} data-testid="add-role-institution" />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending} data-testid="add-role-submit">{t('addRole')}</Button>
        </Form>
      )}
    </Flex>
  );
}
