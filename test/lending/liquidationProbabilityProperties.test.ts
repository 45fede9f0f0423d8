// Invariants of the probability of liquidation (fast-check, fixed seed): P ∈ [0, 1]; non-decreasing in the
// horizon and non-increasing in the health factor always (P is the law of a running minimum); non-decreasing
// in vol when the net drift m = drift + collateralYield − borrowRate ≥ 0 (∂P/∂σ = 2x0φ(d1)/(σ²√T) +
// 4x0·m·e^{−2νx0/σ²}Φ(d2)/σ³ ≥ 0 then); P → 1 as HF → 1⁺; the analytic signs of the sensitivities.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liquidationProbability } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const SEED = 20261129;
const RUNS = 400;

const hf = fc.double({ min: 1.000001, max: 20, noNaN: true });
const vol = fc.double({ min: 0.01, max: 3, noNaN: true });
const horizon = fc.double({ min: 1 / 365, max: 10, noNaN: true });
const rate = fc.double({ min: -0.5, max: 0.5, noNaN: true });
const loan = fc.record({ healthFactor: hf, vol, horizonYears: horizon, drift: rate, borrowRate: rate, collateralYield: rate });
type Loan = { healthFactor: number; vol: number; horizonYears: number; drift: number; borrowRate: number; collateralYield: number };
const P = (l: Loan) => liquidationProbability(l).probability;
/** Slack for rounding where P is ~1 (two evaluations of a formula of relative accuracy ~1e-14). */
const EPS = 1e-13;

describe('liquidationProbability properties', () => {
  it('P ∈ [0, 1] and finite outputs, on wide inputs including HF ≤ 1, vol 0, horizon 0', () => {
    const wide = fc.record({
      healthFactor: fc.oneof(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), fc.constant(Infinity), fc.constant(1)),
      vol: fc.oneof(fc.double({ min: 0, max: 10, noNaN: true }), fc.constant(0)),
      horizonYears: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constant(0)),
      drift: fc.double({ min: -1, max: 1, noNaN: true }), borrowRate: fc.double({ min: -1, max: 1, noNaN: true }),
      collateralYield: fc.double({ min: -1, max: 1, noNaN: true }),
    });
    fc.assert(fc.property(wide, (l) => {
      const r = liquidationProbability(l);
      expect(r.probability).toBeGreaterThanOrEqual(0);
      expect(r.probability).toBeLessThanOrEqual(1);
      for (const v of [r.sensitivityToVol, r.sensitivityToLogHealthFactor, r.sensitivityToHorizon, r.sensitivityToDrift]) {
        expect(Number.isNaN(v)).toBe(false);
      }
      expect(Number.isNaN(r.distanceToLiquidation)).toBe(false);
    }), { seed: SEED, numRuns: 2000 });
  });

  it('non-decreasing in the horizon (and ∂P/∂T ≥ 0)', () => {
    fc.assert(fc.property(loan, fc.double({ min: 1.0001, max: 3, noNaN: true }), (l, k) => {
      expect(P({ ...l, horizonYears: Math.min(50, l.horizonYears * k) })).toBeGreaterThanOrEqual(P(l) - EPS);
      expect(liquidationProbability(l).sensitivityToHorizon).toBeGreaterThanOrEqual(0);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('non-increasing in the health factor (and ∂P/∂HF ≤ 0)', () => {
    fc.assert(fc.property(loan, fc.double({ min: 1.0001, max: 3, noNaN: true }), (l, k) => {
      expect(P({ ...l, healthFactor: l.healthFactor * k })).toBeLessThanOrEqual(P(l) + EPS);
      expect(liquidationProbability(l).sensitivityToHealthFactor).toBeLessThanOrEqual(0);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('non-decreasing in vol when drift + collateralYield − borrowRate ≥ 0 (and ∂P/∂vol ≥ 0)', () => {
    fc.assert(fc.property(loan, fc.double({ min: 1.0001, max: 3, noNaN: true }), (l0, k) => {
      const m = l0.drift + l0.collateralYield - l0.borrowRate;
      const l = m >= 0 ? l0 : { ...l0, drift: l0.drift - m }; // shift the drift so that m = 0 … > 0
      expect(P({ ...l, vol: Math.min(10, l.vol * k) })).toBeGreaterThanOrEqual(P(l) - EPS);
      expect(liquidationProbability(l).sensitivityToVol).toBeGreaterThanOrEqual(0);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('non-increasing in the net drift (∂P/∂drift ≤ 0)', () => {
    fc.assert(fc.property(loan, fc.double({ min: 0.001, max: 0.4, noNaN: true }), (l, dm) => {
      expect(P({ ...l, drift: Math.min(1, l.drift + dm) })).toBeLessThanOrEqual(P(l) + EPS);
      expect(liquidationProbability(l).sensitivityToDrift).toBeLessThanOrEqual(0);
    }), { seed: SEED, numRuns: RUNS });
  });

  it('with a negative net drift, more vol can lower P (the condition m ≥ 0 is needed)', () => {
    // m = −0.5: the drift alone takes HF 1.1 to 1 in 0.19 years; noise lets some paths escape
    const base = { healthFactor: 1.1, horizonYears: 1, borrowRate: 0.5 };
    const lo = liquidationProbability({ ...base, vol: 0.05 });
    const hi = liquidationProbability({ ...base, vol: 0.5 });
    expect(hi.probability).toBeLessThan(lo.probability);
    expect(hi.sensitivityToVol).toBeLessThan(0);
  });

  it('P → 1 as HF → 1⁺', () => {
    fc.assert(fc.property(loan, (l) => {
      const near = P({ ...l, healthFactor: 1 + 1e-13 });
      expect(near).toBeGreaterThan(1 - 1e-9 / Math.min(1, l.vol * Math.sqrt(l.horizonYears)));
    }), { seed: SEED, numRuns: RUNS });
  });
});
