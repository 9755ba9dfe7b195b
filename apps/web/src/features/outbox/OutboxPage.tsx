import { Card, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { outboxMessages } from './messages.ts';
import { OutboxList } from './OutboxList.tsx';

export function OutboxPage() {
  const t = useT(outboxMessages);
  return (
    <Card title={t('title')}>
      <Typography.Paragraph type="secondary">{t('hint')}</Typography.Paragraph>
      <OutboxList />
    </Card>
  );
}
