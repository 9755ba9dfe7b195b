import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/http/route-guard.ts';
import { AppError } from '../../platform/errors.ts';
import { auditContext, recordAudit } from '../audit/audit.record.ts';
import { DEADLINES_RECOMPUTE_JOB } from '../cases/deadlines-recompute.ts';
import { calendarYear, storeCalendarYear, validateCalendarYear } from './calendar.service.ts';

const tags = ['calendar'];
const params = z.object({ year: z.coerce.number().int().min(1990).max(2200) });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const yearBody = z.object({
  holidays: z.array(date).max(366),
  workdays: z.array(date).max(366),
  names: z.record(date, z.strictObject({ zh: z.string().max(40), en: z.string().max(60) })).optional(),
}).strict();
const yearOut = z.object({ data: z.record(z.string(), z.unknown()) });

/** The statutory holiday calendar the deadlines are counted with (work_calendar_years). */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const deps = app.deps;

  r.get('/api/calendar/:year', {
    config: { access: 'staff' },
    schema: { tags, summary: '节假日安排 A year\'s holidays and make-up working days', params, response: { 200: yearOut } },
  }, async (req) => ({ data: { ...(await calendarYear(deps.db, req.params.year)) } }));

  r.put('/api/calendar/:year', {
    config: { access: 'calendar.manage' },
    schema: {
      tags, summary: '录入节假日安排（重算未结期限）Store a year\'s calendar and recompute the open deadlines', params, body: yearBody,
      response: { 200: yearOut },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const { year } = req.params;
    const problem = validateCalendarYear(year, req.body);
    if (problem) {
      throw new AppError(422, 'invalid_calendar', `节假日安排有误：${problem}`, `The calendar is not valid: ${problem}`, 'holidays');
    }
    await deps.db.transaction().execute(async (tx) => {
      await storeCalendarYear(tx, year, req.body, `manual:${actor.userId}`);
      await recordAudit(tx, auditContext(req), {
        action: 'calendar.update', objectType: 'calendar', objectId: String(year),
        detail: { year, holidays: req.body.holidays.length, workdays: req.body.workdays.length },
      });
      // Every open deadline is counted again with the new year, once the change is committed.
      await deps.jobs.enqueue(DEADLINES_RECOMPUTE_JOB, { reason: 'calendar', year }, { tx });
    });
    return { data: { ...(await calendarYear(deps.db, year)) } };
  });
}
