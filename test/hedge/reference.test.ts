// The hedging kernel (assembly/hedge/kernel.ts) against the plain-TS reference (src/reference/hedge.ts) on the
// kernel's own simulated paths: the same formulas on the same spots, so every outcome agrees to rounding
// (1e-12 relative; the BSM Greeks differ only in their last bits between the two implementations).
import { describe, expect, it } from 'vitest';
import { blackScholes, swapConstantProductExactOutput, swapConstantProduct } from '../../src/index.js';
import { wasm } from '../../src/wasm/loader.js';
import { planHedge, runHedgeBlocks } from '../../src/hedge/simulate.js';
import { K, K_COUNT, P_COUNT } from '../../src/hedge/layout.js';
import type { HedgeSpec } from '../../src/hedge/types.js';
import { referenceHedgePath } from '../../src/reference/hedge.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const NAMES = ['pnl', 'fees', 'slippage', 'gas', 'trades', 'gamma', 'theta', 'vega', 'financing', 'deltaMismatch', 'residual', 'finalSpot', 'turnover'] as const;

/** Max relative difference (scale max(1, |ref|)) between kernel and reference over the first block's paths. */
function compare(spec: HedgeSpec, count = 32): number {
  const plan = planHedge(spec);
  const { outcomes, spots } = runHedgeBlocks(plan, 0, 1, true);
  const row = plan.steps + 1;
  let worst = 0;
  for (let i = 0; i < Math.min(count, plan.paths, plan.blockSize); i++) {
    const ref = referenceHedgePath(spec, spots.subarray(i * row, (i + 1) * row));
    expect(ref.filled).toBe(true);
    NAMES.forEach((name) => {
      const k = outcomes[i * K_COUNT + K[name]]!;
      worst = Math.max(worst, Math.abs(k - ref[name]) / Math.max(1, Math.abs(ref[name])));
    });
  }
  return worst;
}

const base: HedgeSpec = {
  option: { type: 'call', strike: 100, expiryYears: 0.5, position: 'short' }, spot: 100, hedgeVol: 0.25,
  model: { type: 'gbm', vol: 0.3 }, steps: 60, paths: 64, seed: 42, blockSize: 64,
};

describe('hedge kernel = plain-TS reference on the same paths', () => {
  it('layout mirrors the kernel', () => {
    expect(wasm().hedgeLayout(0)).toBe(P_COUNT);
    expect(wasm().hedgeLayout(1)).toBe(K_COUNT);
  });
  it('GBM, every step, fee + gas, rate, premium vol ≠ hedge vol', () => {
    expect(compare({ ...base, rate: 0.04, premiumVol: 0.28, costs: { feeBps: 25, gasUsd: 0.05 } })).toBeLessThan(1e-12);
  });
  it('GBM, every 5 steps, constant-product venue, long put ×3', () => {
    expect(compare({ ...base, option: { type: 'put', strike: 95, expiryYears: 0.5, position: 'long', quantity: 3 }, rebalance: { type: 'interval', every: 5 },
      costs: { venue: { type: 'constantProduct', reserveRisky: 500, reserveStable: 50_000, fee: 0.003 }, gasUsd: 0.2 } })).toBeLessThan(1e-12);
  });
  it('Merton jumps, depth-curve venue, straddle', () => {
    expect(compare({ ...base, option: { type: 'straddle', strike: 100, expiryYears: 0.5, position: 'long' },
      model: { type: 'merton', vol: 0.25, jumpIntensity: 4, jumpMean: -0.05, jumpVol: 0.1 },
      costs: { feeBps: 5, venue: { type: 'depthCurve', sizes: [0.1, 0.5, 2], impacts: [0.0005, 0.002, 0.01] } } })).toBeLessThan(1e-12);
  });
  it('Heston (QE), every 2 steps', () => {
    expect(compare({ ...base, model: { type: 'heston', v0: 0.09, kappa: 2, theta: 0.06, volOfVol: 0.6, rho: -0.7 }, rebalance: { type: 'interval', every: 2 },
      costs: { feeBps: 10 } })).toBeLessThan(1e-12);
  });
  it('Whalley–Wilmott band (fewer trades than every step, same outcomes as the reference)', () => {
    const spec: HedgeSpec = { ...base, rebalance: { type: 'band', riskAversion: 1 }, costs: { feeBps: 20 } };
    expect(compare(spec)).toBeLessThan(1e-12);
    const plan = planHedge(spec);
    const out = runHedgeBlocks(plan, 0, 1);
    let trades = 0;
    for (let i = 0; i < 64; i++) trades += out[i * K_COUNT + K.trades]!;
    expect(trades / 64).toBeLessThan(45); // every-step hedging trades 60 times (initial + 59)
    expect(trades / 64).toBeGreaterThan(2);
  });
});

