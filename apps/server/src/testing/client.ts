import type { App } from '../platform/http/app.ts';
import { DEMO_PASSWORD, ADMIN_INITIAL_PASSWORD } from '../demo/network.ts';
import { totpNow } from '../modules/auth/totp.ts';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: string;
}

/** Talks to the app in-process (fastify.inject) as one browser would: cookie jar and CSRF header. */
export class TestClient {
  cookie: string | undefined;
  csrf: string | undefined;
  /** The TOTP secret this client enrolled, if it did. */
  totpSecret: string | undefined;

  constructor(readonly app: App) {}

  async request<T = any>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET') h['x-csrf-token'] = this.csrf;
    const r = await this.app.inject({
      method: method as 'GET',
      url,
      headers: h,
      ...(body !== undefined ? (typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }) : {}),
    });
    const set = r.cookies.find((c) => c.name === 'yz_sid');
    if (set) this.cookie = set.value ? `yz_sid=${set.value}` : undefined;
    let parsed: unknown = r.body;
    if ((r.headers['content-type'] ?? '').toString().includes('json')) {
      try {
        parsed = JSON.parse(r.body);
      } catch {
        /* keep text */
      }
    }
    const b = parsed as { csrfToken?: string } | undefined;
    if (b && typeof b === 'object' && typeof b.csrfToken === 'string') this.csrf = b.csrfToken;
    return { status: r.statusCode, body: parsed as T, headers: r.headers, raw: r.body };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  del = <T = any>(url: string) => this.request<T>('DELETE', url);

  /**
   * Sign in with a demo account: answers a forced password change (to `${password}x`) and enrols
   * TOTP when the account needs it.
   */
  static async signIn(app: App, username: string, password?: string): Promise<TestClient> {
    const c = new TestClient(app);
    let pw = password ?? (username === 'admin' ? ADMIN_INITIAL_PASSWORD : DEMO_PASSWORD);
    let r = await c.post('/api/auth/login', { username, password: pw });
    if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status} ${r.raw}`);
    for (let step = 0; step < 4; step++) {
      const next = r.body.data.next as string;
      if (next === 'done') return c;
      if (next === 'change_password') {
        const np = `${pw}x`;
        r = await c.post('/api/auth/password', { currentPassword: pw, newPassword: np });
        pw = np;
      } else if (next === 'mfa_setup') {
        const s = await c.post('/api/auth/mfa/setup');
        c.totpSecret = s.body.data.secret;
        r = await c.post('/api/auth/mfa/enable', { code: totpNow(c.totpSecret!, app.deps.clock.now()) });
      } else if (next === 'mfa') {
        if (!c.totpSecret) throw new Error(`${username} needs a TOTP code but no secret is known`);
        r = await c.post('/api/auth/mfa', { code: totpNow(c.totpSecret, app.deps.clock.now()) });
      }
      if (r.status !== 200) throw new Error(`sign-in step ${next} of ${username} failed: ${r.status} ${r.raw}`);
    }
    throw new Error(`sign-in of ${username} did not complete`);
  }
}
