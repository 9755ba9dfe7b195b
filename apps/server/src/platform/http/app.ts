import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadSession, SESSION_COOKIE, type SessionState } from '../../modules/auth/session.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import { installErrorHandler } from './error-handler.ts';
import { installNulGuard } from './nul-guard.ts';
import { redactPaths, redactUrl } from './log-redact.ts';
import { registerApiDocs } from './openapi.ts';
import { checkAccess, installRouteGuard } from './route-guard.ts';
import { registerRoutes } from './routes.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { registerWeb } from './web.ts';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionState | null;
  }
  interface FastifyInstance {
    deps: Deps;
  }
}

export type App = FastifyInstance;
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(deps: Deps, opts: { logger?: boolean; logStream?: NodeJS.WritableStream } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: deps.config.logLevel, redact: { paths: redactPaths, censor: '[redacted]' },
          serializers: {
            req: (q: { method: string; url: string; host?: string; ip?: string }) => ({ method: q.method, url: redactUrl(q.url), host: q.host, remoteAddress: q.ip }),
          },
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
      : false,
    bodyLimit: deps.config.bodyLimitBytes,
    trustProxy: deps.config.trustProxy,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('deps', deps);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  installErrorHandler(app);
  installRouteGuard(app);
  installNulGuard(app);
  await app.register(cookie);
  await registerApiDocs(app);

  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const s = await loadSession(deps, token);
    if (!s) return;
    req.session = s;
    const complete = (s.mfaPassed || !s.mfaNeeded) && !s.mustChangePassword && !s.passwordExpired;
    if (complete) req.actor = s.actor;
  });

  // CSRF: a cookie-authenticated write must echo the session's token in a header. Runs before body
  // validation, so a caller who may not use a route learns nothing from it (401/403 before 400).
  app.addHook('preValidation', async (req) => {
    if (req.session && !SAFE_METHODS.has(req.method) && req.url.startsWith('/api/')) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.session.csrfToken) {
        throw new AppError(403, 'csrf_failed', '页面已过期，请刷新后重试', 'Security token missing or stale; reload the page');
      }
    }
    checkAccess(req, req.routeOptions.config?.access);
  });

  installSecurityHeaders(app);

  await registerRoutes(app);
  await registerWeb(app);
  return app;
}
