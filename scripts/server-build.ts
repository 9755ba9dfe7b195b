/**
 * The server as one JavaScript file (ADR 0040): `npm start` runs apps/server/dist/main.mjs with plain node instead
 * of transforming TypeScript on the fly with tsx, whose loader alone held ~120 MB of the process (issue 8).
 * Rebuilt when its sources change, like the web bundle (web-build.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const entry = path.join(root, 'apps/server/src/main.ts');
export const serverBundle = path.join(root, 'apps/server/dist/main.mjs');
const stampFile = path.join(root, 'apps/server/dist/.source-hash');
const sourceDirs = ['apps/server/src', 'packages/domain/src', 'packages/contracts/src'].map((d) => path.join(root, d));

function* files(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Hash of everything the bundle is built from, this script included. */
export function serverSourceHash(): string {
  const h = crypto.createHash('sha256');
  const list = [...sourceDirs.flatMap((d) => [...files(d)]), path.join(root, 'scripts/server-build.ts'), path.join(root, 'package-lock.json')].sort();
  for (const f of list) h.update(f.slice(root.length)).update(fs.readFileSync(f));
  return h.digest('hex');
}

/**
 * Our TypeScript (the workspace packages included) goes into the bundle; npm packages stay outside, loaded from
 * node_modules as before. `import.meta.url` and `import.meta.dirname` keep naming the source file, so every path
 * derived from them (migrations, the web bundle, fonts, data files) is unchanged. The entry keeps its own, the
 * bundle's, so that `node apps/server/dist/main.mjs` starts the server as `tsx apps/server/src/main.ts` does.
 */
const sourcePlugin: esbuild.Plugin = {
  name: 'yuanzhi-sources',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => (a.path.startsWith('@yuanzhi/') || a.path.endsWith('.json') ? undefined : { external: true }));
    b.onLoad({ filter: /\.ts$/ }, (a) => {
      const text = fs.readFileSync(a.path, 'utf8');
      if (a.path === entry) return { loader: 'ts', contents: text };
      const contents = text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href)).replaceAll('import.meta.dirname', JSON.stringify(path.dirname(a.path)));
      return { loader: 'ts', contents };
    });
  },
};

/** Built beside dist/ and moved in whole: two test files asking at once never see a half-written bundle. */
export async function buildServer(hash = serverSourceHash()): Promise<void> {
  const dist = path.dirname(serverBundle);
  const tmp = `${dist}.tmp-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
  await esbuild.build({
    entryPoints: [entry],
    outdir: tmp,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    // A dynamic import() of our own module becomes a chunk of its own, whose npm packages (docx) load with it.
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // Stack traces name the bundle's lines; the bundle is not minified, so they still read as the sources.
    sourcemap: false,
    logLevel: 'warning',
    plugins: [sourcePlugin],
  });
  fs.writeFileSync(path.join(tmp, path.basename(stampFile)), hash);
  fs.rmSync(dist, { recursive: true, force: true }); // chunks of an earlier build
  try {
    fs.renameSync(tmp, dist);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another build of the same sources moved in first
  }
}

/** Build apps/server/dist/main.mjs unless the last build was of the same sources. */
export async function ensureServerBuilt(): Promise<void> {
  const hash = serverSourceHash();
  if (fs.existsSync(serverBundle) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === hash) return;
  const t0 = Date.now();
  await buildServer(hash);
  console.log(`server built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
