import { interestKinds, parseLabelled, type Labelled } from '@yuanzhi/contracts';
import { parseDateText, splitList as split } from '../registries/sheet.ts';
import { expertColumns, type SheetRow } from './experts.xlsx.ts';
import { createBody, type CreateExpertInput } from './experts.schemas.ts';

export interface ImportRowError { row: number; field: string; message: string; messageEn: string }

const rowSchema = createBody.omit({ institutionId: true, userId: true });

export { parseDateText };

function parseInterests(s: string, err: (zh: string, en: string) => void) {
  const out: { kind: string; name: string; creditCode: string | null }[] = [];
  for (const item of s.split(/[;；\n]/).map((x) => x.trim()).filter(Boolean)) {
    const m = /^(?:([^:：]+)[:：])?\s*(.+?)\s*(?:[(（]\s*([0-9A-Za-z]{18})\s*[)）])?$/.exec(item);
    if (!m) { err(`无法识别的利害关系：${item}`, `Unreadable interest: ${item}`); continue; }
    const kind = m[1] ? parseLabelled(interestKinds, m[1]) ?? interestKinds.find((k) => k.zh.includes(m[1].trim()))?.value : 'other';
    if (!kind) { err(`利害关系类别不正确：${m[1]}`, `Unknown interest kind: ${m[1]}`); continue; }
    out.push({ kind, name: m[2], creditCode: m[3]?.toUpperCase() ?? null });
  }
  return out;
}

/** One spreadsheet row → the create input, or errors naming the row and column. */
export function checkRow(r: SheetRow, errors: ImportRowError[]): Omit<CreateExpertInput, 'institutionId'> | null {
  const before = errors.length;
  const err = (field: string, zh: string, en: string) => errors.push({ row: r.row, field, message: zh, messageEn: en });
  if (r.merged) err('row', '该行含合并单元格，请取消合并后每个单元格单独填写', 'The row has merged cells; unmerge them and fill each cell');
  const c = r.cells;
  const input: Record<string, unknown> = {};
  for (const col of expertColumns) {
    const v = c[col.key];
    if (!v || col.exportOnly || col.key === 'qualification' || col.key === 'qualificationExpires' || col.key === 'interests') continue;
    if (col.multi) {
      const items = split(v);
      if (col.list) {
        const bad = items.filter((x) => !parseLabelled(col.list as readonly Labelled[], x));
        if (bad.length) err(col.key, `${col.zh}不正确：${bad.join('、')}`, `Unknown ${col.key}: ${bad.join(', ')}`);
        input[col.key] = items.map((x) => parseLabelled(col.list as readonly Labelled[], x)).filter(Boolean);
      } else input[col.key] = items;
    } else if (col.list) {
      const p = parseLabelled(col.list, v);
      if (!p) err(col.key, `${col.zh}不正确：${v}`, `Unknown ${col.key}: ${v}`);
      input[col.key] = p;
    } else if (col.key === 'maxOpen') {
      input.maxOpen = /^\d+$/.test(v) ? Number(v) : NaN;
    } else input[col.key] = v;
  }
  if (c.interests) input.interests = parseInterests(c.interests, (zh, en) => err('interests', zh, en));
  if (c.qualification || c.qualificationExpires) {
    let expiresOn: string | null = null;
    if (c.qualificationExpires) {
      expiresOn = r.dates.qualificationExpires ? c.qualificationExpires : parseDateText(c.qualificationExpires);
      if (!expiresOn) err('qualificationExpires', `证书有效期不是有效日期：${c.qualificationExpires}（请写作 2027-06-30）`, `Not a date: ${c.qualificationExpires} (write 2027-06-30)`);
    }
    if (!c.qualification) err('qualification', '填写了有效期但未填写资格证书名称', 'An expiry date with no qualification name');
    else input.qualifications = [{ name: c.qualification, expiresOn }];
  }
  if (!input.kinds) err('kinds', '请填写专家类别', 'Give the expert kind');
  const parsed = rowSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      if (errors.some((e) => e.row === r.row && e.field === field)) continue;
      const zh = expertColumns.find((x) => x.key === field)?.zh ?? field;
      const msg = issue.message.includes(' / ') ? issue.message.split(' / ') : [`${zh}不正确`, issue.message];
      err(field, `${zh}：${msg[0]}`, `${field}: ${msg[1]}`);
    }
  }
  return errors.length === before && parsed.success ? parsed.data : null;
}

export const dupKey = (name: string, employer: string | null | undefined) => `${name}\u0000${employer ?? ''}`;
