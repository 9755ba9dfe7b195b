import { Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { ipTypes, services } from '../../shared/enums.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { fieldLabels, stateColors } from '../cases/labels.ts';
import { fmtTime } from './format.ts';
import { portalCaseMessages } from './messages.ts';
import type { Bi, PortalCase } from './types.ts';

const bi = (x: string | Bi | null | undefined, pickBi: (zh?: string, en?: string) => string) =>
  !x ? '' : typeof x === 'string' ? x : pickBi(x.zh, x.en);

/** The read-only part of a case for its applicant: state, what happens next, the application, progress. */
export function CaseFacts({ c }: { c: PortalCase }) {
  const t = useT(portalCaseMessages);
  const b = useBi();
  const { label } = useEnum();
  const explanation = bi(c.next?.deadline?.explanation ?? null, b);
  return (
    <>
      <Card data-testid="portal-case-header">
        <Space wrap size="middle" align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="portal-case-number">{c.caseNumber}</Typography.Title>
          <Tag color={stateColors[c.state.value] ?? 'default'} data-testid="portal-case-state" data-state={c.state.value}>{b(c.state.zh, c.state.en)}</Tag>
          <Typography.Text type="secondary">{t('institution')}：{c.institution?.name}</Typography.Text>
          {c.transferTo && <Typography.Text type="secondary">{t('transferTo')}：{c.transferTo.name}</Typography.Text>}
        </Space>
        {c.next && (b(c.next.zh, c.next.en)) && (
          <div style={{ marginTop: 12 }} data-testid="portal-case-next" data-due={c.next.due ?? ''}>
            <Typography.Text strong>{t('whatNext')}：</Typography.Text>{b(c.next.zh, c.next.en)}
            {explanation && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{explanation}</Typography.Text></div>}
          </div>
        )}
      </Card>
      <Card title={t('facts')} size="small" data-testid="portal-case-facts">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('submittedAt')}>{fmtTime(c.submittedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('ipType')}>{label(ipTypes, c.ipType) || '—'}{c.ipNumber ? ` · ${c.ipNumber}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('services')}>{c.services.map((s) => label(services, s)).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field')}>{label(fieldLabels, c.field) || '—'}{c.overseas ? ` · ${t('overseas')} ${c.country ?? ''}` : ''}</Descriptions.Item>
          <Descriptions.Item label={t('summary')} span={2}>{c.summary || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('request')} span={2}>{c.request || '—'}</Descriptions.Item>
          {c.result && <Descriptions.Item label={t('result')} span={2}><span data-testid="portal-case-result">{c.result}</span></Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title={t('progress')} size="small" data-testid="portal-case-progress">
        <Timeline
          items={[...c.messages].reverse().map((m) => ({
            key: m.seq,
            color: m.kind === 'supplement_request' ? 'orange' : 'blue',
            content: (
              <div data-testid={`portal-message-${m.seq}`} data-event={m.event}>
                <Typography.Text strong>{bi(m.label, b)}</Typography.Text>{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{fmtTime(m.at)}</Typography.Text>
                {m.text && <div style={{ whiteSpace: 'pre-wrap' }}>{m.text}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </>
  );
}
