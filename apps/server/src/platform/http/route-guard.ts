import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../authz/actor.ts';
import { can } from '../../authz/can.ts';
import type { Permission } from '../../authz/roles.ts';
import { AppError, Forbidden, Unauthenticated } from '../errors.ts';

/**
 * Every /api route declares who may call it: 'public', 'authenticated' (any signed-in user,
 * applicants included), 'staff' (any staff/expert/volunteer account), or a Permission the actor
 * must hold at some institution, or a list of permissions of which the actor must hold at least one.
 * Record-level checks (404 outside scope) happen in the handler.
 */
export type RouteAccess = 'public' | 'authenticated' | 'staff' | Permission | readonly Permission[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** All /api routes with their declared access; the access-matrix test walks this list. */
    declaredRoutes: DeclaredRoute[];
  }
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

export function installRouteGuard(app: FastifyInstance): void {
  const declaredRoutes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declaredRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access (config.access)`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD') declaredRoutes.push({ method: m, url: route.url, access });
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw Unauthenticated();
  return req.actor;
}

export function checkAccess(req: FastifyRequest, access: RouteAccess | undefined): void {
  if (!access || access === 'public') return;
  const actor = requireActor(req);
  if (access === 'authenticated') return;
  if (access === 'staff') {
    if (actor.kind === 'applicant') throw Forbidden();
    return;
  }
  const anyOf: readonly Permission[] = typeof access === 'string' ? [access] : access;
  if (!anyOf.some((p) => can(actor, p))) throw Forbidden();
}

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', '操作过于频繁，请稍后再试', 'Too many requests, please retry later', undefined, {
    retryAfterSeconds,
  });
