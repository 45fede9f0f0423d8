// The package as a user gets it (issue #7 §4): `npm pack` the built tree, install the tarball into a
// fresh project outside the repository (so nothing resolves through the repository's node_modules),
// then (a) import it in Node and price, (b) bundle a page with Vite and price in headless Chromium,
// (c) compile a strict TypeScript consumer against its types without skipLibCheck, (d) run its CLI,
// and lint the tarball with publint and @arethetypeswrong/cli. Expected values: the same computation
// (fixture/probe.js) on the repository's dist/ in Node, compared bit for bit; the CLI's row count is
// data/README.md's (620 BTC options in the default snapshot). Runs the built dist/: `npm test` builds
// first; alone, build first (`npm run build`).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../worker/browser/server.js';
import { missing, runPage } from './chromium.js';
import { repoBin, ROOT, ROOT_PATH, run, runNode, type Ran } from './run.js';

const FIXTURE = fileURLToPath(new URL('fixture/', import.meta.url));
const KEEP_TMP = process.env.TAILGUARD_KEEP_PACK_DIR !== undefined; // leave the temp project for a look

interface PackInfo { filename: string; size: number; unpackedSize: number; files: { path: string; size: number }[] }

let tmp: string;
let project: string;
let installed: string;
let pack: PackInfo;
const timings: Record<string, number> = {};
const started = performance.now();

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Runs fixture/probe.js against the module at `entry` (a specifier or file URL) in a child node. */
async function nodeProbe(entry: string, cwd: string): Promise<unknown> {
  const probe = pathToFileURL(join(FIXTURE, 'probe.js')).href;
  const script = `import * as lib from ${JSON.stringify(entry)}; import { probe } from ${JSON.stringify(probe)};`
    + 'process.stdout.write(JSON.stringify(await probe(lib)));';
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], cwd);
  return JSON.parse(stdout) as unknown;
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'tailguard-pack-'));
  const packed: Ran = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT_PATH);
  pack = (JSON.parse(packed.stdout) as PackInfo[])[0]!;
  timings.pack = packed.ms;

  project = join(tmp, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'tailguard-consumer', private: true, type: 'module' }, null, 2)}\n`);
  for (const name of readdirSync(FIXTURE)) cpSync(join(FIXTURE, name), join(project, name));
  // comlink (and the CLI's commander and csv-parse) come from the npm cache when present (npm ci
  // fills it), else from the registry; install scripts are off (the package needs none).
  const install = await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund',
    join(tmp, pack.filename)], project, 180_000);
  timings.install = install.ms;
  installed = join(project, 'node_modules', 'tailguard');
}, 240_000);

afterAll(() => {
  const total = performance.now() - started;
  if (pack) console.log(`[package] tarball ${(pack.size / 1024).toFixed(1)} KiB, unpacked ${(pack.unpackedSize / 1024).toFixed(1)} KiB, `
    + `${pack.files.length} files; ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}; `
    + `whole test ${(total / 1000).toFixed(1)} s${KEEP_TMP ? `; kept ${tmp}` : ''}`);
  if (tmp && !KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack: what ships', () => {
  it('ships the built JS with its declarations and source maps, the WASM, the CLI data, README and LICENSE, and nothing else', () => {
    const paths = pack.files.map((file) => file.path);
    for (const need of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/wasm/tailguard.wasm']) {
      expect(paths, need).toContain(need);
    }
    const stray = paths.filter((path) => !/^(package\.json|README\.md|LICENSE)$/.test(path)
      && !/^dist\/.+\.(js|d\.ts|js\.map|d\.ts\.map)$/.test(path) && path !== 'dist/wasm/tailguard.wasm'
      && !/^src\/.+\.ts$/.test(path) && !/^data\/(.+\/)?[^/]+\.(md|csv)$/.test(path));
    expect(stray, 'files outside dist JS/d.ts/maps, the sources the maps name, the WASM and data').toEqual([]);
    expect(paths.filter((path) => /^(test|assembly|bench|build|scripts|examples|docs)\//.test(path))).toEqual([]);
    const withoutTypes = paths.filter((path) => path.endsWith('.js') && !paths.includes(path.replace(/\.js$/, '.d.ts')));
    expect(withoutTypes, 'JS modules without declarations').toEqual([]);
    // dist/ is never cleaned by the build: a module whose source was removed must not ship
    const stale = paths.filter((path) => path.endsWith('.js') && !existsSync(new URL(path.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'), ROOT)));
    expect(stale, 'built modules with no source in src/ (stale dist/: delete dist and rebuild)').toEqual([]);
  });

  it('every source map a shipped file names is shipped, and so is every source it maps to', () => {
    // a dangling `//# sourceMappingURL=` makes Vite's dev server print an error per module (seen with
    // maps left out); the maps name ../src/*.ts, which ship for that reason
    const dangling: string[] = [];
    let maps = 0;
    for (const file of walk(join(installed, 'dist')).filter((path) => /\.(js|d\.ts)$/.test(path))) {
      const comment = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(readFileSync(file, 'utf8'));
      if (!comment) continue;
      const map = resolve(dirname(file), comment[1]!);
      maps += 1;
      if (!existsSync(map)) {
        dangling.push(relative(installed, map));
        continue;
      }
      const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
      for (const source of sources) {
        if (!existsSync(resolve(dirname(map), source))) dangling.push(`${relative(installed, map)} -> ${source}`);
      }
    }
    expect(maps).toBeGreaterThan(0);
    expect(dangling).toEqual([]);
  });

  it('every file a shipped module loads through new URL(…, import.meta.url) is in the package', () => {
    // the WASM next to the loader, the worker entries, the CLI's default snapshot: found by scanning,
    // so a new module's asset that `files` misses fails here
    const wanted: string[] = [];
    for (const file of walk(join(installed, 'dist')).filter((path) => path.endsWith('.js'))) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/new URL\(\s*(['"`])([^'"`$]+)\1\s*,\s*import\.meta\.url\s*\)/g)) {
        wanted.push(relative(installed, resolve(dirname(file), match[2]!)));
      }
    }
    expect(wanted).toContain(join('dist', 'wasm', 'tailguard.wasm'));
    expect(wanted.filter((path) => !existsSync(join(installed, path)))).toEqual([]);
  });

  it('is clean under publint --strict and @arethetypeswrong/cli (ESM-only profile)', async () => {
    const tarball = join(tmp, pack.filename);
    const lint = await runNode(repoBin('publint/src/cli.js'), ['run', tarball, '--strict'], tmp);
    const report = lint.stdout + lint.stderr;
    expect(report).not.toMatch(/^(Errors|Warnings):/m);
    // the one suggestion accepted: the "browser" object (node: built-ins → false for bundlers), which
    // publint would rather see as an "imports" map with a browser condition (a change to the sources)
    const suggestions = report.split('\n').filter((line) => /^\d+\. /.test(line));
    expect(suggestions.filter((line) => !/pkg\.browser with an object value/.test(line))).toEqual([]);
    // ESM-only: node16-from-CJS gets "dynamic import only" by design (type: module); the .wasm
    // subpath is an asset export, which TypeScript does not resolve
    const attw = await runNode(repoBin('@arethetypeswrong/cli/dist/index.js'),
      [tarball, '--profile', 'esm-only', '--exclude-entrypoints', './tailguard.wasm', '--no-color', '--no-emoji'], tmp);
    // attw exits non-zero on any problem not ignored by the profile (run() rejects then)
    expect(attw.stdout).toMatch(/"tailguard"/);
    expect(attw.stdout).not.toMatch(/Resolution failed|Masquerad|No types/i);
  }, 120_000);
});

