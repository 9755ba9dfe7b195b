import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const webDir = path.join(root, 'apps/web');
const dist = path.join(webDir, 'dist');
const stampFile = path.join(dist, '.source-hash');

function* files(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Hash of everything the bundle is built from. */
export function webSourceHash(): string {
  const h = crypto.createHash('sha256');
  const list = [...files(webDir), ...files(path.join(root, 'packages/contracts/src'))].sort();
  for (const f of list) h.update(f.slice(root.length)).update(fs.readFileSync(f));
  return h.digest('hex');
}

/** Build apps/web into apps/web/dist unless the last build was of the same sources. */
export async function ensureWebBuilt(): Promise<void> {
  const hash = webSourceHash();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return;
  const t0 = Date.now();
  console.log('Building the web app (first start or changed sources)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  fs.writeFileSync(stampFile, hash);
  console.log(`web app built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
