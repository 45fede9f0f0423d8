// Cascade Monte Carlo (single thread): seeded determinism, independence from blockSize, path i's outcome
// equals `simulateCascade` on path i's moves rebuilt from the Philox stream, the quantile rule, bad input.
import { describe, expect, it } from 'vitest';
import { cascadeMonteCarlo, prepareCascadeBook, simulateCascade, AbortError } from '../../src/index.js';
import type { CascadeMonteCarloSpec } from '../../src/index.js';
import { tailStats } from '../../src/lending/cascadeMonteCarlo.js';
import { batchBlock } from '../../src/wasm/arena.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

function book(n: number) {
  const collateral = new Float64Array(n), debt = new Float64Array(n);
  for (let i = 0; i < n; i++) { collateral[i] = 1 + (i % 13); debt[i] = collateral[i]! * 2000 * 0.83 * (0.55 + 0.4 * ((i * 7919) % 1000) / 1000); }
  return { collateral, debt, liquidationThreshold: 0.83, liquidationBonus: 0.05 };
}

const base = (): CascadeMonteCarloSpec => ({
  book: book(500), venue: { type: 'constantProduct', reserveRisky: 2000, reserveStable: 4e6, fee: 0.003 },
  model: { type: 'merton', vol: 0.8, jumpIntensity: 20, jumpMean: -0.1, jumpVol: 0.1 }, horizonYears: 1 / 365, steps: 24,
  paths: 300, seed: 42, gasUsd: 20,
});

describe('cascadeMonteCarlo', () => {
  it('is deterministic, independent of blockSize, and seed-dependent', async () => {
    const a = await cascadeMonteCarlo(base());
    const b = await cascadeMonteCarlo({ ...base(), blockSize: 7 });
    expect(b.outcomes).toEqual(a.outcomes);
    expect(b.badDebt).toEqual(a.badDebt);
    const c = await cascadeMonteCarlo({ ...base(), seed: 43 });
    expect(c.outcomes.finalPrice).not.toEqual(a.outcomes.finalPrice);
    expect(a.unconvergedPaths).toBe(0);
    expect(a.liquidatedValue.q99).toBeGreaterThanOrEqual(a.liquidatedValue.q95);
    expect(a.badDebt.es99).toBeGreaterThanOrEqual(a.badDebt.q99);
  });

  it("path i's outcome equals simulateCascade on path i's moves (Philox stream of (seed, i), GBM)", async () => {
    const spec: CascadeMonteCarloSpec = { ...base(), model: { type: 'gbm', vol: 1.5, drift: -2 }, paths: 5, steps: 6 };
    const mc = await cascadeMonteCarlo(spec);
    const dt = spec.horizonYears / spec.steps, vol = 1.5;
    for (const i of [0, 3]) {
      // uniforms of path i (seed 42: k0 = 42, k1 = 0), Φ⁻¹ by the kernel's normInv, then ln m = (μ − σ²/2)dt + σ√dt·z
      const { k, ptr } = batchBlock(16 * spec.steps);
      k.mcUniforms(42, 0, i, 0, 0, spec.steps, ptr);
      k.normInvBatch(spec.steps, ptr, ptr + 8 * spec.steps);
      const z = new Float64Array(k.memory.buffer, ptr + 8 * spec.steps, spec.steps);
      const moves = Array.from(z, (zi) => Math.exp((-2 - 0.5 * vol * vol) * dt + vol * Math.sqrt(dt) * zi));
      const r = simulateCascade(spec.book as ReturnType<typeof book>, { venue: spec.venue, gasUsd: 20, shock: { moves } });
      const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1);
      expect(rel(mc.outcomes.finalPrice[i]!, r.finalPrice)).toBeLessThan(1e-9); // exp in JS vs WASM: ulps
      expect(rel(mc.outcomes.badDebt[i]!, r.totalBadDebt)).toBeLessThan(1e-6);
      expect(rel(mc.outcomes.liquidatedValueUsd[i]!, r.liquidatedValueUsd)).toBeLessThan(1e-6);
      expect(mc.outcomes.positionsLiquidated[i]).toBe(r.positionsLiquidated);
    }
  });

  it('price paths are martingales at drift 0 (GBM and compensated Merton): E[final price] = spot within 4 SE', async () => {
    // a book nothing can liquidate (HF 1e6), so the final price is the path's own: spot·Π moves
    const healthy = { collateral: [1], debt: [1e-3], liquidationThreshold: 0.8, liquidationBonus: 0.05 };
    for (const model of [{ type: 'gbm', vol: 0.9 }, { type: 'merton', vol: 0.5, jumpIntensity: 50, jumpMean: -0.05, jumpVol: 0.1 }] as const) {
      const r = await cascadeMonteCarlo({ ...base(), book: healthy, model, horizonYears: 0.25, steps: 5, paths: 20_000, seed: 9 });
      const x = r.outcomes.finalPrice;
      let s = 0, ss = 0;
      for (const v of x) { s += v; ss += v * v; }
      const mean = s / x.length, se = Math.sqrt((ss / x.length - mean * mean) / x.length);
      expect(Math.abs(mean - 2000), model.type).toBeLessThan(4 * se);
      expect(se).toBeLessThan(20); // the check has power: SE ≈ 1 % of spot
    }
  });

  it('zero vol and drift: no move, a healthy book is never liquidated', async () => {
    const r = await cascadeMonteCarlo({ ...base(), model: { type: 'gbm', vol: 0 }, paths: 10 });
    expect(Array.from(r.outcomes.positionsLiquidated)).toEqual(new Array(10).fill(0));
    expect(r.badDebt.max).toBe(0);
  });

  it('accepts a prepared book (sorted once) with the same result', async () => {
    const spec = base();
    const prepared = prepareCascadeBook(spec.book as ReturnType<typeof book>);
    const a = await cascadeMonteCarlo(spec);
    const b = await cascadeMonteCarlo({ ...spec, book: prepared });
    expect(b.outcomes).toEqual(a.outcomes);
  });

  it('aborts with AbortError', async () => {
    const controller = new AbortController();
    controller.abort('stop');
    await expect(cascadeMonteCarlo(base(), { signal: controller.signal })).rejects.toBeInstanceOf(AbortError);
  });
});

