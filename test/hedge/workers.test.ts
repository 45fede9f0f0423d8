// simulateHedge on the worker pool: bit-identical to the single-threaded run for 1 and 2 workers and any
// block size (DESIGN §6); runs the built files (test/helpers/distPools.ts, test/worker/dist.ts), debug WASM on both sides.
import { describe, expect, it } from 'vitest';
import type { HedgeSpec } from '../../src/hedge/types.js';
import { useDistPools } from '../helpers/distPools.js';

const env = useDistPools();

const spec: HedgeSpec = {
  option: { type: 'put', strike: 95, expiryYears: 0.25, position: 'short', quantity: 2 }, spot: 100, hedgeVol: 0.5, premiumVol: 0.55,
  model: { type: 'merton', vol: 0.45, jumpIntensity: 3, jumpMean: -0.08, jumpVol: 0.1 }, steps: 30, paths: 333, seed: '18446744073709551615', blockSize: 16,
  rebalance: { type: 'band', riskAversion: 0.5 }, costs: { feeBps: 10, gasUsd: 0.5, venue: { type: 'constantProduct', reserveRisky: 2000, reserveStable: 200_000 } },
};

describe('pool.simulateHedge', () => {
  it('bit-identical to the single-threaded simulateHedge for 1 and 2 workers and another block size', async () => {
    const local = await env.dist.index.simulateHedge(spec);
    expect(local.costs.slippage).toBeGreaterThan(0);
    for (const pool of env.pools) expect(await pool.simulateHedge(spec)).toStrictEqual(local);
    const other = await env.dist.index.simulateHedge({ ...spec, blockSize: 50 });
    expect(other.outcomes).toStrictEqual(local.outcomes);
    expect(other.pnl).toStrictEqual(local.pnl);
  });
  it('progress reaches 1 in order; an aborted job rejects with AbortError', async () => {
    const fractions: number[] = [];
    await env.pools[1]!.simulateHedge(spec, { onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toStrictEqual(fractions);
    const controller = new AbortController();
    const run = env.pools[1]!.simulateHedge({ ...spec, paths: 20_000, steps: 365 }, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });
  it('single thread: progress in order up to 1; an abort between groups rejects with AbortError', async () => {
    const big = { ...spec, paths: 4096, steps: 365, blockSize: 64 }; // 2^20 path-steps per group → several groups
    const seen: number[] = [];
    const r = await env.dist.index.simulateHedge(big, { onProgress: (p) => seen.push(p.fraction) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(1);
    expect(r.paths).toBe(4096);
    const controller = new AbortController();
    const run = env.dist.index.simulateHedge(big, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
