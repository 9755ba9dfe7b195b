import { describe, expect, it } from 'vitest';
import { fromForm, toForm } from './opinion.ts';

describe('the opinion form', () => {
  it('splits the reasoning into paragraphs, drops blank lines and empty comparison rows, and round-trips', () => {
    const v = fromForm({
      conclusion: 'likely', comparedWhat: '  权利要求1 ', reasoning: '第一段。\n\n  第二段。 \n',
      compared: [{ item: '特征A', protected: '甲', accused: '甲', finding: '相同' }, { item: ' ', protected: '', accused: '', finding: '' }],
    });
    expect(v).toEqual({ conclusion: 'likely', comparedWhat: '权利要求1', reasoning: ['第一段。', '第二段。'], compared: [{ item: '特征A', protected: '甲', accused: '甲', finding: '相同' }] });
    expect(fromForm(toForm(v) as Parameters<typeof fromForm>[0])).toEqual(v);
    expect(toForm(null)).toEqual({ compared: [] });
  });

  it('omits an empty compared-what', () => {
    expect(fromForm({ conclusion: 'cannot_tell', comparedWhat: ' ', reasoning: '材料不足', compared: [] })).not.toHaveProperty('comparedWhat');
  });
});
