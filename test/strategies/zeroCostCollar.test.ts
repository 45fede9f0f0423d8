// Zero-cost collar solver. Expected call strikes: scripts/strategies/closedForms.py (mpmath findroot on the
// BSM closed form, 30 digits). Parity: C(K) − P(K) = e^{−rT}(F − K) (Hull 2018 §11.4), so K_put = F ⇒ K_call = F.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';
import { blackScholes } from '../../src/index.js';
import { zeroCostCollar } from '../../src/strategies/index.js';

useWasm();

const base = { spot: 100, expiryYears: 0.5, vol: 0.6, rate: 0.03, dividendYield: 0.01 };

describe('zeroCostCollar', () => {
  it('call strike for the 90 put matches mpmath (117.92197833195218722) and the net premium is 0 to 1e-10', () => {
    const z = zeroCostCollar({ ...base, putStrike: 90 });
    expect(z.callStrike).toBeCloseTo(117.92197833195218722, 9);
    expect(Math.abs(z.netPremium)).toBeLessThan(1e-10);
    expect(Math.abs(z.strategy.cost)).toBeLessThan(1e-10);
    expect(z.iterations).toBeLessThan(60);
    expect(z.strategy.floor).toBeCloseTo(90, 8);
    expect(z.strategy.cap).toBeCloseTo(z.callStrike, 8);
  });

  it('with a call skew (callVol 0.5) matches mpmath (108.86096143785724853)', () => {
    const z = zeroCostCollar({ ...base, putStrike: 90, callVol: 0.5 });
    expect(z.callStrike).toBeCloseTo(108.86096143785724853, 9);
    expect(Math.abs(z.netPremium)).toBeLessThan(1e-10);
  });

  it('parity: K_put = F gives K_call = F, a short forward of value 0 (BSM and Black-76)', () => {
    const F = 100 * Math.exp(0.02 * 0.5);
    const z = zeroCostCollar({ ...base, putStrike: F });
    expect(z.callStrike / F - 1).toBeLessThan(1e-12);
    expect(Math.abs(z.netPremium)).toBeLessThan(1e-10);
    // the package is then worth F at every terminal price: floor = cap = F (q = 1, no premium)
    expect(z.strategy.floor).toBeCloseTo(F, 9);
    expect(z.strategy.cap).toBeCloseTo(F, 9);
    const b = zeroCostCollar({ spot: 100, forward: 103, putStrike: 103, expiryYears: 0.25, vol: 0.5 });
    expect(Math.abs(b.callStrike - 103)).toBeLessThan(1e-9);
  });

  it('property: net premium |P − C| ≤ 1e-10·spot for random inputs, call strike ≥ F iff put strike ≤ F', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.3, max: 1.3, noNaN: true }), fc.double({ min: 0.02, max: 2, noNaN: true }),
      fc.double({ min: 0.1, max: 1.5, noNaN: true }), fc.double({ min: -0.05, max: 0.1, noNaN: true }),
      (m, t, vol, rate) => {
        // a put worth (nearly) nothing has no finite call strike: such draws are rejected (tested below)
        fc.pre(blackScholes({ type: 'put', spot: 100, strike: 100 * m, expiryYears: t, vol, rate }).price > 1e-6);
        const z = zeroCostCollar({ spot: 100, putStrike: 100 * m, expiryYears: t, vol, rate });
        expect(Math.abs(z.netPremium)).toBeLessThan(1e-10 * 100);
        expect(z.iterations).toBeLessThan(100);
        const F = 100 * Math.exp(rate * t);
        if (100 * m < F * (1 - 1e-12)) expect(z.callStrike).toBeGreaterThan(F);
      }), { seed: 11, numRuns: 300 });
  });

  it('rejects a put worth 0 and bad fields, naming them', () => {
    expectInvalid(() => zeroCostCollar({ ...base, putStrike: 90, vol: 0 }), 'putStrike', 90);
    expectInvalid(() => zeroCostCollar({ ...base, putStrike: -1 }), 'putStrike', -1);
    expectInvalid(() => zeroCostCollar({ ...base, putStrike: 90, callVol: 20 }), 'callVol', 20);
    expectInvalid(() => zeroCostCollar({ ...base, putStrike: 90, expiryYears: 100 }), 'expiryYears', 100);
  });
});
