import { Button, Form, Input, Select, Space } from 'antd';
import { userKinds, userStatuses } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { userMessages } from './messages.ts';
import { InstitutionPicker, RoleSelect } from './RoleSelect.tsx';
import type { UserFilters } from './types.ts';

export function UserFilterBar({ onChange }: { onChange: (f: UserFilters) => void }) {
  const t = useT(userMessages);
  const { options } = useEnum();
  const [form] = Form.useForm<UserFilters>();
  const item = { style: { marginBottom: 8 } };
  return (
    <Form form={form} layout="inline" onFinish={onChange} data-testid="user-filters">
      <Form.Item name="q" {...item}>
        <Input allowClear placeholder={t('keyword')} style={{ width: 200 }} data-testid="user-filter-q" />
      </Form.Item>
      <Form.Item name="role" {...item}>
        <RoleSelect allowClear placeholder={t('role')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="institutionId" {...item}>
        <InstitutionPicker allowClear placeholder={t('institution')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="kind" {...item}>
        <Select allowClear placeholder={t('kind')} options={options(userKinds).filter((o) => o.value !== 'applicant')} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="status" {...item}>
        <Select allowClear placeholder={t('status')} options={options(userStatuses)} style={{ width: 110 }} />
      </Form.Item>
      <Space {...item}>
        <Button type="primary" htmlType="submit">{t('search')}</Button>
        <Button onClick={() => { form.resetFields(); onChange({}); }}>{t('reset')}</Button>
      </Space>
    </Form>
  );
}
