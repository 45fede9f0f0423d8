// The SIMD fast paths (GBM European one step: assembly/mc/fastEuropean.ts; GBM Asian and multi-step
// European: assembly/mc/fastPaths.ts; Heston European and Asian: assembly/mc/fastHeston.ts; all without
// Greeks) give the same bits as the generic path (assembly/mc/kernel.ts), which a plan flag can force.
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

/** Block partials of `spec` by the fast path and by the generic path (forced). */
function both(spec: MonteCarloSpec): [string, string, Float64Array] {
  const plan = planMonteCarlo(spec);
  const generic = structuredClone(plan);
  generic.params[Slot.noFast] = 1;
  const a = runBlocks(plan, 0, plan.blockCount);
  return [hex(a), hex(runBlocks(generic, 0, generic.blockCount)), a];
}

describe('multi-step GBM fast path (Asian, European) = generic path, bit for bit', () => {
  const asian = (extra: object) => ({ type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 52, ...extra });
  const cases: Array<[string, Partial<MonteCarloSpec>]> = [
    ['arithmetic call, 52 fixings, control variate', { controlVariate: true }],
    ['arithmetic put, antithetic, odd tail of paths', { payoff: asian({ optionType: 'put' }) as MonteCarloSpec['payoff'], antithetic: true, paths: 4102 }],
    ['geometric call, 7 fixings on a 30-step grid', { payoff: asian({ average: 'geometric', fixings: 7 }) as MonteCarloSpec['payoff'], steps: 30 }],
    ['arithmetic, fixings as times (unequal grid)', { payoff: asian({ fixings: [0.1, 0.35, 0.36, 0.8] }) as MonteCarloSpec['payoff'], steps: 9 }],
    ['odd number of grid times (last draw from the first half of a counter)', { payoff: asian({ fixings: 51 }) as MonteCarloSpec['payoff'] }],
    ['European put on 25 steps, antithetic', { payoff: { type: 'european', optionType: 'put', strike: 90 }, steps: 25, antithetic: true, paths: 3002 }],
    ['high vol, deep OTM (far-tail normals, large exponents)', { model: { type: 'gbm', spot: 100, vol: 2.5, rate: 0.01 }, payoff: asian({ strike: 400 }) as MonteCarloSpec['payoff'], paths: 6000 }],
    ['spot 1 (x0 = 0), seed 2^64 − 1', { model: { type: 'gbm', spot: 1, vol: 0.4, rate: 0.02 }, payoff: asian({ strike: 1 }) as MonteCarloSpec['payoff'], seed: 2n ** 64n - 1n }],
  ];
  for (const [name, extra] of cases) {
    it(name, () => {
      const spec = { model: { type: 'gbm', spot: 100, vol: 0.3, rate: 0.04, dividendYield: 0.01 }, payoff: asian({}), expiryYears: 1, steps: 52, paths: 5_003, seed: 11, blockSize: 512, ...extra } as MonteCarloSpec;
      const [fast, generic, sums] = both(spec);
      expect(sums[1]).not.toBe(0); // the payoff sum is live (a real comparison)
      expect(fast).toBe(generic);
    });
  }
});

describe('Heston fast path (QE, European and Asian) = generic path, bit for bit', () => {
  const H = { type: 'heston', spot: 100, v0: 0.04, kappa: 1.5, theta: 0.04, volOfVol: 0.5, rho: -0.7, rate: 0.05, dividendYield: 0.01 } as const;
  const cases: Array<[string, Partial<MonteCarloSpec>]> = [
    ['European call, 52 steps (quadratic branch)', {}],
    ['antithetic, odd tail of paths', { antithetic: true, paths: 4006 }],
    ['exponential branch and absorbed variance lanes (ξ = 1.5, v0 = 0.01)', { model: { ...H, volOfVol: 1.5, v0: 0.01, kappa: 0.5 }, steps: 12 }],
    ['internal sub-steps (κ = 6, ξ = 2: several QE steps per grid step)', { model: { ...H, volOfVol: 2, kappa: 6, theta: 0.09 }, antithetic: true, paths: 2002, steps: 5 }],
    ['arithmetic Asian put, 12 fixings', { payoff: { type: 'asian', average: 'arithmetic', optionType: 'put', strike: 100, fixings: 12 } }],
    ['geometric Asian call, antithetic', { payoff: { type: 'asian', average: 'geometric', optionType: 'call', strike: 95, fixings: 7 }, antithetic: true, paths: 4006 }],
    ['ρ = +0.9, control variate', { model: { ...H, rho: 0.9 }, controlVariate: true }],
  ];
  for (const [name, extra] of cases) {
    it(name, () => {
      const spec = { model: H, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, steps: 52, paths: 4_003, seed: 7, blockSize: 512, ...extra } as MonteCarloSpec;
      const [fast, generic, sums] = both(spec);
      expect(sums[1]).not.toBe(0);
      expect(fast).toBe(generic);
    });
  }
});
