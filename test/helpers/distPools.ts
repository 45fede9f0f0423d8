// Test setup for the pool tests that compare the built worker pool with the single-threaded facade:
// loads dist/ (test/worker/dist.ts checks it is built and fresh), initialises the facade with the debug
// WASM build and starts one pool per size; the pools are closed after the file's tests.
import { afterAll, beforeAll } from 'vitest';
import { loadDist, ROOT } from '../worker/dist.js';

/** The built modules (see test/worker/dist.ts `loadDist`). */
export type Dist = Awaited<ReturnType<typeof loadDist>>;
/** A pool started from the built files. */
export type DistPool = Awaited<ReturnType<Dist['pool']['createPool']>>;

/** Debug WASM build both sides run (assertions on). */
export const DIST_WASM = new URL('build/debug.wasm', ROOT);

/**
 * Registers `beforeAll`/`afterAll` hooks: `dist` is loaded and initialised with {@link DIST_WASM}, and
 * `pools[k]` is a pool of `sizes[k]` workers (default 1 and 2). Read the fields inside tests (they are
 * filled in by the hook).
 */
export function useDistPools(sizes: readonly number[] = [1, 2]): { dist: Dist; pools: DistPool[] } {
  const env = { dist: undefined as unknown as Dist, pools: [] as DistPool[] };
  beforeAll(async () => {
    env.dist = await loadDist();
    await env.dist.index.init({ wasm: DIST_WASM });
    for (const size of sizes) env.pools.push(await env.dist.pool.createPool({ size, wasm: DIST_WASM }));
  });
  afterAll(async () => { await Promise.all(env.pools.map((p) => p.close())); });
  return env;
}
