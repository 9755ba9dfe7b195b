import { fmtTime } from '../cases/format.ts';
import { caseFields, expertAvailabilities, expertKinds, expertServices, interestKinds, invitationStatuses, ipTypes } from '@yuanzhi/contracts';
import { App, Button, Descriptions, Drawer, Form, InputNumber, Input, Select, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useExpert, useUpdateExpert, type ExpertDetail } from './api.ts';
import { useLabel } from './labels.ts';
import { expertMessages } from './messages.ts';

/** One expert: fields, workload, cases and ratings, change history; administrators edit availability, limit and notes. */
export function ExpertDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT(expertMessages);
  const q = useExpert(id);
  const [editing, setEditing] = useState(false);
  const e = q.data?.data;
  return (
    <Drawer open={!!id} onClose={() => { setEditing(false); onClose(); }} size="large" title={e ? `${e.name} · ${e.employer ?? ''}` : t('detail')}
      extra={q.data?.abilities.edit && !editing && <Button onClick={() => setEditing(true)} data-testid="expert-edit">{t('edit')}</Button>}>
      {!e ? <Spin /> : editing ? <EditForm e={e} done={() => setEditing(false)} /> : <Detail e={e} />}
    </Drawer>
  );
}

function Detail({ e }: { e: ExpertDetail }) {
  const t = useT(expertMessages);
  const label = useLabel();
  return (
    <>
      <Descriptions column={1} size="small" bordered data-testid="expert-detail">
        <Descriptions.Item label={t('titleCol')}>{e.title}</Descriptions.Item>
        <Descriptions.Item label={t('kind')}>{label(expertKinds, e.kinds)}</Descriptions.Item>
        <Descriptions.Item label={t('ipc')}>{e.ipc.join(' ')}</Descriptions.Item>
        <Descriptions.Item label={t('industry')}>{label(caseFields, e.industries)}</Descriptions.Item>
        <Descriptions.Item label={t('ipType')}>{label(ipTypes, e.ipTypes)}</Descriptions.Item>
        <Descriptions.Item label={t('service')}>{label(expertServices, e.services)}</Descriptions.Item>
        <Descriptions.Item label={t('regions')}>{e.regions.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('languages')}>{e.languages.join('、')} {e.jurisdictions.length > 0 && `· ${t('jurisdictions')}：${e.jurisdictions.join('、')}`}</Descriptions.Item>
        <Descriptions.Item label={t('availability')}>{label(expertAvailabilities, e.availability)} · {t('workload')} {e.workload.open}/{e.maxOpen}</Descriptions.Item>
        <Descriptions.Item label={t('idNumber')}>{e.idNumberMasked}</Descriptions.Item>
        <Descriptions.Item label={t('phone')}>{e.phoneMasked}</Descriptions.Item>
        <Descriptions.Item label={t('interests')}>
          {e.interests.map((i) => <div key={i.name}>{label(interestKinds, i.kind)}：{i.name}{i.creditCode && `（${i.creditCode}）`}</div>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('qualifications')}>
          {e.qualifications.map((x) => <div key={x.name}>{x.name} {x.expiresOn} {x.expired && <Tag color="red">{t('expired')}</Tag>}</div>)}
        </Descriptions.Item>
        <Descriptions.Item label={t('rating')}>{e.rating ? `${e.rating.average.toFixed(1)}（${e.rating.count}）` : t('noRating')}</Descriptions.Item>
        <Descriptions.Item label={t('notes')}>{e.notes}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('history')}</Typography.Title>
      <Table size="small" rowKey="invitationId" dataSource={e.history} pagination={false} columns={[
        { title: t('caseNumber'), render: (_, h) => <Link to={`/cases/${h.caseId}`}>{h.caseNumber ?? '—'}</Link> },
        { title: t('summary'), dataIndex: 'summary', ellipsis: true },
        { title: t('status'), render: (_, h) => label(invitationStatuses, h.status) },
        { title: t('rating'), dataIndex: 'rating', width: 60 },
      ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t('changes')}</Typography.Title>
      <Timeline items={e.changes.map((c) => ({ children: `${fmtTime(c.at)} ${c.by ?? ''} ${c.action}${c.detail?.fields ? '：' + c.detail.fields.join('、') : ''}` }))} />
    </>
  );
}

function EditForm({ e, done }: { e: ExpertDetail; done: () => void }) {
  const t = useT(expertMessages);
  const label = useLabel();
  const errText = useErrorText();
  const { message } = App.useApp();
  const save = useUpdateExpert();
  return (
    <Form layout="vertical" initialValues={{ title: e.title, availability: e.availability, maxOpen: e.maxOpen, notes: e.notes }}
      onFinish={async (v) => {
        try {
          await save.mutateAsync({ id: e.id, version: e.version, ...v });
          done();
        } catch (err) {
          message.error(errText(err));
        }
      }}>
      <Form.Item name="title" label={t('titleCol')} rules={[{ max: 100 }]}><Input /></Form.Item>
      <Form.Item name="availability" label={t('availability')}>
        <Select options={expertAvailabilities.map((a) => ({ value: a.value, label: label(expertAvailabilities, a.value) }))} />
      </Form.Item>
      <Form.Item name="maxOpen" label={t('maxOpen')} rules={[{ required: true, type: 'integer', min: 1, max: 50 }]}><InputNumber min={1} max={50} /></Form.Item>
      <Form.Item name="notes" label={t('notes')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>{t('save')}</Button>
    </Form>
  );
}
