import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Divider, Drawer, Flex, Form, Input, InputNumber, List, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useLang, useT } from '../../shared/i18n/index.ts';
import { useIndicators, useReturnView, useReviewReturn, useSaveReturn, type Practice } from './api.ts';
import { figure } from './format.ts';
import { statsMessages } from './messages.ts';

const statusColor = { none: 'default', missing: 'default', draft: 'blue', submitted: 'orange', returned: 'red', accepted: 'green' } as const;

interface Values { fundsSpent: number | null; narrative: string; practices: Practice[] }

/** One institution's return: figures pre-filled by the platform, what only people know, and the review. */
export function ReturnEditor({ institutionId, period, onClose }: { institutionId: string | null; period: string; onClose: () => void }) {
  const t = useT(statsMessages);
  const bi = useBi();
  const { lang } = useLang();
  const { message } = App.useApp();
  const errText = useErrorText();
  const q = useReturnView(institutionId, period);
  const defs = useIndicators();
  const save = useSaveReturn();
  const review = useReviewReturn();
  const [form] = Form.useForm<Values>();
  const [reviewForm] = Form.useForm<{ comment: string }>();
  const v = q.data;
  const editable = !!v && (v.abilities.save || v.abilities.submit);

  useEffect(() => {
    if (v) form.setFieldsValue({ fundsSpent: v.fundsSpent, narrative: v.narrative, practices: v.practices });
  }, [v, form]);

  const send = async (submit: boolean) => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ institutionId: institutionId!, period, fundsSpent: values.fundsSpent ?? null, narrative: values.narrative ?? '', practices: values.practices ?? [], submit });
      message.success(t(submit ? 'submitted' : 'saved'));
    } catch (e) { message.error(errText(e)); }
  };
  const decide = async (decision: 'return' | 'accept') => {
    const { comment } = decision === 'return' ? await reviewForm.validateFields() : reviewForm.getFieldsValue();
    try {
      await review.mutateAsync({ id: v!.id!, decision, ...(comment ? { comment } : {}) });
      reviewForm.resetFields();
      message.success(t(decision === 'accept' ? 'staccepted' : 'streturned'));
    } catch (e) { message.error(errText(e)); }
  };

  return (
    <Drawer open={!!institutionId} onClose={onClose} size="large" data-testid="return-editor" destroyOnHidden
      title={v ? `${v.institution.name} · ${v.periodLabel}` : ''}
      extra={v && <Tag color={statusColor[v.status]} data-testid="return-status">{t(`st${v.status}` as 'stnone')}</Tag>}>
      {v && (
        <Flex vertical gap={12}>
          {!v.periodEnded && <Alert type="info" showIcon title={t('notEnded')} />}
          {v.reviewComment && <Alert type={v.status === 'returned' ? 'warning' : 'info'} showIcon data-testid="return-comment" title={`${t('reviewComment')}：${v.reviewComment}`} />}
          <Descriptions size="small" bordered column={2} title={<>{t('figures')} {(v.status === 'submitted' || v.status === 'accepted') && <Tag>{t('figuresFrozen')}</Tag>}</>}
            items={(defs.data ?? []).filter((d) => d.id in v.figures).map((d) => ({
              key: d.id, label: bi(d.zh, d.en), children: `${figure(d, v.figures[d.id], lang)}${d.kind === 'ratio' ? '' : bi(d.unit.zh, d.unit.en)}`,
            }))} />
          <Typography.Text>{t('dueOn')}：{v.dueOn}</Typography.Text>
          <Form form={form} layout="vertical" disabled={!editable} data-testid="return-form" validateTrigger={['onChange', 'onBlur']}>
            <Form.Item name="fundsSpent" label={t('fundsSpent')} extra={t('fundsHelp')} rules={[{ type: 'number', min: 0 }]}>
              <InputNumber style={{ width: 200 }} min={0} step={0.1} data-testid="return-funds" />
            </Form.Item>
            <Form.Item name="narrative" label={t('narrative')} rules={[{ max: 10000 }]}>
              <Input.TextArea rows={4} showCount maxLength={10000} data-testid="return-narrative" />
            </Form.Item>
            <Form.List name="practices">
              {(fields, { add, remove }) => (
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t('practices')}</Typography.Text>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="start">
                      <Form.Item name={[f.name, 'title']} rules={[{ required: true, whitespace: true, max: 100 }]} style={{ width: 200, marginBottom: 8 }}>
                        <Input placeholder={t('practiceTitle')} data-testid={`practice-title-${f.name}`} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text']} rules={[{ required: true, whitespace: true, max: 3000 }]} style={{ flex: 1, marginBottom: 8 }}>
                        <Input.TextArea rows={2} placeholder={t('practiceText')} data-testid={`practice-text-${f.name}`} />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ title: '', text: '' })} disabled={!editable} data-testid="practice-add">{t('addPractice')}</Button>
                </Flex>
              )}
            </Form.List>
          </Form>
          {editable && (
            <Flex gap={8}>
              <Button onClick={() => send(false)} loading={save.isPending} data-testid="return-save">{t('save')}</Button>
              <Button type="primary" onClick={() => send(true)} loading={save.isPending} data-testid="return-submit">{t('submit')}</Button>
            </Flex>
          )}
          {v.abilities.review && (
            <>
              <Divider titlePlacement="start">{t('review')}</Divider>
              <Form form={reviewForm} layout="vertical">
                <Form.Item name="comment" label={t('reviewComment')} rules={[{ required: true, whitespace: true, message: t('commentRequired') }]}>
                  <Input.TextArea rows={2} data-testid="review-comment" />
                </Form.Item>
              </Form>
              <Flex gap={8}>
                <Button danger onClick={() => decide('return')} loading={review.isPending} data-testid="review-return">{t('returnIt')}</Button>
                <Button type="primary" onClick={() => decide('accept')} loading={review.isPending} data-testid="review-accept">{t('accept')}</Button>
              </Flex>
            </>
          )}
          {v.rollup.returns.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('rollup')}</Divider>
              <Typography.Text>{t('rollupFunds')}：{v.rollup.fundsSpent}</Typography.Text>
              <List size="small" dataSource={v.rollup.returns} renderItem={(r) => (
                <List.Item><List.Item.Meta title={`${r.institutionName}（${r.fundsSpent ?? '—'}）`} description={r.practices.map((p) => p.title).join('；')} /></List.Item>
              )} />
            </>
          )}
          {v.history.length > 0 && (
            <>
              <Divider titlePlacement="start">{t('history')}</Divider>
              <Timeline items={v.history.map((h) => ({ content: `${dayjs(h.at).format('YYYY-MM-DD HH:mm')} ${h.actorName} ${t(`act${h.action}` as 'actsave')}${h.comment ? `：${h.comment}` : ''}` }))} />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
}
