import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Progress, Table, Typography, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { InstitutionPicker } from '../users/RoleSelect.tsx';
import { importStatus, uploadImport, type ImportStatus } from './api.ts';
import { registryMessages } from './messages.ts';
import type { ImportUi } from './types.ts';

const ENDED = ['done', 'invalid', 'failed'];

/** Upload an .xlsx; small files answer at once, large ones are polled until the job ends. Bad rows are listed by number. */
export function RegistryImport({ ui }: { ui: ImportUi }) {
  const t = useT(registryMessages);
  const bi = useBi();
  const errText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<ImportStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [into, setInto] = useState<string | undefined>();
  const label = (field: string) => {
    const f = ui.fields.find((x) => x.key === field);
    return f ? bi(f.zh, f.en) : field;
  };

  const upload = async (file: File) => {
    setStatus(null);
    setError(null);
    setBusy(true);
    try {
      let s = await uploadImport(ui.api, file, into);
      setStatus(s);
      while (!ENDED.includes(s.status)) {
        await new Promise((r) => setTimeout(r, 700));
        s = await importStatus(ui.api, s.id);
        setStatus(s);
      }
      if (s.status === 'done') {
        message.success(t('imported', { n: s.imported }));
        await qc.invalidateQueries({ queryKey: [ui.queryKey ?? ui.api] });
      }
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  };

  const rows = status?.errors ?? [];
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid={`${ui.key}-import`}>{ui.label ? bi(...ui.label) : t('import')}</Button>
      <Modal open={open} title={ui.label ? bi(...ui.label) : `${t('importTitle')} · ${bi(...ui.title)}`} onCancel={() => setOpen(false)} footer={null} width={760}>
        <Typography.Paragraph type="secondary">{bi(...ui.importHint)} {t('importRule')}</Typography.Paragraph>
        <InstitutionPicker allowClear placeholder={t('importInto')} style={{ width: '100%', marginBottom: 12 }} value={into} onChange={setInto} />
        <Upload accept={ui.accept ?? '.xlsx'} showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
          <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid={`${ui.key}-import-file`}>{t('chooseFile')}</Button>
        </Upload>
        {status && !ENDED.includes(status.status) && (
          <div style={{ marginTop: 16 }} data-testid="import-progress">
            {t('importing', { done: status.processed, total: status.total })}
            <Progress percent={Math.floor((100 * status.processed) / Math.max(1, status.total))} />
          </div>
        )}
        {status?.status === 'done' && <Alert type="success" showIcon style={{ marginTop: 16 }} title={t('imported', { n: status.imported })} data-testid="import-done" />}
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid="import-failed" />}
        {(status?.status === 'invalid' || status?.status === 'failed') && (
          <>
            <Alert type="error" showIcon title={t('importErrors')} style={{ margin: '16px 0 8px' }} />
            <Table
              size="small"
              rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              data-testid="import-errors"
              columns={[
                { title: t('row'), dataIndex: 'row', width: 70 },
                { title: t('field'), width: 170, render: (_, r) => `${label(r.field)}（${r.field}）` },
                { title: t('problem'), render: (_, r) => bi(r.message, r.messageEn) },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
