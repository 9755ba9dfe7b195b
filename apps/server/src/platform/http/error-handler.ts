import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';

const zh = z.locales.zhCN().localeError;

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageEn: string;
    field?: string;
    fields?: FieldError[];
    requestId: string;
    [k: string]: unknown;
  };
}

function zhMessage(issue: Record<string, unknown>): string {
  try {
    const r = zh(issue as never);
    return typeof r === 'string' ? r : (r as { message?: string })?.message ?? String(issue.message);
  } catch {
    return '输入无效';
  }
}

/** One mapper from every thrown thing to an answer: Chinese and English message, the field, never a stack. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const requestId = req.id;
    if (err instanceof AppError) {
      const body: ErrorBody = {
        error: { code: err.code, message: err.messageZh, messageEn: err.messageEn, requestId, ...(err.extra ?? {}) },
      };
      if (err.field) body.error.field = err.field;
      if (err.status >= 500) req.log.error({ err: { code: err.code, message: err.message } }, 'service error');
      return reply.status(err.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'body';
      const fields: FieldError[] = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const params = v.params as Record<string, unknown>;
        const keys = (params.keys as string[] | undefined) ?? [];
        const field = path || keys[0] || where;
        const issue = { code: v.keyword, message: v.message, path: path ? path.split('.') : [], ...params };
        return { field, message: `${field}：${zhMessage(issue)}`, messageEn: `${field}: ${v.message}` };
      });
      const first = fields[0];
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: first ? first.message : '输入无效',
          messageEn: first ? first.messageEn : 'Invalid input',
          field: first?.field,
          fields,
          requestId,
        },
      } satisfies ErrorBody);
    }
    // PostgreSQL data exceptions (class 22: bad encoding, out of range …) are the caller's input.
    const pgCode = (err as { code?: unknown }).code;
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) {
      return reply.status(400).send({
        error: { code: 'invalid_value', message: '输入的值无效', messageEn: 'Invalid value in the request', requestId },
      });
    }
    if (databaseUnavailable(err)) {
      req.log.error({ err: { code: pgCode, message: err.message } }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send({
        error: {
          code: 'database_unavailable', message: '数据库暂时不可用，您的操作未完成，请稍后重试（已保存的内容不受影响）',
          messageEn: 'The database is unavailable for a moment; nothing was changed, please try again shortly', requestId,
        },
      });
    }
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return reply.status(413).send({
        error: { code: 'payload_too_large', message: '提交的内容过大', messageEn: 'Request body too large', requestId },
      });
    }
    if (status === 415) {
      return reply.status(415).send({
        error: { code: 'unsupported_media_type', message: '不支持的内容类型', messageEn: 'Unsupported content type', requestId },
      });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        error: { code: 'bad_request', message: '请求格式有误', messageEn: err.message || 'Bad request', requestId },
      });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({
      error: { code: 'internal', message: '服务器内部错误，请稍后重试', messageEn: 'Internal error, please try again', requestId },
    });
  });
}

/**
 * The database is down or restarting (crash drill 1b): connection refused or reset, the server shutting down
 * (57P01–57P03), connection failures (class 08), or the pool's own "terminated" errors. A 503 tells the
 * client to retry; the transaction, if any, was rolled back.
 */
export function databaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(57P0[123]|08[0-9A-Z]{3})$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  const msg = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connection (?:is )?closed|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(msg);
}
