import { fmtTime } from '../cases/format.ts';
import { caseFields, invitationStatuses, ipTypes } from '@yuanzhi/contracts';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { useMyInvitations, useRespond, type Invitation } from './api.ts';
import { useLabel } from './labels.ts';
import { expertMessages } from './messages.ts';

/** 我的专家邀请: the expert accepts, or declines with a reason, before the time limit. */
export function MyInvitationsPage() {
  const t = useT(expertMessages);
  useTitle(t('myTitle'));
  const label = useLabel();
  const errText = useErrorText();
  const { message } = App.useApp();
  const q = useMyInvitations();
  const respond = useRespond();
  const [declining, setDeclining] = useState<Invitation | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const act = (p: Promise<unknown>) => p.catch((e) => message.error(errText(e)));
  return (
    <Card title={t('myTitle')}>
      <Table<Invitation> rowKey="id" dataSource={q.data?.data} loading={q.isFetching} locale={{ emptyText: t('noInvitations') }} data-testid="my-invitations"
        columns={[
          { title: t('caseNumber'), render: (_, i) => (i.status === 'accepted' ? <Link to={`/my-cases/${i.caseId}`}>{i.caseNumber}</Link> : i.caseNumber) },
          { title: t('summary'), dataIndex: 'summary', ellipsis: true },
          { title: t('ipType'), render: (_, i) => label(ipTypes, (i as { ipType?: string }).ipType) },
          { title: t('industry'), render: (_, i) => label(caseFields, (i as { field?: string }).field) },
          { title: t('respondBy'), render: (_, i) => fmtTime(i.respondBy) },
          { title: t('status'), render: (_, i) => <Tag>{label(invitationStatuses, i.status)}</Tag> },
          { title: '', render: (_, i) => i.status === 'pending' && (
            <Space>
              <Button type="primary" size="small" loading={respond.isPending} onClick={() => act(respond.mutateAsync({ id: i.id, answer: 'accept' }))} data-testid="accept">{t('accept')}</Button>
              <Button size="small" onClick={() => setDeclining(i)} data-testid="decline">{t('decline')}</Button>
            </Space>
          ) },
        ]} />
      <Modal open={!!declining} title={t('declineTitle')} onCancel={() => setDeclining(null)} onOk={() => form.submit()} confirmLoading={respond.isPending}>
        <Form form={form} layout="vertical" onFinish={async (v) => {
          await act(respond.mutateAsync({ id: declining!.id, answer: 'decline', reason: v.reason }));
          setDeclining(null);
          form.resetFields();
        }}>
          <Form.Item name="reason" label={t('reason')} validateTrigger="onChange" rules={[{ required: true, min: 2, max: 500, whitespace: true, message: t('reasonRequired') }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
