import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { getRegion, listChildren, searchRegions } from './regions.repository.ts';

const Region = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parentCode: z.string().nullable(),
});
const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码为 6 位数字 / a region code has 6 digits');

export async function regionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: '行政区划：下级列表或搜索 Regions: children or search',
        querystring: z.strictObject({
          parent: regionCode.optional(),
          q: z.string().min(1).max(50).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: z.object({ data: z.array(Region) }) },
      },
    },
    async (req) => {
      const { parent, q, limit } = req.query;
      const data = q ? await searchRegions(app.deps.db, q, limit) : await listChildren(app.deps.db, parent ?? null);
      return { data };
    },
  );
  r.get(
    '/api/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: '行政区划详情 One region',
        params: z.strictObject({ code: regionCode }),
        response: { 200: z.object({ data: Region }) },
      },
    },
    async (req) => {
      const row = await getRegion(app.deps.db, req.params.code);
      if (!row) throw NotFound('region', '行政区划');
      return { data: row };
    },
  );
}
