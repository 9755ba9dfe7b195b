import type { FastifyInstance } from 'fastify';
import { registryRoutes } from '../registries/registry.routes.ts';
import { overseasDef } from './overseas.def.ts';

/** 海外资源库 (laws, cases, exporting enterprises, overseas lawyers): the shared registry routes under /api/overseas. */
export async function overseasRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registryRoutes(overseasDef));
}
