import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Progress, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { useRuns, useSheets, type RunSummary, type Sheet } from './api.ts';
import { assessmentMessages } from './messages.ts';
import { OwnResults } from './OwnResults.tsx';

/** 考核: the scoring sheets in scope and the runs made with them. */
export function AssessmentsPage() {
  const t = useT(assessmentMessages);
  const can = useCan();
  const navigate = useNavigate();
  const sheets = useSheets();
  const runs = useRuns();
  return (
    <Flex vertical gap={16}>
      <OwnResults />
      <Card size="small" title={t('sheets')} data-testid="assessment-sheets"
        extra={can('stats.report') && <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/stats/assessments/sheets/new')} data-testid="sheet-new">{t('newSheet')}</Button>}>
        <Table<Sheet> rowKey="id" size="small" loading={sheets.isPending} dataSource={sheets.data ?? []} pagination={{ pageSize: 10 }}
          locale={{ emptyText: <Empty description={t('noSheets')} /> }}
          columns={[
            { title: t('sheetName'), dataIndex: 'name', render: (v: string, s) => <Link to={`/stats/assessments/sheets/${s.id}`}>{v}</Link> },
            { title: t('year'), dataIndex: 'year', width: 90, filters: [...new Set((sheets.data ?? []).map((s) => s.year))].map((y) => ({ text: String(y), value: y })), onFilter: (v, s) => s.year === v },
            { title: t('version'), dataIndex: 'version', width: 70, render: (v: number, s) => <>v{v} {s.locked && <Tag>{t('locked')}</Tag>}</> },
            { title: t('owner'), dataIndex: ['institution', 'name'] },
            { title: t('items'), dataIndex: 'items', width: 80, render: (v: unknown[]) => v.length },
          ]} />
      </Card>
      <Card size="small" title={t('runs')} data-testid="assessment-runs">
        <Table<RunSummary> rowKey="id" size="small" loading={runs.isPending} dataSource={runs.data ?? []} pagination={{ pageSize: 10 }}
          columns={[
            { title: t('sheetName'), dataIndex: 'sheetName', render: (v: string, r) => <Link to={`/stats/assessments/runs/${r.id}`}>{v}（v{r.sheetVersion}）</Link> },
            { title: t('year'), dataIndex: 'year', width: 90, filters: [...new Set((runs.data ?? []).map((r) => r.year))].map((y) => ({ text: String(y), value: y })), onFilter: (v, r) => r.year === v },
            { title: t('owner'), dataIndex: 'institutionName' },
            { title: t('assessed'), dataIndex: 'total', width: 90 },
            { title: t('progress'), dataIndex: 'status', width: 160, render: (v: string, r) => (v === 'done' ? <Tag color="green">{t(`status_${v}`)}</Tag>
              : <Progress size="small" percent={r.total ? Math.round((100 * r.processed) / r.total) : 0} status={v === 'failed' ? 'exception' : 'active'} />) },
            { title: t('createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          ]} />
      </Card>
    </Flex>
  );
}
