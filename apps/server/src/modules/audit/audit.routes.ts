import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeFor } from '../../authz/can.ts';
import { requireActor } from '../../platform/http/route-guard.ts';
import { exportAuditXlsx } from './audit.export.ts';
import { auditContext, recordAudit } from './audit.record.ts';
import { searchAudit, type AuditFilter } from './audit.repository.ts';
import { verifyChain } from './audit.verify.ts';

const result = z.enum(['success', 'failure', 'denied']);

const AuditEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionPath: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  result,
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.unknown(),
  hash: z.string(),
});

const when = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: '日期格式应为 YYYY-MM-DD 或 ISO 8601 时间 / use YYYY-MM-DD or an ISO 8601 date-time',
});
const filterShape = {
  from: when.optional().describe('起始（含）；仅日期时按北京时间当日 0 时 / from (inclusive); a bare date starts at 00:00 Beijing time'),
  to: when.optional().describe('截止；仅日期时含当日 / until; a bare date includes that whole day'),
  actor: z.string().trim().min(1).max(100).optional().describe('操作人姓名（部分）或ID / actor name (part) or id'),
  action: z.string().min(1).max(100).optional().describe('操作，如 auth.login 或 auth.* / action, e.g. auth.login or auth.*'),
  objectType: z.string().min(1).max(50).optional(),
  objectId: z.string().min(1).max(200).optional(),
  result: result.optional(),
};
const FilterQuery = z.strictObject(filterShape);
const SearchQuery = z.strictObject({
  ...filterShape,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const DAY = 24 * 3600_000;

/** Query → filter. A bare date means that day in Beijing time; `to` then includes the whole day. */
export function toFilter(q: z.infer<typeof FilterQuery>): AuditFilter {
  const from = q.from ? new Date(isDate(q.from) ? `${q.from}T00:00:00+08:00` : q.from) : undefined;
  const to = q.to ? (isDate(q.to) ? new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + DAY) : new Date(q.to)) : undefined;
  return { from, to, actor: q.actor, action: q.action, objectType: q.objectType, objectId: q.objectId, result: q.result };
}

/** What a search asked for, for its own audit entry: no names or ids typed by the auditor. */
function filterSummary(f: AuditFilter) {
  return {
    filters: Object.entries(f).filter(([, v]) => v !== undefined).map(([k]) => k),
    from: f.from?.toISOString(),
    to: f.to?.toISOString(),
    action: f.action,
    objectType: f.objectType,
    result: f.result,
  };
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.deps.db;

  r.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '审计日志查询 Search the audit log',
        querystring: SearchQuery,
        response: {
          200: z.object({ data: z.array(AuditEntry), total: z.number(), page: z.number(), pageSize: z.number() }),
        },
      },
    },
    async (req) => {
      const { page, pageSize, ...q } = req.query;
      const f = toFilter(q);
      const scope = scopeFor(requireActor(req), 'audit.read');
      const { rows, total } = await searchAudit(db(), scope, f, { page, pageSize });
      await recordAudit(db(), auditContext(req), {
        action: 'audit.read',
        objectType: 'audit_log',
        detail: { ...filterSummary(f), page, total },
      });
      return { data: rows, total, page, pageSize };
    },
  );

  r.get(
    '/api/audit/export.xlsx',
    {
      config: { access: 'audit.export' },
      schema: { tags: ['audit'], summary: '导出审计日志 Export the audit log (.xlsx)', querystring: FilterQuery },
    },
    async (req, reply) => {
      const f = toFilter(req.query);
      const scope = scopeFor(requireActor(req), 'audit.export');
      const { buffer, rows } = await exportAuditXlsx(db(), scope, f);
      await recordAudit(db(), auditContext(req), {
        action: 'audit.export',
        objectType: 'audit_log',
        detail: { ...filterSummary(f), rows },
      });
      const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
      const name = `审计日志-${day}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit-log-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .send(buffer);
    },
  );

  r.get(
    '/api/audit/verify',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: '校验审计日志哈希链 Verify the audit log hash chain',
        response: {
          200: z.object({
            data: z.object({
              ok: z.boolean(),
              checked: z.number(),
              firstBadSeq: z.number().optional(),
              reason: z.enum(['hash_mismatch', 'link_broken']).optional(),
            }),
          }),
        },
      },
    },
    async (req) => {
      const v = await verifyChain(db());
      await recordAudit(db(), auditContext(req), { action: 'audit.verify', objectType: 'audit_log', detail: { ...v } });
      return { data: v };
    },
  );
}
