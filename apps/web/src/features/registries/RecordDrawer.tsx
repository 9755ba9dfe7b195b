import { Button, Descriptions, Drawer, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { fmtTime } from '../cases/format.ts';
import { useBi, useT } from '../../shared/i18n/index.ts';
import { useLabel } from '../experts/labels.ts';
import { useRecord, type Change } from './api.ts';
import { registryMessages } from './messages.ts';
import { RecordForm } from './RecordForm.tsx';
import type { FieldUi, Rec, RegistryUi } from './types.ts';

/** One record: its fields (personal data masked), the registry's own parts (logs, hours), and who changed what when. */
export function RecordDrawer({ ui, id, onClose }: { ui: RegistryUi; id: string | null; onClose: () => void }) {
  const t = useT(registryMessages);
  const q = useRecord(ui.api, id);
  const [editing, setEditing] = useState(false);
  const rec = q.data?.data;
  return (
    <Drawer open={!!id} onClose={() => { setEditing(false); onClose(); }} size="large" title={rec ? String(rec[ui.nameKey]) : t('detail')}
      extra={q.data?.abilities.edit && !editing && <Button onClick={() => setEditing(true)} data-testid={`${ui.key}-edit`}>{t('edit')}</Button>}>
      {!rec ? <Spin /> : editing ? <RecordForm ui={ui} rec={rec} done={() => setEditing(false)} /> : (
        <>
          <Detail ui={ui} rec={rec} />
          {ui.extra?.(rec)}
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('changes')}</Typography.Title>
          <Changes ui={ui} changes={rec.changes} />
        </>
      )}
    </Drawer>
  );
}

export function useShow() {
  const label = useLabel();
  return (f: FieldUi, v: unknown) => {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '';
    if (f.list && (f.type === 'select' || f.type === 'multi' || f.type === 'country')) return label(f.list, v as string | string[]);
    return Array.isArray(v) ? v.join('、') : String(v);
  };
}

function Detail({ ui, rec }: { ui: RegistryUi; rec: Rec }) {
  const t = useT(registryMessages);
  const bi = useBi();
  const show = useShow();
  const label = useLabel();
  return (
    <Descriptions column={1} size="small" bordered data-testid={`${ui.key}-detail`}>
      {ui.fields.filter((f) => !f.formOnly).map((f) => <Descriptions.Item key={f.key} label={bi(f.zh, f.en)}>{show(f, rec[f.key])}</Descriptions.Item>)}
      <Descriptions.Item label={t('institution')}>{rec.institutionName}</Descriptions.Item>
      <Descriptions.Item label={t('status')}><Tag>{label(ui.statuses, rec.status)}</Tag></Descriptions.Item>
    </Descriptions>
  );
}

function Changes({ ui, changes }: { ui: RegistryUi; changes: Change[] }) {
  const t = useT(registryMessages);
  const bi = useBi();
  const name = (k: string) => {
    const f = ui.fields.find((x) => x.key === k);
    return f ? bi(f.zh, f.en) : k;
  };
  const value = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join('、') || '—' : String(v));
  return (
    <Timeline data-testid={`${ui.key}-changes`} items={changes.map((c) => {
      const d = c.detail;
      const what = d?.row ? t('importedRow', { row: d.row })
        : d?.changes && Object.keys(d.changes).length
          ? Object.entries(d.changes).map(([k, [a, b]]) => `${name(k)}：${value(a)} → ${value(b)}`).join('；')
            + (d.fields?.filter((k) => !(k in d.changes!)).length ? `；${d.fields.filter((k) => !(k in d.changes!)).map(name).join('、')}` : '')
          : d?.fields?.map(name).join('、') ?? '';
      return { children: `${fmtTime(c.at)} ${c.by ?? ''} ${c.action}${what ? ' · ' + what : ''}` };
    })} />
  );
}
