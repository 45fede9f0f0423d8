// Known answers of discrete delta hedging, each with its source; all seeded (deterministic).
import { describe, expect, it } from 'vitest';
import { blackScholes, hestonPrice, lelandVol, mertonJumpDiffusion, simulateHedge } from '../../src/index.js';
import type { HedgeSpec } from '../../src/hedge/types.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const call = (vol: number, T = 1): number => blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: T, vol }).price;

/** Sample excess-free kurtosis m4/m2² of x. */
function kurtosis(x: Float64Array): number {
  let m = 0;
  for (const v of x) m += v;
  m /= x.length;
  let m2 = 0, m4 = 0;
  for (const v of x) { const d = (v - m) ** 2; m2 += d; m4 += d * d; }
  m2 /= x.length; m4 /= x.length;
  return m4 / (m2 * m2);
}

const shortAtm: HedgeSpec = {
  option: { type: 'call', strike: 100, expiryYears: 1, position: 'short' }, spot: 100, hedgeVol: 0.2,
  model: { type: 'gbm', vol: 0.2, drift: 0 }, steps: 365, paths: 4000, seed: 2024,
};

describe('zero costs: hedging error → 0 as O(1/√N) (Derman & Kamal 1999; Bertsimas, Kogan & Lo 2000)', () => {
  it('SD ≈ √(π/4)·vega·σ/√N for an ATM call at N = 365 (tolerance: 4 SE of the sample SD + 2 %)', async () => {
    const r = await simulateHedge(shortAtm);
    const vega = blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2 }).vega;
    const predicted = Math.sqrt(Math.PI / 4) * vega * 0.2 / Math.sqrt(365);
    // SE of a sample SD: sd·√((κ − 1)/(4n)) with κ the sample kurtosis (delta method); the formula itself
    // is the leading term in 1/√N (its relative corrections are O(1/√N)·drift terms, ≈ 1 % here): 2 %.
    const relSe = Math.sqrt((kurtosis(r.outcomes.pnl) - 1) / (4 * r.paths));
    expect(Math.abs(r.pnl.sd / predicted - 1)).toBeLessThan(4 * relSe + 0.02);
    expect(Math.abs(r.pnl.mean)).toBeLessThan(4 * r.pnl.standardError); // a fair hedge: mean 0
    expect(r.costs.total).toBe(0);
  });
  it('quadrupling N halves the SD (N = 104 → 416, tolerance 4 combined SE + 2 %)', async () => {
    const a = await simulateHedge({ ...shortAtm, steps: 104, paths: 3000 });
    const b = await simulateHedge({ ...shortAtm, steps: 416, paths: 3000 });
    const se = Math.hypot(Math.sqrt((kurtosis(a.outcomes.pnl) - 1) / 12000), Math.sqrt((kurtosis(b.outcomes.pnl) - 1) / 12000));
    expect(Math.abs(a.pnl.sd / b.pnl.sd / 2 - 1)).toBeLessThan(4 * se + 0.02);
  });
  it('P&L attribution: the Taylor residual is small and shrinks with N', async () => {
    const meanAbs = (x: Float64Array): number => x.reduce((s, v) => s + Math.abs(v), 0) / x.length;
    const coarse = await simulateHedge({ ...shortAtm, steps: 52, paths: 1000 });
    const fine = await simulateHedge({ ...shortAtm, steps: 365, paths: 1000 });
    const rc = meanAbs(coarse.outcomes.residual), rf = meanAbs(fine.outcomes.residual);
    // measured (1000 paths): mean |residual| 0.107 (N = 52), 0.0214 (N = 365), 0.0068 (N = 1460) against
    // mean |gamma| ≈ 3.98 USD and a P&L SD of 0.93, 0.37, 0.20: about 6 % of the P&L SD at N = 365
    expect(rf / meanAbs(fine.outcomes.gamma)).toBeLessThan(0.01);
    expect(rf / fine.pnl.sd).toBeLessThan(0.1);
    expect(rf).toBeLessThan(rc / 2); // third-order Taylor terms shrink with the step
    const a = fine.attribution;
    expect(a.vega + a.gamma + a.theta + a.financing + a.deltaMismatch - a.costs + a.residual).toBeCloseTo(fine.pnl.mean, 10);
  });
});

