import { firstYear, yearShares } from './distributions.ts';

/**
 * `SELECT g, at FROM …` for rows 1…n spread over 2017 to now: row g falls in the year its position (g − 0.5) / n
 * reaches in the cumulative year shares, so every year's count is exact at any scale and grows as the shares do;
 * inside its year, rows are spread evenly (up to now in the current year) with a few hours' random jitter.
 */
export function spread(n: number): string {
  const shares = yearShares();
  let acc = 0;
  const starts: number[] = [];
  for (const s of shares) {
    starts.push(acc);
    acc += s;
  }
  const yearOf = `(CASE ${shares.slice(0, -1).map((_, k) => `WHEN x < ${starts[k + 1]!.toFixed(9)} THEN ${firstYear + k}`).join(' ')} ELSE ${firstYear + shares.length - 1} END)`;
  const startOf = `(CASE y ${shares.map((_, k) => `WHEN ${firstYear + k} THEN ${starts[k]!.toFixed(9)}`).join(' ')} END)`;
  const shareOf = `(CASE y ${shares.map((s, k) => `WHEN ${firstYear + k} THEN ${s.toFixed(9)}`).join(' ')} END)`;
  return `SELECT g, least(y0 + within * (y1 - y0) + (random() - 0.5) * interval '6 hours', now() - interval '1 minute') AS at
    FROM (SELECT g, make_timestamptz(y, 1, 1, 0, 0, 0, 'Asia/Shanghai') AS y0,
                 least(make_timestamptz(y + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai'), now()) AS y1, (x - ${startOf}) / ${shareOf} AS within
          FROM (SELECT g, x, ${yearOf} AS y FROM (SELECT g, (g - 0.5)::float8 / ${n} AS x FROM generate_series(1, ${n}) g) a) b) c`;
}
