import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload, type UploadFile } from 'antd';
import type { Dispatch, SetStateAction } from 'react';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import { deleteEvidence, uploadEvidence, type Evidence } from './applyApi.ts';
import { applyMessages } from './applyMessages.ts';
import { fmtSize } from './format.ts';

const toFile = (e: Evidence): UploadFile => ({ uid: e.id, name: `${e.name} (${fmtSize(e.sizeBytes)})`, status: 'done' });

/** Step 4 of `/apply`: evidence files go straight to the draft (one request a file); removing deletes them. */
export function EvidenceStep({ draftId, evidence, onChange }: { draftId: string; evidence: Evidence[]; onChange: Dispatch<SetStateAction<Evidence[]>> }) {
  const t = useT(applyMessages);
  const errText = useErrorText();
  const { message } = App.useApp();
  return (
    <div data-testid="apply-evidence">
      <Typography.Paragraph type="secondary">{t('evidenceHint')}</Typography.Paragraph>
      <Upload
        multiple
        fileList={evidence.map(toFile)}
        customRequest={({ file, onSuccess, onError }) => {
          uploadEvidence(draftId, file as File)
            .then((added) => { onChange((had) => mergeEvidence(had, added)); onSuccess?.(added); })
            .catch((e: unknown) => { void message.error(`${t('uploadFailed')}: ${errText(e)}`); onError?.(e as Error); });
        }}
        onRemove={async (f) => {
          try {
            await deleteEvidence(draftId, f.uid);
            onChange((had) => had.filter((e) => e.id !== f.uid));
            return true;
          } catch (e) {
            void message.error(errText(e));
            return false;
          }
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="apply-upload">{t('upload')}</Button>
      </Upload>
    </div>
  );
}

/** The answer lists the files added by this request; keep the ones we had. */
function mergeEvidence(had: Evidence[], added: Evidence[]): Evidence[] {
  const ids = new Set(had.map((e) => e.id));
  return [...had, ...added.filter((e) => !ids.has(e.id))];
}
