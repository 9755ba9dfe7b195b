import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Scripts only from our own origin; antd writes its styles at run time, hence 'unsafe-inline' for styles only.
 * frame-ancestors 'none' (with X-Frame-Options for old browsers) stops click-jacking of the console.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const HSTS = 'max-age=31536000; includeSubDomains';

/** HTTPS as the browser saw it: the socket itself, or X-Forwarded-Proto when the proxy is trusted (TRUST_PROXY). */
function viaHttps(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // A download sets its own stricter sandbox policy; keep it.
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    // Sent only over HTTPS: over plain HTTP a browser ignores it, and a test install must stay reachable.
    if (viaHttps(req)) reply.header('strict-transport-security', HSTS);
  });
}
