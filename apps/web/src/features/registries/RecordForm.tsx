import { App, Button, Form, Space } from 'antd';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useSave } from './api.ts';
import { InstitutionPicker } from '../users/RoleSelect.tsx';
import { FieldInput } from './FieldInput.tsx';
import { registryMessages } from './messages.ts';
import type { Rec, RegistryUi } from './types.ts';

/** Create (no record) or edit a registry record; rules run as the user types, server field errors land on their fields. */
export function RecordForm({ ui, rec, done }: { ui: RegistryUi; rec?: Rec; done: (id: string) => void }) {
  const t = useT(registryMessages);
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const { message } = App.useApp();
  const save = useSave(ui.api);
  const institutionId = Form.useWatch('institutionId', form) as string | undefined;
  const fields = ui.fields.filter((f) => !f.readOnly && !(rec && f.createOnly));
  const initial = rec ? (ui.toForm?.(rec) ?? Object.fromEntries(fields.map((f) => [f.key, rec[f.key]]))) : ui.fixed ?? {};
  return (
    <Form form={form} layout="vertical" initialValues={initial} data-testid={`${ui.key}-form`}
      onFinish={async (v) => {
        const values = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' || x === undefined ? null : x]));
        const body = ui.toBody ? ui.toBody(values, rec) : values;
        try {
          const r = await save.mutateAsync({ id: rec?.id, body: rec ? { ...body, version: rec.version } : { ...ui.fixed, ...body } });
          message.success(t('saved'));
          done(r.data.id);
        } catch (err) {
          onError(err);
        }
      }}>
      {!rec && (
        <Form.Item name="institutionId" label={t('institution')} extra={t('institutionHint')}>
          <InstitutionPicker allowClear data-testid={`${ui.key}-institution`} />
        </Form.Item>
      )}
      {fields.map((f) => <FieldInput key={f.key} f={f} institutionId={institutionId ?? rec?.institutionId} />)}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={`${ui.key}-save`}>{t('save')}</Button>
      </Space>
    </Form>
  );
}
