import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineOnsitePage, withBoot } from './events.onsite-page.ts';

describe('the on-site page as one document', () => {
  it('inlines the built script and stylesheet and allows exactly that script by its hash', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onsite-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    const code = 'document.title="x";const s="</script>";';
    fs.writeFileSync(path.join(dir, 'assets/onsite-1.js'), code);
    fs.writeFileSync(path.join(dir, 'assets/onsite-1.css'), 'body{color:red}');
    fs.writeFileSync(path.join(dir, 'onsite.html'),
      '<html><head><script type="module" crossorigin src="/assets/onsite-1.js"></script>\n<link rel="stylesheet" crossorigin href="/assets/onsite-1.css"></head><body></body></html>');
    const page = inlineOnsitePage(dir)!;
    expect(page.html).not.toContain('src="/assets');
    expect(page.html).toContain('<style>body{color:red}</style>');
    const inlined = page.html.match(/<script type="module">([\s\S]*?)<\/script>/)![1];
    expect(inlined).toBe('document.title="x";const s="<\\/script>";');
    const hash = crypto.createHash('sha256').update(inlined).digest('base64');
    expect(page.csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(page.csp).toContain("frame-ancestors 'none'");
    expect(inlineOnsitePage(path.join(dir, 'missing'))).toBeNull();
  });

  it('puts the desk data in the page as inert JSON that no value can break out of', () => {
    const html = withBoot('<html><body><main></main></body></html>', { desk: { name: '展会</script><script>alert(1)</script>' }, csrfToken: 'abc' });
    expect(html).not.toContain('</script><script>alert');
    const json = html.match(/<script type="application\/json" id="boot">([\s\S]*?)<\/script><\/body>/)![1];
    expect(JSON.parse(json)).toEqual({ desk: { name: '展会</script><script>alert(1)</script>' }, csrfToken: 'abc' });
  });
});
