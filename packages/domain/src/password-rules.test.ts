import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules.ts';
import { maskEmail, maskIdNumber, maskPhone } from './mask.ts';

const codes = (pw: string, staff = true, username?: string) => passwordProblems(pw, { staff, username }).map((p) => p.code);

describe('password rules', () => {
  it('needs 8 characters and three of four classes for staff', () => {
    expect(codes('Ab1!')).toContain('too_short');
    expect(codes('abcdefgh1')).toContain('too_few_classes');
    expect(codes('Hubei#Assist2026')).toEqual([]);
  });
  it('asks applicants for two classes only', () => {
    expect(codes('abc12345', false)).toEqual([]);
    expect(codes('abcdefgh', false)).toContain('too_few_classes');
  });
  it('refuses common passwords and their decorated forms', () => {
    expect(codes('Password1!')).toContain('common');
    expect(codes('Admin@2026')).toContain('common');
  });
  it('refuses passwords containing the user name', () => {
    expect(codes('Wh_clerk#2026', true, 'wh_clerk')).toContain('contains_username');
  });
});

describe('masking', () => {
  it('keeps the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
  it('masks the middle of an ID number and an e-mail name', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
    expect(maskEmail('zhangsan@example.com')).toBe('z***n@example.com');
  });
});
