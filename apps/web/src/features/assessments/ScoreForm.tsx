import { UploadOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Modal, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useFormErrors } from '../../shared/useApplyErrors.ts';
import { uploadEvidence, useScore, type BreakdownItem } from './api.ts';
import { assessmentMessages } from './messages.ts';

/** A hand score: points within the item's weight, the evidence, and optionally files (uploaded first, attached with the score). */
export function ScoreForm({ runId, institutionId, item, onClose }: { runId: string; institutionId: string; item: BreakdownItem; onClose: () => void }) {
  const t = useT(assessmentMessages);
  const [form] = Form.useForm<{ score: number; evidence: string }>();
  const onError = useFormErrors(form);
  const score = useScore(runId);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [ids, setIds] = useState<Record<string, string>>({});
  const submit = async () => {
    try {
      const v = await form.validateFields();
      const fileIds = files.filter((f) => f.status === 'done').map((f) => ids[f.uid]).filter((x): x is string => !!x);
      await score.mutateAsync({ institutionId, itemKey: item.key, score: v.score, evidence: v.evidence, ...(fileIds.length ? { fileIds } : {}) });
      onClose();
    } catch (e) { if (!(e && typeof e === 'object' && 'errorFields' in e)) onError(e); }
  };
  return (
    <Modal open title={`${t('scoreIt')}：${item.title}（${item.weight}）`} onCancel={onClose} onOk={submit} confirmLoading={score.isPending} okButtonProps={{ 'data-testid': 'score-save' } as never} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ score: item.score ?? undefined, evidence: item.evidence ?? '' }} data-testid="score-form">
        <Form.Item name="score" label={t('score')} extra={t('scoreMax', { max: item.weight })}
          rules={[{ required: true, message: t('required') }, { type: 'number', min: 0, max: item.weight, message: t('scoreMax', { max: item.weight }) }]}>
          <InputNumber min={0} max={item.weight} step={0.5} precision={1} style={{ width: 160 }} data-testid="score-value" />
        </Form.Item>
        <Form.Item name="evidence" label={t('evidence')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="score-evidence" placeholder={item.guidance ?? ''} />
        </Form.Item>
        <Form.Item label={t('evidenceFile')}>
          <Upload fileList={files} maxCount={3} onChange={({ fileList }) => setFiles(fileList)} onRemove={(f) => setFiles((fs) => fs.filter((x) => x.uid !== f.uid))}
            customRequest={async ({ file, onSuccess, onError: fail }) => {
              try {
                const up = await uploadEvidence(runId, file as File);
                setIds((m) => ({ ...m, [(file as UploadFile).uid]: up.id }));
                onSuccess?.(up);
              } catch (e) { fail?.(e as Error); }
            }}>
            <Button icon={<UploadOutlined />} data-testid="score-upload">{t('upload')}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
