import { analysisKinds, analysisPurposes, analysisSubjectKinds, commissionerKinds } from '@yuanzhi/contracts';
import { Button, Drawer, Form, Input, Select, message } from 'antd';
import { applyServerErrors, useErrorText } from '../../shared/errors.ts';
import { useLang, useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { useCandidates } from '../events/api.ts';
import { createProject, useProjectWrite } from './api.ts';
import { analysisMessages } from './messages.ts';

/** A new analysis project: commissioner, subject, kind, purpose, team. Validates as it is typed. */
export function ProjectFormDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useT(analysisMessages);
  const { lang } = useLang();
  const label = useLabel();
  const errText = useErrorText();
  const [form] = Form.useForm();
  const save = useProjectWrite((b: Record<string, unknown>) => createProject(b));
  const cands = useCandidates(open).data?.data;
  const subjectKind = Form.useWatch('subjectKind', form);
  const req = [{ required: true, whitespace: true, message: t('required') }];
  const opts = (list: readonly { value: string }[]) => list.map((x) => ({ value: x.value, label: label(list as never, x.value) }));
  const submit = async (v: Record<string, unknown>) => {
    try {
      const r = await save.mutateAsync({ ...v, country: v.country || null, dueOn: v.dueOn || null, partnerAgency: v.partnerAgency || null });
      form.resetFields();
      onClose();
      onCreated(r.data.id);
    } catch (e) {
      if (!applyServerErrors(form, e, lang)) message.error(errText(e));
    }
  };
  return (
    <Drawer open={open} onClose={onClose} title={t('newProject')} size="large" destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ staffIds: [], expertIds: [] }} data-testid="project-form">
        <Form.Item name="title" label={t('projectTitle')} rules={[...req, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="commissionerKind" label={t('commissionerKind')} rules={[{ required: true, message: t('required') }]}><Select options={opts(commissionerKinds)} /></Form.Item>
        <Form.Item name="commissioner" label={t('commissioner')} rules={[...req, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="subjectKind" label={t('subjectKind')} rules={[{ required: true, message: t('required') }]}><Select options={opts(analysisSubjectKinds)} /></Form.Item>
        <Form.Item name="subject" label={t('subject')} rules={[...req, { max: 200 }]}><Input /></Form.Item>
        {subjectKind === 'overseas_country' && (
          <Form.Item name="country" label={t('country')} extra={t('countryHint')} rules={[{ required: true, message: t('required') }, { pattern: /^[A-Za-z]{2}$/, message: t('countryHint') }]}>
            <Input style={{ width: 100 }} maxLength={2} />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('kind')} rules={[{ required: true, message: t('required') }]}><Select options={opts(analysisKinds)} /></Form.Item>
        <Form.Item name="purpose" label={t('purpose')} rules={[{ required: true, message: t('required') }]}><Select options={opts(analysisPurposes)} /></Form.Item>
        <Form.Item name="staffIds" label={`${t('team')} · 工作人员`}><Select mode="multiple" optionFilterProp="label" options={cands?.staff.map((s) => ({ value: s.id, label: `${s.name} · ${s.institution}` }))} /></Form.Item>
        <Form.Item name="expertIds" label={`${t('team')} · 专家`}><Select mode="multiple" optionFilterProp="label" options={cands?.experts.map((s) => ({ value: s.id, label: s.name }))} /></Form.Item>
        <Form.Item name="partnerAgency" label={t('partnerAgency')} rules={[{ max: 200 }]}><Input /></Form.Item>
        <Form.Item name="startsOn" label={t('startsOn')} rules={[{ required: true, message: t('required') }]}><Input type="date" style={{ width: 180 }} /></Form.Item>
        <Form.Item name="dueOn" label={t('dueOn')}><Input type="date" style={{ width: 180 }} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="project-save">{t('save')}</Button>
      </Form>
    </Drawer>
  );
}
