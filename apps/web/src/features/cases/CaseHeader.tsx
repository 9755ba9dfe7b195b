import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { channelLabels, trackLabels } from './labels.ts';
import { fmtTime } from './format.ts';
import { caseMessages } from './messages.ts';
import { StateTag } from './StateTag.tsx';
import type { Case } from './types.ts';

/** Case number, state, track, institution and handler; the action bar goes below it. */
export function CaseHeader({ c, children }: { c: Case; children?: React.ReactNode }) {
  const t = useT(caseMessages);
  const { label } = useEnum();
  const nav = useNavigate();
  return (
    <Card size="small" data-testid="case-header">
      <Flex align="center" gap={8} wrap>
        <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => nav(-1)} aria-label={t('back')} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="case-number">{c.caseNumber}</Typography.Title>
        <StateTag state={c.state} testId="case-state" />
        <Tag color={c.track === 'fast' ? 'red' : 'default'} data-testid="case-track">{label(trackLabels, c.track)}</Tag>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 8 }} styles={{ content: { minWidth: 0 } }}>
        <Descriptions.Item label={t('institution')}>{c.institution.name}</Descriptions.Item>
        <Descriptions.Item label={t('handler')}>
          <span data-testid="case-handler">{c.handler?.name ?? t('unassigned')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('channel')}>{label(channelLabels, c.channel)}</Descriptions.Item>
        <Descriptions.Item label={t('submittedAt')}>{fmtTime(c.submittedAt)}</Descriptions.Item>
        {c.transferTo && <Descriptions.Item label={t('transferTo')}>{c.transferTo.name}</Descriptions.Item>}
      </Descriptions>
      {children}
    </Card>
  );
}
