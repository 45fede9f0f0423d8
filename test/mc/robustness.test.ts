// Fixes from a fresh tester's report: bounded work per kernel call (abort / event loop), greeks and
// confidence in the manifest and its hash, version and hash checks, unknown fields, too few paths for a
// standard error, options validation, Heston limits and the QE martingale guard, Float64Array fixings.
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { AbortError, InvalidInputError, monteCarlo, planMonteCarlo, type MonteCarloSpec } from '../../src/index.js';
import { WORK_BUDGET } from '../../src/mc/validate.js';
import { VERSION } from '../../src/mc/version.js';

useWasm();

const gbm = { type: 'gbm', spot: 100, vol: 0.25, rate: 0.03 } as const;
const call = { type: 'european', optionType: 'call', strike: 100 } as const;
const base: MonteCarloSpec = { model: gbm, payoff: call, expiryYears: 1, seed: 1, paths: 1000 };

function fieldOf(fn: () => unknown): string | undefined {
  try { fn(); } catch (e) { expect(e).toBeInstanceOf(InvalidInputError); return (e as InvalidInputError).details.field; }
  return undefined;
}

async function rejectsField(p: Promise<unknown>): Promise<string | undefined> {
  try { await p; } catch (e) { expect(e).toBeInstanceOf(InvalidInputError); return (e as InvalidInputError).details.field; }
  return undefined;
}

