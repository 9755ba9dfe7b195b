import { fmtTime } from '../cases/format.ts';
import { invitationStatuses } from '@yuanzhi/contracts';
import { App, Button, Card, Collapse, Popover, Space, Table, Tag, Typography } from 'antd';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { invite, runMatch, useCaseMatching, useMatchWrite, type Ranked, type ScorePart } from './api.ts';
import { useLabel } from './labels.ts';
import { expertMessages } from './messages.ts';

function Why({ parts }: { parts: ScorePart[] }) {
  const bi = useBi();
  return (
    <div style={{ maxWidth: 360 }}>
      {parts.map((p) => <div key={p.factor}>{bi(p.zh, p.en)}：<b>{p.points}</b>/{p.max}</div>)}
    </div>
  );
}

/** On the case page: rank experts (recusal first), see who was excluded and why, invite from the ranking, follow the replies. */
export function CaseExpertsCard({ caseId }: { caseId: string }) {
  const t = useT(expertMessages);
  const bi = useBi();
  const label = useLabel();
  const errText = useErrorText();
  const { message } = App.useApp();
  const q = useCaseMatching(caseId, true);
  const match = useMatchWrite(caseId, () => runMatch(caseId));
  const inv = useMatchWrite(caseId, (v: { matchId: string; expertId: string }) => invite(caseId, v.matchId, v.expertId));
  const m = q.data?.data.match;
  const invitations = q.data?.data.invitations ?? [];
  const invited = new Set(invitations.map((i) => i.expertId));
  const act = (p: Promise<unknown>) => p.catch((e) => message.error(errText(e)));
  return (
    <Card size="small" title={t('matchTitle')} data-testid="case-experts"
      extra={<Button type="primary" loading={match.isPending} onClick={() => act(match.mutateAsync(undefined))} data-testid="match-experts">{m ? t('rematch') : t('match')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('matchHint')}</Typography.Paragraph>
      {invitations.length > 0 && (
        <Table size="small" rowKey="id" pagination={false} dataSource={invitations} data-testid="invitations" style={{ marginBottom: 12 }}
          title={() => t('invitations')}
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('status'), render: (_, i) => <Tag color={i.status === 'accepted' ? 'green' : i.status === 'pending' ? 'blue' : 'default'} data-testid={`inv-${i.status}`}>{label(invitationStatuses, i.status)}</Tag> },
            { title: t('reason'), dataIndex: 'reason', ellipsis: true },
            { title: t('respondBy'), render: (_, i) => fmtTime(i.respondBy) },
            { title: t('auto'), render: (_, i) => (i.auto ? '✓' : '') , width: 60 },
          ]} />
      )}
      {!m ? <Typography.Text type="secondary">{t('noMatch')}</Typography.Text> : (
        <>
          <Table<Ranked> size="small" rowKey="expertId" pagination={false} dataSource={m.ranked.slice(0, 10)} data-testid="ranked"
            columns={[
              { title: t('rank'), dataIndex: 'rank', width: 50 },
              { title: t('name'), dataIndex: 'name' },
              { title: t('score'), render: (_, r) => <Popover content={<Why parts={r.parts} />} title={t('why')}><a data-testid={`why-${r.rank}`}>{r.score}</a></Popover>, width: 70 },
              { title: t('why'), render: (_, r) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.parts.filter((p) => p.points > 0).slice(0, 3).map((p) => bi(p.zh, p.en)).join('；')}</Typography.Text> },
              { title: '', width: 80, render: (_, r) => invited.has(r.expertId) ? <Tag>{t('invited')}</Tag> : (
                <Button size="small" onClick={() => act(inv.mutateAsync({ matchId: m.id, expertId: r.expertId }))} data-testid={`invite-${r.name}`}>{t('invite')}</Button>) },
            ]} />
          <Collapse size="small" style={{ marginTop: 12 }} items={[{
            key: 'x', label: <span data-testid="excluded-toggle">{t('excluded', { n: m.excluded.length })}</span>,
            children: (
              <Space direction="vertical" data-testid="excluded">
                {m.excluded.slice(0, 50).map((x) => <div key={x.expertId}><b>{x.name}</b>：{x.reasons.map((r) => bi(r.zh, r.en)).join('；')}</div>)}
              </Space>
            ),
          }]} />
        </>
      )}
    </Card>
  );
}
