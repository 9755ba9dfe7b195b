import { FileWordOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, InputNumber, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { postForBlob, saveFile } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useInstitutionOptions } from '../institutions/useInstitutionOptions.ts';
import { statsMessages } from './messages.ts';

/** 年度进展报告: generated from the records and the accepted returns, as .docx (to edit) or PDF. */
export function ReportCard() {
  const t = useT(statsMessages);
  const can = useCan();
  const { message } = App.useApp();
  const errText = useErrorText();
  const inst = useInstitutionOptions();
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const [institutionId, setInstitutionId] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  if (!can('stats.report')) return null;
  const generate = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      const blob = await postForBlob('/api/stats/report', { year, format, ...(institutionId ? { institutionId } : {}) });
      saveFile(blob, `${year}年知识产权维权援助工作进展报告.${format}`);
    } catch (e) { message.error(errText(e)); } finally { setBusy(null); }
  };
  return (
    <Card size="small" title={t('report')} data-testid="stats-report">
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('reportYear')}</Typography.Text>
        <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} data-testid="report-year" />
        <TreeSelect allowClear showSearch treeNodeFilterProp="title" treeDefaultExpandAll style={{ width: 280 }} placeholder={t('wholeScope')}
          value={institutionId} onChange={setInstitutionId} treeData={inst.options} data-testid="report-scope" />
        <Button type="primary" icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => generate('docx')} data-testid="report-docx">{t('generate')} .docx</Button>
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => generate('pdf')} data-testid="report-pdf">PDF</Button>
      </Flex>
    </Card>
  );
}
