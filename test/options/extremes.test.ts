// Extreme but valid inputs reported by a fresh-eyes review: the kernels must stay exact or say why not.
import { describe, expect, it } from 'vitest';
import { black76, black76Batch, blackScholes, blackScholesBatch, Status } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.abs(want);

describe('complements multiplied by large discount factors keep their relative accuracy', () => {
  // Black-76 put, F 1e-8, K 100, T 50, vol 3, r −1 (discount e^{50}): delta = −e^{−rT}·Φ(−d1) with
  // Φ(−d1) ≈ 8.6e-22. mpmath (50 digits): delta −4.43988694497906, charm −0.556055853307387
  // (charm = −∂delta/∂T by mpmath.diff). The kernel once took Φ(−d1) as 1 − Φ(d1) = 0.
  const input = { type: 'put', forward: 1e-8, strike: 100, expiryYears: 50, vol: 3, rate: -1 } as const;
  it('scalar', () => {
    const g = black76(input);
    expect(rel(g.delta, -4.43988694497906)).toBeLessThan(1e-12);
    expect(rel(g.charm, -0.556055853307387)).toBeLessThan(1e-11);
  });
  it('batch (SIMD path) agrees with the scalar call bit for bit', () => {
    const out = black76Batch({ isCall: Uint8Array.of(0, 0), forwards: Float64Array.of(1e-8, 1e-8), strikes: Float64Array.of(100, 100),
      expiriesYears: Float64Array.of(50, 50), vols: Float64Array.of(3, 3), rates: -1 });
    expect(out.delta[0]).toBe(black76(input).delta);
    expect(out.delta[1]).toBe(out.delta[0]);
  });
});

describe('Greeks that overflow at absurd expiries become NaN with DEGENERATE, never ±Infinity with OK', () => {
  it('charm at expiry 1e-300 near the money', () => {
    const one = { type: 'call', spot: 100, strike: 100, expiryYears: 1e-300, vol: 1e-8, rate: 0.05 } as const;
    const g = blackScholes(one);
    expect(g.charm).toBeNaN();
    expect(Number.isFinite(g.price) && Number.isFinite(g.delta)).toBe(true);
    const two = Float64Array.of(100, 100);
    const out = blackScholesBatch({ isCall: Uint8Array.of(1, 1), spots: two, strikes: two, expiriesYears: Float64Array.of(1e-300, 1),
      vols: Float64Array.of(1e-8, 0.2), rates: 0.05 });
    expect([...out.status]).toEqual([Status.DEGENERATE, Status.OK]);
    expect(out.charm[0]).toBeNaN();
    for (const k of ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const) {
      expect(Number.isFinite(out[k][1]), k).toBe(true);
      if (k !== 'charm') expect(Number.isNaN(out[k][0]) || Number.isFinite(out[k][0]), k).toBe(true);
    }
  });
});

describe('levels at the edges of the accepted range price without overflow', () => {
  // S 1e-100, K 1e100, T 50, vol 10, r = q = −1: a deep OTM call priced through the normalised Black
  // function; finite outputs (mpmath checks of such rows live in test/vectors: deep OTM ~1e-250·S)
  it('finite prices and Greeks', () => {
    const g = blackScholes({ type: 'put', spot: 1e-100, strike: 1e100, expiryYears: 50, vol: 0.01, rate: -1, dividendYield: 1 });
    for (const [k, v] of Object.entries(g)) expect(Number.isFinite(v), k).toBe(true);
    // deep ITM put: K·e^{−rT} − S·e^{−qT} = 1e100·e^{50}
    expect(rel(g.price, 1e100 * Math.exp(50))).toBeLessThan(1e-14);
  });
});
