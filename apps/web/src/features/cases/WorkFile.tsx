import { Card, Divider, Spin, Tabs } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { useNotes } from './api.ts';
import { caseMessages } from './messages.ts';
import { NoteForm } from './NoteForm.tsx';
import { NoteList } from './NoteList.tsx';
import type { CaseNote } from './types.ts';

const tabs: { kind: CaseNote['kind']; label: 'notes' | 'tasks' | 'contacts' }[] = [
  { kind: 'note', label: 'notes' },
  { kind: 'task', label: 'tasks' },
  { kind: 'contact', label: 'contacts' },
];

/** The working file: notes, tasks and contact log, each with its add form when `abilities.note`. */
export function WorkFile({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const t = useT(caseMessages);
  const q = useNotes(caseId);
  const notes = q.data ?? [];
  return (
    <Card size="small" data-testid="case-workfile">
      <Tabs
        size="small"
        items={tabs.map(({ kind, label }) => {
          const mine = notes.filter((n) => n.kind === kind);
          return {
            key: kind,
            label: <span data-testid={`workfile-tab-${kind}`}>{t(label)} ({mine.length})</span>,
            children: (
              <>
                {canWrite && <><NoteForm caseId={caseId} kind={kind} /><Divider style={{ margin: '8px 0' }} /></>}
                {q.isPending ? <Spin /> : <NoteList caseId={caseId} notes={mine} canWrite={canWrite} />}
              </>
            ),
          };
        })}
      />
    </Card>
  );
}
