import { App, Button, Card, Descriptions, Flex, Space, Spin, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../shared/ErrorAlert.tsx';
import { hosts, institutionStatuses, institutionTypes, ipTypes, levels, services } from '../../shared/enums.ts';
import { useT } from '../../shared/i18n/index.ts';
import { useShowError } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useInstitution, useReopenInstitution } from './api.ts';
import { CloseModal } from './CloseModal.tsx';
import { InstitutionFormModal } from './InstitutionFormModal.tsx';
import { institutionMessages } from './messages.ts';
import { MoveModal } from './MoveModal.tsx';

type Dialog = null | 'edit' | 'child' | 'close' | 'move';

/** One institution: its fields, and the actions its `abilities` allow. */
export function InstitutionDetail({ id, onSelect }: { id: string; onSelect: (id: string) => void }) {
  const t = useT(institutionMessages);
  const { label } = useEnum();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const q = useInstitution(id);
  const reopen = useReopenInstitution(id);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (q.isPending) return <Spin />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => q.refetch()} />;
  const inst = q.data.data;
  const can = q.data.abilities ?? {};
  const closed = inst.status === 'closed';
  const tags = (table: Record<string, readonly [string, string]>, vals: string[]) =>
    vals?.length ? vals.map((v) => <Tag key={v}>{label(table, v)}</Tag>) : '—';
  const askReopen = () =>
    modal.confirm({
      title: t('reopenConfirm'),
      onOk: () => reopen.mutateAsync(undefined).then(() => void message.success(t('reopenedOk')), showError),
    });

  const actions = (
    <Space wrap>
      {can.createChild && !closed && (
        <Button type="primary" onClick={() => setDialog('child')} data-testid="create-institution">
          {t('createChild')}
        </Button>
      )}
      {can.update && <Button onClick={() => setDialog('edit')} data-testid="edit-institution">{t('edit')}</Button>}
      {can.move && inst.parentId && <Button onClick={() => setDialog('move')} data-testid="move-institution">{t('move')}</Button>}
      {can.close && !closed && inst.parentId && (
        <Button danger onClick={() => setDialog('close')} data-testid="close-institution">{t('closeAction')}</Button>
      )}
      {(can.reopen ?? can.close) && closed && <Button onClick={askReopen} data-testid="reopen-institution">{t('reopen')}</Button>}
    </Space>
  );

  const d = (v: string | null | undefined) => v || '—';
  return (
    <Card
      data-testid="institution-detail"
      title={
        <Flex gap={8} align="center" wrap>
          <span data-testid="institution-detail-name">{inst.name}</span>
          {closed ? <Tag color="default">{label(institutionStatuses, 'closed')}</Tag> : <Tag color="green">{label(institutionStatuses, 'active')}</Tag>}
        </Flex>
      }
    >
      <div style={{ marginBottom: 16 }}>{actions}</div>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
        <Descriptions.Item label={t('shortName')}>{d(inst.shortName)}</Descriptions.Item>
        <Descriptions.Item label={t('parent')}>
          {inst.parentId ? <a onClick={() => onSelect(inst.parentId!)}>{inst.parentName}</a> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('type')}>{label(institutionTypes, inst.type)}</Descriptions.Item>
        <Descriptions.Item label={t('level')}>{label(levels, inst.level)}</Descriptions.Item>
        <Descriptions.Item label={t('host')}>{d(label(hosts, inst.host))}</Descriptions.Item>
        <Descriptions.Item label={t('region')}>{d(inst.regionName)}</Descriptions.Item>
        <Descriptions.Item label={t('address')} span={2}>{d(inst.address)}</Descriptions.Item>
        <Descriptions.Item label={t('institutionPhone')}>{d(inst.phone)}</Descriptions.Item>
        <Descriptions.Item label={t('email')}>{d(inst.email)}</Descriptions.Item>
        <Descriptions.Item label={t('website')}>{inst.website ? <a href={inst.website} target="_blank" rel="noreferrer">{inst.website}</a> : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('hours')}>{d(inst.hours)}</Descriptions.Item>
        <Descriptions.Item label={t('contactPerson')}>{d(inst.contactPerson)}</Descriptions.Item>
        <Descriptions.Item label={t('establishedOn')}>{d(inst.establishedOn)}</Descriptions.Item>
        <Descriptions.Item label={t('ipTypes')} span={2}>{tags(ipTypes, inst.ipTypes)}</Descriptions.Item>
        <Descriptions.Item label={t('services')} span={2}>{tags(services, inst.services)}</Descriptions.Item>
        <Descriptions.Item label={t('childCount')}>{inst.childCount ?? 0}</Descriptions.Item>
        <Descriptions.Item label={t('createdAt')}>{dayjs(inst.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
        {closed && <Descriptions.Item label={t('closedAt')}>{inst.closedAt ? dayjs(inst.closedAt).format('YYYY-MM-DD HH:mm') : '—'}</Descriptions.Item>}
        {closed && <Descriptions.Item label={t('closedReason')}>{d(inst.closedReason)}</Descriptions.Item>}
        <Descriptions.Item label={t('description')} span={2}>{d(inst.description)}</Descriptions.Item>
      </Descriptions>
      {dialog === 'child' && <InstitutionFormModal open onClose={() => setDialog(null)} parent={inst} onSaved={(nid) => nid && onSelect(nid)} />}
      {dialog === 'edit' && <InstitutionFormModal open onClose={() => setDialog(null)} record={inst} />}
      {dialog === 'close' && <CloseModal open onClose={() => setDialog(null)} id={inst.id} name={inst.name} />}
      {dialog === 'move' && <MoveModal open onClose={() => setDialog(null)} id={inst.id} name={inst.name} />}
    </Card>
  );
}
