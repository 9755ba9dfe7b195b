import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** One entry of Vite's build manifest (dist/.vite/manifest.json). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/**
 * The JavaScript a browser fetches before the page runs: the entry chunk and, transitively, its static imports
 * (dynamic imports load later, on demand). Files in load order, each once.
 */
export function firstLoadFiles(manifest: Manifest, entry: string): string[] {
  if (!manifest[entry]) throw new Error(`no entry ${entry} in the Vite manifest`);
  const seen = new Set<string>();
  const out: string[] = [];
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the Vite manifest names ${key} as an import but has no such chunk`);
    out.push(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(entry);
  return out.filter((f) => f.endsWith('.js'));
}

/** Gzipped size (level 9, as a server would precompress) of each entry's first-load JavaScript in apps/web/dist. */
export function measureFirstLoad(distDir: string, entries: Record<string, { key: string; targetBytes: number }>) {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  return Object.entries(entries).map(([name, { key, targetBytes }]) => {
    const files = firstLoadFiles(manifest, key);
    const gzipBytes = files.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(distDir, f)), { level: 9 }).length, 0);
    return { entry: name, files, gzipBytes, targetBytes };
  });
}
