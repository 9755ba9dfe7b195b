/** Months of the cube: `YYYY-MM-01` (a CST calendar month), and their instants (CST midnights). */
const CST = 8 * 3600_000;

/** The CST month starting at an instant, or null when the instant is not a CST month start. */
export function monthAt(iso: string): string | null {
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return null;
  const d = new Date(t + CST);
  if (d.getUTCDate() !== 1 || d.getUTCHours() || d.getUTCMinutes() || d.getUTCSeconds() || d.getUTCMilliseconds()) return null;
  return d.toISOString().slice(0, 10);
}

/** The instant a CST month starts. */
export function instantOf(month: string): string {
  return new Date(new Date(`${month}T00:00:00Z`).getTime() - CST).toISOString();
}

/** The month now in China: the first month the cube does not hold (read live, never sealed). */
export function currentMonth(now = Date.now()): string {
  return new Date(now + CST).toISOString().slice(0, 8) + '01';
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

/** The months in [from, to). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m < to; m = addMonths(m, 1)) out.push(m);
  return out;
}
