import { Card, List, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { caseEvidenceHref, useCaseEvidence } from './api.ts';
import { fmtTime } from './format.ts';
import { caseMessages } from './messages.ts';

const size = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The applicant's evidence and supplements, with their SHA-256; each download is checked and audited by the server. */
export function EvidenceCard({ caseId }: { caseId: string }) {
  const t = useT(caseMessages);
  const q = useCaseEvidence(caseId);
  return (
    <Card size="small" title={`${t('evidenceFiles')} (${q.data?.length ?? 0})`} data-testid="case-evidence">
      <List size="small" loading={q.isPending} dataSource={q.data ?? []} locale={{ emptyText: t('noEvidenceFiles') }}
        renderItem={(f) => (
          <List.Item actions={[<a key="dl" href={caseEvidenceHref(caseId, f.id)} download data-testid={`case-evidence-${f.name}`}>{t('downloadFile')}</a>]}>
            <List.Item.Meta
              title={<>{f.name} {f.purpose === 'supplement' && <Tag>{t('evidenceSupplement')}</Tag>}</>}
              description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{size(f.sizeBytes)} · {fmtTime(f.addedAt)} · SHA-256 {f.sha256.slice(0, 16)}…</Typography.Text>} />
          </List.Item>
        )} />
    </Card>
  );
}
