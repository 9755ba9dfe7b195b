import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Upload } from 'antd';
import { api, del } from '../../shared/api.ts';
import { useErrorText } from '../../shared/errors.ts';
import { useT } from '../../shared/i18n/index.ts';
import type { ArticleFile } from './api.ts';
import { articleMessages } from './messages.ts';

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

/** The article's files: uploaded to the evidence storage; added and removed while the article is a draft. */
export function FilesCard({ id, files, editable }: { id: string; files: ArticleFile[]; editable: boolean }) {
  const t = useT(articleMessages);
  const errText = useErrorText();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['articles', 'one', id] });
  return (
    <Card size="small" title={t('files')} data-testid="article-files">
      <Upload
        multiple
        disabled={!editable}
        fileList={files.map((f) => ({ uid: f.id, name: `${f.name} (${kb(f.sizeBytes)})`, status: 'done' as const, url: `/api/articles/${id}/attachments/${f.id}` }))}
        customRequest={({ file, onSuccess, onError }) => {
          const fd = new FormData();
          fd.append('file', file as File);
          api(`/api/articles/${id}/attachments`, { method: 'POST', body: fd })
            .then((r) => { onSuccess?.(r); void refresh(); })
            .catch((e: unknown) => { void message.error(errText(e)); onError?.(e as Error); });
        }}
        onRemove={async (f) => {
          try {
            await del(`/api/articles/${id}/attachments/${f.uid}`);
            void refresh();
            return true;
          } catch (e) {
            void message.error(errText(e));
            return false;
          }
        }}
      >
        {editable && <Button icon={<UploadOutlined />} data-testid="article-upload">{t('upload')}</Button>}
      </Upload>
    </Card>
  );
}
