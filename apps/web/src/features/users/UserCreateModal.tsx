import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, Modal, Radio, Row } from 'antd';
import { useEffect } from 'react';
import { userKinds } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { PasswordRules, usePasswordValidator } from '../auth/PasswordRules.tsx';
import { useCreateUser } from './api.ts';
import { userMessages } from './messages.ts';
import { InstitutionPicker, RoleSelect } from './RoleSelect.tsx';
import { mobilePattern, separationRule, usernamePattern } from './rules.ts';
import type { NewUser } from './types.ts';

/** New staff member (or expert, volunteer) with roles at institutions in the caller's scope. */
export function UserCreateModal({ open, onClose, onCreated, defaultInstitutionId }: {
  open: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
  defaultInstitutionId?: string;
}) {
  const t = useT(userMessages);
  const { options } = useEnum();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const onError = useFormErrors(form);
  const create = useCreateUser();
  const pw = Form.useWatch('password', form) ?? '';
  const username = Form.useWatch('username', form);
  const pwValidator = usePasswordValidator(true, username);

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue({ kind: 'staff', roles: [{ role: undefined as never, institutionId: defaultInstitutionId as never }] });
    }
  }, [open, form, defaultInstitutionId]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const body: NewUser = { ...v, username: v.username.trim(), displayName: v.displayName.trim() };
    if (!body.email) delete body.email;
    if (!body.phone) delete body.phone;
    try {
      const r = await create.mutateAsync(body);
      message.success(t('userCreated'));
      onClose();
      if (r.data?.id) onCreated?.(r.data.id);
    } catch (err) {
      onError(err);
    }
  };

  const half = { xs: 24, md: 12 };
  return (
    <Modal
      open={open}
      title={t('createUser')}
      onCancel={onClose}
      onOk={onOk}
      okText={t('save')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'user-save' } as never}
      width={720}

    >
      <Form form={form} layout="vertical" data-testid="user-form">
        <Form.Item name="kind" label={t('kind')}>
          <Radio.Group options={options(userKinds).filter((o) => o.value !== 'applicant')} data-testid="user-kind" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="username" label={t('userName')} rules={[{ required: true, message: t('usernameRequired') }, { pattern: usernamePattern, message: t('usernameRule') }]}>
              <Input autoComplete="off" data-testid="user-username" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true, whitespace: true, message: t('displayNameRequired') }, { max: 50 }]}>
              <Input data-testid="user-displayName" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('email')} rules={[{ type: 'email', message: t('emailInvalid') }]}>
              <Input data-testid="user-email" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('phone')} rules={[{ pattern: mobilePattern, message: t('phoneInvalid') }]}>
              <Input inputMode="tel" maxLength={11} data-testid="user-phone" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="password"
          label={t('initialPassword')}
          extra={t('initialPasswordHint')}
          style={{ marginBottom: 4 }}
          rules={[
            { required: true, message: t('required') },
            { validator: pwValidator },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <PasswordRules value={pw} staff username={username} />
        <Form.List name="roles" rules={[separationRule(t('separatedRoles')), { validator: async (_r, v: unknown[]) => { if (!v?.length) throw new Error(t('rolesRequired')); } }]}>
          {(fields, { add, remove }, { errors }) => (
            <>
              <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('roles')}</div>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} wrap={false} align="top">
                  <Col flex="1 1 40%">
                    <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: t('roleRequired') }]}>
                      <RoleSelect placeholder={t('role')} data-testid={`user-role-${i}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="1 1 60%">
                    <Form.Item name={[f.name, 'institutionId']} rules={[{ required: true, message: t('institutionRequired') }]}>
                      <InstitutionPicker placeholder={t('institution')} style={{ width: '100%' }} data-testid={`user-institution-${i}`} />
                    </Form.Item>
                  </Col>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(f.name)} style={{ marginTop: 9 }} />}
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} data-testid="user-add-role-row">
                {t('addRoleRow')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
