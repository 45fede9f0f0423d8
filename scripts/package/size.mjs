// What the package costs a browser app (issue #7 §4 size budget): the library's import graph from
// dist/index.js bundled and minified by the repository's Vite (app build, every export kept), and the
// WASM, each gzipped at level 9. `npm run size` prints the figures (`-- --json`: as JSON);
// test/package/size.test.ts holds the budget. Run after a build (`npm run build`).
//   entry:  the entry chunk and the chunks it imports statically (what `import … from 'tailguard'` loads)
//   lazy:   chunks loaded only on demand (the pool's browser/Node hosts, comlink, Node built-in stubs)
//   worker: the module worker's bundle (loaded by createPool / monteCarlo with workers)
//   wasm:   dist/wasm/tailguard.wasm (the release build)
//   minimal: the JS a page importing only { init, blackScholes } loads (tree-shaking, sideEffects: false)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** @param {Uint8Array | string} bytes */
function gz(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

/** @param {Uint8Array | string} bytes */
function size(bytes) {
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
}

/** Bundles `source` (an entry module's text, importing dist/index.js) and returns the output. */
async function bundle(source) {
  const { build } = await import('vite');
  const entry = {
    name: 'tailguard-size-entry',
    resolveId: (id) => (id === 'virtual:entry' ? '\0entry' : undefined),
    load: (id) => (id === '\0entry' ? source : undefined),
  };
  const result = await build({
    configFile: false, logLevel: 'silent', root: ROOT, plugins: [entry],
    build: { write: false, minify: true, rollupOptions: { input: 'virtual:entry', preserveEntrySignatures: 'strict' } },
  });
  return [result].flat().flatMap((r) => ('output' in r ? r.output : []));
}

/**
 * Bundles dist/index.js and measures it.
 * @returns {Promise<Record<'entry' | 'lazy' | 'worker' | 'wasm' | 'minimal', { raw: number, gzip: number, files: string[] }>>}
 */
export async function measure() {
  process.env.NODE_ENV = 'production'; // as a production app build sees it (a test runner sets 'test')
  const index = JSON.stringify(`${ROOT}dist/index.js`);
  const full = split(await bundle(`export * from ${index};`));
  const minimal = split(await bundle(`import { init, blackScholes } from ${index};\nexport const api = { init, blackScholes };`));
  const wasm = readFileSync(`${ROOT}dist/wasm/tailguard.wasm`);
  return { ...full, wasm: sum([{ name: 'dist/wasm/tailguard.wasm', bytes: wasm }]), minimal: minimal.entry };
}

function sum(items) {
  return {
    raw: items.reduce((t, i) => t + size(i.bytes), 0),
    gzip: items.reduce((t, i) => t + gz(i.bytes), 0),
    files: items.map((i) => i.name),
  };
}

/** Splits a build's output into the entry's static graph, lazy chunks and the worker bundle. */
function split(output) {
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = new Set();
  const visit = (name) => {
    if (entry.has(name)) return;
    entry.add(name);
    for (const next of chunks.get(name)?.imports ?? []) visit(next);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const all = output.map((o) => ({ name: o.fileName, bytes: o.type === 'chunk' ? o.code : o.source, chunk: o.type === 'chunk' }));
  return {
    entry: sum(all.filter((o) => o.chunk && entry.has(o.name))),
    lazy: sum(all.filter((o) => o.chunk && !entry.has(o.name))),
    worker: sum(all.filter((o) => !o.chunk && o.name.endsWith('.js'))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const figures = await measure();
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify(figures));
    process.exit(0);
  }
  for (const [name, { raw, gzip, files }] of Object.entries(figures)) {
    console.log(`${name.padEnd(7)} ${(raw / 1024).toFixed(1).padStart(7)} KiB  gzip ${(gzip / 1024).toFixed(1).padStart(6)} KiB  (${files.join(', ')})`);
  }
}
