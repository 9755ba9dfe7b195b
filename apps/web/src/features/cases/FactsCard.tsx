import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { ipTypes, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { fieldLabels, referralBodyLabels } from './labels.ts';
import { caseMessages } from './messages.ts';
import type { Case } from './types.ts';

/** Services asked for and the facts of the matter. */
export function FactsCard({ c }: { c: Case }) {
  const t = useT(caseMessages);
  const { label } = useEnum();
  return (
    <Card size="small" title={t('facts')} data-testid="case-facts">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} styles={{ content: { minWidth: 0, overflowWrap: 'anywhere' } }}>
        <Descriptions.Item label={t('services')} span="filled">
          <Flex wrap gap={4}>
            {c.services.map((s) => <Tag key={s} color="blue">{label(services, s)}</Tag>)}
            {c.opinionSignedOff && <Tag color="green">{t('opinionSignedOff')}</Tag>}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('ipType')}>{label(ipTypes, c.ipType)}</Descriptions.Item>
        <Descriptions.Item label={t('ipNumber')}>{c.ipNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field')}>{c.field ? label(fieldLabels, c.field) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('overseas')}>{c.overseas ? `${t('yes')}${c.country ? ` · ${c.country}` : ''}` : t('no')}</Descriptions.Item>
        {c.referralBody && <Descriptions.Item label={t('referralBody')}>{label(referralBodyLabels, c.referralBody)}</Descriptions.Item>}
        <Descriptions.Item label={t('summary')} span="filled">
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Paragraph>
        </Descriptions.Item>
        {c.request && <Descriptions.Item label={t('request')} span="filled">{c.request}</Descriptions.Item>}
        {c.result && <Descriptions.Item label={t('result')} span="filled">{c.result}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
