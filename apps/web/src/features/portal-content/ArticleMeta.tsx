import { Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ipTypes } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { originLabels, validityLabels } from '../articles/labels.ts';
import { articleMessages } from '../articles/messages.ts';
import type { PortalArticle } from './api.ts';
import { contentMessages } from './messages.ts';

const validityColor: Record<string, string> = { in_force: 'green', amended: 'orange', repealed: 'red' };

/** The line under a title: the kind's own facts (document number, validity, origin …), IP types, publisher, date, reads. */
export function ArticleMeta({ a, full }: { a: PortalArticle; full?: boolean }) {
  const t = useT(contentMessages);
  const ta = useT(articleMessages);
  const { label } = useEnum();
  const m = a.meta as Record<string, string | undefined>;
  return (
    <Space wrap size={[6, 4]}>
      {a.kind === 'policy' && m.documentNumber && <Typography.Text type="secondary">{m.documentNumber}</Typography.Text>}
      {a.kind === 'policy' && full && m.issuingBody && <Typography.Text type="secondary">{ta('meta_issuingBody')}：{m.issuingBody}</Typography.Text>}
      {a.kind === 'policy' && full && m.issuedOn && <Typography.Text type="secondary">{ta('meta_issuedOn')}：{m.issuedOn}</Typography.Text>}
      {a.kind === 'policy' && m.validity && <Tag color={validityColor[m.validity]}>{label(validityLabels, m.validity)}</Tag>}
      {a.kind === 'case_study' && m.origin && <Tag color="blue">{label(originLabels, m.origin)}</Tag>}
      {a.kind === 'case_study' && m.field && <Tag>{m.field}</Tag>}
      {a.ipTypes.map((i) => <Tag key={i} color="geekblue">{label(ipTypes, i)}</Tag>)}
      <Typography.Text type="secondary">{a.institutionName}</Typography.Text>
      <Typography.Text type="secondary">{dayjs(a.publishedAt).format('YYYY-MM-DD')}</Typography.Text>
      <Typography.Text type="secondary">{t('reads', { n: a.views })}</Typography.Text>
    </Space>
  );
}
