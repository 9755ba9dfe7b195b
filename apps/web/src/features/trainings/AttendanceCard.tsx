import { DownloadOutlined } from '@ant-design/icons';
import { registrationStatuses } from '@yuanzhi/contracts';
import { App, Button, Card, Col, Flex, Image, InputNumber, Popconfirm, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import { useHeadCount, useRegistrations, useStaffCancel, useStaffCheckIn, type Registration, type TrainingAbilities, type TrainingDetail } from './api.ts';
import { trainingMessages } from './messages.ts';

const statusColor: Record<string, string> = { confirmed: 'blue', waitlisted: 'orange', cancelled: 'default' };

/** Attendance: the door QR code, check-ins against registrations, the staff checklist, the head count. */
export function AttendanceCard({ tr, abilities }: { tr: TrainingDetail; abilities: TrainingAbilities }) {
  const t = useT(trainingMessages);
  const label = useLabel();
  const errText = useErrorText();
  const { message } = App.useApp();
  const regs = useRegistrations(tr.id);
  const checkIn = useStaffCheckIn(tr.id);
  const cancel = useStaffCancel(tr.id);
  const headCount = useHeadCount(tr.id);
  const [count, setCount] = useState<number | null>(tr.attendance.headCount);
  const a = tr.attendance;
  const onError = (e: unknown) => void message.error(errText(e));
  const refresh = () => void regs.refetch();
  return (
    <Card title={t('attendance')} data-testid="attendance-card">
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Flex gap={24} wrap>
            <Statistic title={t('checkedIn')} value={a.checkedIn} suffix={`/ ${a.registered}`} valueStyle={{ color: '#1f4e9e' }} />
            <Statistic title={t('waitlisted')} value={a.waitlisted} />
            <Statistic title={t('headCount')} value={a.headCount ?? '—'} />
          </Flex>
          <Typography.Text data-testid="attendance-summary">{t('attendanceOf', { n: a.checkedIn, m: a.registered })}</Typography.Text>
          <Progress percent={a.registered ? Math.round((a.checkedIn / a.registered) * 100) : 0} style={{ maxWidth: 360 }} />
          {abilities.headCount && (
            <Flex gap={8} align="center" style={{ marginTop: 12 }}>
              <InputNumber min={0} max={1000000} value={count} onChange={setCount} placeholder={t('headCount')} style={{ width: 160 }} data-testid="head-count-input" />
              <Button disabled={count === null} loading={headCount.isPending} data-testid="head-count-save"
                onClick={() => headCount.mutate(count!, { onSuccess: () => message.success(t('saved')), onError })}>{t('save')}</Button>
              <Typography.Text type="secondary">{t('headCountHint')}</Typography.Text>
            </Flex>
          )}
        </Col>
        {tr.state !== 'draft' && (
          <Col xs={24} md={10} style={{ textAlign: 'center' }}>
            <Typography.Text strong>{t('qr')}</Typography.Text>
            <div><Image src={`/api/trainings/${tr.id}/qr`} width={180} preview={false} alt={t('qr')} data-testid="training-qr" /></div>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('qrHint')}</Typography.Paragraph>
            <Button size="small" icon={<DownloadOutlined />} href={`/api/trainings/${tr.id}/qr?format=png`} download>{t('downloadPng')}</Button>
          </Col>
        )}
      </Row>
      <Flex justify="space-between" align="center" style={{ margin: '16px 0 8px' }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('registrations')}</Typography.Title>
        <Button size="small" icon={<DownloadOutlined />} href={`/api/trainings/${tr.id}/registrations.xlsx`}>{t('exportSheet')}</Button>
      </Flex>
      <Table<Registration> rowKey="id" size="small" loading={regs.isFetching} dataSource={regs.data} data-testid="registration-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('person'), dataIndex: 'name' },
          { title: t('phone'), dataIndex: 'phoneMasked', width: 130 },
          { title: t('organisation'), dataIndex: 'organisation' },
          { title: t('code'), dataIndex: 'code', width: 90 },
          { title: t('status'), dataIndex: 'status', width: 100, render: (v: string) => <Tag color={statusColor[v]}>{label(registrationStatuses, v)}</Tag> },
          { title: t('checkedIn'), dataIndex: 'checkedInAt', width: 150, render: (v: string | null) => (v ? fmtTime(v) : '—') },
          {
            title: '', width: 170, render: (_, r) => r.status === 'confirmed' && !r.checkedInAt && abilities.checkIn && (
              <Flex gap={4}>
                <Button size="small" type="primary" onClick={() => checkIn.mutate(r.id, { onSuccess: refresh, onError })} data-testid={`checkin-${r.code}`}>{t('checkIn')}</Button>
                <Popconfirm title={t('cancelConfirm')} onConfirm={() => cancel.mutate(r.id, { onSuccess: refresh, onError })}>
                  <Button size="small" danger>{t('cancel')}</Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]} />
    </Card>
  );
}
