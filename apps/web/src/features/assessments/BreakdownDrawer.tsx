import { Button, Descriptions, Drawer, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useCan } from '../../shared/session.ts';
import { RecordsDrawer } from '../stats/RecordsDrawer.tsx';
import { useBreakdown, type BreakdownItem, type Run } from './api.ts';
import { assessmentMessages } from './messages.ts';
import { ScoreForm } from './ScoreForm.tsx';

/** One institution's scores item by item, each traced to its figure and rule, or to the hand score's evidence. */
export function BreakdownDrawer({ run, institutionId, onClose }: { run: Pick<Run, 'id' | 'abilities'>; institutionId: string; onClose: () => void }) {
  const t = useT(assessmentMessages);
  const bi = useBi();
  const can = useCan();
  const q = useBreakdown(run.id, institutionId);
  const [records, setRecords] = useState<BreakdownItem | null>(null);
  const [scoring, setScoring] = useState<BreakdownItem | null>(null);
  const b = q.data;
  const ruleText = (it: BreakdownItem) => {
    if (!it.rule) return '—';
    const vars = { floor: it.rule.floor, target: it.rule.target, weight: it.weight, cap: it.rule.cap ?? it.weight };
    return it.rule.lowerIsBetter ? t('ruleTextLower', vars) : t('ruleText', vars);
  };
  return (
    <Drawer open onClose={onClose} size="large" title={`${t('breakdown')}：${b?.institutionName ?? ''}`} data-testid="run-breakdown" loading={q.isPending}>
      {b && (
        <Table<BreakdownItem> rowKey="key" size="small" pagination={false} dataSource={b.items}
          expandable={{ defaultExpandAllRows: true, expandedRowRender: (it) => (it.kind === 'computed' ? (
            <Descriptions size="small" column={1} data-testid={`trace-${it.key}`}>
              <Descriptions.Item label={t('indicator')}>{it.indicator ? bi(it.indicator.zh, it.indicator.en) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('figure')}>
                {it.figure?.value ?? '—'}{it.indicator ? ` ${bi(it.indicator.unit.zh, it.indicator.unit.en)}` : ''}
                {it.figure?.den !== null && it.figure?.den !== undefined ? t('ratioOf', { num: it.figure.num, den: it.figure.den }) : ''}
                {it.records && can('case.read') && <Button type="link" size="small" onClick={() => setRecords(it)} data-testid={`records-${it.key}`}>{t('records')}</Button>}
              </Descriptions.Item>
              <Descriptions.Item label={t('rule')}>{ruleText(it)}</Descriptions.Item>
              {it.indicator && <Descriptions.Item label={t('definition')}><Typography.Text type="secondary">{bi(it.indicator.definition.zh, it.indicator.definition.en)}</Typography.Text></Descriptions.Item>}
            </Descriptions>
          ) : (
            <Descriptions size="small" column={1} data-testid={`trace-${it.key}`}>
              {it.guidance && <Descriptions.Item label={t('guidance')}>{it.guidance}</Descriptions.Item>}
              <Descriptions.Item label={t('evidence')}>{it.evidence ?? <Typography.Text type="secondary">{t('notScored')}</Typography.Text>}</Descriptions.Item>
              {!!it.files?.length && <Descriptions.Item label={t('evidenceFile')}>
                <Flex gap={8}>{it.files.map((f) => <a key={f.id} href={`/api/assessments/runs/${run.id}/files/${f.id}`}>{f.name}</a>)}</Flex>
              </Descriptions.Item>}
              {it.scoredBy && <Descriptions.Item label={t('scoredBy')}>{it.scoredBy} · {dayjs(it.scoredAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>}
            </Descriptions>
          )) }}
          columns={[
            { title: t('itemTitle'), dataIndex: 'title' },
            { title: t('kind'), dataIndex: 'kind', width: 110, render: (v: 'computed' | 'manual') => <Tag>{t(v)}</Tag> },
            { title: t('weight'), dataIndex: 'weight', width: 80, align: 'right' },
            { title: t('score'), dataIndex: 'score', width: 80, align: 'right', render: (v: number | null) => v ?? '—' },
            { key: 'act', width: 80, render: (_, it) => it.kind === 'manual' && run.abilities.score
              && <Button size="small" onClick={() => setScoring(it)} data-testid={`score-${it.key}`}>{t('scoreIt')}</Button> },
          ]} />
      )}
      {records?.records && <RecordsDrawer cut={{ period: records.records.period, institutionId: records.records.institutionId }} indicator={records.records.indicator}
        title={records.indicator ? bi(records.indicator.zh, records.indicator.en) : ''} onClose={() => setRecords(null)} />}
      {scoring && <ScoreForm runId={run.id} institutionId={institutionId} item={scoring} onClose={() => setScoring(null)} />}
    </Drawer>
  );
}
