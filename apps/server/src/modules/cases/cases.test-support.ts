import type { TestClient } from '../../testing/client.ts';
import type { TestApp } from '../../testing/harness.ts';

/** Helpers of the case tests. */
export const WH = '武汉市知识产权维权援助中心';
export const YC = '宜昌市知识产权维权援助中心';

export async function institutionId(t: TestApp, name: string): Promise<string> {
  return (await t.deps.db.selectFrom('institutions').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

export function registration(over: Record<string, unknown> = {}) {
  return {
    channel: 'walk_in',
    applicant: {
      kind: 'legal_person', name: '武汉某某科技有限公司', creditCode: '91420100MA4K5T2Q3Q', phone: '13912345678',
      idNumber: '420102198001011234', address: '湖北省武汉市洪山区珞喻路1号', email: 'legal@example.com', enterpriseSize: 'small',
      enterpriseTags: ['specialised_innovative'],
    },
    opposingParties: [{ kind: 'legal_person', name: '某电商店铺' }],
    ipType: 'patent', ipNumber: 'ZL202310000000.1', services: ['consultation'], field: 'e_commerce',
    summary: '对方在电商平台销售仿冒产品', request: '请求提供维权指导',
    ...over,
  };
}

export async function register(c: TestClient, over: Record<string, unknown> = {}): Promise<string> {
  const r = await c.post('/api/cases', registration(over));
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${r.raw}`);
  return r.body.data.id as string;
}

export async function fire(c: TestClient, id: string, event: string, payload: Record<string, unknown> = {}) {
  return c.post(`/api/cases/${id}/transitions`, { event, payload });
}

export async function ok(c: TestClient, id: string, event: string, payload: Record<string, unknown> = {}) {
  const r = await fire(c, id, event, payload);
  if (r.status !== 200) throw new Error(`${event} failed: ${r.status} ${r.raw}`);
  return r;
}
