import { rosterKinds } from '@yuanzhi/contracts';
import { Button, Flex, Form, Input, Select, Table, message } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { useCandidates, useEventWrite, writes, type EventDetail } from './api.ts';
import { eventMessages } from './messages.ts';

/** Who is on duty each day: institutions, staff and experts. */
export function RosterTab({ event, edit }: { event: EventDetail; edit: boolean }) {
  const t = useT(eventMessages);
  const label = useLabel();
  const errText = useErrorText();
  const [form] = Form.useForm();
  const [kind, setKind] = useState<string>('staff');
  const cands = useCandidates(edit).data?.data;
  const add = useEventWrite(event.id, writes(event.id).addRoster);
  const remove = useEventWrite(event.id, writes(event.id).removeRoster);
  const options = !cands ? [] : kind === 'institution' ? cands.institutions.map((x) => ({ value: x.id, label: x.name }))
    : kind === 'expert' ? cands.experts.map((x) => ({ value: x.id, label: `${x.name}${x.employer ? `（${x.employer}）` : ''}` }))
      : cands.staff.map((x) => ({ value: x.id, label: `${x.name} · ${x.institution}` }));
  const submit = async (v: Record<string, string>) => {
    try {
      await add.mutateAsync({ ...v, kind, duty: v.duty || undefined });
      form.resetFields(['refId', 'duty']);
    } catch (e) {
      message.error(errText(e));
    }
  };
  return (
    <>
      {edit && (
        <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12 }} data-testid="roster-form" initialValues={{ onDate: event.startsOn }}>
          <Form.Item name="onDate" rules={[{ required: true, message: t('required') }]}><Input type="date" min={event.startsOn} max={event.endsOn} aria-label={t('onDate')} /></Form.Item>
          <Select value={kind} onChange={(v) => { setKind(v); form.resetFields(['refId']); }} style={{ width: 110, marginRight: 8 }}
            options={rosterKinds.map((k) => ({ value: k.value, label: label(rosterKinds, k.value) }))} />
          <Form.Item name="refId" rules={[{ required: true, message: t('required') }]}><Select showSearch optionFilterProp="label" style={{ width: 260 }} placeholder={t('who')} options={options} /></Form.Item>
          <Form.Item name="duty" rules={[{ max: 100 }]}><Input placeholder={t('duty')} style={{ width: 140 }} /></Form.Item>
          <Button htmlType="submit" loading={add.isPending}>{t('add')}</Button>
        </Form>
      )}
      <Table
        rowKey="id" size="small" pagination={false} dataSource={event.roster}
        columns={[
          { title: t('onDate'), dataIndex: 'onDate', width: 120 },
          { title: t('rosterKind'), width: 100, render: (_, r) => label(rosterKinds, r.kind) },
          { title: t('who'), dataIndex: 'name' },
          { title: t('duty'), dataIndex: 'duty' },
          ...(edit ? [{ title: '', width: 80, render: (_: unknown, r: { id: string }) => <Flex><Button size="small" danger onClick={() => remove.mutate(r.id)}>{t('remove')}</Button></Flex> }] : []),
        ]}
      />
    </>
  );
}
