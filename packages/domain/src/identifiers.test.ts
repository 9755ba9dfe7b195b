import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, idNumberCheckChar, isValidCreditCode, isValidIdNumber, isValidMobile } from './identifiers.ts';

describe('resident ID number (GB 11643-1999)', () => {
  it('computes the check character from the weights and the mod-11 map', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
  it('refuses impossible birth dates and wrong lengths', () => {
    const base = '42011119900230001';
    expect(isValidIdNumber(base + idNumberCheckChar(base))).toBe(false); // 30 February
    expect(isValidIdNumber('4201111990')).toBe(false);
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character matches and refuses a changed one', () => {
    const first = '91420100MA4K5T2Q3';
    const ok = first + creditCodeCheckChar(first);
    expect(isValidCreditCode(ok)).toBe(true);
    const wrong = first + (ok.endsWith('0') ? '1' : '0');
    expect(isValidCreditCode(wrong)).toBe(false);
  });
  it('maps a remainder of 0 to the check character 0 (31 → 0)', () => {
    // Search a prefix whose weighted sum is divisible by 31.
    let found = '';
    for (let i = 0; i < 31 && !found; i++) {
      const p = `9111000071093123${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`;
      if (creditCodeCheckChar(p) === '0') found = p;
    }
    expect(found).not.toBe('');
    expect(isValidCreditCode(found + '0')).toBe(true);
  });
  it('refuses the letters I, O, Z, S, V and wrong lengths', () => {
    expect(isValidCreditCode('91420100MA4K5T2QIQ')).toBe(false);
    expect(isValidCreditCode('91420100')).toBe(false);
  });
});

describe('mobile numbers', () => {
  it('are 11 digits starting with 1', () => {
    expect(isValidMobile('13800138000')).toBe(true);
    expect(isValidMobile('23800138000')).toBe(false);
    expect(isValidMobile('1380013800')).toBe(false);
  });
});
