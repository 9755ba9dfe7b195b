import { Card, Typography } from 'antd';
import { outboxMessages } from '../features/outbox/messages.ts';
import { OutboxList } from '../features/outbox/OutboxList.tsx';
import { useT } from '../shared/i18n/index.ts';

/** /outbox: the demo's outgoing messages, so a tester can read the codes (404 from the API outside the demo). */
export function PublicOutboxPage() {
  const t = useT(outboxMessages);
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <OutboxList />
    </Card>
  );
}
