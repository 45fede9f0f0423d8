// Randomised quasi-Monte Carlo (quasiRandom: true, GBM): Sobol' (Joe–Kuo new-joe-kuo-6.21201) + Brownian
// bridge + Philox digital shifts, R replications. Accuracy against closed forms (C09), variance reduction,
// determinism across chunkings, the raw Sobol' points, and the rejections.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import asc from 'assemblyscript/asc';
import { useWasm } from '../helpers/wasm.js';
import { blackScholes, monteCarlo, type MonteCarloSpec } from '../../src/index.js';
import { mergeBlocks, planMonteCarlo, runBlocks } from '../../src/mc/plan.js';

useWasm();

const gbm = { type: 'gbm', spot: 100, vol: 0.2, rate: 0.05, dividendYield: 0.02 } as const;
const C09 = { type: 'gbm', spot: 100, vol: 0.2, rate: 0.05, dividendYield: 0.03 } as const;
const european = { type: 'european', optionType: 'call', strike: 100 } as const;
const exactEuropean = () => blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.05, dividendYield: 0.02 }).price;

function within(r: { price: number; standardError: number }, exact: number, k = 4): void {
  expect(r.standardError).toBeGreaterThan(0);
  expect(Math.abs(r.price - exact) / r.standardError, `QMC ${r.price} ± ${r.standardError} vs ${exact}`).toBeLessThanOrEqual(k);
}

describe('quasiRandom (randomised QMC, GBM)', () => {
  it('European call within 4 SE of Black–Scholes–Merton; SE far below plain MC at equal paths', async () => {
    const spec = { model: gbm, payoff: european, expiryYears: 1, paths: 65536, seed: 7 } as MonteCarloSpec;
    const q = await monteCarlo({ ...spec, quasiRandom: true });
    const p = await monteCarlo(spec);
    within(q, exactEuropean());
    within(p, exactEuropean());
    expect(q.manifest.replications).toBe(16);
    expect(q.standardError).toBeLessThan(p.standardError / 10);
  });

  it('C09 geometric Asian, 12 fixings (5.0374758026) within 4 SE, bridged paths; also 48 steps and R = 32', async () => {
    const payoff = { type: 'asian', average: 'geometric', optionType: 'call', strike: 100, fixings: 12 } as const;
    within(await monteCarlo({ model: C09, payoff, expiryYears: 1, paths: 65536, seed: 11, quasiRandom: true }), 5.0374758026);
    const r = await monteCarlo({ model: C09, payoff, expiryYears: 1, steps: 48, paths: 32768, seed: 3, quasiRandom: true, replications: 32 });
    expect(r.manifest.replications).toBe(32);
    within(r, 5.0374758026);
  });

  it('bit-identical across chunkings (runBlocks splits merged) and the monteCarlo facade; seeds differ', async () => {
    const spec: MonteCarloSpec = { model: C09, payoff: { type: 'asian', average: 'geometric', optionType: 'call', strike: 100, fixings: 12 },
      expiryYears: 1, paths: 8192, seed: 5, quasiRandom: true, replications: 8, blockSize: 256 } as MonteCarloSpec;
    const plan = planMonteCarlo(spec);
    expect(plan.blockCount).toBe(32);
    const whole = runBlocks(plan, 0, plan.blockCount);
    for (const cuts of [[0, 1, 32], [0, 7, 8, 19, 32], [0, 16, 32]]) {
      const parts: Float64Array[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) parts.push(runBlocks(plan, cuts[i]!, cuts[i + 1]!));
      const merged = new Float64Array(whole.length);
      let o = 0;
      for (const p of parts) { merged.set(p, o); o += p.length; }
      expect(merged).toEqual(whole);
    }
    const a = mergeBlocks(plan, whole);
    const b = await monteCarlo(spec);
    expect(b.price).toBe(a.price);
    expect(b.standardError).toBe(a.standardError);
    const again = await monteCarlo(spec);
    expect(again.price).toBe(a.price);
    const other = await monteCarlo({ ...spec, seed: 6 });
    expect(other.price).not.toBe(a.price);
    // the manifest reruns the same bits
    const rerun = await monteCarlo(a.manifest as unknown as MonteCarloSpec);
    expect(rerun.price).toBe(a.price);
  });

  it('rejects other models, antithetic, control variates, Greeks, paths not a multiple of R, > 1024 dimensions', () => {
    const base = { model: gbm, payoff: european, expiryYears: 1, paths: 4096, seed: 1, quasiRandom: true } as const;
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ model: { type: 'merton', spot: 100, vol: 0.2, jumpIntensity: 1, jumpMean: 0, jumpVol: 0.1 } }, /gbm model only/],
      [{ antithetic: true }, /antithetic/],
      [{ controlVariate: true }, /controlVariate/],
      [{ greeks: true }, /greeks|Greeks|are not available/],
      [{ paths: 4100 }, /multiple of replications/],
      [{ steps: 1025 }, /steps \(1025\).*at most 1024/],
      [{ replications: 1 }, /replications/],
      [{ quasiRandom: false, replications: 8 }, /replications/],
    ];
    for (const [patch, re] of bad) expect(() => planMonteCarlo({ ...base, ...patch } as MonteCarloSpec)).toThrow(re);
    expect(() => planMonteCarlo({ ...base, steps: 1024 } as MonteCarloSpec)).not.toThrow();
  });
});

describe("Sobol' points (assembly/rng/sobol.ts, before shifting)", () => {
  it('the first points in dimensions 1–3 are the standard ones; matches the shipped Joe–Kuo table', async () => {
    let binary: Uint8Array | undefined;
    const entry = new URL('./fixtures/sobolEntry.ts', import.meta.url).pathname;
    const { error, stderr } = await asc.main([entry, '--outFile', 'sobol.wasm', '-O3', '--runtime', 'stub'], {
      writeFile: (name: string, contents: Uint8Array | string) => { if (name.endsWith('.wasm')) binary = contents as Uint8Array; },
    });
    if (error) throw new Error(`${error.message}\n${stderr.toString()}`);
    const { instance } = await WebAssembly.instantiate(binary!, { env: { abort: () => { throw new Error('abort'); } } });
    const pt = instance.exports.sobolPoint as (i: number, d: number) => number;
    const rows = [[0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75], [0.375, 0.375, 0.625], [0.875, 0.875, 0.125]];
    rows.forEach((row, i) => row.forEach((x, d) => expect(pt(i, d)).toBe(x)));
    // the table shipped in data/sobol is the one compiled in (dimension 4 = Joe–Kuo d 4: s 3, a 1, m 1 3 1)
    const table = readFileSync(new URL('../../data/sobol/new-joe-kuo-6.21201.first1024.txt', import.meta.url), 'utf8').trim().split('\n');
    expect(table.length).toBe(1024);
    expect(table[3]!.split('\t')).toEqual(['4', '3', '1', '1 3 1']);
    // dimension 4 at points 1, 2: m_1/2 = 0.5, then (m_1/2) ^ (m_2/4) = 0.5 ^ 0.75 = 0.25
    expect(pt(1, 3)).toBe(0.5);
    expect(pt(2, 3)).toBe(0.25);
  });
});