describe('installed into a fresh project', () => {
  let reference: unknown;
  beforeAll(async () => {
    reference = await nodeProbe(new URL('dist/index.js', ROOT).href, ROOT_PATH);
  }, 120_000);

  it('(a) Node imports it by name and prices bit for bit as the repository build', async () => {
    const start = performance.now();
    const result = await nodeProbe('tailguard', project);
    timings.node = performance.now() - start;
    expect(result).toStrictEqual(reference);
    const { mc, pool } = result as { mc: { price: string; standardError: string }; pool: unknown };
    expect(pool, 'the pool gives the single-threaded bits').toStrictEqual({ price: mc.price, standardError: mc.standardError });
    // the subpath exports resolve to the shipped files
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e',
      "console.log(JSON.stringify(['tailguard/tailguard.wasm', 'tailguard/package.json'].map((s) => import.meta.resolve(s))))"], project);
    const [wasmUrl, pkgUrl] = JSON.parse(stdout) as string[];
    expect(readFileSync(new URL(wasmUrl!)).equals(readFileSync(join(installed, 'dist/wasm/tailguard.wasm')))).toBe(true);
    expect((JSON.parse(readFileSync(new URL(pkgUrl!), 'utf8')) as { name: string }).name).toBe('tailguard');
    // and the probe priced something real: the put of the README's tour is finite and positive
    const put = (result as { put: { price: string } }).put.price;
    const price = new DataView(new BigUint64Array([BigInt(`0x${put}`)]).buffer).getFloat64(0, true);
    expect(price).toBeGreaterThan(0);
    expect(price).toBeLessThan(80_000);
  }, 120_000);

  it('(c) a strict TypeScript consumer compiles against its types without skipLibCheck (NodeNext and bundler resolution)', async () => {
    const common = {
      strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true, noImplicitOverride: true, resolveJsonModule: true,
    };
    const configs = {
      // a Node service: NodeNext resolution, Node's types from the repository's @types/node. The DOM lib
      // is needed in Node too (README "Install"): the public types name WebAssembly.Module (in TypeScript's
      // DOM lib, not in @types/node 20) and the pool's declarations reach comlink's, which use MessagePort
      'tsconfig.node.json': { ...common, module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], types: ['node'],
        typeRoots: [fileURLToPath(new URL('node_modules/@types', ROOT))] },
      // a dApp built by a bundler: DOM types, no Node types
      'tsconfig.bundler.json': { ...common, module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [] },
    };
    const start = performance.now();
    await Promise.all(Object.entries(configs).map(([name, compilerOptions]) => {
      writeFileSync(join(project, name), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }, null, 2));
      return runNode(repoBin('typescript/bin/tsc'), ['-p', name], project);
    }));
    timings.tsc = performance.now() - start;
  }, 240_000);

  it('(d) its CLI runs from the installed package: --help, and the report on the shipped snapshot', async () => {
    const help = await run('npx', ['--no-install', 'tailguard', 'report', '--help'], project);
    expect(help.stdout).toMatch(/--snapshot/);
    const report = await run(join(project, 'node_modules', '.bin', 'tailguard'), ['report'], project);
    expect(report.stdout).toMatch(/620 BTC options of 1286 rows/); // data/README.md: the default snapshot's counts
  }, 120_000);

  describe.skipIf(missing.length > 0)('(b) bundled with Vite and run in headless Chromium', () => {
    it('loads the WASM as an emitted asset and prices bit for bit as Node', async () => {
      const start = performance.now();
      const build = await runNode(repoBin('vite/bin/vite.js'), ['build', '--outDir', 'web', '--emptyOutDir'], project, 180_000);
      timings.vite = performance.now() - start;
      // Node built-ins behind runtime checks are mapped away by package.json "browser"; a new one
      // shows up here as Vite's warning (add it there)
      expect(build.stdout + build.stderr).not.toMatch(/externalized for browser compatibility/);
      const web = join(project, 'web');
      const assets = walk(web);
      const wasm = assets.filter((path) => path.endsWith('.wasm'));
      expect(wasm, `vite output:\n${build.stdout}`).toHaveLength(1);
      expect(readFileSync(wasm[0]!).equals(readFileSync(join(installed, 'dist/wasm/tailguard.wasm')))).toBe(true);

      const server = await serve(pathToFileURL(`${web}/`));
      try {
        const browserStart = performance.now();
        const { result, pageErrors } = await runPage(`${server.origin}/index.html`);
        timings.chromium = performance.now() - browserStart;
        expect(pageErrors).toEqual([]);
        expect(result).toStrictEqual(reference); // pricing, batch, Monte Carlo and the module-worker pool
      } finally {
        await server.close();
      }
    }, 240_000);
  });
});
