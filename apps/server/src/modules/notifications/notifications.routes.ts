import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../platform/errors.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import type { NotificationsTable } from '../../platform/tables.ts';
import type { Selectable } from 'kysely';
import { listOwn, markAllRead, markRead } from './notifications.repository.ts';

const tags = ['notifications'];

const NotificationOut = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  titleEn: z.string(),
  bodyEn: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

const present = (n: Selectable<NotificationsTable>): z.infer<typeof NotificationOut> => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  titleEn: n.title_en,
  bodyEn: n.body_en,
  link: n.link,
  read: n.read_at !== null,
  readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
  createdAt: new Date(n.created_at).toISOString(),
});

/** A user's own in-app notifications. Anyone signed in; another user's notification does not exist (404). */
export async function notificationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/notifications', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: '我的通知 My notifications (newest first)',
      querystring: z.strictObject({
        unread: z.enum(['true', 'false']).optional(),
        page: z.coerce.number().int().min(1).max(10_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: {
        200: z.object({ data: z.array(NotificationOut), unread: z.number(), total: z.number(), page: z.number(), pageSize: z.number() }),
      },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { page, pageSize } = req.query;
    const res = await listOwn(deps.db, actor.userId, { page, pageSize, unreadOnly: req.query.unread === 'true' });
    return { data: res.rows.map(present), unread: res.unread, total: res.total, page, pageSize };
  });

  r.post('/api/notifications/:id/read', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: '标记已读 Mark one notification read',
      params: z.strictObject({ id: z.uuid() }),
      response: { 200: z.object({ data: NotificationOut }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const row = await markRead(deps.db, actor.userId, req.params.id, deps.clock.now());
    if (!row) throw NotFound('notification', '通知');
    return { data: present(row) };
  });

  r.post('/api/notifications/read-all', {
    config: { access: 'authenticated' },
    schema: {
      tags, summary: '全部标记已读 Mark all my notifications read',
      response: { 200: z.object({ data: z.object({ updated: z.number() }) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    return { data: { updated: await markAllRead(deps.db, actor.userId, deps.clock.now()) } };
  });
}
