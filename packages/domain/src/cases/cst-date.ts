/**
 * Calendar days in China Standard Time (UTC+8, no daylight saving), as `YYYY-MM-DD` strings.
 * All arithmetic goes through UTC so the host's time zone can never shift a day.
 */
export type CstDate = string;

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An instant must name its offset (`Z` or `±hh:mm`): a bare local time would depend on the host. */
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isCstDate(v: string): v is CstDate {
  const m = DATE_RE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function assertDate(v: string): void {
  if (!isCstDate(v)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${v}`);
}

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(date: CstDate): number {
  assertDate(date);
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

export function fromDayNumber(n: number): CstDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: CstDate, n: number): CstDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CstDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function yearOf(date: CstDate): number {
  return Number(date.slice(0, 4));
}

/**
 * The CST calendar day of an instant: a `Date`, epoch milliseconds, an ISO timestamp with an
 * explicit offset, or a plain `YYYY-MM-DD` (taken as already a CST day).
 */
export function toCstDate(at: Date | number | string): CstDate {
  if (typeof at === 'string') {
    if (DATE_RE.test(at)) {
      assertDate(at);
      return at;
    }
    if (!INSTANT_RE.test(at)) throw new RangeError(`A timestamp needs an explicit offset (Z or +08:00): ${at}`);
  }
  const ms = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid instant: ${String(at)}`);
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `2026年11月22日`, as Chinese documents write a date. */
export function formatCstDateZh(date: CstDate): string {
  assertDate(date);
  return `${+date.slice(0, 4)}年${+date.slice(5, 7)}月${+date.slice(8, 10)}日`;
}

export function compareDates(a: CstDate, b: CstDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
