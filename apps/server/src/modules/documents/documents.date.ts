/** Dates as official documents write them: Arabic numerals, no leading zeros, in China Standard Time. */

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * 2026-11-22 / a Date → 2026年11月22日. A Date is read in China Standard Time (UTC+8) whatever the server's
 * time zone; a 'YYYY-MM-DD' string is taken as the calendar date it names.
 */
export function formatChineseDate(value: Date | string): string {
  let y: number, m: number, d: number;
  if (typeof value === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${value}`);
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    if (Number.isNaN(value.getTime())) throw new RangeError('invalid date');
    const cst = new Date(value.getTime() + CST_OFFSET_MS);
    [y, m, d] = [cst.getUTCFullYear(), cst.getUTCMonth() + 1, cst.getUTCDate()];
  }
  return `${y}年${m}月${d}日`;
}

/** The calendar year of a moment in China Standard Time. */
export function cstYear(value: Date): number {
  return new Date(value.getTime() + CST_OFFSET_MS).getUTCFullYear();
}
