// Regression tests for the tester's AMM findings (depth-curve cancellation, non-finite swap outputs,
// sqrtPriceX96 above MAX_SQRT_RATIO, misspelt fields). Expected values are cited per test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthCurveSwap, InvalidInputError, sqrtPriceX96ToPrice, swapConcentrated, swapConstantProduct } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const profile = { sizes: [1, 10, 100], impacts: [0.001, 0.01, 0.1], spotPrice: 2000 };
// R = s_n(1 − p_n)/p_n = 100·0.9/0.1 = 900; beyond the table amountOut = A·spot·R/(R + A) → spot·R = 1.8e6.
const R = 900;

describe('depthCurveSwap beyond the last point: retained fraction R/(R + A) computed directly', () => {
  it('A = 1e16, 1e18, 1e19, 1e30: proceeds below and converging to spot·R (mpmath, 40 digits: A·2000·900/(900 + A))', () => {
    // mpmath: 1e16 → 1799999.999999838; 1e18 → 1799999.99999999838; 1e19 → 1799999.999999999838; 1e30 → 1800000.0
    const cases: [number, number][] = [[1e16, 1799999.999999838], [1e18, 1799999.99999999838], [1e19, 1799999.999999999838], [1e30, 1.8e6]];
    for (const [A, expected] of cases) {
      const q = depthCurveSwap({ ...profile, amountIn: A });
      expect(Math.abs(q.amountOut - expected) / expected).toBeLessThan(4e-16);
      expect(q.amountOut).toBeLessThanOrEqual(2000 * R); // never above the ceiling (was 1,800,781.7 at 1e16)
      expect(q.amountOut).toBeGreaterThan(0); // never 0 (was 0 for A ≥ 1e19)
    }
  });

  it('proceeds non-decreasing in A and bounded by spot·R up to the amount limit 1e100 (fast-check, log-uniform A)', () => {
    fc.assert(fc.property(fc.double({ min: 2, max: 100, noNaN: true }), fc.double({ min: 2, max: 100, noNaN: true }), (a, b) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const p = depthCurveSwap({ ...profile, amountIn: 10 ** lo }).amountOut;
      const q = depthCurveSwap({ ...profile, amountIn: 10 ** hi }).amountOut;
      return q >= p * (1 - 1e-15) && q <= 2000 * R * (1 + 1e-15); // within the rounding of the last product
    }));
  });

  it('inside the table the price is exactly spot·(1 − impact), as before the fix (bit-identical)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (A) => {
      const q = depthCurveSwap({ ...profile, amountIn: A });
      return q.executionPrice === 2000 * (1 - q.priceImpact);
    }));
  });

  it('amountIn above 1e100 and spotPrice outside [1e-100, 1e100] are rejected', () => {
    expectInvalid(() => depthCurveSwap({ ...profile, amountIn: 1e101 }), 'amountIn', 1e101);
    expectInvalid(() => depthCurveSwap({ ...profile, amountIn: 1, spotPrice: 1e300 }), 'spotPrice', 1e300);
  });
});

describe('swapConstantProduct: never a silent non-finite output; one rule for tiny reserves and huge amounts', () => {
  it('reserveIn 1e-320 (gave spotPriceBefore Infinity) and amountIn 1e308 are both range errors ([1e-100, 1e100])', () => {
    expectInvalid(() => swapConstantProduct({ reserveIn: 1e-320, reserveOut: 1000, amountIn: 10 }), 'reserveIn', 1e-320);
    expectInvalid(() => swapConstantProduct({ reserveIn: 1000, reserveOut: 1000, amountIn: 1e308 }), 'amountIn', 1e308);
    expectInvalid(() => swapConstantProduct({ reserveIn: 1000, reserveOut: 1e101, amountIn: 1 }), 'reserveOut', 1e101);
  });
  it('at the limits every output is finite: reserves 1e-100 / 1e100, amountIn 1e100 (spot = 1e200 by hand)', () => {
    const q = swapConstantProduct({ reserveIn: 1e-100, reserveOut: 1e100, amountIn: 1e100, feeBps: 0 });
    for (const v of Object.values(q)) expect(Number.isFinite(v)).toBe(true);
    expect(q.spotPriceBefore).toBe(1e200);
  });
});

describe('sqrtPriceX96ToPrice: Uniswap v3 MAX_SQRT_RATIO bound (TickMath.sol)', () => {
  const MAX = 1461446703485210103287273052203988822378723970342n;
  it('2^1100 (gave Infinity) and MAX_SQRT_RATIO + 1 are rejected naming sqrtPriceX96', () => {
    for (const x of [2n ** 1100n, MAX + 1n]) {
      expect(() => sqrtPriceX96ToPrice(x, 0, 0)).toThrow(InvalidInputError);
      try { sqrtPriceX96ToPrice(x, 0, 0); } catch (e) { expect((e as InvalidInputError).details.field).toBe('sqrtPriceX96'); }
    }
  });
  it('MAX_SQRT_RATIO itself: (MAX/2^96)² = 3.40256786836388094e38 (mpmath) and 10^36 larger with decimals 36/0, finite', () => {
    expect(Math.abs(sqrtPriceX96ToPrice(MAX, 0, 0) / 3.40256786836388094070642339899681172762e38 - 1)).toBeLessThan(1e-15);
    expect(Number.isFinite(sqrtPriceX96ToPrice(MAX, 36, 0))).toBe(true);
  });
  it('swapConcentrated applies the same bound to its sqrtPriceX96', () => {
    expectInvalid(() => swapConcentrated({ ticks: [-60, 60], liquidity: [1e18], feeBps: 30, sqrtPriceX96: MAX + 1n, zeroForOne: true, amountIn: 1 }), 'sqrtPriceX96', undefined);
  });
});

describe('misspelt AMM input fields are rejected (not run with their default)', () => {
  it('feebps → "did you mean feeBps?"', () => {
    let error: unknown;
    try { swapConstantProduct({ reserveIn: 1000, reserveOut: 1000, amountIn: 10, feebps: 5 } as never); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details.field).toBe('feebps');
    expect((error as Error).message).toContain('did you mean feeBps?');
  });
  it('depthCurveSwap and swapConcentrated name the unknown field', () => {
    expectInvalid(() => depthCurveSwap({ ...profile, amountIn: 1, spot: 5 } as never), 'spot', 5);
    expectInvalid(() => swapConcentrated({ ticks: [-60, 60], liquidity: [1e18], feeBps: 30, tick: 0, zeroForOne: true, amountIn: 1, amountin: 2 } as never), 'amountin', 2);
  });
});
