import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, TreeSelect } from 'antd';
import { ruleProblem, weightGap } from '@yuanzhi/domain';
import { useEffect, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useMe } from '../../shared/session.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useInstitutionOptions } from '../institutions/useInstitutionOptions.ts';
import { useIndicators } from '../stats/api.ts';
import { useCopySheet, useSaveSheet, useSheet, type SheetInput, type SheetItem } from './api.ts';
import { assessmentMessages } from './messages.ts';
import { RunStarter } from './RunStarter.tsx';


/** The sheet editor: items with weights (checked to add up to 100 as typed), each computed by a rule or scored by hand. */
export function SheetEditorPage() {
  const { id } = useParams();
  const isNew = !id || id === 'new';
  const t = useT(assessmentMessages);
  const bi = useBi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<SheetInput>();
  const onError = useFormErrors(form);
  const sheet = useSheet(isNew ? undefined : id);
  const save = useSaveSheet(isNew ? undefined : id);
  const copy = useCopySheet();
  const inds = useIndicators();
  const inst = useInstitutionOptions();
  const me = useMe();
  const items = Form.useWatch('items', form);
  const gap = weightGap((items ?? []).map((i: SheetItem | undefined) => Number(i?.weight) || 0));
  const sum = Math.round((100 - gap) * 10) / 10;
  const readOnly = !isNew && !!sheet.data && !sheet.data.abilities.edit;

  useEffect(() => {
    if (sheet.data) form.setFieldsValue({ institutionId: sheet.data.institution.id, name: sheet.data.name, year: sheet.data.year, items: sheet.data.items });
  }, [sheet.data, form]);
  const initial = useMemo(() => ({
    institutionId: me.data?.grants.find((g) => g.role === 'supervisor' || g.role === 'institution_admin')?.institutionId,
    year: new Date().getFullYear() - 1, items: [{ kind: 'computed', title: '', weight: 100, rule: { floor: 0, target: 100 } }],
  }), [me.data]);

  const submit = async (v: SheetInput) => {
    try {
      const items = v.items.map((i) => (i.kind === 'computed'
        ? { kind: i.kind, title: i.title, weight: i.weight, indicatorId: i.indicatorId, rule: { floor: i.rule!.floor, target: i.rule!.target, cap: i.rule!.cap ?? null, lowerIsBetter: !!i.rule!.lowerIsBetter } }
        : { kind: i.kind, title: i.title, weight: i.weight, ...(i.guidance ? { guidance: i.guidance } : {}) }));
      const saved = await save.mutateAsync({ ...v, items });
      message.success(t('saved'));
      if (isNew) navigate(`/stats/assessments/sheets/${saved.id}`, { replace: true });
    } catch (e) { onError(e); }
  };
  return (
    <Flex vertical gap={12}>
      <Link to="/stats/assessments">← {t('back')}</Link>
      <Card size="small" data-testid="sheet-editor"
        title={`${isNew ? t('newSheet') : readOnly ? t('viewSheet') : t('editSheet')}${sheet.data ? ` · v${sheet.data.version}` : ''}`}
        extra={sheet.data?.abilities.copy && (
          <Button onClick={async () => { const c = await copy.mutateAsync(sheet.data!.id); navigate(`/stats/assessments/sheets/${c.id}`); }} loading={copy.isPending} data-testid="sheet-copy">{t('copy')}</Button>
        )}>
        {readOnly && <Alert type="info" showIcon title={t('lockedHint')} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" disabled={readOnly} initialValues={isNew ? initial : undefined} onFinish={submit} key={isNew ? `new-${!!me.data}` : id}>
          <Row gutter={12}>
            <Col span={10}><Form.Item name="name" label={t('sheetName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}><Input data-testid="sheet-name" placeholder="分中心考核指标打分表" /></Form.Item></Col>
            <Col span={4}><Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} data-testid="sheet-year" /></Form.Item></Col>
            <Col span={10}><Form.Item name="institutionId" label={t('owner')} rules={[{ required: true, message: t('required') }]}>
              <TreeSelect showSearch treeNodeFilterProp="title" treeDefaultExpandAll treeData={inst.options} disabled={!isNew || readOnly} data-testid="sheet-owner" />
            </Form.Item></Col>
          </Row>
          <Alert type={gap === 0 ? 'success' : 'error'} showIcon data-testid="weight-sum" style={{ marginBottom: 12 }}
            title={gap === 0 ? t('weightOk') : gap > 0 ? t('weightOff', { sum, gap }) : t('weightOver', { sum, over: -gap })} />
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f, n) => <ItemRow key={f.key} name={f.name} n={n} onRemove={() => remove(f.name)} indicators={(inds.data ?? []).map((i) => ({ value: i.id, label: `${bi(i.zh, i.en)}（${bi(i.unit.zh, i.unit.en)}）` }))} />)}
                {!readOnly && <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'manual', title: '', weight: 0 })} data-testid="item-add">{t('addItem')}</Button>}
              </Flex>
            )}
          </Form.List>
          {!readOnly && <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 12 }} data-testid="sheet-save">{t('save')}</Button>}
        </Form>
      </Card>
      {sheet.data?.abilities.run && sheet.data.items.length > 0 && <RunStarter sheetId={sheet.data.id} />}
    </Flex>
  );
}

