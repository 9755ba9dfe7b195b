import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/** Path of the first string holding a NUL character (PostgreSQL text cannot store one), or null. */
export function findNul(v: unknown, path = ''): string | null {
  if (typeof v === 'string') return v.includes('\u0000') ? path || 'body' : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = findNul(v[i], `${path}${path ? '.' : ''}${i}`);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = findNul(x, `${path}${path ? '.' : ''}${k}`);
      if (p) return p;
    }
  }
  return null;
}

export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const field = findNul(req.body) ?? findNul(req.query) ?? findNul(req.params);
    if (field) throw new AppError(400, 'invalid_character', `${field}：含有不允许的控制字符`, `${field}: contains a forbidden control character`, field);
  });
}
