import type { FastifyInstance } from 'fastify';
import { calendarRoutes } from '../../modules/calendar/calendar.routes.ts';
import { consultationRoutes } from '../../modules/consultations/consultations.routes.ts';
import { caseRoutes } from '../../modules/cases/cases.routes.ts';
import { followUpRoutes } from '../../modules/cases/follow-ups.routes.ts';
import { auditRoutes } from '../../modules/audit/audit.routes.ts';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { portalRoutes } from '../../modules/portal-cases/portal.routes.ts';
import { outboxRoutes } from '../../modules/outbox/outbox.routes.ts';
import { notificationRoutes } from '../../modules/notifications/notifications.routes.ts';
import { institutionRoutes } from '../../modules/institutions/institutions.routes.ts';
import { statsRoutes } from '../../modules/stats/stats.routes.ts';
import { regionRoutes } from '../../modules/regions/regions.routes.ts';
import { userRoutes } from '../../modules/users/users.routes.ts';
import { articleRoutes } from '../../modules/articles/articles.routes.ts';
import { expertRoutes } from '../../modules/experts/experts.routes.ts';
import { eventRoutes } from '../../modules/events/events.routes.ts';
import { analysisRoutes } from '../../modules/analysis/analysis.routes.ts';
import { healthRoutes } from './health.routes.ts';

/** Every module's routes, in one list. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(regionRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(outboxRoutes);
  await app.register(auditRoutes);
  await app.register(institutionRoutes);
  await app.register(caseRoutes);
  await app.register(followUpRoutes);
  await app.register(calendarRoutes);
  await app.register(notificationRoutes);
  await app.register(portalRoutes);
  await app.register(articleRoutes);
  await app.register(expertRoutes);
  await app.register(consultationRoutes);
  await app.register(statsRoutes);
  await app.register(eventRoutes);
  await app.register(analysisRoutes);
}
