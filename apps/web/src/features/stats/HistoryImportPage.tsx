import { DownloadOutlined } from '@ant-design/icons';
import { historyKinds } from '@yuanzhi/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { get, post } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { RegistryImport } from '../registries/RegistryImport.tsx';
import type { ImportUi } from '../registries/types.ts';
import { historyMessages } from './history.messages.ts';

const API = '/api/stats/history';
const KEY = 'stats-history';

interface ImportItem {
  id: string; institutionName: string; createdByName: string | null; fileName: string | null; status: string; total: number; imported: number;
  createdAt: string; undoneAt: string | null; kinds: { kind: string; count: number; first: string; last: string }[];
}

const ui: ImportUi = {
  key: 'history',
  api: `${API}`,
  title: ['历史数据', 'historical records'],
  queryKey: KEY,
  accept: '.xlsx,.csv',
  label: ['导入 .xlsx / CSV', 'Import .xlsx / CSV'],
  importHint: historyMessages.hint as [string, string],
  fields: [
    { key: 'kind', zh: '记录类型', en: 'Kind' }, { key: 'occurredOn', zh: '日期', en: 'Date' }, { key: 'channel', zh: '受理途径', en: 'Channel' },
    { key: 'ipType', zh: '知识产权类型', en: 'IP type' }, { key: 'applicantKind', zh: '申请人类型', en: 'Applicant kind' },
    { key: 'services', zh: '服务类型', en: 'Services' }, { key: 'overseas', zh: '涉外', en: 'Overseas' }, { key: 'sme', zh: '中小微企业', en: 'SME' },
    { key: 'attendance', zh: '参加人次', en: 'Attendance' }, { key: 'purpose', zh: '分析用途', en: 'Purpose' },
    { key: 'header', zh: '表头', en: 'Header' }, { key: 'row', zh: '整行', en: 'Row' }, { key: 'file', zh: '文件', en: 'File' },
  ],
};

const statusColor: Record<string, string> = { done: 'green', invalid: 'red', failed: 'red' };

/** 历史数据导入: template, upload (bad rows listed, progress for large files), past imports with undo (ADR 0032). */
export function HistoryImportPage() {
  const t = useT(historyMessages);
  const bi = useBi();
  const errText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: [KEY, page], queryFn: () => get<{ data: ImportItem[]; total: number; goLive: { institutionId: string; date: string } | null }>(`${API}/imports`, { page, pageSize: 10 }) });
  const undo = useMutation({
    mutationFn: (id: string) => post<{ data: { deleted: number } }>(`${API}/imports/${id}/undo`),
    onSuccess: async (r) => { message.success(t('undoneN', { n: r.data.deleted })); await qc.invalidateQueries({ queryKey: [KEY] }); },
    onError: (e) => message.error(errText(e)),
  });
  const kindText = (v: string) => { const l = historyKinds.find((x) => x.value === v); return l ? bi(l.zh, l.en) : v; };
  const statusText = (r: ImportItem) => (r.undoneAt ? t('undone') : r.status === 'done' ? t('done') : r.status === 'invalid' ? t('invalid') : r.status === 'failed' ? t('failed') : t('running'));
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('tab')} data-testid="history-card">
        <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
        {list.data?.goLive && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="history-go-live" title={t('goLive', { date: list.data.goLive.date })} />
        )}
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={`${API}/template`} data-testid="history-template">{t('template')}</Button>
          <Button icon={<DownloadOutlined />} href={`${API}/template?format=csv`} data-testid="history-template-csv">{t('templateCsv')}</Button>
          <RegistryImport ui={ui} />
        </Flex>
      </Card>
      <Card size="small" title={t('past')}>
        {list.error && <ErrorAlert error={list.error} />}
        <Table<ImportItem>
          size="small" rowKey="id" loading={list.isLoading} dataSource={list.data?.data ?? []} data-testid="history-imports"
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t('createdAt'), width: 150, render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
            { title: t('institution'), dataIndex: 'institutionName' },
            { title: t('file'), dataIndex: 'fileName', ellipsis: true },
            { title: t('by'), dataIndex: 'createdByName', width: 100 },
            { title: t('status'), width: 130, render: (_, r) => <Tag color={r.undoneAt ? 'default' : statusColor[r.status] ?? 'blue'}>{statusText(r)}</Tag> },
            { title: t('rows'), width: 90, render: (_, r) => (r.status === 'done' ? r.imported : r.total) },
            {
              title: t('content'),
              render: (_, r) => r.kinds.map((k) => (
                <div key={k.kind}>{kindText(k.kind)} {k.count}（{k.first} — {k.last}）</div>
              )),
            },
            {
              title: t('actions'), width: 110,
              render: (_, r) => r.status === 'done' && !r.undoneAt && (
                <Popconfirm title={t('undoConfirm')} onConfirm={() => undo.mutate(r.id)}>
                  <Button size="small" danger loading={undo.isPending && undo.variables === r.id} data-testid={`history-undo-${r.id}`}>{t('undo')}</Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
