import { UploadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Divider, Form, Input, Space, Table, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useEventWrite, writes, type EventDetail } from './api.ts';
import { eventMessages } from './messages.ts';
import { ScreeningSection } from './ScreeningSection.tsx';

/** Before the event: the pre-event training, exhibitors' commitments (online or uploaded), risk screenings. */
export function PreEventTab({ event, edit }: { event: EventDetail; edit: boolean }) {
  const t = useT(eventMessages);
  const { lang } = useLang();
  const errText = useErrorText();
  const [form] = Form.useForm();
  const [file, setFile] = useState<File | null>(null);
  const w = writes(event.id);
  const sign = useEventWrite(event.id, w.sign);
  const upload = useEventWrite(event.id, w.uploadCommitment);
  const submit = async (v: { exhibitor: string; booth?: string; signerName?: string; agreed?: boolean }) => {
    try {
      if (file) await upload.mutateAsync({ file, exhibitor: v.exhibitor, booth: v.booth });
      else await sign.mutateAsync({ exhibitor: v.exhibitor, booth: v.booth || undefined, signerName: v.signerName, agreed: v.agreed === true });
      form.resetFields();
      setFile(null);
      message.success(t('saved'));
    } catch (e) {
      if (!applyServerErrors(form, e, lang)) message.error(errText(e));
    }
  };
  return (
    <>
      <Typography.Paragraph><b>{t('preTraining')}：</b>{event.preTraining ?? '—'}</Typography.Paragraph>
      <Divider titlePlacement="start">{t('commitments')}</Divider>
      {edit && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12, rowGap: 8 }} data-testid="commitment-form">
          <Form.Item name="exhibitor" rules={[{ required: true, whitespace: true, message: t('required') }]}><Input placeholder={t('exhibitor')} style={{ width: 220 }} /></Form.Item>
          <Form.Item name="booth" rules={[{ max: 40 }]}><Input placeholder={t('booth')} style={{ width: 90 }} /></Form.Item>
          {!file && <>
            <Form.Item name="signerName" rules={[{ required: true, whitespace: true, message: t('required') }]}><Input placeholder={t('signer')} style={{ width: 120 }} /></Form.Item>
            <Form.Item name="agreed" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('mustAgree')))) }]}>
              <Checkbox data-testid="commitment-agree">{t('agree')}</Checkbox>
            </Form.Item>
          </>}
          <Space>
            <Upload beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(null)} maxCount={1} fileList={file ? [{ uid: '1', name: file.name }] : []}>
              <Button icon={<UploadOutlined />}>{t('uploadSigned')}</Button>
            </Upload>
            <Button type="primary" htmlType="submit" loading={sign.isPending || upload.isPending}>{file ? t('upload') : t('signOnline')}</Button>
          </Space>
        </Form>
      )}
      <Table
        rowKey="id" size="small" pagination={false} dataSource={event.commitments} data-testid="commitment-table"
        columns={[
          { title: t('exhibitor'), dataIndex: 'exhibitor' },
          { title: t('booth'), dataIndex: 'booth', width: 90 },
          { title: t('method'), width: 180, render: (_, r) => (r.file ? <a href={`/api/events/${event.id}/commitments/${r.id}/file`}>{r.file.name}</a> : `${t('online')} · ${r.signerName}`) },
          { title: t('signedAt'), width: 170, render: (_, r) => new Date(r.signedAt).toLocaleString('zh-CN', { hour12: false }) },
        ]}
      />
      <ScreeningSection event={event} edit={edit} />
    </>
  );
}
