import type { CaseEvent } from '@yuanzhi/domain';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { applyServerErrors, errorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTransition } from './api.ts';
import { buildPayload, dangerEvents, eventFields, serverFieldRename } from './eventForms.ts';
import { eventLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import { PayloadInput } from './PayloadInput.tsx';
import type { Case } from './types.ts';

/**
 * The modal of one event: it asks exactly the payload the event takes. A refusal (409/422) shows the
 * server's message in the current language, on the field it names or at the top of the modal.
 */
export function ActionModal({ c, event, onClose }: { c: Case; event: CaseEvent; onClose: () => void }) {
  const t = useT(caseMessages);
  const { lang } = useLang();
  const { label } = useEnum();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, string>>();
  const [error, setError] = useState<unknown>(null);
  const run = useTransition(c.id);
  const fields = eventFields[event];
  const name = label(eventLabels, event);

  const submit = (values: Record<string, string>) => {
    setError(null);
    run.mutate({ event, payload: buildPayload(event, values), expectedVersion: c.version }, {
      onSuccess: () => { message.success(t('eventDone', { e: name })); onClose(); },
      onError: (err) => { if (!applyServerErrors(form, err, lang, serverFieldRename)) setError(err); },
    });
  };

  return (
    <Modal
      open
      title={name}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      okText={name}
      okButtonProps={{ danger: dangerEvents.includes(event), 'data-testid': 'action-submit' }}
      cancelButtonProps={{ 'data-testid': 'action-cancel' }}
      destroyOnHidden
      data-testid={`action-modal-${event}`}
    >
      {error !== null && <Alert type="error" showIcon title={errorText(error, lang)} style={{ marginBottom: 12 }} data-testid="action-error" />}
      {fields.length === 0 && <Typography.Paragraph>{t('confirmEvent', { e: name })}</Typography.Paragraph>}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={event === 'accept' ? { track: c.track } : undefined}>
        {fields.map((f) => (
          <Form.Item key={f.name} name={f.name} label={t(f.label as never)}
            extra={f.name === 'bodyName' ? t('fReferHint') : undefined}
            rules={f.required ? [{ required: true, whitespace: true, message: t('fRequired', { f: t(f.label as never) }) }] : []}>
            <PayloadInput field={f} c={c} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
