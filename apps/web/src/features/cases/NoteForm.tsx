import { App, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useAddNote } from './api.ts';
import { contactMethodLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import type { CaseNote, NoteInput } from './types.ts';

interface Values {
  body: string;
  dueOn?: Dayjs | null;
  contactMethod?: string;
  contactedAt?: Dayjs | null;
}

/** Adds a note, a task (with a due date) or a contact log entry (method, when). */
export function NoteForm({ caseId, kind }: { caseId: string; kind: CaseNote['kind'] }) {
  const t = useT(caseMessages);
  const { options } = useEnum();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form);
  const add = useAddNote(caseId);
  const onFinish = (v: Values) => {
    const body = v.body.trim();
    const input: NoteInput =
      kind === 'task' ? { kind, body, ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}) }
        : kind === 'contact' ? { kind, body, contactMethod: v.contactMethod!, ...(v.contactedAt ? { contactedAt: v.contactedAt.toISOString() } : {}) }
          : { kind, body };
    add.mutate(input, { onSuccess: () => { form.resetFields(); message.success(t('saved')); }, onError });
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} data-testid={`note-form-${kind}`}>
      <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('noteBodyRequired') }]} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} placeholder={t('noteBody')} data-testid={`note-body-${kind}`} />
      </Form.Item>
      <Space wrap align="start">
        {kind === 'task' && (
          <Form.Item name="dueOn" style={{ marginBottom: 8 }}>
            <DatePicker placeholder={t('taskDue')} data-testid="note-dueOn" />
          </Form.Item>
        )}
        {kind === 'contact' && (
          <>
            <Form.Item name="contactMethod" rules={[{ required: true, message: t('contactMethodRequired') }]} style={{ marginBottom: 8 }}>
              <Select placeholder={t('contactMethod')} options={options(contactMethodLabels)} style={{ width: 140 }} data-testid="note-contactMethod" />
            </Form.Item>
            <Form.Item name="contactedAt" style={{ marginBottom: 8 }}>
              <DatePicker showTime placeholder={t('contactedAt')} data-testid="note-contactedAt" />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="note-add">{t('addNote')}</Button>
      </Space>
    </Form>
  );
}
