import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { saveFile } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useRun, type RankedRow } from './api.ts';
import { BreakdownDrawer } from './BreakdownDrawer.tsx';
import { assessmentMessages } from './messages.ts';

/** A run: progress while computing, then the ranked table; a row opens the institution's breakdown. */
export function RunPage() {
  const { id } = useParams();
  const t = useT(assessmentMessages);
  const { message } = App.useApp();
  const errText = useErrorText();
  const run = useRun(id);
  const [open, setOpen] = useState<string | null>(null);
  const r = run.data;
  const exportXlsx = async () => {
    try {
      const res = await fetch(`/api/assessments/runs/${id}/export.xlsx`, { credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      saveFile(await res.blob(), `${r?.year}年度${r?.sheetName}考核结果.xlsx`);
    } catch (e) { message.error(errText(e)); }
  };
  if (!r) return <Card loading={run.isPending}>{run.error && <Alert type="error" title={errText(run.error)} />}</Card>;
  const computing = r.status === 'queued' || r.status === 'computing';
  return (
    <Flex vertical gap={12}>
      <Link to="/stats/assessments">← {t('back')}</Link>
      <Card size="small" data-testid="run-page"
        title={<>{r.year}{t('yearSuffix')} · {r.sheetName}（v{r.sheetVersion}）· {r.institution.name} <Tag color={r.status === 'done' ? 'green' : r.status === 'failed' ? 'red' : 'blue'}>{t(`status_${r.status}`)}</Tag></>}
        extra={<Button icon={<DownloadOutlined />} disabled={r.status !== 'done'} onClick={exportXlsx} data-testid="run-export">{t('export')}</Button>}>
        {computing && <Progress percent={r.total ? Math.round((100 * r.processed) / r.total) : 0} status="active" data-testid="run-progress" format={() => `${r.processed}/${r.total}`} />}
        {r.status === 'done' && (
          <Table<RankedRow> rowKey="institutionId" size="small" dataSource={r.rows} pagination={{ pageSize: 50 }} scroll={{ x: true }} data-testid="run-table"
            onRow={(row) => ({ onClick: () => setOpen(row.institutionId), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('rank'), dataIndex: 'rank', width: 60, fixed: 'left' },
              { title: t('institution'), dataIndex: 'institutionName', fixed: 'left', render: (v: string, row) => (
                <Flex vertical><Typography.Link>{v}</Typography.Link>{row.missing > 0 && <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('missing', { n: row.missing })}</Typography.Text>}</Flex>) },
              ...r.items.map((it) => ({
                title: <>{it.title}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{it.weight}{it.kind === 'manual' ? ` · ${t('manual')}` : ''}</Typography.Text></>,
                key: it.key!, align: 'right' as const, render: (_: unknown, row: RankedRow) => row.items[it.key!] ?? <Typography.Text type="secondary">—</Typography.Text>,
                sorter: (a: RankedRow, b: RankedRow) => (a.items[it.key!] ?? -1) - (b.items[it.key!] ?? -1),
              })),
              { title: t('total'), dataIndex: 'total', align: 'right', render: (v: number) => <b>{v}</b>, sorter: (a, b) => a.total - b.total },
            ]} />
        )}
      </Card>
      {open && <BreakdownDrawer run={r} institutionId={open} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
