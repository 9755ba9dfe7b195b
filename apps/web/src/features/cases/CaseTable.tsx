import { Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ipTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { DueTag } from './DueTag.tsx';
import { caseMessages } from './messages.ts';
import { StateTag } from './StateTag.tsx';
import type { CaseListItem } from './types.ts';

interface Props {
  rows: CaseListItem[];
  total: number;
  /** The server stopped counting at 10,000 (ADR 0038): the total reads "10,000+". */
  totalCapped?: boolean;
  loading: boolean;
  page: { page: number; pageSize: number };
  onPage: (page: number, pageSize: number) => void;
}

/** The queue's cases, nearest deadline first (the server's order); scrolls sideways at phone width. */
export function CaseTable({ rows, total, totalCapped = false, loading, page, onPage }: Props) {
  const t = useT(caseMessages);
  const { label } = useEnum();
  const nav = useNavigate();
  return (
    <Table<CaseListItem>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 1100 }}
      data-testid="case-table"
      onRow={(r) => ({ onClick: () => nav(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
      pagination={{
        current: page.page, pageSize: page.pageSize, total, showSizeChanger: true, size: 'small',
        showTotal: (n) => (totalCapped ? t('totalCapped') : t('total', { n })), onChange: onPage,
      }}
      columns={[
        {
          title: t('caseNumber'), dataIndex: 'caseNumber', width: 150, fixed: 'left',
          render: (v: string, r) => (
            <span data-testid={`case-row-${v}`}>
              <Typography.Link>{v}</Typography.Link>
              {r.track === 'fast' && <Tag color="red" style={{ marginInlineStart: 4 }}>{t('fast')}</Tag>}
            </span>
          ),
        },
        {
          title: t('applicant'), dataIndex: 'applicantName', width: 170,
          render: (v: string, r) => (
            <>
              <div>{v}</div>
              {r.applicantPhoneMasked && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.applicantPhoneMasked}</Typography.Text>}
            </>
          ),
        },
        { title: t('ipType'), dataIndex: 'ipType', width: 110, render: (v: string) => label(ipTypes, v) },
        {
          title: t('services'), dataIndex: 'services', width: 200,
          render: (v: string[]) => v.map((s) => <Tag key={s} style={{ marginBottom: 2 }}>{label(services, s)}</Tag>),
        },
        { title: t('state'), dataIndex: 'state', width: 130, render: (s: CaseListItem['state']) => <StateTag state={s} /> },
        { title: t('handler'), dataIndex: 'handler', width: 100, render: (h: CaseListItem['handler']) => h?.name ?? <Typography.Text type="secondary">{t('unassigned')}</Typography.Text> },
        { title: t('nextDue'), dataIndex: 'nextDue', width: 120, render: (v: string | null, r) => <DueTag nextDue={v} overdue={r.overdue} /> },
        { title: t('summary'), dataIndex: 'summary', ellipsis: true, width: 240 },
        { title: t('institution'), dataIndex: ['institution', 'name'], width: 160, ellipsis: true },
      ]}
    />
  );
}
