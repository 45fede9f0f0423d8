// The worker tests run the BUILT JavaScript (DESIGN §7: Node 20 cannot start a worker from .ts),
// so every module they use comes from dist/ (one module graph: the error classes the pool throws
// are the ones the tests compare with). This helper fails with a clear message when dist/ is
// missing or older than the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Pool = typeof import('../../src/worker/pool.js');
type Jobs = typeof import('../../src/worker/jobs.js');
type Errors = typeof import('../../src/worker/errors.js');
type Index = typeof import('../../src/index.js');

export const ROOT = new URL('../../', import.meta.url);
export const DIST = new URL('dist/', ROOT);

const REQUIRED = ['worker/pool.js', 'worker/nodeWorker.js', 'worker/worker.js', 'worker/jobs.js', 'index.js', 'wasm/tailguard.wasm'];

/** Throws a readable error if the build the worker tests need is absent or stale. */
export function checkDist(): void {
  const missing = REQUIRED.filter((file) => !existsSync(new URL(file, DIST)));
  if (missing.length > 0) {
    throw new Error(`the worker tests run the built files, and dist/ lacks ${missing.join(', ')}: build first `
      + '(`npx asc assembly/index.ts --target release && npx tsc -p tsconfig.json`, or `npm test`, which builds)');
  }
  const srcDir = fileURLToPath(new URL('src/worker/', ROOT));
  const stale = readdirSync(srcDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).filter((name) => {
    const built = new URL(`worker/${name.replace(/\.ts$/, '.js')}`, DIST);
    return !existsSync(built) || statSync(built).mtimeMs < statSync(`${srcDir}/${name}`).mtimeMs;
  });
  if (stale.length > 0) {
    throw new Error(`dist/worker is older than src/worker (${stale.join(', ')}): run \`npx tsc -p tsconfig.json\` before the worker tests`);
  }
}

/** The built modules, after {@link checkDist}. */
export async function loadDist(): Promise<{ pool: Pool; jobs: Jobs; errors: Errors; index: Index }> {
  checkDist();
  const [pool, jobs, errors, index] = await Promise.all([
    import(new URL('worker/pool.js', DIST).href) as Promise<Pool>,
    import(new URL('worker/jobs.js', DIST).href) as Promise<Jobs>,
    import(new URL('worker/errors.js', DIST).href) as Promise<Errors>,
    import(new URL('index.js', DIST).href) as Promise<Index>,
  ]);
  return { pool, jobs, errors, index };
}

/** Milliseconds since `start`. */
export function since(start: number): number {
  return performance.now() - start;
}
