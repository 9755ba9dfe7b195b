import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useOwnResults, type OwnResult } from './api.ts';
import { BreakdownDrawer } from './BreakdownDrawer.tsx';
import { assessmentMessages } from './messages.ts';

/** 本机构考核结果: an assessed institution's own totals and places, each with its item-by-item sheet; shown when there are any. */
export function OwnResults() {
  const t = useT(assessmentMessages);
  const mine = useOwnResults();
  const [open, setOpen] = useState<OwnResult | null>(null);
  if (!mine.data?.length) return null;
  return (
    <Card size="small" title={t('ownResults')} data-testid="assessment-own">
      <Table<OwnResult> rowKey={(r) => `${r.runId}/${r.institutionId}`} size="small" dataSource={mine.data} pagination={{ pageSize: 5 }}
        columns={[
          { title: t('year'), dataIndex: 'year', width: 80 },
          { title: t('sheetName'), dataIndex: 'sheetName', render: (v: string, r) => `${v}（v${r.sheetVersion}）` },
          { title: t('assessedBy'), dataIndex: 'assessedBy' },
          { title: t('institution'), dataIndex: 'institutionName' },
          { title: t('score'), dataIndex: 'total', width: 90, align: 'right' },
          { title: t('place'), key: 'place', width: 150, render: (_, r) => <>{t('placeOf', { rank: r.rank, of: r.of })}{r.missing > 0 && <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('pendingItems', { n: r.missing })}</Tag>}</> },
          { key: 'act', width: 90, render: (_, r) => <Button size="small" onClick={() => setOpen(r)} data-testid={`own-details-${r.institutionId}`}>{t('details')}</Button> },
        ]} />
      {open && <BreakdownDrawer run={{ id: open.runId, abilities: { score: false } }} institutionId={open.institutionId} onClose={() => setOpen(null)} />}
    </Card>
  );
}