describe('costs: exact identities per path', () => {
  it('gas = gasUsd × trades exactly; fees = c·Σ|Δq|·S (the turnover) to 1e-13', () => {
    const spec: HedgeSpec = { ...base, costs: { feeBps: 30, gasUsd: 0.125 } };
    const out = runHedgeBlocks(planHedge(spec), 0, 1);
    for (let i = 0; i < 64; i++) {
      const o = (k: number): number => out[i * K_COUNT + k]!;
      expect(o(K.gas)).toBe(0.125 * o(K.trades)); // 0.125 is a power of 2: the sum is exact
      expect(o(K.fees)).toBeCloseTo(0.003 * o(K.turnover), 12);
      expect(Math.abs(o(K.fees) - 0.003 * o(K.turnover)) / o(K.fees)).toBeLessThan(1e-13);
    }
  });
  it('constant-product slippage of the initial hedge equals the AMM facade (and mpmath: 0.19168054203995840621)', () => {
    // one step, no rebalance: the only trade is buying Δ0 = N(d1) units at S0 = 100 from the pool x0 = 1000, y0 = 100 000
    const spec: HedgeSpec = { option: { type: 'call', strike: 100, expiryYears: 1, position: 'short' }, spot: 100, hedgeVol: 0.2,
      model: { type: 'gbm', vol: 0.2 }, steps: 1, paths: 1, seed: 1, costs: { venue: { type: 'constantProduct', reserveRisky: 1000, reserveStable: 100_000, fee: 0.003 } } };
    const out = runHedgeBlocks(planHedge(spec), 0, 1);
    const delta = blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 }).delta;
    const quote = swapConstantProductExactOutput({ reserveIn: 100_000, reserveOut: 1000, amountOut: delta, feeBps: 30 });
    expect(out[K.slippage]).toBeCloseTo(quote.amountIn - delta * 100, 11);
    expect(out[K.slippage]).toBeCloseTo(0.19168054203995840621, 11); // scripts/hedge/mpmath_values.py (mpmath, 40 digits)
    expect(out[K.trades]).toBe(1);
    // a short put is hedged by selling: the slippage is mid − getAmountOut
    const put: HedgeSpec = { ...spec, option: { type: 'put', strike: 100, expiryYears: 1, position: 'short' } };
    const outPut = runHedgeBlocks(planHedge(put), 0, 1);
    const dPut = -blackScholes({ type: 'put', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 }).delta;
    const sell = swapConstantProduct({ reserveIn: 1000, reserveOut: 100_000, amountIn: dPut, feeBps: 30 });
    expect(outPut[K.slippage]).toBeCloseTo(dPut * 100 - sell.amountOut, 11);
  });
  it('initialHedge: false leaves the first trade free', () => {
    const spec: HedgeSpec = { option: { type: 'call', strike: 100, expiryYears: 1, position: 'short' }, spot: 100, hedgeVol: 0.2,
      model: { type: 'gbm', vol: 0.2 }, steps: 1, paths: 1, seed: 1, costs: { feeBps: 50, gasUsd: 1, initialHedge: false } };
    const out = runHedgeBlocks(planHedge(spec), 0, 1);
    expect(out[K.fees]).toBe(0);
    expect(out[K.gas]).toBe(0);
    expect(out[K.trades]).toBe(1);
  });
  it('a pool too shallow for the hedge marks the path unfilled (NaN outcomes, filled 0)', () => {
    const spec: HedgeSpec = { option: { type: 'call', strike: 100, expiryYears: 1, position: 'short', quantity: 10 }, spot: 100, hedgeVol: 0.2,
      model: { type: 'gbm', vol: 0.2 }, steps: 1, paths: 1, seed: 1, costs: { venue: { type: 'constantProduct', reserveRisky: 5, reserveStable: 500 } } };
    const out = runHedgeBlocks(planHedge(spec), 0, 1);
    expect(out[K.filled]).toBe(0);
    expect(out[K.pnl]).toBeNaN();
  });
});
