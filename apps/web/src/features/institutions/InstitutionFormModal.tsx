import { App, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useCreateInstitution, useUpdateInstitution } from './api.ts';
import { InstitutionFields } from './InstitutionFields.tsx';
import { institutionMessages } from './messages.ts';
import type { Institution, InstitutionInput } from './types.ts';

type FormValues = Omit<InstitutionInput, 'establishedOn'> & { establishedOn?: Dayjs | null };

const textFields = ['shortName', 'host', 'regionCode', 'address', 'phone', 'email', 'website', 'hours', 'contactPerson', 'description'] as const;

function toBody(v: FormValues, creating: boolean): InstitutionInput {
  const body: Record<string, unknown> = { ...v, establishedOn: v.establishedOn ? v.establishedOn.format('YYYY-MM-DD') : null };
  body.name = String(v.name ?? '').trim();
  for (const f of textFields) {
    const s = typeof body[f] === 'string' ? (body[f] as string).trim() : body[f];
    // Creating: leave empty optional fields out; editing: send null to clear them.
    if (s === '' || s === undefined || s === null) {
      if (creating) delete body[f];
      else body[f] = null;
    } else body[f] = s;
  }
  if (creating && !body.establishedOn) delete body.establishedOn;
  body.ipTypes = v.ipTypes ?? [];
  body.services = v.services ?? [];
  return body as InstitutionInput;
}

/** Create a child of `parent`, or edit `record`. */
export function InstitutionFormModal(props: {
  open: boolean;
  onClose: () => void;
  parent?: { id: string; name: string };
  record?: Institution;
  onSaved?: (id: string) => void;
}) {
  const t = useT(institutionMessages);
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const onError = useFormErrors(form);
  const create = useCreateInstitution();
  const update = useUpdateInstitution(props.record?.id ?? '');
  const creating = !props.record;

  useEffect(() => {
    if (!props.open) return;
    form.resetFields();
    if (props.record) {
      form.setFieldsValue({ ...props.record, establishedOn: props.record.establishedOn ? dayjs(props.record.establishedOn) : null });
    } else form.setFieldsValue({ ipTypes: [], services: [] });
  }, [props.open, props.record, form]);

  const onOk = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const body = toBody(v, creating);
      const saved = creating
        ? await create.mutateAsync({ ...body, parentId: props.parent!.id })
        : await update.mutateAsync(body);
      message.success(creating ? t('created') : t('saved'));
      props.onSaved?.(saved.data?.id ?? props.record?.id ?? '');
      props.onClose();
    } catch (err) {
      onError(err);
    }
  };

  return (
    <Modal
      open={props.open}
      title={creating ? t('createUnder', { name: props.parent?.name ?? '' }) : t('editTitle')}
      onCancel={props.onClose}
      onOk={onOk}
      okText={t('save')}
      okButtonProps={{ loading: create.isPending || update.isPending, 'data-testid': 'institution-save' } as never}
      width={720}

    >
      <Form form={form} layout="vertical" data-testid="institution-form" requiredMark>
        <InstitutionFields />
      </Form>
    </Modal>
  );
}
