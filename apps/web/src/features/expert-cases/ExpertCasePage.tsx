import { App, Button, Card, Col, Descriptions, Flex, Form, List, Row, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { ipTypes, services } from '../../shared/enums.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { useErrorText } from '../../shared/errors.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fieldLabels } from '../cases/labels.ts';
import { fromForm, toForm, type OpinionForm } from '../cases/opinion.ts';
import { OpinionFields } from '../cases/OpinionFields.tsx';
import { evidenceHref, useExpertCase, useSaveOpinion, type ExpertCase } from './api.ts';
import { expertCaseMessages } from './messages.ts';

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

function Facts({ c }: { c: ExpertCase }) {
  const t = useT(expertCaseMessages);
  const { label } = useEnum();
  return (
    <Card size="small" title={t('facts')} data-testid="expert-case-facts">
      <Descriptions size="small" column={{ xs: 1, xxl: 2 }} styles={{ label: { whiteSpace: 'nowrap' }, content: { minWidth: 0, overflowWrap: 'anywhere' } }}>
        <Descriptions.Item label={t('services')} span="filled">{c.services.map((s) => <Tag key={s} color="blue">{label(services, s)}</Tag>)}</Descriptions.Item>
        <Descriptions.Item label={t('ipType')}>{label(ipTypes, c.ipType)}</Descriptions.Item>
        <Descriptions.Item label={t('ipNumber')}>{c.ipNumber || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field')}>{c.field ? label(fieldLabels, c.field) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('institution')}>{c.institution}{c.handler ? ` · ${c.handler}` : ''}</Descriptions.Item>
        <Descriptions.Item label={t('parties')} span="filled">
          <Flex vertical gap={2} data-testid="expert-case-parties">
            {c.parties.map((p, i) => (
              <span key={i}>{t(p.role === 'applicant' ? 'applicant' : 'opposing')}：{p.name ?? t('hidden')}</span>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('summary')} span="filled"><Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.summary}</Typography.Paragraph></Descriptions.Item>
        {c.request && <Descriptions.Item label={t('request')} span="filled">{c.request}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

function Evidence({ c }: { c: ExpertCase }) {
  const t = useT(expertCaseMessages);
  return (
    <Card size="small" title={`${t('evidence')} (${c.evidence.length})`} data-testid="expert-case-evidence">
      <List size="small" dataSource={c.evidence} locale={{ emptyText: t('noEvidence') }}
        renderItem={(f) => (
          <List.Item actions={[<a key="dl" href={evidenceHref(c.id, f.id)} download data-testid={`evidence-${f.name}`}>{t('download')}</a>]}>
            <List.Item.Meta title={f.name} description={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{kb(f.sizeBytes)} · SHA-256 {f.sha256.slice(0, 16)}…</Typography.Text>} />
          </List.Item>
        )} />
    </Card>
  );
}

/** The expert's view of one case: facts and evidence (no personal data), and the opinion they write. */
export function ExpertCasePage() {
  const { id } = useParams();
  const t = useT(expertCaseMessages);
  const bi = useBi();
  const errText = useErrorText();
  const { message } = App.useApp();
  const q = useExpertCase(id);
  const save = useSaveOpinion(id ?? '');
  const [form] = Form.useForm<OpinionForm>();
  const c = q.data?.data;
  useTitle(c?.caseNumber ?? '…');
  useEffect(() => {
    if (c?.myOpinion?.data) form.setFieldsValue(toForm(c.myOpinion.data));
  }, [c?.myOpinion?.data, form]);
  if (q.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const writable = q.data.abilities?.writeOpinion ?? false;
  return (
    <Flex vertical gap={12} data-testid="expert-case-page">
      <Flex align="center" gap={12}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="expert-case-number">{c!.caseNumber}</Typography.Title>
        <Tag>{bi(c!.state.zh, c!.state.en)}</Tag>
        <Link to="/my-cases">{t('back')}</Link>
      </Flex>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={11}><Flex vertical gap={12}><Facts c={c!} /><Evidence c={c!} /></Flex></Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={t('opinionTitle')} data-testid="expert-opinion-card">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{writable ? t('opinionHint') : t('locked')}</Typography.Paragraph>
            <Form form={form} layout="vertical" disabled={!writable} initialValues={{ compared: [] }}
              onFinish={(v) => save.mutateAsync(fromForm(v)).then(() => { message.success(t('saved')); return q.refetch(); }, (e) => message.error(errText(e)))}>
              <OpinionFields disabled={!writable} />
              {writable && <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="expert-opinion-save">{t('save')}</Button>}
            </Form>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
