/** Signing in over HTTP as a browser does: the session cookie and the CSRF token the login answers with. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, username: string, password: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  const body = (await r.json()) as { csrfToken?: string; data?: { step?: string } };
  const sid = r.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('yz_sid='));
  if (r.status !== 200 || !sid || !body.csrfToken) throw new Error(`sign-in of ${username} failed: ${r.status} ${JSON.stringify(body)}`);
  return { cookie: sid, csrf: body.csrfToken };
}

export function headersOf(s: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}

/** GET as the session, JSON answer; throws on a non-2xx status. */
export async function getJson<T>(base: string, s: Session | null, path: string): Promise<T> {
  const r = await fetch(base + path, { headers: s ? headersOf(s) : {} });
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}
