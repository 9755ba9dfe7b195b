import { App, Button, Card, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { FullPageSpin } from '../../shared/FullPageSpin.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { statusLabels, topicLabels } from '../consultations/labels.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { RequireApplicant } from '../portal-cases/RequireApplicant.tsx';
import { useFollowUp, useThread } from './api.ts';
import { portalConsultationMessages } from './messages.ts';

const fmt = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** `/my/consultations/:id`: the thread, and a follow-up question in it. */
export function MyConsultationPage() {
  return <RequireApplicant><Thread /></RequireApplicant>;
}

function Thread() {
  const { id = '' } = useParams();
  const t = useT(portalConsultationMessages);
  useTitle(t('myConsultations'));
  const { label } = useEnum();
  const { message } = App.useApp();
  const q = useThread(id);
  const follow = useFollowUp(id);
  const [form] = Form.useForm<{ body: string }>();
  const onError = useFormErrors(form);
  if (q.isPending) return <FullPageSpin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Card style={{ maxWidth: 900, margin: '0 auto' }} data-testid="consultation-thread"
      title={<Space><span>{label(topicLabels, c.topic)}</span>
        <Tag color={c.status === 'open' ? 'orange' : 'green'} data-testid="thread-status">{label(statusLabels, c.status)}</Tag></Space>}
      extra={<Link to="/my/consultations">{t('back')}</Link>}>
      <Typography.Paragraph type="secondary">{t('institution')}：{c.institution}</Typography.Paragraph>
      <Timeline items={c.messages.map((m) => ({
        color: m.author === 'staff' ? 'green' : 'blue',
        children: <div data-testid={`thread-${m.author}`}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.author === 'staff' ? t('staff') : t('you')} · {fmt(m.at)}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>
        </div>,
      }))} />
      <Form form={form} layout="vertical" onFinish={(v) => follow.mutate(v.body.trim(), {
        onSuccess: () => { message.success(t('sent')); form.resetFields(); }, onError,
      })}>
        <Form.Item name="body" label={t('followUp')} rules={[{ required: true, whitespace: true, message: t('followUpRequired') }, { max: 5000 }]}>
          <Input.TextArea rows={3} data-testid="thread-follow-up" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={follow.isPending} data-testid="thread-send">{t('send')}</Button>
      </Form>
    </Card>
  );
}
