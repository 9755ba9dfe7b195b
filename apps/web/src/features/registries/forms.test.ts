import { describe, expect, it } from 'vitest';
import { partnerUi } from '../partners/PartnersPage.tsx';
import { volunteerUi } from '../volunteers/VolunteersPage.tsx';
import type { Rec } from './types.ts';

/** What the registry forms send: personal data the browser never saw is kept unless typed again. */
const rec = (more: Record<string, unknown>) => ({ id: 'x', version: 3, institutionName: '某机构', status: 'active', ...more }) as Rec;

describe('partner form body', () => {
  it('sends one contact with its phone on create, and no contacts when none was given', () => {
    expect(partnerUi.toBody!({ name: '甲', contactName: '张三', contactTitle: null, contactPhone: '13912345678' })).toEqual({
      name: '甲', contacts: [{ name: '张三', title: null, phone: '13912345678' }],
    });
    expect(partnerUi.toBody!({ name: '甲', contactName: null, contactTitle: null, contactPhone: null })).toEqual({ name: '甲', contacts: [] });
  });

  it('on edit leaves the stored phone alone unless a new one is typed, and clears a removed contact', () => {
    const old = rec({ contactName: '张三', contactPhoneMasked: '139****5678' });
    expect(partnerUi.toBody!({ notes: 'x', contactName: '张三', contactTitle: '主任', contactPhone: null }, old)).toEqual({
      notes: 'x', contacts: [{ name: '张三', title: '主任' }],
    });
    expect(partnerUi.toBody!({ notes: 'x', contactName: '张三', contactTitle: null, contactPhone: '13700000000' }, old).contacts[0].phone).toBe('13700000000');
    expect(partnerUi.toBody!({ notes: 'x', contactName: null, contactTitle: null, contactPhone: null }, old)).toEqual({ notes: 'x', contacts: [] });
    expect(partnerUi.toBody!({ notes: 'x', contactName: null, contactTitle: null, contactPhone: null }, rec({ contactName: null }))).toEqual({ notes: 'x' });
  });
});

describe('volunteer form body', () => {
  it('keeps the stored ID number and phone on edit when left empty, sends them on create', () => {
    expect(volunteerUi.toBody!({ name: '乙', idNumber: null, phone: null }, rec({}))).toEqual({ name: '乙' });
    expect(volunteerUi.toBody!({ name: '乙', idNumber: '11010519491231002X', phone: null })).toEqual({ name: '乙', idNumber: '11010519491231002X', phone: null });
  });
});
