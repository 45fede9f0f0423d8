// Invariants of the hedging kernel over random specs (fast-check, fixed seeds).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planHedge, runHedgeBlocks } from '../../src/hedge/simulate.js';
import { K, K_COUNT } from '../../src/hedge/layout.js';
import type { HedgeSpec } from '../../src/hedge/types.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const specArb = fc.record({
  type: fc.constantFrom('call', 'put', 'straddle'),
  position: fc.constantFrom('long', 'short'),
  moneyness: dbl(0.7, 1.3),
  expiry: dbl(0.05, 2),
  hedgeVol: dbl(0.05, 1.5),
  vol: dbl(0.05, 1.5),
  rate: dbl(-0.02, 0.1),
  steps: fc.integer({ min: 1, max: 40 }),
  every: fc.integer({ min: 1, max: 5 }),
  band: fc.boolean(),
  feeBps: dbl(0, 50),
  gas: fc.constantFrom(0, 0.25, 1, 3),
  seed: fc.integer({ min: 0, max: 1e9 }),
}).map((r): HedgeSpec => ({
  option: { type: r.type, strike: 100 * r.moneyness, expiryYears: r.expiry, position: r.position }, spot: 100, rate: r.rate,
  hedgeVol: r.hedgeVol, model: { type: 'gbm', vol: r.vol }, steps: r.steps, paths: 8, seed: r.seed, blockSize: 8,
  rebalance: r.band ? { type: 'band', riskAversion: 1 } : { type: 'interval', every: Math.min(r.every, r.steps) },
  costs: { feeBps: r.feeBps, gasUsd: r.gas, venue: { type: 'constantProduct', reserveRisky: 1e4, reserveStable: 1e6 } },
}));

describe('hedging invariants', () => {
  it('costs ≥ 0 and split exactly; gas = gasUsd × trades; trades ≤ steps; the attribution adds up', () => {
    fc.assert(fc.property(specArb, (spec) => {
      const out = runHedgeBlocks(planHedge(spec), 0, 1);
      for (let i = 0; i < 8; i++) {
        const o = (k: number): number => out[i * K_COUNT + k]!;
        expect(o(K.filled)).toBe(1);
        expect(o(K.fees)).toBeGreaterThanOrEqual(0);
        expect(o(K.slippage)).toBeGreaterThanOrEqual(0);
        expect(o(K.gas)).toBe(spec.costs!.gasUsd! * o(K.trades)); // gas values are dyadic: the sum is exact
        expect(o(K.trades)).toBeLessThanOrEqual(spec.steps!);
        expect(Math.abs(o(K.fees) - spec.costs!.feeBps! / 1e4 * o(K.turnover))).toBeLessThanOrEqual(1e-12 * Math.max(1, o(K.turnover)));
        const parts = o(K.vega) + o(K.gamma) + o(K.theta) + o(K.financing) + o(K.deltaMismatch) - (o(K.fees) + o(K.slippage) + o(K.gas)) + o(K.residual);
        expect(Math.abs(parts - o(K.pnl))).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(o(K.pnl)), o(K.turnover)));
      }
    }), { seed: 61, numRuns: 60 });
  });
  it('without costs, long and short books are mirror images (P&L of the long = −P&L of the short)', () => {
    fc.assert(fc.property(specArb, (spec) => {
      const free = { ...spec, costs: undefined };
      const a = runHedgeBlocks(planHedge({ ...free, option: { ...spec.option, position: 'long' } }), 0, 1);
      const b = runHedgeBlocks(planHedge({ ...free, option: { ...spec.option, position: 'short' } }), 0, 1);
      for (let i = 0; i < 8; i++) {
        const pa = a[i * K_COUNT + K.pnl]!, pb = b[i * K_COUNT + K.pnl]!;
        if (spec.rebalance!.type === 'interval') expect(pa).toBeCloseTo(-pb, 9);
      }
    }), { seed: 62, numRuns: 40 });
  });
  it('outcomes do not depend on the block size (path i depends on (seed, i) only)', () => {
    fc.assert(fc.property(specArb, fc.integer({ min: 1, max: 7 }), (spec, block) => {
      const a = runHedgeBlocks(planHedge(spec), 0, 1);
      const plan = planHedge({ ...spec, blockSize: block });
      const b = runHedgeBlocks(plan, 0, plan.blockCount).subarray(0, 8 * K_COUNT);
      expect(Array.from(b)).toStrictEqual(Array.from(a));
    }), { seed: 63, numRuns: 30 });
  });
});
