import type { FastifyInstance } from 'fastify';
import { authRoutes } from '../../modules/auth/auth.routes.ts';
import { institutionRoutes } from '../../modules/institutions/institutions.routes.ts';
import { regionRoutes } from '../../modules/regions/regions.routes.ts';
import { healthRoutes } from './health.routes.ts';

/** Every module's routes, in one list. */
export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes);
  await app.register(regionRoutes);
  await app.register(authRoutes);
  await app.register(institutionRoutes);
}
