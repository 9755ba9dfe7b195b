import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadFiles, measureFirstLoad, type Manifest } from './bundle.ts';

const manifest: Manifest = {
  'index.html': { file: 'assets/index-a.js', isEntry: true, imports: ['_react.js', '_antd.js'], dynamicImports: ['src/Big.tsx'], css: ['assets/index.css'] },
  'console.html': { file: 'assets/console-b.js', isEntry: true, imports: ['_antd.js'] },
  '_react.js': { file: 'assets/react-c.js' },
  '_antd.js': { file: 'assets/antd-d.js', imports: ['_react.js'] },
  'src/Big.tsx': { file: 'assets/Big-e.js', imports: ['_charts.js'] },
  '_charts.js': { file: 'assets/charts-f.js' },
  '_style.css': { file: 'assets/style-g.css' },
};

describe('first-load JavaScript from the Vite manifest', () => {
  it('follows static imports transitively, each file once, and leaves dynamic imports out', () => {
    expect(firstLoadFiles(manifest, 'index.html')).toEqual(['assets/index-a.js', 'assets/react-c.js', 'assets/antd-d.js']);
    expect(firstLoadFiles(manifest, 'console.html')).toEqual(['assets/console-b.js', 'assets/antd-d.js', 'assets/react-c.js']);
  });

  it('refuses an unknown entry or a dangling import', () => {
    expect(() => firstLoadFiles(manifest, 'nope.html')).toThrow(/no entry/);
    expect(() => firstLoadFiles({ 'a.html': { file: 'a.js', imports: ['_gone.js'] } }, 'a.html')).toThrow(/_gone/);
  });

  it('sums the gzipped sizes of the files on disk', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bundle-'));
    try {
      fs.mkdirSync(path.join(dist, '.vite'));
      fs.mkdirSync(path.join(dist, 'assets'));
      const small: Manifest = { 'index.html': { file: 'assets/i.js', imports: ['_v.js'] }, '_v.js': { file: 'assets/v.js' } };
      fs.writeFileSync(path.join(dist, '.vite/manifest.json'), JSON.stringify(small));
      const a = Buffer.from('export const a = 1;\n'.repeat(200));
      const b = Buffer.from(Array.from({ length: 3000 }, (_, i) => `v${i * 7919 % 10007}`).join(','));
      fs.writeFileSync(path.join(dist, 'assets/i.js'), a);
      fs.writeFileSync(path.join(dist, 'assets/v.js'), b);
      const [m] = measureFirstLoad(dist, { portal: { key: 'index.html', targetBytes: 300 * 1024 } });
      const expected = zlib.gzipSync(a, { level: 9 }).length + zlib.gzipSync(b, { level: 9 }).length;
      expect(m).toEqual({ entry: 'portal', files: ['assets/i.js', 'assets/v.js'], gzipBytes: expected, targetBytes: 300 * 1024 });
      expect(m!.gzipBytes).toBeLessThan(a.length + b.length);
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
