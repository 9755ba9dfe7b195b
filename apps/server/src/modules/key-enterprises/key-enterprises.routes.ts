import type { FastifyInstance } from 'fastify';
import { registryRoutes } from '../registries/registry.routes.ts';
import { keyEnterpriseDef } from './key-enterprises.def.ts';
import { keyEnterpriseLogRoutes } from './key-enterprises.logs.ts';

/** 重点企业保护名录: the shared registry routes under /api/key-enterprises, and the contact log. */
export async function keyEnterpriseRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registryRoutes(keyEnterpriseDef));
  await app.register(keyEnterpriseLogRoutes);
}
