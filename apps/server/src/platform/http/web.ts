import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** Serves the built portal (/) and console (/console) single-page apps, when they have been built. */
export async function registerWeb(app: FastifyInstance, root = webDist): Promise<void> {
  const built = fs.existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root, index: false, wildcard: false, cacheControl: false,
      // Vite names every file under assets/ by its content hash: a browser may keep it for good and never ask again.
      setHeaders: (res, file) => {
        const hashed = file.includes(`${path.sep}assets${path.sep}`);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=0');
      },
    });
  }
  const read = (f: string) => (built && fs.existsSync(path.join(root, f)) ? fs.readFileSync(path.join(root, f), 'utf8') : null);
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
