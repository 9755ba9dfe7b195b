import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** Serves the built portal (/) and console (/console) single-page apps, when they have been built. */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  const built = fs.existsSync(path.join(webDist, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webDist, index: false, wildcard: false });
  const read = (f: string) => (built && fs.existsSync(path.join(webDist, f)) ? fs.readFileSync(path.join(webDist, f), 'utf8') : null);
  const portal = read('index.html');
  const consoleHtml = read('console.html') ?? portal;
  app.setNotFoundHandler((req, reply) => {
    if (!portal || req.url.startsWith('/api/') || req.method !== 'GET' || /\.[a-z0-9]+$/i.test(req.url.split('?')[0])) {
      return reply.status(404).send({
        error: { code: 'not_found', message: '页面或接口不存在', messageEn: 'Not found', requestId: req.id },
      });
    }
    const html = req.url.startsWith('/console') ? consoleHtml : portal;
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
