import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Collapse, Empty, Flex, Tag, Typography } from 'antd';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { deadlineTone, todayCst, toneColors } from './deadlineTone.ts';
import { caseMessages } from './messages.ts';
import type { CaseDeadline } from './types.ts';

/** Each deadline with its due date and state colour; expanding it shows how it was computed (working days, pauses, holidays). */
export function DeadlinesCard({ deadlines }: { deadlines: CaseDeadline[] }) {
  const t = useT(caseMessages);
  const bi = useBi();
  const today = todayCst();
  return (
    <Card size="small" title={t('deadlines')} data-testid="case-deadlines">
      {deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDeadlines')} />
      ) : (
        <Collapse
          size="small"
          ghost
          items={deadlines.map((d) => {
            const tone = deadlineTone(d, today);
            const toneText = tone === 'normal' ? null : t(tone);
            return {
              key: d.kind,
              label: (
                <Flex justify="space-between" wrap gap={4} data-testid={`deadline-${d.kind}`} data-tone={tone}>
                  <span>{bi(d.rule.zh, d.rule.en)}</span>
                  <span>
                    <Tag color={toneColors[tone]}>{t('dueOn', { d: d.due })}</Tag>
                    {toneText && <Tag color={toneColors[tone]}>{toneText}</Tag>}
                    {d.provisional && <Tag>{t('provisional')}</Tag>}
                  </span>
                </Flex>
              ),
              extra: <InfoCircleOutlined title={t('howComputed')} />,
              children: (
                <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-line' }} data-testid={`deadline-explanation-${d.kind}`}>
                  {bi(d.explanation.zh, d.explanation.en)}
                </Typography.Paragraph>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
