import { trainingModes, trainingTopics } from '@yuanzhi/contracts';
import { App, AutoComplete, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { useLabel } from '../experts/labels.ts';
import { useInstitutionList } from '../institutions/api.ts';
import { useCreateTraining, useExpertOptions, useUpdateTraining, type TrainingDetail } from './api.ts';
import { trainingMessages } from './messages.ts';

interface Values {
  title: string; summary?: string; topics: string[]; audience?: string; mode: string; place?: string; onlineUrl?: string;
  time: [Dayjs, Dayjs]; organiser: string; coOrganisers?: string[]; capacity?: number | null; speakerIds?: string[];
}

/** Plan a training or edit one: a modal form that validates as you type; server errors land on their fields. */
export function TrainingForm({ open, onClose, training }: { open: boolean; onClose: () => void; training?: TrainingDetail }) {
  const t = useT(trainingMessages);
  const label = useLabel();
  const { message } = App.useApp();
  const nav = useNavigate();
  const [form] = Form.useForm<Values>();
  const onError = useFormErrors(form, { startsAt: 'time', endsAt: 'time' });
  const create = useCreateTraining();
  const update = useUpdateTraining(training?.id ?? '');
  const [q, setQ] = useState('');
  const experts = useExpertOptions(q);
  const mode = Form.useWatch('mode', form);
  // Organisers are free text, with the institutions in reach offered as they are typed.
  const institutions = useInstitutionList({ page: 1, pageSize: 200 }, open);
  const institutionOptions = (institutions.data?.data ?? []).map((i) => ({ value: i.name, label: i.name }));
  const speakerOptions = [
    ...(training?.speakers ?? []).map((s) => ({ value: s.id, label: `${s.name}${s.employer ? `（${s.employer}）` : ''}` })),
    ...(experts.data ?? []).filter((e) => !training?.speakers.some((s) => s.id === e.id)).map((e) => ({ value: e.id, label: `${e.name}${e.employer ? `（${e.employer}）` : ''}` })),
  ];
  const initial: Partial<Values> = training
    ? {
      ...training, summary: training.summary ?? undefined, audience: training.audience ?? undefined, place: training.place ?? undefined, onlineUrl: training.onlineUrl ?? undefined,
      time: [dayjs(training.startsAt), dayjs(training.endsAt)], speakerIds: training.speakers.map((s) => s.id),
    }
    : { mode: 'offline', topics: [] };
  const submit = (v: Values) => {
    const body = {
      title: v.title, summary: v.summary || null, topics: v.topics, audience: v.audience || null, mode: v.mode, place: v.place || null, onlineUrl: v.onlineUrl || null,
      startsAt: v.time[0].toISOString(), endsAt: v.time[1].toISOString(), organiser: v.organiser, coOrganisers: v.coOrganisers ?? [],
      capacity: v.capacity ?? null, speakerIds: v.speakerIds ?? [],
    };
    if (training) {
      update.mutate({ ...body, version: training.version }, { onSuccess: () => { message.success(t('saved')); onClose(); }, onError });
    } else {
      create.mutate(body, { onSuccess: (r) => { message.success(t('created')); onClose(); nav(`/trainings/${r.data.id}`); }, onError });
    }
  };
  return (
    <Modal open={open} onCancel={onClose} title={training ? t('edit') : t('newTraining')} width={720} okText={t('save')} destroyOnHidden
      onOk={() => form.submit()} confirmLoading={create.isPending || update.isPending} okButtonProps={{ 'data-testid': 'training-save' } as never}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} data-testid="training-form">
        <Form.Item name="title" label={t('name')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input data-testid="training-title" />
        </Form.Item>
        <Form.Item name="topics" label={t('topics')} rules={[{ required: true, message: t('topicsRequired') }]}>
          <Select mode="multiple" options={trainingTopics.map((x) => ({ value: x.value, label: label(trainingTopics, x.value) }))} data-testid="training-topics" />
        </Form.Item>
        <Form.Item name="time" label={t('time')} rules={[{ required: true, message: t('timeRequired') }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="training-time" />
        </Form.Item>
        <Form.Item name="mode" label={t('mode')} rules={[{ required: true }]}>
          <Select options={trainingModes.map((x) => ({ value: x.value, label: label(trainingModes, x.value) }))} data-testid="training-mode" />
        </Form.Item>
        <Form.Item name="place" label={t('place')} rules={[{ required: mode === 'offline', message: t('placeRequired') }, { max: 300 }]}>
          <Input data-testid="training-place" />
        </Form.Item>
        {mode !== 'offline' && <Form.Item name="onlineUrl" label={t('onlineUrl')} rules={[{ type: 'url' }]}><Input /></Form.Item>}
        <Form.Item name="audience" label={t('audience')} rules={[{ max: 200 }]}><Input /></Form.Item>
        <Form.Item name="organiser" label={t('organiser')} rules={[{ required: true, whitespace: true, message: t('organiserRequired') }]}>
          <AutoComplete options={institutionOptions} filterOption={(v, o) => !!o?.value.includes(v)}><Input data-testid="training-organiser" /></AutoComplete>
        </Form.Item>
        <Form.Item name="coOrganisers" label={t('coOrganisers')} extra={t('coOrganisersHint')}>
          <Select mode="tags" options={institutionOptions} />
        </Form.Item>
        <Form.Item name="speakerIds" label={t('speakers')}>
          <Select mode="multiple" showSearch={{ filterOption: false, onSearch: setQ }} options={speakerOptions} loading={experts.isFetching} data-testid="training-speakers" />
        </Form.Item>
        <Form.Item name="capacity" label={t('capacity')} extra={t('capacityHint')}>
          <InputNumber min={1} max={100000} style={{ width: 160 }} data-testid="training-capacity" />
        </Form.Item>
        <Form.Item name="summary" label={t('summary')} rules={[{ max: 4000 }]}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Modal>
  );
}
