import { Tag, Tooltip } from 'antd';
import { useT } from '../../shared/i18n/index.ts';
import { listTone, todayCst, toneColors } from './deadlineTone.ts';
import { caseMessages } from './messages.ts';

/** The next deadline of a queue row, red when overdue, amber within 3 weekdays. */
export function DueTag({ nextDue, overdue }: { nextDue: string | null; overdue: boolean }) {
  const t = useT(caseMessages);
  const tone = listTone(nextDue, overdue, todayCst());
  if (!nextDue) return <>—</>;
  const tag = <Tag color={toneColors[tone]} data-tone={tone}>{nextDue}</Tag>;
  return tone === 'overdue' || tone === 'dueSoon' ? <Tooltip title={t(tone)}>{tag}</Tooltip> : tag;
}
