import type { FastifyInstance } from 'fastify';
import { registryRoutes } from '../registries/registry.routes.ts';
import { volunteerHourRoutes } from './volunteer-hours.routes.ts';
import { volunteerTeamDef } from './volunteer-teams.def.ts';
import { volunteerDef } from './volunteers.def.ts';

/** 志愿服务: teams and volunteers on the shared registry routes, the service-hour log and its totals. */
export async function volunteerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(registryRoutes(volunteerTeamDef));
  await app.register(registryRoutes(volunteerDef));
  await app.register(volunteerHourRoutes);
}
