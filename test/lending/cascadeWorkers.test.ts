// The cascade Monte Carlo on the worker pool: bit-identical to the single-threaded run for 1 and 2
// workers (DESIGN §6); runs the built files (test/helpers/distPools.ts, test/worker/dist.ts), debug WASM on both sides.
import { describe, expect, it } from 'vitest';
import type { CascadeMonteCarloSpec } from '../../src/lending/cascadeTypes.js';
import { useDistPools } from '../helpers/distPools.js';

const env = useDistPools();

function spec(): CascadeMonteCarloSpec {
  const n = 400;
  const collateral = new Float64Array(n), debt = new Float64Array(n);
  for (let i = 0; i < n; i++) { collateral[i] = 1 + (i % 11); debt[i] = collateral[i]! * 1600 * (0.6 + 0.35 * ((i * 104729) % 997) / 997); }
  return {
    book: { collateral, debt, liquidationThreshold: 0.85, liquidationBonus: 0.06 },
    venue: { type: 'constantProduct', reserveRisky: 1500, reserveStable: 3e6 },
    model: { type: 'merton', vol: 0.9, jumpIntensity: 30, jumpMean: -0.08, jumpVol: 0.1 },
    horizonYears: 1 / 365, steps: 12, paths: 250, seed: '18446744073709551615', blockSize: 16, oracleLagRounds: 1, gasUsd: 10,
  };
}

describe('pool.cascadeMonteCarlo', () => {
  it('bit-identical to the single-threaded cascadeMonteCarlo for 1 and 2 workers', async () => {
    const local = await env.dist.index.cascadeMonteCarlo(spec());
    expect(local.badDebt.max).toBeGreaterThan(0); // the scenario has bad debt (else the check is weak)
    for (const pool of env.pools) {
      const r = await pool.cascadeMonteCarlo(spec());
      expect(r).toStrictEqual(local);
    }
  });
  it('progress reaches 1 in order', async () => {
    const fractions: number[] = [];
    await env.pools[1]!.cascadeMonteCarlo(spec(), { onProgress: (p) => fractions.push(p.fraction) });
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
  });
});
