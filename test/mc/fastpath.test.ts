// The SIMD fast path (GBM, European, one step, no Greeks: assembly/mc/fastEuropean.ts) gives the same
// bits as the generic path (assembly/mc/kernel.ts), which a plan flag can force.
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { planMonteCarlo, runBlocks, type MonteCarloSpec } from '../../src/index.js';
import { Slot } from '../../src/mc/slots.js';

useWasm();

const hex = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');

describe('fast path = generic path, bit for bit', () => {
  const cases: Array<[string, Partial<MonteCarloSpec>]> = [
    ['call', {}],
    ['put, antithetic', { payoff: { type: 'european', optionType: 'put', strike: 97 }, antithetic: true }],
    ['deep OTM call, odd tail of paths', { payoff: { type: 'european', optionType: 'call', strike: 250 }, paths: 4099 }],
    ['spot 1 (x0 = 0), q > r, seed 2^64 − 1', { model: { type: 'gbm', spot: 1, vol: 0.9, rate: 0.01, dividendYield: 0.2 }, seed: 2n ** 64n - 1n, antithetic: true, paths: 3002 }],
    ['zero vol', { model: { type: 'gbm', spot: 100, vol: 0, rate: 0.05 } }],
  ];
  for (const [name, extra] of cases) {
    it(name, () => {
      const spec = { model: { type: 'gbm', spot: 100, vol: 0.3, rate: 0.04, dividendYield: 0.01 }, payoff: { type: 'european', optionType: 'call', strike: 105 }, expiryYears: 0.7, paths: 20_000, seed: 5, blockSize: 1024, ...extra } as MonteCarloSpec;
      const plan = planMonteCarlo(spec);
      const generic = structuredClone(plan);
      generic.params[Slot.noFast] = 1;
      const a = runBlocks(plan, 0, plan.blockCount);
      const b = runBlocks(generic, 0, generic.blockCount);
      expect(hex(a)).toBe(hex(b));
    });
  }
});
