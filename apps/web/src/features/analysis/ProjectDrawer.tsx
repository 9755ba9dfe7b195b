import { UploadOutlined } from '@ant-design/icons';
import { analysisKinds, analysisPurposes, analysisSubjectKinds, commissionerKinds } from '@yuanzhi/contracts';
import { Button, Descriptions, Divider, Drawer, Form, Input, List, Space, Spin, Tag, Upload, message } from 'antd';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { addMilestone, milestoneDone, uploadReport, useProject, useProjectWrite } from './api.ts';
import { analysisMessages } from './messages.ts';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** One project: the facts, team, milestones (mark done) and every version of the report (upload a new one). */
export function ProjectDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT(analysisMessages);
  const label = useLabel();
  const errText = useErrorText();
  const q = useProject(id);
  const [form] = Form.useForm();
  const add = useProjectWrite(addMilestone(id ?? ''));
  const done = useProjectWrite(milestoneDone(id ?? ''));
  const upload = useProjectWrite(uploadReport(id ?? ''));
  const p = q.data?.data;
  const edit = q.data?.abilities.edit ?? false;
  const fail = (e: unknown) => message.error(errText(e));
  return (
    <Drawer open={!!id} onClose={onClose} size="large" title={p?.title} data-testid="project-drawer">
      {!p ? <Spin /> : (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('commissioner')}>{p.commissioner}（{label(commissionerKinds, p.commissionerKind)}）</Descriptions.Item>
            <Descriptions.Item label={t('subject')}>{label(analysisSubjectKinds, p.subjectKind)}：{p.subject}{p.country ? `（${p.country}）` : ''}</Descriptions.Item>
            <Descriptions.Item label={t('kind')}>{label(analysisKinds, p.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('purpose')}>{label(analysisPurposes, p.purpose)}</Descriptions.Item>
            <Descriptions.Item label={t('team')}>{[...p.team.staff, ...p.team.experts].map((x) => <Tag key={x.id}>{x.name}</Tag>)}{p.partnerAgency && <Tag color="blue">{p.partnerAgency}</Tag>}</Descriptions.Item>
            <Descriptions.Item label={t('startsOn')}>{p.startsOn} ~ {p.dueOn ?? ''}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('milestones')}</Divider>
          <List size="small" dataSource={p.milestones} renderItem={(m) => (
            <List.Item actions={m.doneOn ? [<Tag key="d" color="green">{t('done')} {m.doneOn}</Tag>] : edit ? [<Button key="b" size="small" onClick={() => done.mutateAsync({ milestoneId: m.id, doneOn: today() }).catch(fail)}>{t('done')}</Button>] : []}>
              {m.dueOn} · {m.title}
            </List.Item>
          )} />
          {edit && (
            <Form form={form} layout="inline" onFinish={(v) => add.mutateAsync(v).then(() => form.resetFields(), fail)} style={{ marginTop: 8 }}>
              <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('required') }]}><Input placeholder={t('milestone')} /></Form.Item>
              <Form.Item name="dueOn" rules={[{ required: true, message: t('required') }]}><Input type="date" /></Form.Item>
              <Button htmlType="submit" loading={add.isPending}>{t('add')}</Button>
            </Form>
          )}
          <Divider titlePlacement="start">{t('reports')}</Divider>
          <List size="small" dataSource={p.reports} data-testid="report-list" renderItem={(r) => (
            <List.Item><Space><Tag>v{r.version}</Tag><a href={`/api/analysis-projects/${p.id}/reports/${r.id}`}>{r.name}</a>{r.note}<span>{r.uploadedBy} {new Date(r.uploadedAt).toLocaleString('zh-CN', { hour12: false })}</span></Space></List.Item>
          )} />
          {edit && (
            <Upload showUploadList={false} beforeUpload={(f) => { upload.mutateAsync({ file: f }).catch(fail); return false; }}>
              <Button icon={<UploadOutlined />} loading={upload.isPending} style={{ marginTop: 8 }}>{t('uploadReport')}</Button>
            </Upload>
          )}
        </>
      )}
    </Drawer>
  );
}
