import type { FastifyInstance } from 'fastify';
import { registryRoutes } from '../registries/registry.routes.ts';
import { partnerDef } from './partners.def.ts';

/** 合作单位库: the shared registry routes under /api/partners. */
export async function partnerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registryRoutes(partnerDef));
}
