import { describe, expect, it } from 'vitest';
import { diffLines } from './diff.ts';

describe('diffLines', () => {
  it('marks added, removed and unchanged lines', () => {
    expect(diffLines('甲\n乙\n丙', '甲\n丙\n丁')).toEqual([
      { op: 'same', text: '甲' },
      { op: 'removed', text: '乙' },
      { op: 'same', text: '丙' },
      { op: 'added', text: '丁' },
    ]);
  });
  it('treats identical text as unchanged', () => {
    expect(diffLines('a\nb', 'a\nb').every((l) => l.op === 'same')).toBe(true);
  });
  it('handles an empty side', () => {
    expect(diffLines('', 'x')).toEqual([{ op: 'removed', text: '' }, { op: 'added', text: 'x' }]);
  });
});
