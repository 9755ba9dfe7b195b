import { describe, expect, it } from 'vitest';
import { mark, snippet } from './search.highlight.ts';

describe('snippets', () => {
  it('marks every occurrence of each word, case-insensitively, longest first', () => {
    expect(mark('侵权判定参考意见：判定侵权', ['侵权', '判定'])).toBe('<mark>侵权</mark><mark>判定</mark>参考意见：<mark>判定</mark><mark>侵权</mark>');
    expect(mark('WIPO and wipo', ['wipo'])).toBe('<mark>WIPO</mark> and <mark>wipo</mark>');
    expect(mark('知识产权保护', ['知识', '知识产权'])).toBe('<mark>知识产权</mark>保护');
  });

  it('escapes HTML in the text and in the words; only <mark> is markup', () => {
    const out = mark('<script>alert("商标")</script> & 商标', ['商标', 'script']);
    expect(out).toBe('&lt;<mark>script</mark>&gt;alert(&quot;<mark>商标</mark>&quot;)&lt;/<mark>script</mark>&gt; &amp; <mark>商标</mark>');
    expect(out.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(mark('a.b*c', ['.', '*'])).toBe('a<mark>.</mark>b<mark>*</mark>c');
  });

  it('cuts a window around the first match, on code points, with ellipses', () => {
    const long = `${'前文'.repeat(100)}商标抢注的应对${'后文'.repeat(100)}`;
    const s = snippet(long, ['抢注'], 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>抢注</mark>');
    expect([...s.replace(/<\/?mark>/g, '')].length).toBe(42);
    expect(snippet('😀'.repeat(50) + '专利', ['专利'], 10)).toBe('…😀😀😀😀😀😀😀😀<mark>专利</mark>');
    expect(snippet('短文本', ['无'], 40)).toBe('短文本');
  });
});
