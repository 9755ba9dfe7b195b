import { describe, expect, it } from 'vitest';
import {
  formatCaseNumber, formatDocumentNumber, normalizeDocumentNumber, parseCaseNumber, parseDocumentNumber,
} from './case-number.ts';

describe('document numbers (GB/T 9704-2012)', () => {
  it('uses hexagonal brackets, no leading zeros and no 第', () => {
    expect(formatDocumentNumber({ issuer: '鄂维援', year: 2026, serial: 123 })).toBe('鄂维援〔2026〕123号');
    expect(formatDocumentNumber({ issuer: '国知发保字', year: 2020, serial: 22 })).toBe('国知发保字〔2020〕22号');
    expect(formatDocumentNumber({ issuer: '鄂维援', year: 2026, serial: 1 })).toBe('鄂维援〔2026〕1号');
  });

  it('refuses what cannot be a number', () => {
    expect(() => formatDocumentNumber({ issuer: '', year: 2026, serial: 1 })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ issuer: '鄂〔维援', year: 2026, serial: 1 })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ issuer: '鄂维援', year: 26, serial: 1 })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ issuer: '鄂维援', year: 2026, serial: 0 })).toThrow(RangeError);
    expect(() => formatDocumentNumber({ issuer: '鄂维援', year: 2026, serial: 1.5 })).toThrow(RangeError);
  });

  it('reads numbers back, and corrects the usual mistakes', () => {
    expect(parseDocumentNumber('鄂维援〔2026〕123号')).toEqual({ issuer: '鄂维援', year: 2026, serial: 123 });
    expect(normalizeDocumentNumber('鄂维援[2026]第007号')).toBe('鄂维援〔2026〕7号');
    expect(normalizeDocumentNumber('鄂维援【2026】12号')).toBe('鄂维援〔2026〕12号');
    expect(normalizeDocumentNumber('鄂维援（2026）12号')).toBe('鄂维援〔2026〕12号');
    expect(parseDocumentNumber('鄂维援2026年12号')).toBeNull();
    expect(parseDocumentNumber('鄂维援〔2026〕0号')).toBeNull();
  });
});

describe('case numbers', () => {
  it('pads the serial to six digits by default', () => {
    expect(formatCaseNumber({ prefix: 'WH', year: 2026, serial: 123 })).toBe('WH-2026-000123');
    expect(formatCaseNumber({ prefix: 'HB01', year: 2026, serial: 7, width: 4 })).toBe('HB01-2026-0007');
  });

  it('refuses bad prefixes and serials that do not fit', () => {
    expect(() => formatCaseNumber({ prefix: 'wh', year: 2026, serial: 1 })).toThrow(RangeError);
    expect(() => formatCaseNumber({ prefix: 'WH', year: 2026, serial: 1_000_000 })).toThrow(/6 digits/);
    expect(() => formatCaseNumber({ prefix: 'WH', year: 2026, serial: 0 })).toThrow(RangeError);
  });

  it('reads case numbers back, whatever the case of the letters', () => {
    expect(parseCaseNumber(' wh-2026-000123 ')).toEqual({ prefix: 'WH', year: 2026, serial: 123 });
    expect(parseCaseNumber('WH-2026-000000')).toBeNull();
    expect(parseCaseNumber('WH2026000123')).toBeNull();
  });
});
