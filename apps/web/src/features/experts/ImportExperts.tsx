import { RegistryImport } from '../registries/RegistryImport.tsx';
import type { ImportUi } from '../registries/types.ts';
import { expertMessages, importColumns } from './messages.ts';

const ui: ImportUi = {
  key: 'expert',
  api: '/api/experts',
  title: expertMessages.title as [string, string],
  queryKey: 'experts',
  importHint: ['第 1 行为中文表头（与导出文件相同）。', 'Row 1 holds the Chinese headers (as in the export).'],
  fields: Object.entries(importColumns).map(([key, zh]) => ({ key, zh, en: key })),
};

/** The expert pool's .xlsx import: the registries' import dialog (row errors, progress over 1,000 rows) on /api/experts/imports. */
export function ImportExperts() {
  return <RegistryImport ui={ui} />;
}
