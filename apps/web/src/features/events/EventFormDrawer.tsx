import { eventKinds } from '@yuanzhi/contracts';
import { Button, Drawer, Form, Input, InputNumber, Select, message } from 'antd';
import { useNavigate } from 'react-router';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { useCandidates, useCreateEvent, useEventWrite, writes, type EventItem } from './api.ts';
import { eventMessages } from './messages.ts';

/** Register an event, or edit one (with its version); the fields validate as they are typed, the server's field errors land on the fields. */
export function EventFormDrawer({ open, onClose, event }: { open: boolean; onClose: () => void; event?: EventItem }) {
  const t = useT(eventMessages);
  const { lang } = useLang();
  const errText = useErrorText();
  const label = useLabel();
  const [form] = Form.useForm();
  const create = useCreateEvent();
  const update = useEventWrite(event?.id ?? '', writes(event?.id ?? '').update);
  const institutions = useCandidates(open && !event).data?.data.institutions ?? [];
  const navigate = useNavigate();
  const req = [{ required: true, whitespace: true, message: t('required') }];
  const submit = async (v: Record<string, unknown>) => {
    try {
      const body = { ...v, expectedExhibitors: v.expectedExhibitors ?? null };
      if (event) {
        await update.mutateAsync({ ...body, version: event.version });
        message.success(t('saved'));
        onClose();
        return;
      }
      const r = await create.mutateAsync(body);
      message.success(t('saved'));
      onClose();
      form.resetFields();
      navigate(`/events/${r.data.id}`);
    } catch (e) {
      if (!applyServerErrors(form, e, lang)) message.error(errText(e));
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={event ? t('editEvent') : t('newEvent')} size="large" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="event-form" initialValues={event && {
        name: event.name, kind: event.kind, venue: event.venue, startsOn: event.startsOn, endsOn: event.endsOn, organiser: event.organiser,
        expectedExhibitors: event.expectedExhibitors, preTraining: event.preTraining, notes: event.notes,
      }}>
        {!event && (
          <Form.Item name="institutionId" label={t('institution')} extra={t('institutionHint')}>
            <Select allowClear showSearch optionFilterProp="label" options={institutions.map((i) => ({ value: i.id, label: i.name }))} data-testid="event-institution" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('name')} rules={[...req, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}>
          <Select options={eventKinds.map((k) => ({ value: k.value, label: label(eventKinds, k.value) }))} />
        </Form.Item>
        <Form.Item name="venue" label={t('venue')} rules={[...req, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="startsOn" label={t('startsOn')} rules={[{ required: true, message: t('required') }]}><Input type="date" /></Form.Item>
        <Form.Item
          name="endsOn" label={t('endsOn')} dependencies={['startsOn']}
          rules={[{ required: true, message: t('required') }, ({ getFieldValue }) => ({
            validator: (_, v) => (!v || !getFieldValue('startsOn') || v >= getFieldValue('startsOn') ? Promise.resolve() : Promise.reject(new Error(t('endBeforeStart')))),
          })]}
        ><Input type="date" /></Form.Item>
        <Form.Item name="organiser" label={t('organiser')} rules={[...req, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="expectedExhibitors" label={t('expectedExhibitors')}><InputNumber min={0} max={100000} style={{ width: 160 }} /></Form.Item>
        <Form.Item name="preTraining" label={t('preTraining')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="notes" label={t('notes')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="event-save">{t('save')}</Button>
      </Form>
    </Drawer>
  );
}
