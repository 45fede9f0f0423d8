// Determinism (DESIGN §6): the same seed gives the same bits whatever the chunking of the blocks and on
// every repetition; seed 0 is deterministic; different seeds differ; a manifest re-runs bit for bit.
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { mergeBlocks, monteCarlo, partialWidth, planMonteCarlo, runBlocks, type MonteCarloSpec } from '../../src/index.js';

useWasm();

const specs: Record<string, MonteCarloSpec> = {
  european: { model: { type: 'gbm', spot: 100, vol: 0.2, rate: 0.05 }, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 10_000, seed: 123, antithetic: true, controlVariate: true, greeks: true, blockSize: 256 },
  asian: { model: { type: 'gbm', spot: 100, vol: 0.3, rate: 0.03 }, payoff: { type: 'asian', average: 'arithmetic', optionType: 'put', strike: 100, fixings: 12 }, expiryYears: 1, paths: 5_000, seed: 0, controlVariate: true, blockSize: 512 },
  barrier: { model: { type: 'merton', spot: 100, vol: 0.2, rate: 0.05, jumpIntensity: 2, jumpMean: -0.05, jumpVol: 0.1 }, payoff: { type: 'barrier', optionType: 'call', strike: 100, barrier: 80, direction: 'down', knock: 'out', monitoring: 'continuous', rebate: 1 }, expiryYears: 1, steps: 8, paths: 3_000, seed: 2n ** 64n - 1n, greeks: true, blockSize: 128 },
  heston: { model: { type: 'heston', spot: 100, v0: 0.04, kappa: 2, theta: 0.04, volOfVol: 0.6, rho: -0.6 }, payoff: { type: 'lookback', strikeType: 'floating', optionType: 'call' }, expiryYears: 0.5, steps: 20, paths: 2_000, seed: 99, antithetic: true, blockSize: 64 },
};

function bits(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex');
}

describe('identical bits across chunkings and repetitions', () => {
  for (const [name, spec] of Object.entries(specs)) {
    it(`${name}: runBlocks over different splits, merged, equals monteCarlo`, async () => {
      const plan = planMonteCarlo(spec);
      const w = partialWidth(plan);
      const whole = runBlocks(plan, 0, plan.blockCount);
      expect(whole.length).toBe(plan.blockCount * w);
      for (const cuts of [[1], [3, 7], [plan.blockCount - 1], [2, 4, 5, 11, 13]]) {
        const bounds = [0, ...cuts.filter((c) => c > 0 && c < plan.blockCount), plan.blockCount];
        // run the pieces last to first: nothing carries over from one call to the next
        const parts: Float64Array[] = new Array(bounds.length - 1);
        for (let i = bounds.length - 2; i >= 0; i--) parts[i] = runBlocks(plan, bounds[i]!, bounds[i + 1]!);
        const joined = new Float64Array(whole.length);
        let off = 0;
        for (const p of parts) { joined.set(p, off); off += p.length; }
        expect(bits(joined)).toBe(bits(whole));
      }
      const merged = mergeBlocks(plan, whole);
      const mc = await monteCarlo(spec);
      const again = await monteCarlo(spec);
      for (const r of [mc, again]) {
        expect(Object.is(r.price, merged.price)).toBe(true);
        expect(Object.is(r.standardError, merged.standardError)).toBe(true);
        expect(r.greeks).toEqual(merged.greeks);
      }
      expect(Number.isFinite(mc.price)).toBe(true);
    });
  }

  it('a block computed alone equals the same block inside a larger call', () => {
    const plan = planMonteCarlo(specs.european!);
    const w = partialWidth(plan);
    const all = runBlocks(plan, 0, plan.blockCount);
    const b = 17;
    expect(bits(runBlocks(plan, b, b + 1))).toBe(bits(all.subarray(b * w, (b + 1) * w)));
    expect(runBlocks(plan, 5, 5).length).toBe(0);
  });

  it('the plan is structured-clone-able and a cloned plan gives the same bits', () => {
    const plan = planMonteCarlo(specs.asian!);
    const clone = structuredClone(plan);
    expect(bits(runBlocks(clone, 0, clone.blockCount))).toBe(bits(runBlocks(plan, 0, plan.blockCount)));
  });
});

describe('seeds', () => {
  const spec = specs.european!;
  it('seed 0 is deterministic and differs from seed 1; number, bigint and string seeds agree', async () => {
    const a = await monteCarlo({ ...spec, seed: 0 });
    const b = await monteCarlo({ ...spec, seed: 0 });
    const c = await monteCarlo({ ...spec, seed: 1 });
    expect(Object.is(a.price, b.price)).toBe(true);
    expect(a.price).not.toBe(c.price);
    const d = await monteCarlo({ ...spec, seed: 12345678901n });
    const e = await monteCarlo({ ...spec, seed: 12345678901 });
    const f = await monteCarlo({ ...spec, seed: '12345678901' });
    expect(d.price).toBe(e.price);
    expect(f.price).toBe(e.price);
    expect(d.manifest.hash).toBe(e.manifest.hash);
  });

  it('seeds differing only in the high word differ', async () => {
    const a = await monteCarlo({ ...spec, seed: 5 });
    const b = await monteCarlo({ ...spec, seed: 5 + 2 ** 32 });
    expect(a.price).not.toBe(b.price);
  });

  it('the block size changes the manifest but paths keep their numbers (same price without a control variate)', async () => {
    const base = { ...spec, controlVariate: false, greeks: false };
    const a = await monteCarlo({ ...base, blockSize: 256 });
    const b = await monteCarlo({ ...base, blockSize: 1024 });
    expect(a.manifest.hash).not.toBe(b.manifest.hash);
    expect(Math.abs(a.price - b.price)).toBeLessThan(1e-12 * Math.abs(a.price)); // same paths, other summation grouping
  });
});

describe('manifest', () => {
  it('has the documented fields and a stable hash; re-running it reproduces the result bit for bit', async () => {
    const r = await monteCarlo(specs.barrier!);
    const m = r.manifest;
    expect(Object.keys(m).sort()).toEqual(['antithetic', 'blockSize', 'blocks', 'confidence', 'controlVariate', 'expiryYears', 'greeks', 'hash', 'model', 'paths', 'payoff', 'quasiRandom', 'seed', 'steps', 'version'].sort());
    expect(m.greeks).toBe(true);
    expect(m.confidence).toBe(0.95);
    expect(m.seed).toBe('18446744073709551615');
    expect(m.blocks).toBe(Math.ceil(3000 / 128));
    expect(m.hash).toMatch(/^[0-9a-f]{16}$/);
    const json = JSON.parse(JSON.stringify(m));
    const again = await monteCarlo({ ...json, greeks: true });
    expect(Object.is(again.price, r.price)).toBe(true);
    expect(again.manifest).toEqual(m);
  });

  it('the hash changes with any field and not with key order', () => {
    const a = planMonteCarlo(specs.asian!).manifest.hash;
    const reordered = { seed: 0, paths: 5_000, expiryYears: 1, payoff: { fixings: 12, strike: 100, optionType: 'put', average: 'arithmetic', type: 'asian' }, model: { rate: 0.03, vol: 0.3, spot: 100, type: 'gbm' }, controlVariate: true, blockSize: 512 } as MonteCarloSpec;
    expect(planMonteCarlo(reordered).manifest.hash).toBe(a);
    expect(planMonteCarlo({ ...specs.asian!, paths: 5_001 }).manifest.hash).not.toBe(a);
    expect(planMonteCarlo({ ...specs.asian!, seed: 1 }).manifest.hash).not.toBe(a);
  });
});
