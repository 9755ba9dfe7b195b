import { describe, expect, it } from 'vitest';
import { markedPieces } from './marked.ts';

describe('markedPieces', () => {
  it('splits marks from text and unescapes entities without creating markup', () => {
    expect(markedPieces('&lt;b&gt;<mark>侵权</mark><mark>判定</mark>参考 &amp; 意见')).toEqual([
      { text: '<b>', marked: false }, { text: '侵权', marked: true }, { text: '判定', marked: true }, { text: '参考 & 意见', marked: false },
    ]);
    expect(markedPieces('')).toEqual([]);
    expect(markedPieces('&amp;lt;')).toEqual([{ text: '&lt;', marked: false }]);
  });
});
