import { CheckOutlined } from '@ant-design/icons';
import { Button, Empty, List, Tag, Typography } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useShowError } from '../../shared/useApplyErrors.ts';
import { useEnum } from '../../shared/useEnum.ts';
import { useTaskDone } from './api.ts';
import { contactMethodLabels } from './labels.ts';
import { fmtTime } from './format.ts';
import { caseMessages } from './messages.ts';
import type { CaseNote } from './types.ts';

/** Entries of one kind, newest first; open tasks can be marked done. */
export function NoteList({ caseId, notes, canWrite }: { caseId: string; notes: CaseNote[]; canWrite: boolean }) {
  const t = useT(caseMessages);
  const { label } = useEnum();
  const done = useTaskDone(caseId);
  const showError = useShowError();
  if (!notes.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />;
  return (
    <List
      size="small"
      dataSource={[...notes].reverse()}
      renderItem={(n) => (
        <List.Item
          data-testid={`note-${n.id}`}
          actions={n.kind === 'task' && !n.done && canWrite ? [
            <Button key="done" size="small" icon={<CheckOutlined />} loading={done.isPending && done.variables === n.id}
              onClick={() => done.mutate(n.id, { onError: showError })} data-testid={`task-done-${n.id}`}>{t('markDone')}</Button>,
          ] : undefined}
        >
          <List.Item.Meta
            title={
              <span style={{ fontWeight: 'normal', whiteSpace: 'pre-wrap', textDecoration: n.done ? 'line-through' : undefined }}>
                {n.body}
              </span>
            }
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.author.name} · {fmtTime(n.contactedAt ?? n.createdAt)}
                {n.contactMethod && <> · <Tag>{label(contactMethodLabels, n.contactMethod)}</Tag></>}
                {n.dueOn && <> · {t('taskDue')} {n.dueOn}</>}
                {n.done && <> · <Tag color="green">{t('taskDone')}</Tag></>}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
