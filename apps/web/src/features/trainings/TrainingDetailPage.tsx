import { UploadOutlined } from '@ant-design/icons';
import { trainingModes, trainingStates, trainingTopics } from '@yuanzhi/contracts';
import { App, Button, Card, Descriptions, Flex, List, Rate, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useTitle } from '../../shared/useTitle.ts';
import { fmtTime } from '../cases/format.ts';
import { useLabel } from '../experts/labels.ts';
import { useInvalidateTrainings, useRemoveMaterial, useTraining, useTransition } from './api.ts';
import { AttendanceCard } from './AttendanceCard.tsx';
import { trainingMessages } from './messages.ts';
import { TrainingForm } from './TrainingForm.tsx';
import { stateColors } from './TrainingsPage.tsx';

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** One training: its facts, the life-cycle buttons the server allows, attendance, materials, feedback. */
export function TrainingDetailPage() {
  const { id = '' } = useParams();
  const t = useT(trainingMessages);
  const label = useLabel();
  const errText = useErrorText();
  const { message } = App.useApp();
  const q = useTraining(id);
  const transition = useTransition(id);
  const remove = useRemoveMaterial(id);
  const refresh = useInvalidateTrainings();
  const [editing, setEditing] = useState(false);
  useTitle(q.data?.data.title ?? t('title'));
  if (!q.data) return <Spin />;
  const { data: tr, abilities } = q.data;
  return (
    <Flex vertical gap={16}>
      <Card title={<Space><span data-testid="training-heading">{tr.title}</span><Tag color={stateColors[tr.state]} data-testid="training-state">{label(trainingStates, tr.state)}</Tag></Space>}
        extra={<Space wrap>
          <Link to="/trainings">{t('back')}</Link>
          {abilities.edit && <Button onClick={() => setEditing(true)} data-testid="training-edit">{t('edit')}</Button>}
          {abilities.transitions.map((a) => (
            <Button key={a} type="primary" loading={transition.isPending} data-testid={`training-${a}`}
              onClick={() => transition.mutate(a, { onSuccess: () => message.success(t('done')), onError: (e) => void message.error(errText(e)) })}>{t(a)}</Button>
          ))}
        </Space>}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
          <Descriptions.Item label={t('time')}>{fmtTime(tr.startsAt)} – {fmtTime(tr.endsAt)}</Descriptions.Item>
          <Descriptions.Item label={t('mode')}>{label(trainingModes, tr.mode)}</Descriptions.Item>
          <Descriptions.Item label={t('place')}>{tr.place ?? tr.onlineUrl ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('topics')}>{label(trainingTopics, tr.topics)}</Descriptions.Item>
          <Descriptions.Item label={t('audience')}>{tr.audience ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('capacity')}>{tr.capacity ?? t('unlimited')}</Descriptions.Item>
          <Descriptions.Item label={t('organiser')}>{tr.organiser}</Descriptions.Item>
          <Descriptions.Item label={t('coOrganisers')}>{tr.coOrganisers.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('speakers')} span={2}>{tr.speakers.map((s) => `${s.name}${s.title ? ` ${s.title}` : ''}`).join('、') || '—'}</Descriptions.Item>
          {tr.summary && <Descriptions.Item label={t('summary')} span={2}>{tr.summary}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <AttendanceCard tr={tr} abilities={abilities} />
      <Card title={t('materials')} size="small" data-testid="training-materials">
        <Upload multiple disabled={!abilities.materials}
          fileList={tr.materials.map((f) => ({ uid: f.id, name: `${f.name} (${kb(f.sizeBytes)})`, status: 'done' as const, url: `/api/trainings/${id}/materials/${f.id}` }))}
          customRequest={({ file, onSuccess, onError }) => {
            const fd = new FormData();
            fd.append('file', file as File);
            api(`/api/trainings/${id}/materials`, { method: 'POST', body: fd })
              .then((r) => { onSuccess?.(r); void refresh(); })
              .catch((e: unknown) => { void message.error(errText(e)); onError?.(e as Error); });
          }}
          onRemove={async (f) => {
            try { await remove.mutateAsync(f.uid); return true; } catch (e) { void message.error(errText(e)); return false; }
          }}>
          {abilities.materials && <Button icon={<UploadOutlined />}>{t('upload')}</Button>}
        </Upload>
      </Card>
      <Card title={t('feedback')} size="small" data-testid="training-feedback">
        {tr.feedback.count === 0 ? <Typography.Text type="secondary">{t('noFeedback')}</Typography.Text> : (
          <>
            <Typography.Text>{t('feedbackSummary', { n: tr.feedback.count, avg: tr.feedback.average ?? 0 })}</Typography.Text>
            <List size="small" dataSource={tr.feedback.comments} renderItem={(c) => <List.Item><Rate disabled value={c.score} style={{ fontSize: 12 }} /> {c.comment}</List.Item>} />
          </>
        )}
      </Card>
      {editing && <TrainingForm open onClose={() => setEditing(false)} training={tr} />}
    </Flex>
  );
}
