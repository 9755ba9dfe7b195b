import { isValidMobile } from '@yuanzhi/domain';
import { Alert, Button, Card, Form, Input, Result, Segmented, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useCheckIn, useCheckinTraining, type CheckinResult } from './api.ts';
import { portalTrainingMessages } from './messages.ts';

/** `/trainings/checkin/:token`: the page the door QR code opens on a phone — one field, one big button. */
export function CheckinPage() {
  const { token = '' } = useParams();
  const t = useT(portalTrainingMessages);
  useTitle(t('checkinTitle'));
  const q = useCheckinTraining(token);
  const [by, setBy] = useState<'phone' | 'code'>('phone');
  const [form] = Form.useForm();
  const onError = useFormErrors(form);
  const checkIn = useCheckIn(token);
  const [done, setDone] = useState<CheckinResult | null>(null);
  if (q.isError) return <Result status="warning" title={t('badLink')} />;
  if (!q.data) return <Spin />;
  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }} data-testid="checkin-card">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{q.data.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{fmtTime(q.data.startsAt)} {q.data.place ?? ''}</Typography.Paragraph>
      {done ? (
        <Result status="success" title={done.already ? t('already', { name: done.name }) : t('checkedIn', { name: done.name })} data-testid="checkin-result" />
      ) : !q.data.open ? (
        <Alert type="info" title={t('notOpen')} />
      ) : (
        <>
          <Typography.Paragraph>{t('checkinHint')}</Typography.Paragraph>
          <Segmented block value={by} onChange={(v) => { setBy(v as 'phone' | 'code'); form.resetFields(); }} style={{ marginBottom: 16 }}
            options={[{ value: 'phone', label: t('byPhone') }, { value: 'code', label: t('byCode') }]} />
          <Form form={form} layout="vertical" onFinish={(v: { phone?: string; code?: string }) => checkIn.mutate(v, { onSuccess: setDone, onError })}>
            {by === 'phone' ? (
              <Form.Item name="phone" label={t('phone')} validateTrigger="onChange"
                rules={[{ required: true, message: t('phoneRequired') }, { validator: (_, v?: string) => (!v || isValidMobile(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('phoneRequired')))) }]}>
                <Input size="large" inputMode="tel" maxLength={11} autoFocus data-testid="checkin-phone" />
              </Form.Item>
            ) : (
              <Form.Item name="code" label={t('code')} rules={[{ required: true, message: t('codeRequired') }, { pattern: /^[A-Za-z0-9]{6}$/, message: t('codeRequired') }]}>
                <Input size="large" maxLength={6} autoFocus style={{ textTransform: 'uppercase' }} data-testid="checkin-code" />
              </Form.Item>
            )}
            <Button type="primary" size="large" block htmlType="submit" loading={checkIn.isPending} data-testid="checkin-submit">{t('checkinNow')}</Button>
          </Form>
        </>
      )}
    </Card>
  );
}
