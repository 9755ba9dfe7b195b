import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ipTypes, riskLevels } from '@yuanzhi/contracts';
import { Button, Divider, Form, Input, List, Select, Space, Tag, message } from 'antd';
import { useState } from 'react';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { screeningReportUrl, useEventWrite, writes, type EventDetail } from './api.ts';
import { eventMessages } from './messages.ts';

/** Risk screenings before the event; each opens as a short printable report. */
export function ScreeningSection({ event, edit }: { event: EventDetail; edit: boolean }) {
  const t = useT(eventMessages);
  const { lang } = useLang();
  const label = useLabel();
  const errText = useErrorText();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const save = useEventWrite(event.id, writes(event.id).screening);
  const req = [{ required: true, whitespace: true, message: t('required') }];
  const submit = async (v: Record<string, unknown>) => {
    try {
      await save.mutateAsync(v);
      form.resetFields();
      setOpen(false);
    } catch (e) {
      if (!applyServerErrors(form, e, lang)) message.error(errText(e));
    }
  };
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  return (
    <>
      <Divider titlePlacement="start">{t('screening')}</Divider>
      <List
        size="small" dataSource={event.screenings} data-testid="screening-list"
        renderItem={(s) => (
          <List.Item actions={[<a key="r" href={screeningReportUrl(event.id, s.id)} target="_blank" rel="noreferrer">{t('report')}</a>]}>
            {s.screenedOn} · {s.scope} · {s.findings.map((f, i) => <Tag key={i} color={f.level === 'high' ? 'red' : f.level === 'medium' ? 'orange' : undefined}>{f.exhibitor}</Tag>)}
          </List.Item>
        )}
      />
      {edit && !open && <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>{t('newScreening')}</Button>}
      {edit && open && (
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ findings: [] }} data-testid="screening-form">
          <Form.Item name="screenedOn" label={t('screenedOn')} rules={[{ required: true, message: t('required') }]}><Input type="date" style={{ width: 180 }} /></Form.Item>
          <Form.Item name="scope" label={t('scope')} rules={[...req, { max: 2000 }]}><Input.TextArea rows={2} /></Form.Item>
          <Form.List name="findings">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'exhibitor']} rules={req}><Input placeholder={t('exhibitor')} /></Form.Item>
                    <Form.Item name={[f.name, 'booth']}><Input placeholder={t('booth')} style={{ width: 80 }} /></Form.Item>
                    <Form.Item name={[f.name, 'ipType']} rules={[{ required: true, message: t('required') }]}><Select placeholder={t('ipType')} style={{ width: 120 }} options={opts(ipTypes)} /></Form.Item>
                    <Form.Item name={[f.name, 'level']} rules={[{ required: true, message: t('required') }]}><Select placeholder={t('level')} style={{ width: 80 }} options={opts(riskLevels)} /></Form.Item>
                    <Form.Item name={[f.name, 'note']} rules={req}><Input placeholder={t('note')} style={{ width: 260 }} /></Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} style={{ marginBottom: 12 }}>{t('addFinding')}</Button>
              </>
            )}
          </Form.List>
          <Form.Item name="conclusion" label={t('conclusion')} rules={[...req, { max: 4000 }]}><Input.TextArea rows={3} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{t('save')}</Button>
        </Form>
      )}
    </>
  );
}
