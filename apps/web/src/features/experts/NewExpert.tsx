import { PlusOutlined } from '@ant-design/icons';
import { caseFields, expertAvailabilities, expertKinds, expertServices, ipTypes, type Labelled } from '@yuanzhi/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useState } from 'react';
import { post } from '../../shared/api.ts';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { ExpertListFields, listsForApi, type InterestValue, type QualificationValue } from './ExpertListFields.tsx';
import { expertMessages } from './messages.ts';

interface Values {
  name: string; employer?: string; employerCreditCode?: string; title?: string; phone?: string; email?: string;
  kinds: string[]; ipTypes?: string[]; services?: string[]; industries?: string[]; ipc?: string[]; regions?: string[];
  languages?: string[]; jurisdictions?: string[]; availability?: string; maxOpen?: number; notes?: string;
  interests?: InterestValue[]; qualifications?: QualificationValue[];
}

/** 新增专家: one expert by hand (the .xlsx import is for many); the server checks every field again. */
export function NewExpert() {
  const t = useT(expertMessages);
  const { lang } = useLang();
  const errText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const create = useMutation({ mutationFn: (v: Values) => post<{ data: { id: string } }>('/api/experts', clean(v)) });
  const opts = (list: readonly Labelled[]) => list.map((x) => ({ value: x.value, label: lang === 'en' ? x.en : x.zh }));
  const submit = (v: Values) => create.mutate(v, {
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['experts'] });
      message.success(t('created'));
      form.resetFields();
      setOpen(false);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e, lang)) void message.error(errText(e));
    },
  });
  const tags = (name: keyof Values, label: string, pattern: RegExp, hint: string) => (
    <Form.Item name={name} label={label} rules={[{ validator: (_, v: string[] | undefined) => (v ?? []).every((x) => pattern.test(x)) ? Promise.resolve() : Promise.reject(new Error(hint)) }]}>
      <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} data-testid={`new-expert-${name}`} />
    </Form.Item>
  );
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="expert-new">{t('new')}</Button>
      <Modal open={open} title={t('newTitle')} width={760} onCancel={() => setOpen(false)} okText={t('save')}
        confirmLoading={create.isPending} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'new-expert-save' } as never} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ availability: 'available', maxOpen: 3, kinds: [] }} data-testid="new-expert-form">
          <Row gutter={12}>
            <Col span={8}><Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }, { max: 100 }]}><Input data-testid="new-expert-name" /></Form.Item></Col>
            <Col span={8}><Form.Item name="employer" label={t('employer')} rules={[{ max: 200 }]}><Input data-testid="new-expert-employer" /></Form.Item></Col>
            <Col span={8}><Form.Item name="title" label={t('titleCol')} rules={[{ max: 100 }]}><Input /></Form.Item></Col>
            <Col span={8}><Form.Item name="employerCreditCode" label={t('creditCode')} rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: t('creditCodeInvalid') }]}><Input maxLength={18} /></Form.Item></Col>
            <Col span={8}><Form.Item name="phone" label={t('phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('phoneInvalid') }]}><Input inputMode="numeric" maxLength={11} autoComplete="off" /></Form.Item></Col>
            <Col span={8}><Form.Item name="email" label="E-mail" rules={[{ type: 'email', message: t('emailInvalid') }]}><Input autoComplete="off" /></Form.Item></Col>
            <Col span={12}><Form.Item name="kinds" label={t('kind')} rules={[{ required: true, type: 'array', min: 1, message: t('kindsRequired') }]}><Select mode="multiple" options={opts(expertKinds)} data-testid="new-expert-kinds" /></Form.Item></Col>
            <Col span={12}><Form.Item name="ipTypes" label={t('ipType')}><Select mode="multiple" options={opts(ipTypes)} /></Form.Item></Col>
            <Col span={12}><Form.Item name="services" label={t('service')}><Select mode="multiple" options={opts(expertServices)} /></Form.Item></Col>
            <Col span={12}><Form.Item name="industries" label={t('industry')}><Select mode="multiple" options={opts(caseFields)} /></Form.Item></Col>
            <Col span={12}>{tags('ipc', t('ipc'), /^[A-Ha-h](\d{2}[A-Za-z]?)?$/, t('ipcInvalid'))}</Col>
            <Col span={12}>{tags('regions', t('regions'), /^\d{6}$/, t('regionsInvalid'))}</Col>
            <Col span={12}>{tags('languages', t('languages'), /^[a-zA-Z]{2,3}$/, t('languagesInvalid'))}</Col>
            <Col span={12}>{tags('jurisdictions', t('jurisdictions'), /^[a-zA-Z]{2}$/, t('jurisdictionsInvalid'))}</Col>
            <Col span={12}><Form.Item name="availability" label={t('availability')}><Select options={opts(expertAvailabilities)} /></Form.Item></Col>
            <Col span={12}><Form.Item name="maxOpen" label={t('maxOpen')}><InputNumber min={1} max={50} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={24}><ExpertListFields /></Col>
            <Col span={24}><Form.Item name="notes" label={t('notes')} rules={[{ max: 2000 }]}><Input.TextArea rows={2} /></Form.Item></Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}

/** Empty inputs are left out (the server treats absent and empty alike only for lists). */
function clean({ interests, qualifications, ...v }: Values): Record<string, unknown> {
  const rest = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''));
  return { ...rest, ...listsForApi(interests, qualifications) };
}
