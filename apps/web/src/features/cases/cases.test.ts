import { caseEvents } from '@yuanzhi/domain';
import { describe, expect, it } from 'vitest';
import { deadlineTone, listTone, weekdaysUntil } from './deadlineTone.ts';
import { buildPayload, eventFields, orderEvents } from './eventForms.ts';
import { eventText } from './format.ts';

describe('payload forms per event', () => {
  it('every domain event has a form and a place in the action bar', () => {
    for (const e of caseEvents) {
      expect(eventFields[e]).toBeDefined();
      expect(orderEvents([e])).toEqual([e]);
    }
  });

  it('asks what each event needs', () => {
    const names = (e: keyof typeof eventFields) => eventFields[e].filter((x) => x.required).map((x) => x.name);
    expect(names('decline')).toEqual(['reason']);
    expect(names('requestSupplement')).toEqual(['reason']);
    expect(names('assign')).toEqual(['handlerId']);
    expect(names('reassign')).toEqual(['handlerId', 'reason']);
    expect(names('transfer')).toEqual(['toInstitutionId', 'reason']);
    expect(names('refer')).toEqual(['body', 'reason']);
    expect(names('conclude')).toEqual(['result']);
    expect(names('returnForRework')).toEqual(['comments']);
    expect(names('suspend')).toEqual(['reason']);
    expect(eventFields.start).toEqual([]);
    expect(eventFields.archive).toEqual([]);
  });

  it('sends only the fields of the event, trimmed, without empty ones', () => {
    expect(buildPayload('decline', { reason: '  不属于受理范围 ', handlerId: 'x' })).toEqual({ reason: '不属于受理范围' });
    expect(buildPayload('accept', { track: 'fast', note: '  ' })).toEqual({ track: 'fast' });
    expect(buildPayload('start', { reason: 'x' })).toEqual({});
    expect(buildPayload('conclude', {})).toEqual({});
  });

  it('puts the referral body name in front of the reason', () => {
    expect(buildPayload('refer', { body: 'mediation_committee', bodyName: '武汉市人民调解委员会', reason: '双方同意调解' })).toEqual({
      body: 'mediation_committee',
      reason: '【武汉市人民调解委员会】双方同意调解',
    });
    expect(buildPayload('refer', { body: 'court', bodyName: ' ', reason: '起诉' })).toEqual({ body: 'court', reason: '起诉' });
  });
});

describe('deadline colouring', () => {
  const d = { due: '2026-11-27', warnOn: '2026-11-24', status: 'running' as const, late: false };
  it('colours a running deadline by warnOn and due', () => {
    expect(deadlineTone(d, '2026-11-20')).toBe('normal');
    expect(deadlineTone(d, '2026-11-24')).toBe('dueSoon');
    expect(deadlineTone(d, '2026-11-27')).toBe('dueSoon');
    expect(deadlineTone(d, '2026-11-28')).toBe('overdue');
  });
  it('paused and met deadlines are neither due soon nor overdue', () => {
    expect(deadlineTone({ ...d, status: 'paused' }, '2026-12-30')).toBe('paused');
    expect(deadlineTone({ ...d, status: 'met' }, '2026-12-30')).toBe('met');
    expect(deadlineTone({ ...d, status: 'met', late: true }, '2026-12-30')).toBe('metLate');
  });
  it('counts weekdays for the list colour', () => {
    expect(weekdaysUntil('2026-11-20', '2026-11-25')).toBe(3); // Fri → Wed: Mon, Tue, Wed
    expect(listTone('2026-11-25', false, '2026-11-20')).toBe('dueSoon');
    expect(listTone('2026-11-26', false, '2026-11-20')).toBe('normal');
    expect(listTone('2026-11-19', false, '2026-11-20')).toBe('overdue');
    expect(listTone('2026-12-30', true, '2026-11-20')).toBe('overdue');
    expect(listTone(null, false, '2026-11-20')).toBe('none');
  });
});

describe('timeline text', () => {
  it('shows the reason, else the text of the payload', () => {
    expect(eventText({ reason: '材料不全', payload: { comments: 'x' } })).toBe('材料不全');
    expect(eventText({ reason: null, payload: { comments: '请补充比对表' } })).toBe('请补充比对表');
    expect(eventText({ reason: null, payload: { handlerId: 'u1' } })).toBeNull();
  });
});