describe('1. the work of one kernel call is bounded', () => {
  it('the default blockSize shrinks to a power of two with blockSize × steps <= 2^20, recorded in the manifest', () => {
    const plan = planMonteCarlo({ ...base, paths: 1e6, steps: 100_000 });
    expect(plan.blockSize).toBe(8);
    expect(plan.manifest.blockSize).toBe(8);
    expect(plan.blockSize * 100_000).toBeLessThanOrEqual(WORK_BUDGET);
    expect(planMonteCarlo({ ...base, steps: 256 }).blockSize).toBe(4096);
    expect(planMonteCarlo({ ...base, steps: 257 }).blockSize).toBe(2048);
  });

  it('a blockSize above the budget is rejected naming blockSize', () => {
    expect(fieldOf(() => planMonteCarlo({ ...base, paths: 1e9, steps: 100_000, blockSize: 2 ** 20 }))).toBe('blockSize');
    expect(fieldOf(() => planMonteCarlo({ ...base, steps: 1000, blockSize: 2048 }))).toBe('blockSize');
    expect(planMonteCarlo({ ...base, steps: 1000, blockSize: 1024 }).blockSize).toBe(1024);
  });

  it('abort at 200 ms of a run with 100,000 steps rejects promptly, and the event loop keeps running', async () => {
    const ac = new AbortController();
    const t0 = performance.now();
    let last = t0, worstGap = 0;
    const tick = setInterval(() => { const t = performance.now(); worstGap = Math.max(worstGap, t - last); last = t; }, 5);
    setTimeout(() => ac.abort(), 200);
    try {
      await expect(monteCarlo({ ...base, paths: 1e6, steps: 100_000 }, { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    } finally {
      clearInterval(tick);
    }
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(worstGap).toBeLessThan(400);
  });

  it('the single-threaded result equals mergeBlocks of all blocks bit for bit (steps 300, default blockSize)', async () => {
    const { runBlocks, mergeBlocks } = await import('../../src/mc/plan.js');
    const spec = { ...base, paths: 20_000, steps: 300, antithetic: true, greeks: true };
    const plan = planMonteCarlo(spec);
    const merged = mergeBlocks(plan, runBlocks(plan, 0, plan.blockCount));
    const r = await monteCarlo(spec);
    expect(r).toEqual(merged);
    expect(Object.is(r.price, merged.price) && Object.is(r.standardError, merged.standardError)).toBe(true);
  });
});

describe('2. manifest: greeks, confidence, version, hash', () => {
  it('greeks and confidence are in the manifest and re-running it keeps them', async () => {
    const r = await monteCarlo({ ...base, greeks: true, confidence: 0.99 });
    expect(r.manifest.greeks).toBe(true);
    expect(r.manifest.confidence).toBe(0.99);
    const again = await monteCarlo(JSON.parse(JSON.stringify(r.manifest)));
    expect(again.greeks).toBeDefined();
    expect(again).toEqual(r);
  });

  it('the hash distinguishes greeks and confidence', () => {
    const h = planMonteCarlo(base).manifest.hash;
    expect(planMonteCarlo({ ...base, greeks: true }).manifest.hash).not.toBe(h);
    expect(planMonteCarlo({ ...base, confidence: 0.99 }).manifest.hash).not.toBe(h);
    expect(planMonteCarlo({ ...base, confidence: 0.95, greeks: false }).manifest.hash).toBe(h);
  });

  it('a manifest from another version is rejected naming version and saying which version made it', () => {
    const m = planMonteCarlo(base).manifest;
    let err: unknown;
    try { planMonteCarlo({ ...m, version: '0.0.1' } as MonteCarloSpec); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).details.field).toBe('version');
    expect((err as Error).message).toContain('0.0.1');
    expect((err as Error).message).toContain(VERSION);
    expect(planMonteCarlo(m as MonteCarloSpec).manifest).toEqual(m);
  });

  it('a hash that does not match the fields is rejected naming hash', () => {
    const m = planMonteCarlo(base).manifest;
    expect(fieldOf(() => planMonteCarlo({ ...m, paths: 1001 } as MonteCarloSpec))).toBe('hash');
    expect(fieldOf(() => planMonteCarlo({ ...m, hash: '0000000000000000' } as MonteCarloSpec))).toBe('hash');
  });
});

describe('3. unknown fields are rejected', () => {
  const cases: Array<[string, unknown, string]> = [
    ['antithetics', { ...base, antithetics: true }, 'antithetics'],
    ['payoff.fixings on a european', { ...base, payoff: { ...call, fixings: 12 } }, 'payoff.fixings'],
    ['model.vol on heston', { ...base, model: { type: 'heston', spot: 100, v0: 0.04, kappa: 1, theta: 0.04, volOfVol: 0.5, rho: 0, vol: 0.2 } }, 'model.vol'],
    ['model.v0 on gbm', { ...base, model: { ...gbm, v0: 0.04 } }, 'model.v0'],
  ];
  for (const [name, spec, field] of cases) {
    it(`${name} → ${field}`, () => {
      expect(fieldOf(() => planMonteCarlo(spec as MonteCarloSpec))).toBe(field);
    });
  }
  it("a manifest's own fields (version, hash, blocks) are allowed", () => {
    const m = planMonteCarlo(base).manifest;
    expect(() => planMonteCarlo(m as MonteCarloSpec)).not.toThrow();
  });
});

describe('4. enough paths for a standard error', () => {
  it('rejects paths 1, antithetic 2, control variate 2 naming paths; accepts the minimum', async () => {
    expect(fieldOf(() => planMonteCarlo({ ...base, paths: 1 }))).toBe('paths');
    expect(fieldOf(() => planMonteCarlo({ ...base, paths: 2, antithetic: true }))).toBe('paths');
    expect(fieldOf(() => planMonteCarlo({ ...base, paths: 2, controlVariate: true }))).toBe('paths');
    expect(fieldOf(() => planMonteCarlo({ ...base, paths: 4, antithetic: true, controlVariate: true }))).toBe('paths');
    for (const s of [{ paths: 2 }, { paths: 4, antithetic: true }, { paths: 3, controlVariate: true }, { paths: 6, antithetic: true, controlVariate: true }]) {
      const r = await monteCarlo({ ...base, ...s });
      expect(Number.isFinite(r.standardError)).toBe(true);
    }
  });
});

describe('5. options are validated up front', () => {
  it('onProgress not a function, options null-ish / not an object, signal not an AbortSignal', async () => {
    expect(await rejectsField(monteCarlo(base, { onProgress: 5 } as never))).toBe('onProgress');
    expect(await rejectsField(monteCarlo(base, { signal: {} } as never))).toBe('signal');
    expect(await rejectsField(monteCarlo(base, 5 as never))).toBe('options');
    expect((await monteCarlo(base, null)).price).toBe((await monteCarlo(base)).price);
  });
});

describe('6. Heston: limits of the closed form and the QE martingale guard', () => {
  const heston = (m: Record<string, number>) => ({ type: 'heston', spot: 100, rate: 0, ...m }) as never;
  const forward = { type: 'european', optionType: 'call', strike: 1e-9 } as const; // price ≈ E[S_T]

  it('volOfVol above MAX_VOL_OF_VOL (10) is rejected; theta 0 and volOfVol 0 are accepted', async () => {
    expect(fieldOf(() => planMonteCarlo({ ...base, model: heston({ v0: 100, kappa: 1000, theta: 100, volOfVol: 100, rho: 1 }), expiryYears: 50, steps: 5 }))).toBe('model.volOfVol');
    const zeroTheta = await monteCarlo({ ...base, model: heston({ v0: 0.04, kappa: 2, theta: 0, volOfVol: 0.3, rho: -0.5 }), payoff: forward, paths: 20_000, steps: 50 });
    expect(Math.abs(zeroTheta.price - 100)).toBeLessThan(5 * zeroTheta.standardError + 1e-9);
    // volOfVol 0: deterministic variance v(t) = θ + (v0 − θ)e^{−κt}: Black–Scholes with the integrated variance
    const r = await monteCarlo({ ...base, model: heston({ v0: 0.04, kappa: 2, theta: 0.09, volOfVol: 0, rho: 0 }), paths: 200_000, steps: 4, controlVariate: true });
    const iv = 0.09 + (0.04 - 0.09) * (1 - Math.exp(-2)) / 2; // average variance over T = 1
    const { blackScholes } = await import('../../src/index.js');
    const bs = blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: Math.sqrt(iv), rate: 0 }).price;
    expect(Math.abs(r.price - bs)).toBeLessThan(5 * r.standardError);
  });

  it('kappa 1000, volOfVol 10, rho 1, one step: E[S_T] is the forward (was 2.86e21)', async () => {
    const r = await monteCarlo({ ...base, model: heston({ v0: 1, kappa: 1000, theta: 1, volOfVol: 10, rho: 1 }), payoff: forward, paths: 8192, steps: 1 });
    expect(Number.isFinite(r.price)).toBe(true);
    expect(Math.abs(r.price - 100)).toBeLessThan(5 * r.standardError);
  });

  it('extreme accepted parameters (v0 = theta = 100, kappa 1000, volOfVol 10, rho 1, T 50, 5 steps) give a finite price', async () => {
    const r = await monteCarlo({ ...base, model: heston({ v0: 100, kappa: 1000, theta: 100, volOfVol: 10, rho: 1 }), expiryYears: 50, steps: 5, paths: 64 });
    expect(Number.isFinite(r.price)).toBe(true);
    expect(Number.isFinite(r.standardError)).toBe(true);
  });
});

describe('7. Float64Array fixings', () => {
  it('are accepted and equal the same array of numbers', async () => {
    const asian = { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100 } as const;
    const a = await monteCarlo({ ...base, payoff: { ...asian, fixings: new Float64Array([0.25, 0.5, 0.75, 1]) } });
    const b = await monteCarlo({ ...base, payoff: { ...asian, fixings: [0.25, 0.5, 0.75, 1] } });
    expect(a).toEqual(b);
  });
});
