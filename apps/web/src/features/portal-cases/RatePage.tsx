import type { ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Rate, Result } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useErrorText } from '../../shared/errors.ts';
import { FullPageSpin } from '../../shared/FullPageSpin.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useRate, useRateInfo } from './api.ts';
import { fmtDate } from './format.ts';
import { portalCaseMessages } from './messages.ts';
import { instName } from './types.ts';

/** 服务评价 `/rate/:token`: opened from the conclusion e-mail, no sign-in; one rating per case. */
export function RatePage() {
  const { token = '' } = useParams();
  const t = useT(portalCaseMessages);
  const errText = useErrorText();
  useTitle(t('rateTitle'));
  const info = useRateInfo(token);
  const rate = useRate(token);
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  if (info.isPending) return <FullPageSpin />;
  const wrap = (node: ReactNode) => <div style={{ maxWidth: 560, margin: '0 auto' }}>{node}</div>;
  if (info.error) {
    if (info.error instanceof ApiError && (info.error.status === 404 || info.error.status === 400)) {
      return wrap(<Result status="warning" title={t('linkExpired')} subTitle={t('linkExpiredHint')} data-testid="rate-expired" />);
    }
    return wrap(<ErrorAlert error={info.error} onRetry={() => void info.refetch()} />);
  }
  const d = info.data;
  const conflict = rate.error instanceof ApiError && rate.error.code === 'already_rated';
  const done = rate.isSuccess;
  return wrap(
    <Card title={t('rateTitle')} data-testid="rate-page">
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('caseNumber')}><span data-testid="rate-case-number">{d.caseNumber}</span></Descriptions.Item>
        <Descriptions.Item label={t('institution')}><span data-testid="rate-institution">{instName(d.institution)}</span></Descriptions.Item>
        {d.concludedAt && <Descriptions.Item label={t('concludedAt')}>{fmtDate(d.concludedAt)}</Descriptions.Item>}
      </Descriptions>
      {done ? (
        <Result status="success" title={t('rateThanks')} data-testid="rate-thanks" />
      ) : d.rated || conflict ? (
        <div>
          <Alert type="info" showIcon title={t('alreadyRated')} data-testid="rate-already" />
          {d.score ? <Rate disabled value={d.score} style={{ marginTop: 12 }} /> : null}
        </div>
      ) : (
        <Form form={form} layout="vertical" data-testid="rate-form" onFinish={(v) => rate.mutate({ score: v.score, comment: v.comment?.trim() || undefined })}>
          <p>{t('rateIntro')}</p>
          <Form.Item name="score" label={t('score')} rules={[{ required: true, message: t('scoreRequired') }]}>
            <Rate data-testid="rate-stars" />
          </Form.Item>
          <Form.Item name="comment" label={t('comment')}>
            <Input.TextArea rows={4} maxLength={500} showCount data-testid="rate-comment" />
          </Form.Item>
          {rate.error && !conflict && <Alert type="error" showIcon title={errText(rate.error)} style={{ marginBottom: 12 }} data-testid="rate-error" />}
          <Button type="primary" htmlType="submit" loading={rate.isPending} disabled={rate.isPending} data-testid="rate-submit">{t('rateSubmit')}</Button>
          {d.expiresAt && <p style={{ color: '#888', fontSize: 12, marginTop: 12 }}>{t('validUntil', { date: fmtDate(d.expiresAt) })}</p>}
        </Form>
      )}
    </Card>,
  );
}