describe('hedge vol ≠ path vol: E[P&L] = premium − E[payoff] exactly when the spot is a martingale (r = drift = 0)', () => {
  // The hedge's gains Σ h·ΔS have mean 0 for any adapted h when S is a martingale, so for a short option sold
  // at the hedge vol E[P&L] = V_BS(hedgeVol) − E[payoff] whatever N: a check of the path steps against closed forms.
  it('GBM at 30 % hedged at 20 %: V_BS(0.2) − V_BS(0.3) within 4 SE; the gamma + theta terms carry it', async () => {
    const r = await simulateHedge({ ...shortAtm, model: { type: 'gbm', vol: 0.3, drift: 0 }, steps: 52, paths: 8000 });
    const expected = call(0.2) - call(0.3);
    expect(Math.abs(r.pnl.mean - expected)).toBeLessThan(4 * r.pnl.standardError);
    expect(r.attribution.gamma + r.attribution.theta).toBeLessThan(0.8 * expected); // the realised-over-hedge vol loss
  });
  it('Merton jumps: V_BS(hedgeVol) − mertonJumpDiffusion price within 4 SE', async () => {
    const m = { vol: 0.2, jumpIntensity: 1, jumpMean: -0.1, jumpVol: 0.15 };
    const r = await simulateHedge({ ...shortAtm, hedgeVol: 0.25, model: { type: 'merton', ...m, drift: 0 }, steps: 52, paths: 8000 });
    const expected = call(0.25) - mertonJumpDiffusion({ type: 'call', spot: 100, strike: 100, expiryYears: 1, ...m }).price;
    expect(Math.abs(r.pnl.mean - expected)).toBeLessThan(4 * r.pnl.standardError);
  });
  it('Heston (QE): V_BS(hedgeVol) − hestonPrice within 4 SE', async () => {
    const h = { v0: 0.04, kappa: 1.5, theta: 0.05, volOfVol: 0.5, rho: -0.7 };
    const r = await simulateHedge({ ...shortAtm, hedgeVol: 0.2, model: { type: 'heston', ...h, drift: 0 }, steps: 52, paths: 8000 });
    const expected = call(0.2) - hestonPrice({ type: 'call', spot: 100, strike: 100, expiryYears: 1, ...h }).price;
    expect(Math.abs(r.pnl.mean - expected)).toBeLessThan(4 * r.pnl.standardError);
  });
  it('vega attribution = position·(V(hedgeVol) − V(premiumVol)) and premium = the BSM price', async () => {
    const r = await simulateHedge({ ...shortAtm, premiumVol: 0.25, steps: 12, paths: 16 });
    expect(r.premium).toBe(call(0.25));
    expect(r.hedgeVolPrice).toBe(call(0.2));
    for (const v of r.outcomes.vega) expect(v).toBeCloseTo(-(call(0.2) - call(0.25)), 12);
  });
});

describe("Leland (1985): hedging at Leland's vol makes the mean P&L ≈ 0 under proportional costs", () => {
  // Long-dated (1 year) ATM call on GBM (σ = 20 %, drift 0), weekly rebalancing, round-trip cost k = 1 %
  // (0.5 % = 50 bps each way). Leland leaves the initial trade out (initialHedge: false).
  const k = 0.01, dt = 1 / 52;
  const vl = lelandVol({ vol: 0.2, roundTripCost: k, rebalanceIntervalYears: dt });
  const spec: HedgeSpec = { ...shortAtm, steps: 52, paths: 20_000, seed: 11, hedgeVol: vl, costs: { feeBps: (k / 2) * 1e4, initialHedge: false } };
  it('lelandVol closed form: σ√(1 + √(2/π)·k/(σ√δt)) (value by hand: 0.2·√(1 + 0.7979·0.01/(0.2·0.13868)) = 0.226952)', () => {
    expect(vl).toBeCloseTo(0.2 * Math.sqrt(1 + Math.sqrt(2 / Math.PI) * 0.01 / (0.2 * Math.sqrt(1 / 52))), 15);
    expect(vl).toBeCloseTo(0.226952098, 8);
    expect(lelandVol({ vol: 0.2, roundTripCost: k, rebalanceIntervalYears: dt, position: 'long' })).toBeCloseTo(0.2 * Math.sqrt(1 - 0.28768), 4);
  });
  it('mean P&L within 4 SE of 0 at σ_L, and clearly negative at σ (the control: the test can fail)', async () => {
    const leland = await simulateHedge(spec);
    expect(Math.abs(leland.pnl.mean)).toBeLessThan(4 * leland.pnl.standardError); // measured: 0.006 ± 0.007
    const plain = await simulateHedge({ ...spec, hedgeVol: 0.2 });
    expect(plain.pnl.mean / plain.pnl.standardError).toBeLessThan(-50); // measured: −1.135 ± 0.0077
  });
  it("known bias: paying for the initial hedge shifts the mean by ≈ −(k/2)·Δ0·S0", async () => {
    const r = await simulateHedge({ ...spec, costs: { feeBps: (k / 2) * 1e4, initialHedge: true } });
    const delta0 = blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: vl }).delta;
    expect(Math.abs(r.pnl.mean - -(k / 2) * delta0 * 100)).toBeLessThan(4 * r.pnl.standardError);
  });
});
