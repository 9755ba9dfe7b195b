import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { can } from '../../authz/can.ts';
import type { Config } from '../../platform/config.ts';
import { NotFound } from '../../platform/errors.ts';
import { latestMessages } from './outbox.repository.ts';

/** Embedded mode: no SMTP server and no external database, i.e. a developer's machine. */
export const isEmbeddedMode = (c: Config) => !c.smtpUrl && !c.databaseUrl;

/** Outside embedded mode, digits runs (verification codes) are hidden even from outbox.read. */
export const maskCodes = (body: string) => body.replace(/\d{4,8}/g, (m) => '*'.repeat(m.length));

const Message = z.object({
  id: z.string(),
  channel: z.enum(['email', 'sms']),
  recipientMasked: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'kept']),
  createdAt: z.string(),
});

export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;
  // 'public' at the guard: in embedded mode this is the developers' inbox (sign-up codes land here).
  // Elsewhere it does not exist (404) unless the caller holds outbox.read.
  r.get('/api/outbox', {
    config: { access: 'public' },
    schema: { tags: ['outbox'], summary: '发件箱（内嵌模式的开发者收件箱） Outbox', response: { 200: z.object({ data: z.array(Message) }) } },
  }, async (req) => {
    const embedded = isEmbeddedMode(deps.config);
    if (!embedded && !can(req.actor, 'outbox.read')) throw NotFound('page', '页面');
    const rows = await latestMessages(deps.db, 100);
    return {
      data: rows.map((m) => ({
        id: m.id,
        channel: m.channel,
        recipientMasked: m.recipient_masked,
        subject: m.subject,
        body: embedded ? m.body : maskCodes(m.body),
        status: m.status,
        createdAt: new Date(m.created_at).toISOString(),
      })),
    };
  });
}
