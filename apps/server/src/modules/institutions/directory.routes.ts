import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { getDirectoryEntry, searchDirectory } from './directory.repository.ts';
import { presentDirectoryEntry } from './institutions.presenter.ts';
import { directoryEntryOut, directoryQuery, idParams } from './institutions.schemas.ts';

const tags = ['directory'];

/** The public directory of assistance institutions (portal): active institutions, public fields only. */
export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/directory', {
    config: { access: 'public' },
    schema: {
      tags, summary: '维权援助机构名录 Public directory', querystring: directoryQuery,
      response: { 200: z.object({ data: z.array(directoryEntryOut), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => {
    const { rows, total } = await searchDirectory(app.deps.db, req.query);
    return { data: rows.map(presentDirectoryEntry), total, page: req.query.page, pageSize: req.query.pageSize };
  });

  r.get('/api/directory/:id', {
    config: { access: 'public' },
    schema: { tags, summary: '名录中的一个机构 One directory entry', params: idParams, response: { 200: z.object({ data: directoryEntryOut }) } },
  }, async (req) => {
    const row = await getDirectoryEntry(app.deps.db, req.params.id);
    if (!row) throw NotFound('institution', '机构');
    return { data: presentDirectoryEntry(row) };
  });
}