function ItemRow({ name, n, onRemove, indicators }: { name: number; n: number; onRemove: () => void; indicators: { value: string; label: string }[] }) {
  const t = useT(assessmentMessages);
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['items', name, 'kind'], form);
  const lower = Form.useWatch(['items', name, 'rule', 'lowerIsBetter'], form);
  return (
    <Card size="small" data-testid={`item-${n}`} type="inner" title={`${t('items')} ${n + 1}`} extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label="remove" />}>
      <Row gutter={8}>
        <Col span={10}><Form.Item name={[name, 'title']} label={t('itemTitle')} rules={[{ required: true, whitespace: true, message: t('required') }]}><Input data-testid={`item-${n}-title`} /></Form.Item></Col>
        <Col span={4}><Form.Item name={[name, 'weight']} label={t('weight')} rules={[{ required: true, message: t('required') }, { type: 'number', min: 0.1, max: 100 }]}>
          <InputNumber min={0} max={100} step={1} precision={1} style={{ width: '100%' }} data-testid={`item-${n}-weight`} /></Form.Item></Col>
        <Col span={10}><Form.Item name={[name, 'kind']} label={t('kind')}>
          <Select data-testid={`item-${n}-kind`} options={[{ value: 'computed', label: t('computed') }, { value: 'manual', label: t('manual') }]} /></Form.Item></Col>
      </Row>
      {kind === 'computed' ? (
        <Row gutter={8}>
          <Col span={9}><Form.Item name={[name, 'indicatorId']} label={t('indicator')} rules={[{ required: true, message: t('required') }]}>
            <Select showSearch optionFilterProp="label" options={indicators} data-testid={`item-${n}-indicator`} /></Form.Item></Col>
          <Col span={4}><Form.Item name={[name, 'rule', 'floor']} label={t('floor')} rules={[{ required: true, message: t('required') }]}><InputNumber style={{ width: '100%' }} data-testid={`item-${n}-floor`} /></Form.Item></Col>
          <Col span={4}><Form.Item name={[name, 'rule', 'target']} label={t('target')} dependencies={[['items', name, 'rule', 'floor'], ['items', name, 'rule', 'lowerIsBetter']]}
            rules={[{ required: true, message: t('required') }, ({ getFieldValue }) => ({
              validator: (_, v: number | null) => {
                const floor = getFieldValue(['items', name, 'rule', 'floor']) as number | null;
                if (v === null || v === undefined || floor === null || floor === undefined) return Promise.resolve();
                if (ruleProblem({ floor, target: v, lowerIsBetter: !!lower }, 1)?.field === 'target') return Promise.reject(new Error(lower ? t('targetBelow') : t('targetBeyond')));
                return Promise.resolve();
              },
            })]}><InputNumber style={{ width: '100%' }} data-testid={`item-${n}-target`} /></Form.Item></Col>
          <Col span={4}><Form.Item name={[name, 'rule', 'cap']} label={t('cap')}><InputNumber min={0.1} style={{ width: '100%' }} data-testid={`item-${n}-cap`} /></Form.Item></Col>
          <Col span={3}><Form.Item name={[name, 'rule', 'lowerIsBetter']} valuePropName="checked" label=" "><Checkbox data-testid={`item-${n}-lower`}>{t('lowerIsBetter')}</Checkbox></Form.Item></Col>
        </Row>
      ) : (
        <Form.Item name={[name, 'guidance']} label={t('guidance')}><Input.TextArea rows={2} maxLength={500} data-testid={`item-${n}-guidance`} /></Form.Item>
      )}
    </Card>
  );
}
