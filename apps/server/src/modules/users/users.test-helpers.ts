import type { TestApp } from '../../testing/harness.ts';

/** Look-ups for the users tests: ids of demo users and institutions. */
export async function userId(t: TestApp, username: string): Promise<string> {
  const r = await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return r.id;
}

export async function institutionId(t: TestApp, name: string): Promise<string> {
  const r = await t.deps.db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return r.id;
}

export const ROOT = '国家知识产权局知识产权保护司';
export const NATIONAL_OVERSEAS = '国家海外知识产权纠纷应对指导中心';
export const HB_CENTER = '湖北省知识产权维权援助中心';
export const WUHAN = '武汉市知识产权维权援助中心';
export const NEW_PASSWORD = 'Jiangcheng#2027';
