import { Alert, Drawer, Table } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useRecords, type Cut, type RecordRow } from './api.ts';
import { statsMessages } from './messages.ts';

/** The cases behind a figure, in the viewer's case-read scope; each opens the case. */
export function RecordsDrawer({ cut, indicator, title, onClose }: { cut: Cut; indicator: string | null; title: string; onClose: () => void }) {
  const t = useT(statsMessages);
  const q = useRecords(cut, indicator);
  return (
    <Drawer open={!!indicator} onClose={onClose} size="large" title={`${t('records')}：${title}`} data-testid="stats-records">
      {q.data?.truncated && <Alert type="info" showIcon title={t('truncated')} style={{ marginBottom: 8 }} />}
      <Table<RecordRow> rowKey="id" size="small" loading={q.isFetching} dataSource={q.data?.data ?? []} pagination={{ pageSize: 20 }}
        columns={[
          { title: t('caseNumber'), dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
          { title: t('institution'), dataIndex: 'institutionName' },
          { title: t('state'), dataIndex: 'state' },
          { title: t('submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '—') },
        ]} />
    </Drawer>
  );
}
