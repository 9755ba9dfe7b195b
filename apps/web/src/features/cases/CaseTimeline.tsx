import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import { roles } from '../../shared/enums.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTimeline } from './api.ts';
import { eventText, fmtTime } from './format.ts';
import { caseMessages } from './messages.ts';

/** Every event of the case, oldest first: who, when, what, and the reason given. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const t = useT(caseMessages);
  const bi = useBi();
  const { label } = useEnum();
  const q = useTimeline(caseId);
  const events = q.data ?? [];
  return (
    <Card size="small" title={t('timeline')} data-testid="case-timeline">
      {q.isPending ? <Spin /> : events.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Timeline
          items={events.map((e) => ({
            key: e.seq,
            color: e.event === 'decline' || e.event === 'returnForRework' ? 'red' : e.event === 'conclude' || e.event === 'signOff' ? 'green' : 'blue',
            content: (
              <div data-testid={`timeline-${e.seq}`} data-event={e.event}>
                <Typography.Text strong>{bi(e.eventLabel.zh, e.eventLabel.en) || e.event}</Typography.Text>
                {e.to && <Typography.Text type="secondary"> → {bi(e.to.zh, e.to.en)}</Typography.Text>}
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                  {fmtTime(e.at)} · {e.actor.name || t('system')}
                  {e.actor.role ? ` (${label(roles, e.actor.role)})` : ''}
                </div>
                {eventText(e) && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{eventText(e)}</Typography.Paragraph>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
