import { Button, Divider, Form, Input, InputNumber, Table, message } from 'antd';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEventWrite, writes, type EventDetail } from './api.ts';
import { eventMessages } from './messages.ts';

/** Consultations answered at the desk, counted by topic and day (names are not taken at a busy desk). */
export function ConsultationTally({ event, desk }: { event: EventDetail; desk: boolean }) {
  const t = useT(eventMessages);
  const errText = useErrorText();
  const [form] = Form.useForm();
  const save = useEventWrite(event.id, writes(event.id).consultations);
  const submit = async (v: { onDate?: string; topic: string; count: number }) => {
    try {
      await save.mutateAsync({ ...v, onDate: v.onDate || undefined });
      form.resetFields(['topic', 'count']);
    } catch (e) {
      message.error(errText(e));
    }
  };
  return (
    <>
      <Divider titlePlacement="start">{t('tallyTitle')}</Divider>
      {desk && (
        <Form form={form} layout="inline" onFinish={submit} initialValues={{ count: 1 }} style={{ marginBottom: 12 }} data-testid="tally-form">
          <Form.Item name="onDate"><Input type="date" min={event.startsOn} max={event.endsOn} aria-label={t('day')} /></Form.Item>
          <Form.Item name="topic" rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}><Input placeholder={t('topic')} style={{ width: 200 }} /></Form.Item>
          <Form.Item name="count" rules={[{ required: true, message: t('required') }]}><InputNumber min={1} max={10000} style={{ width: 90 }} aria-label={t('count')} /></Form.Item>
          <Button htmlType="submit" loading={save.isPending}>{t('record')}</Button>
        </Form>
      )}
      <Table rowKey="id" size="small" pagination={false} dataSource={event.consultations} style={{ maxWidth: 560 }}
        columns={[{ title: t('day'), dataIndex: 'onDate', width: 120 }, { title: t('topic'), dataIndex: 'topic' }, { title: t('count'), dataIndex: 'count', width: 80 }]} />
    </>
  );
}
