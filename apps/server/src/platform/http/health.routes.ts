import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['platform'], summary: '健康检查 Health check', response: { 200: z.object({ ok: z.boolean(), db: z.boolean() }) } },
    },
    async () => {
      const r = await sql<{ one: number }>`select 1 as one`.execute(app.deps.db);
      return { ok: true, db: r.rows[0]?.one === 1 };
    },
  );
}