describe('quantile rule (VaR = ⌈αN⌉-th smallest; ES = Rockafellar–Uryasev tail mean)', () => {
  it('outcomes 0…99: q95 = 94, ES95 = (95+…+99)/5 = 97, q99 = 98, ES99 = 99', () => {
    const s = tailStats(Float64Array.from({ length: 100 }, (_, i) => i));
    expect(s.q95).toBe(94);
    expect(s.es95).toBeCloseTo(97, 12);
    expect(s.q99).toBe(98);
    expect(s.es99).toBeCloseTo(99, 12);
    expect(s.mean).toBe(49.5);
    expect(s.probabilityPositive).toBe(0.99);
  });
});

describe('bad input', () => {
  const rejects = async (spec: unknown, field: string, value: unknown) => {
    let thrown: unknown;
    try { await cascadeMonteCarlo(spec as CascadeMonteCarloSpec); } catch (e) { thrown = e; }
    expectInvalid(() => { if (thrown) throw thrown; }, field, value);
  };
  it('spec fields', async () => {
    await rejects({ ...base(), paths: 0 }, 'paths', 0);
    await rejects({ ...base(), steps: 1.5 }, 'steps', 1.5);
    await rejects({ ...base(), horizonYears: 0 }, 'horizonYears', 0);
    await rejects({ ...base(), seed: -1 }, 'seed', -1);
    await rejects({ ...base(), model: { type: 'gbm', vol: -0.1 } }, 'model.vol', -0.1);
    await rejects({ ...base(), model: { type: 'heston', vol: 0.5 } }, 'model.type', 'heston');
    await rejects({ ...base(), blockSize: 0 }, 'blockSize', 0);
  });
  it('options', async () => {
    let thrown: unknown;
    try { await cascadeMonteCarlo(base(), { workers: 0 }); } catch (e) { thrown = e; }
    expectInvalid(() => { if (thrown) throw thrown; }, 'workers', 0);
  });
});
