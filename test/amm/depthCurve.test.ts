// A venue given only as a slippage profile (assembly/amm/depthCurve.ts, src/amm/depthCurve.ts). Expected values
// are from the rule itself, worked by hand: linear interpolation through (0, 0) and the points; beyond the last
// point (s_n, p_n) the constant-product curve impact = s/(R + s), R = s_n(1 − p_n)/p_n.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthCurveSwap, swapConstantProduct } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

const profile = { sizes: [10, 100, 1000], impacts: [0.002, 0.01, 0.06], spotPrice: 2000, amountIn: 1 };

describe('depthCurveSwap', () => {
  it('interpolates: 0 at 0, the points exactly, linear between (50 → 0.002 + 0.008·40/90)', () => {
    expect(depthCurveSwap({ ...profile, amountIn: 0 }).priceImpact).toBe(0);
    expect(depthCurveSwap({ ...profile, amountIn: 5 }).priceImpact).toBeCloseTo(0.001, 16);
    expect(depthCurveSwap({ ...profile, amountIn: 100 }).priceImpact).toBe(0.01);
    expect(depthCurveSwap({ ...profile, amountIn: 50 }).priceImpact).toBeCloseTo(0.002 + 0.008 * 40 / 90, 16);
    const q = depthCurveSwap({ ...profile, amountIn: 1000 });
    expect(q.priceImpact).toBe(0.06);
    expect(q.amountOut).toBeCloseTo(1000 * 2000 * 0.94, 8);
    expect(q.executionPrice).toBeCloseTo(1880, 10);
  });

  it('extrapolates as the constant-product pool through the last point: 2000 → 2000/(R + 2000), R = 1000·0.94/0.06', () => {
    const R = 1000 * 0.94 / 0.06;
    expect(depthCurveSwap({ ...profile, amountIn: 2000 }).priceImpact).toBeCloseTo(2000 / (R + 2000), 15);
    // and that is what a fee-free pool with reserveIn = R gives (an independent route through swapConstantProduct)
    const cp = swapConstantProduct({ reserveIn: R, reserveOut: R * 2000, amountIn: 2000, feeBps: 0 });
    expect(depthCurveSwap({ ...profile, amountIn: 2000 }).amountOut).toBeCloseTo(cp.amountOut, 6);
    expect(depthCurveSwap({ ...profile, amountIn: 1e12 }).priceImpact).toBeLessThan(1);
  });

  it('monotone and bounded: impact non-decreasing in size and < 1; proceeds increase beyond the table (fast-check)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e7, noNaN: true }), (a, b) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const p = depthCurveSwap({ ...profile, amountIn: lo });
      const q = depthCurveSwap({ ...profile, amountIn: hi });
      return q.priceImpact >= p.priceImpact && q.priceImpact < 1 && p.priceImpact >= 0
        && (lo < 1000 || q.amountOut >= p.amountOut);
    }), { seed: 21, numRuns: 300 });
  });

  it('a flat zero profile stays zero beyond the table', () => {
    expect(depthCurveSwap({ sizes: [1], impacts: [0], amountIn: 10, spotPrice: 3 }).amountOut).toBe(30);
  });

  it('bad input names the field and the element', () => {
    expectInvalid(() => depthCurveSwap({ ...profile, sizes: [10, 10, 1000] }), 'sizes[1]', 10);
    expectInvalid(() => depthCurveSwap({ ...profile, sizes: [0, 100, 1000] }), 'sizes[0]', 0);
    expectInvalid(() => depthCurveSwap({ ...profile, impacts: [0.002, 0.001, 0.06] }), 'impacts[1]', 0.001);
    expectInvalid(() => depthCurveSwap({ ...profile, impacts: [0.002, 0.01, 1] }), 'impacts[2]', 1);
    expectInvalid(() => depthCurveSwap({ ...profile, impacts: [0.002, 0.01] }), 'impacts', undefined);
    expectInvalid(() => depthCurveSwap({ ...profile, sizes: [] }), 'sizes', undefined);
    expectInvalid(() => depthCurveSwap({ ...profile, amountIn: -1 }), 'amountIn', -1);
    expectInvalid(() => depthCurveSwap({ ...profile, amountIn: 1, spotPrice: 0 }), 'spotPrice', 0);
  });
});
