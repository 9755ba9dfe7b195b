import { describe, expect, it } from 'vitest';
import { cstYear, formatChineseDate } from './documents.date.ts';
import { chineseNumeral, headingNumbers, signatureIndents, textEm, titleLines } from './documents.layout.ts';
import { InvalidDocNumber, formatDocNumber, isValidDocNumber, parseDocNumber } from './documents.number.ts';

describe('document number (发文字号)', () => {
  it('writes the year in hexagonal brackets, the serial without leading zeros or 第', () => {
    expect(formatDocNumber('鄂维援', '受字', 2026, 12)).toBe('鄂维援受字〔2026〕12号');
    expect(formatDocNumber('国知发', '保字', 2020, 22)).toBe('国知发保字〔2020〕22号');
    expect(formatDocNumber('国办发', '', 2020, 1)).toBe('国办发〔2020〕1号');
  });

  it('refuses what GB/T 9704 does not allow, naming the field', () => {
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof InvalidDocNumber ? e.field : 'other';
      }
      return 'none';
    };
    expect(field(() => formatDocNumber('', '受字', 2026, 1))).toBe('prefix');
    expect(field(() => formatDocNumber('鄂维援【', '受字', 2026, 1))).toBe('prefix');
    expect(field(() => formatDocNumber('鄂维援', '第', 2026, 1))).toBe('typeWord');
    expect(field(() => formatDocNumber('鄂维援', '受字', 26, 1))).toBe('year');
    expect(field(() => formatDocNumber('鄂维援', '受字', 2026, 0))).toBe('serial');
    expect(field(() => formatDocNumber('鄂维援', '受字', 2026, 1.5))).toBe('serial');
  });

  it('reads a number back and rejects the usual mistakes', () => {
    expect(parseDocNumber('鄂维援受字〔2026〕12号')).toEqual({ prefix: '鄂维援', typeWord: '受字', year: 2026, serial: 12 });
    expect(parseDocNumber('国办发〔2020〕1号')).toEqual({ prefix: '国办发', typeWord: '', year: 2020, serial: 1 });
    for (const bad of ['鄂维援受字【2026】12号', '鄂维援受字[2026]12号', '鄂维援受字〔2026〕012号', '鄂维援受字〔2026〕第12号', '鄂维援受字(2026)12号', '〔2026〕12号']) {
      expect(isValidDocNumber(bad), bad).toBe(false);
    }
  });
});

describe('dates (成文日期)', () => {
  it('writes Arabic numerals without leading zeros, in China Standard Time', () => {
    expect(formatChineseDate('2026-11-02')).toBe('2026年11月2日');
    expect(formatChineseDate(new Date('2026-11-21T16:00:00Z'))).toBe('2026年11月22日'); // midnight in Beijing
    expect(formatChineseDate(new Date('2026-11-21T15:59:59Z'))).toBe('2026年11月21日');
    expect(cstYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(() => formatChineseDate('2026/11/22')).toThrow(RangeError);
  });
});

describe('layout rules', () => {
  it('numbers headings 一、 / （一） / 1., restarting under each parent', () => {
    const numbers = headingNumbers([
      { type: 'heading1', text: 'a' },
      { type: 'heading2', text: 'b' },
      { type: 'heading3', text: 'c' },
      { type: 'heading3', text: 'd' },
      { type: 'heading2', text: 'e' },
      { type: 'heading3', text: 'f' },
      { type: 'paragraph', text: 'g' },
      { type: 'heading1', text: 'h' },
      { type: 'heading2', text: 'i' },
    ]);
    expect([...numbers.values()]).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.', '二、', '（一）']);
    expect([1, 10, 12, 20, 21].map(chineseNumeral)).toEqual(['一', '十', '十二', '二十', '二十一']);
  });

  it('breaks a long title into balanced lines, not inside a quotation', () => {
    expect(titleLines('维权援助申请受理通知书')).toEqual(['维权援助申请受理通知书']);
    const lines = titleLines('关于“一种可折叠的户外座椅”专利侵权判定的参考意见');
    expect(lines).toEqual(['关于“一种可折叠的户外座椅”', '专利侵权判定的参考意见']);
    expect(titleLines('第一行\n第二行较长一些')).toEqual(['第一行', '第二行较长一些']);
    for (const l of titleLines('关于转办武汉青禾家居用品有限公司与某某科技有限公司之间知识产权纠纷事项的函')) {
      expect([...l].length).toBeLessThanOrEqual(20);
    }
  });

  it('puts a sealed date 4 characters from the right with the signature centred over it', () => {
    expect(textEm('2026年11月22日')).toBe(7);
    expect(signatureIndents('湖北省知识产权维权援助中心', '2026年11月22日', true)).toEqual({ signatureRight: 1, dateRight: 4 });
    expect(signatureIndents('某中心', '2026年11月22日', true)).toEqual({ signatureRight: 6, dateRight: 4 });
    // unsealed: signature 2 in, date starting 2 characters right of the signature's start
    expect(signatureIndents('湖北省知识产权维权援助中心', '2026年11月22日', false)).toEqual({ signatureRight: 2, dateRight: 6 });
    expect(signatureIndents('某中心', '2026年11月22日', false)).toEqual({ signatureRight: 8, dateRight: 2 });
  });
});
