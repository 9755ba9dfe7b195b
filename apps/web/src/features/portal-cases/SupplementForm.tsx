import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useSupplement } from './api.ts';
import { portalCaseMessages } from './messages.ts';
import type { PortalCase } from './types.ts';

/** 补正: the institution's request for material and a reply with files and a note. */
export function SupplementForm({ c }: { c: PortalCase }) {
  const t = useT(portalCaseMessages);
  const errText = useErrorText();
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [note, setNote] = useState('');
  const [needFile, setNeedFile] = useState(false);
  const send = useSupplement(c.id);
  const submit = () => {
    const list = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    if (!list.length) return setNeedFile(true);
    send.mutate({ files: list, note: note.trim() || undefined }, {
      onSuccess: () => { setFiles([]); setNote(''); void message.success(t('supplementSent')); },
    });
  };
  return (
    <Card title={t('supplementTitle')} size="small" data-testid="supplement-card" style={{ borderColor: '#faad14' }}>
      {c.supplementRequest?.text && (
        <Alert type="warning" showIcon title={<span style={{ whiteSpace: 'pre-wrap' }} data-testid="supplement-request">{c.supplementRequest.text}</span>} style={{ marginBottom: 12 }} />
      )}
      <Form layout="vertical" onFinish={submit}>
        <Form.Item label={t('supplementFiles')} validateStatus={needFile ? 'error' : undefined} help={needFile ? t('supplementNeedFile') : undefined}>
          <Upload multiple fileList={files} beforeUpload={() => false} maxCount={10}
            onChange={({ fileList }) => { setFiles(fileList); setNeedFile(false); }}>
            <Button icon={<UploadOutlined />} data-testid="supplement-files">{t('supplementFiles')}</Button>
          </Upload>
        </Form.Item>
        <Form.Item label={t('supplementNote')}>
          <Input.TextArea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="supplement-note" />
        </Form.Item>
        {send.error && <Alert type="error" showIcon title={errText(send.error)} style={{ marginBottom: 12 }} data-testid="supplement-error" />}
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="supplement-submit">{t('supplementSend')}</Button>
      </Form>
    </Card>
  );
}
