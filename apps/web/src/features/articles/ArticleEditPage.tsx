import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, type Page } from '../../shared/api.ts';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { ipTypes } from '../../shared/enums.ts';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { RegionPicker } from '../../shared/RegionPicker.tsx';
import { useMe } from '../../shared/session.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useArticle, useArticleWrite, type ArticleInput } from './api.ts';
import { KindFields, metaFromForm, metaToForm } from './KindFields.tsx';
import { kindLabels, stateColor, stateLabels } from './labels.ts';
import { articleMessages } from './messages.ts';
import { FilesCard } from './FilesCard.tsx';
import { ReplacementsCard } from './ReplacementsCard.tsx';
import { VersionsCard } from './VersionsCard.tsx';

type Values = ArticleInput & { kind: string; institutionId: string };

/** Write or review one article: the kind's fields, the body, the workflow buttons the server allows, versions. */
export function ArticleEditPage() {
  const { id } = useParams();
  const isNew = id === 'new';
  const t = useT(articleMessages);
  const { lang } = useLang();
  const { options, label } = useEnum();
  const errText = useErrorText();
  const { message } = App.useApp();
  const nav = useNavigate();
  const { data: me } = useMe();
  const q = useArticle(isNew ? undefined : id);
  const w = useArticleWrite();
  const [form] = Form.useForm<Values>();
  const [note, setNote] = useState('');
  const kind = Form.useWatch('kind', form) ?? q.data?.data.kind ?? 'news';
  const a = q.data?.data;
  const editable = isNew || !!q.data?.abilities.edit;
  const insts = useQuery({ queryKey: ['articles', 'institutions'], enabled: isNew, queryFn: () => get<Page<{ id: string; name: string }>>('/api/institutions', { pageSize: 100 }) });

  useEffect(() => {
    if (a) form.setFieldsValue({ ...a, meta: metaToForm(a.meta) } as never);
    else if (isNew && me?.grants[0]) form.setFieldsValue({ kind: 'news', institutionId: me.grants[0].institutionId, tags: [], ipTypes: [] } as never);
  }, [a, isNew, me, form]);

  const submit = (v: Values) => {
    const body: ArticleInput = {
      title: v.title, summary: v.summary ?? '', bodyHtml: v.bodyHtml ?? '', tags: v.tags ?? [], ipTypes: v.ipTypes ?? [], regionCode: v.regionCode ?? null,
      meta: metaFromForm(kind, v.meta as Record<string, unknown>),
    };
    const onError = (e: unknown) => { if (!applyServerErrors(form, e, lang)) message.error(errText(e)); };
    if (isNew) w.create.mutate({ ...body, kind: v.kind, institutionId: v.institutionId }, { onSuccess: (r) => nav(`/articles/${r.data.id}`, { replace: true }), onError });
    else w.save.mutate({ ...body, id: id!, expectedVersion: a!.version }, { onSuccess: (r) => message.success(t('saved', { n: r.data.version })), onError });
  };
  const step = (action: string) => w.step.mutate({ id: id!, action, note: note || undefined }, { onError: (e) => message.error(errText(e)) });

  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  return (
    <Flex vertical gap={12}>
      <Card
        loading={q.isLoading}
        title={<Space wrap><Link to="/articles">{t('back')}</Link>{a && <Tag color={stateColor[a.state]} data-testid="article-state">{label(stateLabels, a.state)}</Tag>}{a && <span>v{a.version}</span>}</Space>}
        extra={a && (
          <Space wrap>
            {q.data!.abilities.actions.some((x) => x === 'approve' || x === 'reject') && (
              <Input placeholder={t('reviewNote')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} data-testid="review-note" />
            )}
            {q.data!.abilities.actions.map((x) => (
              <Button key={x} type={x === 'approve' || x === 'submit' ? 'primary' : 'default'} danger={x === 'withdraw'} loading={w.step.isPending}
                onClick={() => step(x)} data-testid={`act-${x}`}>{t(`act_${x}` as never)}</Button>
            ))}
          </Space>
        )}
      >
        {a && !editable && <Alert type="info" showIcon title={t('notEditable')} style={{ marginBottom: 12 }} />}
        {a?.reviewNote && <Alert type="warning" showIcon title={`${t('reviewNote')}：${a.reviewNote}`} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" disabled={!editable} onFinish={submit} data-testid="article-form">
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('kind')} rules={[{ required: true }]}>
                <Select options={options(kindLabels)} disabled={!isNew} data-testid="article-kind" />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              {isNew ? (
                <Form.Item name="institutionId" label={t('institution')} rules={[{ required: true, message: t('required', { f: t('institution') }) }]}>
                  <Select showSearch={{ optionFilterProp: 'label' }} options={(insts.data?.data ?? []).map((i) => ({ value: i.id, label: i.name }))} data-testid="article-institution" />
                </Form.Item>
              ) : (
                <Form.Item label={t('institution')}><Input value={a?.institution.name} disabled /></Form.Item>
              )}
            </Col>
          </Row>
          <Form.Item name="title" label={t('titleField')} rules={[{ required: true, message: t('required', { f: t('titleField') }) }, { min: 2, max: 200 }]}>
            <Input maxLength={200} data-testid="article-title" />
          </Form.Item>
          <Form.Item name="summary" label={t('summary')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} data-testid="article-summary" />
          </Form.Item>
          <KindFields kind={kind} />
          <Row gutter={12}>
            <Col xs={24} md={8}><Form.Item name="ipTypes" label={t('ipTypes')}><Select mode="multiple" options={options(ipTypes)} data-testid="article-iptypes" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="tags" label={t('tags')}><Select mode="tags" maxCount={10} data-testid="article-tags" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item name="regionCode" label={t('region')}><RegionPicker testId="article-region" /></Form.Item></Col>
          </Row>
          <Form.Item name="bodyHtml" label={t('body')} extra={t('bodyHint')}>
            <Input.TextArea rows={10} data-testid="article-body" />
          </Form.Item>
          {editable && <Button type="primary" htmlType="submit" loading={w.create.isPending || w.save.isPending} data-testid="article-save">{t('save')}</Button>}
        </Form>
      </Card>
      {a?.replacements && <ReplacementsCard items={a.replacements} />}
      {a && (
        <Row gutter={12}>
          <Col xs={24} lg={16}>
            <Card size="small" title={t('preview')}>
              <Typography.Title level={4}>{a.title}</Typography.Title>
              {/* bodyHtml was sanitised by the server when it was saved (articles.sanitize.ts). */}
              <div className="article-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} data-testid="article-preview" />
            </Card>
          </Col>
          <Col xs={24} lg={8}>
            <Flex vertical gap={12}>
              <FilesCard id={a.id} files={a.attachments ?? []} editable={editable} />
              <VersionsCard id={a.id} version={a.version} />
            </Flex>
          </Col>
        </Row>
      )}
    </Flex>
  );
}
