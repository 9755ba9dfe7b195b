/**
 * What the server's database sessions wait on during a round (BENCH_PG_WAITS=1): pg_stat_activity sampled every
 * 50 ms, counted by wait event — lock waits (Lock/advisory, Lock/transactionid) show serialised writers,
 * "running" shows work in PostgreSQL, ClientRead shows the server process itself as the slow side. A lock wait
 * carries the start of the statement that waits, so the contended row can be told.
 */
import pg from 'pg';

export function waitSampler(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  return {
    start() {
      const counts = new Map<string, number>();
      let samples = 0;
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        pool.query<{ w: string; n: string }>(`
          SELECT coalesce(wait_event_type || '/' || wait_event, 'running')
                 || CASE WHEN wait_event_type = 'Lock' THEN ' [' || left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 50) || ']' ELSE '' END AS w,
                 count(*) AS n FROM pg_stat_activity
          WHERE application_name = 'yuanzhi' AND state <> 'idle' AND pid <> pg_backend_pid() GROUP BY 1`)
          .then((r) => {
            samples++;
            for (const x of r.rows) counts.set(x.w, (counts.get(x.w) ?? 0) + Number(x.n));
          })
          .catch(() => {})
          .finally(() => { busy = false; });
      }, 50);
      return () => {
        clearInterval(timer);
        return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([w, n]) => `${w} ${(n / Math.max(samples, 1)).toFixed(1)}`).join(', ');
      };
    },
    close: () => pool.end(),
  };
}
