import { describe, expect, it } from 'vitest';
import { decodeCsv, isCsv, parseCsv, toCsv } from './history.csv.ts';
import { encodeGbk } from './history.test-support.ts';

describe('CSV reading', () => {
  it('splits fields, keeps quoted commas, doubled quotes and line breaks, accepts CRLF and LF', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n"two\nlines",,x\nlast')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['two\nlines', '', 'x'],
      ['last'],
    ]);
    expect(parseCsv('a,b\n')).toEqual([['a', 'b']]);
    expect(() => parseCsv('"open,field\n')).toThrow(/quote/);
  });

  it('decodes UTF-8 with or without a BOM, and GBK', () => {
    expect(decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('记录类型,日期', 'utf8')]))).toBe('记录类型,日期');
    expect(decodeCsv(Buffer.from('援助案件', 'utf8'))).toBe('援助案件');
    expect(decodeCsv(encodeGbk('培训研讨,2023-04-26'))).toBe('培训研讨,2023-04-26');
  });

  it('tells CSV from a workbook and writes CSV that reads back', () => {
    expect(isCsv(Buffer.from('a,b'), 'x.xlsx')).toBe(true);
    expect(isCsv(Buffer.from([0x50, 0x4b, 3, 4]), 'data')).toBe(false);
    expect(isCsv(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).toBe(false);
    const out = toCsv([['名称', '备注'], ['甲', 'a,"b"'], ['乙', null]]);
    expect(parseCsv(decodeCsv(out))).toEqual([['名称', '备注'], ['甲', 'a,"b"'], ['乙', '']]);
  });
});
