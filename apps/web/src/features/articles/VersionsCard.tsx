import { Card, List, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useT } from '../../shared/i18n/index.ts';
import { useVersionDiff, useVersions } from './api.ts';
import { articleMessages } from './messages.ts';

const tone = { same: undefined, added: '#e6ffed', removed: '#ffeef0' } as const;
const sign = { same: ' ', added: '+', removed: '−' } as const;

/** Every saved version; opening one shows its line diff against the previous version. */
export function VersionsCard({ id, version }: { id: string; version: number }) {
  const t = useT(articleMessages);
  const list = useVersions(id);
  const [open, setOpen] = useState<number | null>(null);
  const diff = useVersionDiff(id, open);
  return (
    <Card size="small" title={t('versions')} key={version} data-testid="versions">
      <List size="small" loading={list.isFetching} dataSource={list.data ?? []} renderItem={(v) => (
        <List.Item actions={v.version > 1 ? [<a key="d" onClick={() => setOpen(v.version)} data-testid={`diff-${v.version}`}>{t('diff')}</a>] : []}>
          <Typography.Text>v{v.version} · {dayjs(v.savedAt).format('YYYY-MM-DD HH:mm')} · {v.savedBy ?? '—'}</Typography.Text>
        </List.Item>
      )} />
      <Modal open={open !== null} onCancel={() => setOpen(null)} footer={null} width={760} title={`${t('diff')} (v${diff.data?.against ?? '?'} → v${open})`}>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 13, margin: 0 }} data-testid="diff-lines">
          {(diff.data?.diff ?? []).map((l, i) => (
            <div key={i} style={{ background: tone[l.op] }}>{sign[l.op]} {l.text}</div>
          ))}
        </pre>
      </Modal>
    </Card>
  );
}
