import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webDist } from '../../platform/http/web.ts';
import { CONTENT_SECURITY_POLICY } from '../../platform/http/security-headers.ts';
import { deskData } from './events.desk.ts';

/**
 * The on-site complaint page (/onsite/:eventId) as ONE document: the built onsite.html with its script and
 * stylesheet inlined, so a phone on a slow network makes a single request before it can type (ADR 0028).
 * The inline script is allowed by its hash in this page's own CSP; everything else keeps the site policy.
 */
export interface OnsitePage { html: string; csp: string }

export function inlineOnsitePage(dist: string): OnsitePage | null {
  const file = path.join(dist, 'onsite.html');
  if (!fs.existsSync(file)) return null;
  let html = fs.readFileSync(file, 'utf8');
  const asset = (href: string) => fs.readFileSync(path.join(dist, href.replace(/^\//, '')), 'utf8');
  const hashes: string[] = [];
  html = html.replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src: string) => {
    const code = asset(src).replace(/<\/script/gi, '<\\/script');
    hashes.push(`'sha256-${crypto.createHash('sha256').update(code).digest('base64')}'`);
    return `<script type="module">${code}</script>`;
  });
  html = html.replace(/<link rel="stylesheet" crossorigin href="([^"]+)">/g, (_, href: string) => `<style>${asset(href)}</style>`);
  const csp = CONTENT_SECURITY_POLICY.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);
  return { html, csp };
}

/** Data for the page's script as a JSON block before </body>; '<' escaped so no text in it can close the element. */
export function withBoot(html: string, data: unknown): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return html.replace('</body>', `<script type="application/json" id="boot">${json}</script></body>`);
}

export async function onsitePageRoute(app: FastifyInstance): Promise<void> {
  let page: OnsitePage | null | undefined;
  app.withTypeProvider<ZodTypeProvider>().get('/onsite/:id', { schema: { hide: true, params: z.strictObject({ id: z.string().max(40) }) } }, async (req, reply) => {
    page ??= inlineOnsitePage(webDist);
    if (!page) return reply.status(404).type('text/plain; charset=utf-8').send('页面未构建 / the web app is not built');
    // Signed in at the desk: the event and the CSRF token travel in the page (JSON, never executed), so the form is
    // complete without another round trip. Otherwise the page asks the API and shows why it cannot be used.
    const desk = req.actor && /^[0-9a-f-]{36}$/i.test(req.params.id) ? await deskData(app.deps, req.actor, req.params.id) : null;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'private, no-store').header('content-security-policy', page.csp)
      .send(desk ? withBoot(page.html, { desk, csrfToken: req.session?.csrfToken ?? '' }) : page.html);
  });
}
