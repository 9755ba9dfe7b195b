import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, type ImportRowError } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useImportInstitutions } from './api.ts';
import { institutionMessages } from './messages.ts';

/** Upload an .xlsx; a 422 `import_invalid` lists the bad rows, and nothing was imported. */
export function ImportButton() {
  const t = useT(institutionMessages);
  const bi = useBi();
  const errText = useErrorText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<ImportRowError[] | null>(null);
  const [rowsTitle, setRowsTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const imp = useImportInstitutions();

  const upload = async (file: File) => {
    setRows(null);
    setError(null);
    try {
      const r = await imp.mutateAsync(file);
      message.success(t('imported', { n: r.data.imported }));
      setOpen(false);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'import_invalid' && Array.isArray(err.extra.rows)) {
        setRows(err.extra.rows as ImportRowError[]);
        setRowsTitle(errText(err));
      } else setError(errText(err));
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)} data-testid="institution-import">
        {t('import')}
      </Button>
      <Modal open={open} title={t('importTitle')} onCancel={() => setOpen(false)} footer={null} width={720}>
        <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={imp.isPending} data-testid="institution-import-file">
            {t('chooseFile')}
          </Button>
        </Upload>
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
        {rows && (
          <>
            <Alert type="error" showIcon title={rowsTitle || t('importErrors')} style={{ margin: '16px 0 8px' }} />
            <Table<ImportRowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.field}-${r.message}`}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10 } : false}
              data-testid="import-errors"
              columns={[
                { title: t('row'), dataIndex: 'row', width: 70 },
                { title: t('field'), dataIndex: 'field', width: 140 },
                { title: t('problem'), render: (_, r) => bi(r.message, r.messageEn) },
              ]}
            />
          </>
        )}
      </Modal>
    </>
  );
}
