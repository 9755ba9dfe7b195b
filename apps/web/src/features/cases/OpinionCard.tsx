import { App, Button, Card, Empty, Form, List, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useOpinionOutcome, useSaveOpinionOutcome } from './opinion.api.ts';
import { opinionMessages } from './opinion.messages.ts';
import { fromForm, toForm, type OpinionForm, type OpinionValue } from './opinion.ts';
import { OpinionFields } from './OpinionFields.tsx';
import { fmtTime } from './format.ts';

/**
 * The handler's part of the opinion: the attached experts' own opinions, one click to adopt one into the form,
 * then the case's opinion is saved (and submitted for review from the action bar). Signed off: read-only.
 */
export function OpinionCard({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const t = useT(opinionMessages);
  const errText = useErrorText();
  const { message } = App.useApp();
  const q = useOpinionOutcome(caseId);
  const save = useSaveOpinionOutcome(caseId);
  const [form] = Form.useForm<OpinionForm>();
  const o = q.data?.data;
  const signed = !!o?.signedOffAt;
  useEffect(() => {
    if (o?.data) form.setFieldsValue(toForm(o.data as unknown as OpinionValue));
  }, [o?.data, form]);
  const experts = o?.experts ?? [];
  // Nothing to read and nothing this user may write (a clerk before the experts have written): no empty form.
  if (!canWrite && !o?.data && !experts.some((e) => e.opinionAt)) return null;
  return (
    <Card size="small" title={t('cardTitle')} data-testid="opinion-card"
      extra={signed ? <Tag color="green" data-testid="opinion-signed-off">{t('signedOff')}</Tag> : <Typography.Text type="secondary">{o?.updatedAt ? t('savedAt', { at: fmtTime(o.updatedAt) }) : t('notSaved')}</Typography.Text>}>
      <Typography.Text strong>{t('expertOpinions')}</Typography.Text>
      {experts.some((e) => e.opinionAt) ? (
        <List size="small" dataSource={experts.filter((e) => e.opinionAt)} data-testid="expert-opinions"
          renderItem={(e) => (
            <List.Item actions={canWrite && !signed && e.opinionData ? [
              <Button key="adopt" size="small" onClick={() => { form.setFieldsValue(toForm(e.opinionData)); message.info(t('adopted')); }} data-testid={`adopt-${e.name}`}>{t('adopt')}</Button>,
            ] : []}>
              <List.Item.Meta title={`${e.name} · ${fmtTime(e.opinionAt)}`}
                description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} ellipsis={{ rows: 6, expandable: true }}>{e.opinion}</Typography.Paragraph>} />
            </List.Item>
          )} />
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noExpertOpinion')} />}
      <Form form={form} layout="vertical" disabled={!canWrite || signed} initialValues={{ compared: [] }}
        onFinish={(v) => save.mutateAsync(fromForm(v)).then(() => message.success(t('saved')), (e) => message.error(errText(e)))}>
        <OpinionFields disabled={!canWrite || signed} />
        {canWrite && !signed && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="opinion-save">{t('save')}</Button>}
      </Form>
    </Card>
  );
}
