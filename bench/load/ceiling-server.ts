/**
 * The machine's ceiling, run as its own process: a minimal Fastify server that either answers a constant JSON
 * (CEILING=constant) or does one `INSERT … RETURNING` per request (CEILING=insert) on the platform's PostgreSQL
 * (DATABASE_URL), through a pool of 10 like a small application would. Prints "listening <port>" when ready.
 */
import Fastify from 'fastify';
import pg from 'pg';

const mode = process.env.CEILING === 'insert' ? 'insert' : 'constant';
const app = Fastify({ logger: false });
let pool: pg.Pool | null = null;

if (mode === 'insert') {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_ceiling (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  app.post('/insert', async (req) => {
    const title = (req.body as { title?: string } | undefined)?.title ?? 'ceiling';
    const r = await pool!.query<{ id: string; created_at: Date }>('INSERT INTO bench_ceiling (title) VALUES ($1) RETURNING id, created_at', [title]);
    return { data: r.rows[0] };
  });
} else {
  const body = { data: { ok: true, name: '援知 ceiling' } };
  app.get('/constant', async () => body);
}

const stop = async () => {
  await app.close();
  await pool?.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const addr = app.server.address();
console.log(`listening ${typeof addr === 'object' && addr ? addr.port : 0}`);
