import { describe, expect, it } from 'vitest';
import { htmlToText, paragraphs, sanitizeArticleHtml } from './articles.sanitize.ts';

const hostile = [
  '<script>alert(1)</script><p>正文</p>',
  '<p onclick="alert(1)">点击</p>',
  '<img src=x onerror=alert(1)><p>图</p>',
  '<a href="javascript:alert(1)">链接</a>',
  '<a href="JaVaScRiPt:alert(1)">链接</a>',
  '<iframe src="https://evil.example"></iframe><p>框</p>',
  '<svg><script>alert(1)</script></svg>',
  '<style>body{display:none}</style><p>样式</p>',
  '<p style="background:url(javascript:alert(1))">样式</p>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<form action="https://evil.example"><input name=x></form>',
  '<a href="data:text/html,<script>alert(1)</script>">数据</a>',
  '<object data="x.swf"></object><embed src="x.swf">',
];

describe('sanitizeArticleHtml', () => {
  it.each(hostile)('removes every script vector from %s', (html) => {
    const out = sanitizeArticleHtml(html);
    expect(out).not.toMatch(/<script|<iframe|<img|<svg|<style|<object|<embed|<form|<input|on\w+=|javascript:|data:|style=/i);
  });

  it('keeps the allowed structure and makes links safe', () => {
    const out = sanitizeArticleHtml('<h2>标题</h2><p>第一段<strong>重点</strong></p><ul><li>一</li></ul><a href="https://www.cnipa.gov.cn">链接</a>');
    expect(out).toBe('<h2>标题</h2><p>第一段<strong>重点</strong></p><ul><li>一</li></ul><a href="https://www.cnipa.gov.cn" rel="noopener noreferrer nofollow" target="_blank">链接</a>');
  });
});

describe('htmlToText', () => {
  it('gives one line per block with entities decoded', () => {
    expect(htmlToText('<h2>一、适用范围</h2><p>A &amp; B &lt;专利&gt;</p><p>第二段</p>')).toBe('一、适用范围\nA & B <专利>\n第二段');
  });
  it('round-trips case text as escaped paragraphs', () => {
    const html = paragraphs(['甲公司 <b>称</b>\n乙公司答复']);
    expect(html).toBe('<p>甲公司 &lt;b&gt;称&lt;/b&gt;</p><p>乙公司答复</p>');
    expect(htmlToText(sanitizeArticleHtml(html))).toBe('甲公司 <b>称</b>\n乙公司答复');
  });
});
