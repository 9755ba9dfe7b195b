import { Button, Card, Descriptions, List, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { useBi, useT } from '../../shared/i18n/index.ts';
import type { Receipt } from './applyApi.ts';
import { applyMessages } from './applyMessages.ts';
import { fmtSize, fmtTime } from './format.ts';
import { portalCaseMessages } from './messages.ts';

const dict = { ...portalCaseMessages, ...applyMessages };

/** 回执: the case number, the institution and why, each evidence file with its SHA-256. */
export function ReceiptView({ receipt: r }: { receipt: Receipt }) {
  const t = useT(dict);
  const b = useBi();
  return (
    <Card style={{ maxWidth: 880, margin: '0 auto' }} data-testid="apply-receipt">
      <Result status="success" title={t('receiptTitle')} subTitle={t('receiptSub', { n: r.caseNumber })}
        extra={<Link to={`/my/cases/${r.caseId}`}><Button type="primary" data-testid="receipt-to-case">{t('toMyCases')}</Button></Link>} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('caseNumber')}><span data-testid="receipt-case-number">{r.caseNumber}</span></Descriptions.Item>
        <Descriptions.Item label={t('submittedAt')}>{fmtTime(r.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('receiptInstitution')}>
          <span data-testid="receipt-institution">{r.institution.name}</span>
          {r.institution.reason && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{b(r.institution.reason.zh, r.institution.reason.en)}</Typography.Text></div>}
        </Descriptions.Item>
      </Descriptions>
      {r.evidence.length > 0 && (
        <List header={<b>{t('evidence')}</b>} dataSource={r.evidence} style={{ marginTop: 16 }} data-testid="receipt-evidence"
          renderItem={(e, i) => (
            <List.Item data-testid={`receipt-evidence-${i}`}>
              <div style={{ minWidth: 0 }}>
                <div>{e.name} <Typography.Text type="secondary">({fmtSize(e.sizeBytes)})</Typography.Text></div>
                <Typography.Text type="secondary" copyable={{ text: e.sha256 }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
                  SHA-256: <code data-testid={`receipt-sha256-${i}`}>{e.sha256}</code>
                </Typography.Text>
              </div>
            </List.Item>
          )} />
      )}
    </Card>
  );
}
