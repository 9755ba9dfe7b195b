import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureDatabase } from '../platform/bootstrap.ts';
import { startEmbedded } from '../platform/embedded-pg.ts';
import { TEMPLATE_DB } from './constants.ts';
import { fillTestDatabase } from './template.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

/**
 * One embedded PostgreSQL for the whole run (DATABASE_URL is used instead when set), and a template
 * database holding the schema, the regions and the demo network; each test file clones it.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let stop = async () => {};
  let adminUrl: string;
  if (external) {
    adminUrl = external;
  } else {
    const dir = path.resolve('.tmp', `pg-${project.name}-${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    const server = await startEmbedded(dir);
    adminUrl = server.url('postgres');
    stop = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  await ensureDatabase(adminUrl, TEMPLATE_DB);
  const url = new URL(adminUrl);
  url.pathname = `/${TEMPLATE_DB}`;
  await fillTestDatabase(url.toString());
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE_DB);
  return stop;
}
