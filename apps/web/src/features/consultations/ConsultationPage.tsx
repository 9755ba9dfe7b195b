import { App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ipTypes } from '../../shared/enums.ts';
import { FullPageSpin } from '../../shared/FullPageSpin.tsx';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors, useShowError } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useAnswer, useConsultation, usePropose, useToCase } from './api.ts';
import { askerKindLabels, channelLabels, statusLabels, topicLabels } from './labels.ts';
import { consultationMessages } from './messages.ts';

const cst = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** One consultation: its facts, the thread, the answer box, and the one-click actions (case, featured Q&A). */
export function ConsultationPage() {
  const { id = '' } = useParams();
  const t = useT(consultationMessages);
  useTitle(t('detail'));
  const { label } = useEnum();
  const { message } = App.useApp();
  const nav = useNavigate();
  const q = useConsultation(id);
  const answer = useAnswer(id);
  const toCase = useToCase(id);
  const propose = usePropose(id);
  const [form] = Form.useForm<{ answer: string }>();
  const onError = useFormErrors(form);
  const showError = useShowError();
  if (q.isPending) return <FullPageSpin />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const { data: c } = q.data;
  const abilities = q.data.abilities ?? { answer: false, toCase: false, propose: false };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={t('detail')} size="small" extra={<Space>
        {abilities.toCase && (
          <Popconfirm title={t('toCaseConfirm')} onConfirm={() => toCase.mutate(undefined, {
            onSuccess: (r) => { message.success(t('caseMade')); nav(`/cases/${r.data.caseId}`); }, onError: showError,
          })}>
            <Button loading={toCase.isPending} data-testid="consult-to-case">{t('toCase')}</Button>
          </Popconfirm>
        )}
        {abilities.propose && (
          <Button loading={propose.isPending} data-testid="consult-propose" onClick={() => propose.mutate(undefined, {
            onSuccess: (r) => message.success(t('proposed', { n: Object.values(r.data.removed).reduce((a, b) => a + b, 0) })), onError: showError,
          })}>{t('propose')}</Button>
        )}
      </Space>}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} items={[
          { label: t('status'), children: <Tag color={c.status === 'open' ? 'orange' : 'green'} data-testid="consult-status">{label(statusLabels, c.status)}</Tag> },
          { label: t('channel'), children: label(channelLabels, c.channel) },
          { label: t('askedAt'), children: cst(c.askedAt) },
          { label: t('topic'), children: label(topicLabels, c.topic) },
          { label: t('ipType'), children: label(ipTypes, c.ipType) || '—' },
          { label: t('askerKind'), children: label(askerKindLabels, c.askerKind) },
          { label: t('asker'), children: [c.askerName, c.askerContactMasked].filter(Boolean).join(' ') || '—' },
          { label: t('institution'), children: c.institution.name },
          { label: t('minutes'), children: c.minutesSpent ?? '—' },
          ...(c.case ? [{ label: t('linkedCase'), children: <Link to={`/cases/${c.case.id}`} data-testid="consult-case">{c.case.caseNumber}</Link> }] : []),
        ]} />
      </Card>
      <Card title={t('thread')} size="small">
        <Timeline data-testid="consult-thread" items={c.messages.map((m) => ({
          color: m.author === 'staff' ? 'green' : 'blue',
          children: <>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.author === 'staff' ? `${t('staffSide')} ${m.authorName ?? ''}` : t('asker')} · {cst(m.at)}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>
          </>,
        }))} />
        {abilities.answer && (
          <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v.answer.trim(), {
            onSuccess: () => { message.success(t('replied')); form.resetFields(); }, onError,
          })}>
            <Form.Item name="answer" label={t('reply')} rules={[{ required: true, whitespace: true, message: t('replyRequired') }, { max: 10000 }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="consult-reply" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="consult-reply-send">{t('sendReply')}</Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}
