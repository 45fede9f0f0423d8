// Invariants of constant-product swaps (fast-check, fixed seeds). Sources: x·y = k with the fee on the input
// (UniswapV2Library.getAmountOut) implies each property below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAmountOut, swapConstantProduct, swapConstantProductBatch, swapConstantProductExactOutput } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const dbl = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const pool = fc.record({ reserveIn: dbl(1e-6, 1e15), reserveOut: dbl(1e-6, 1e15), feeBps: dbl(0, 1000) });
/** Trade sizes as a share of reserveIn, 1e-12 … 1e6 (beyond ~2^53 the output equals reserveOut in doubles). */
const share = fc.oneof(fc.constant(0), dbl(1e-12, 1e6));
const opts = (seed: number) => ({ seed, numRuns: 400 });

describe('constant-product invariants', () => {
  it('output < reserveOut, ≥ 0, and the pool price falls', () => {
    fc.assert(fc.property(pool, share, (p, x) => {
      const q = swapConstantProduct({ ...p, amountIn: x * p.reserveIn });
      return q.amountOut >= 0 && q.amountOut < p.reserveOut && q.spotPriceAfter <= q.spotPriceBefore;
    }), opts(31));
  });

  it('output is monotone in amountIn; the execution price falls', () => {
    fc.assert(fc.property(pool, share, share, (p, a, b) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const x = swapConstantProduct({ ...p, amountIn: lo * p.reserveIn });
      const y = swapConstantProduct({ ...p, amountIn: hi * p.reserveIn });
      return y.amountOut >= x.amountOut && y.executionPrice <= x.executionPrice * (1 + 1e-15);
    }), opts(32));
  });

  it('a fee never increases the output (doubles: to 1 ulp; the on-chain integer formula: exactly)', () => {
    fc.assert(fc.property(pool, share, dbl(0, 1000), (p, x, extra) => {
      const amountIn = x * p.reserveIn;
      const low = swapConstantProduct({ ...p, amountIn });
      const high = swapConstantProduct({ ...p, amountIn, feeBps: Math.min(p.feeBps + extra, 9999) });
      return high.amountOut <= low.amountOut * (1 + 2 ** -52);
    }), opts(33));
    fc.assert(fc.property(fc.bigInt(1n, 10n ** 30n), fc.bigInt(1n, 10n ** 30n), fc.bigInt(1n, 10n ** 30n), fc.integer({ min: 0, max: 9998 }), (a, rIn, rOut, fee) =>
      getAmountOut({ amountIn: a, reserveIn: rIn, reserveOut: rOut, feeBps: fee + 1 }) <= getAmountOut({ amountIn: a, reserveIn: rIn, reserveOut: rOut, feeBps: fee })), opts(38));
  });

  it('impact split: 1 − priceImpact = (1 − feeImpact)(1 − curveImpact), and execution = spot·(1 − priceImpact)', () => {
    fc.assert(fc.property(pool, share, (p, x) => {
      const q = swapConstantProduct({ ...p, amountIn: x * p.reserveIn });
      const split = (1 - q.feeImpact) * (1 - q.curveImpact);
      // absolute on the scale of the fractions (1 − impact cancels when the impact is near 1)
      return Math.abs((1 - q.priceImpact) - split) <= 4e-16 && Math.abs(q.executionPrice - q.spotPriceBefore * (1 - q.priceImpact)) <= 1e-15 * q.spotPriceBefore;
    }), opts(34));
  });

  it('composition: two swaps equal one larger swap without fee; with a fee the split is never better (the first leg\'s fee stays in reserveIn, so the second leg trades on a worse curve), and loses less than the fee rate', () => {
    fc.assert(fc.property(pool, dbl(1e-9, 1e3), dbl(1e-9, 1e3), (p, x, y) => {
      const [a, b] = [x * p.reserveIn, y * p.reserveIn];
      const one = swapConstantProduct({ ...p, amountIn: a + b });
      const first = swapConstantProduct({ ...p, amountIn: a });
      const second = swapConstantProduct({ reserveIn: p.reserveIn + a, reserveOut: p.reserveOut - first.amountOut, amountIn: b, feeBps: p.feeBps });
      const split = first.amountOut + second.amountOut;
      if (p.feeBps === 0) return Math.abs(split / one.amountOut - 1) <= 1e-12;
      return split <= one.amountOut * (1 + 1e-12) && split >= one.amountOut * (1 - p.feeBps * 1e-4) - 1e-12 * one.amountOut;
    }), opts(35));
  });

  it('exact output inverts exact input', () => {
    fc.assert(fc.property(pool, dbl(1e-9, 0.99), (p, share) => {
      const amountOut = p.reserveOut * share;
      const back = swapConstantProductExactOutput({ ...p, amountOut });
      const fwd = swapConstantProduct({ ...p, amountIn: back.amountIn });
      return Math.abs(fwd.amountOut / amountOut - 1) <= 1e-12;
    }), opts(36));
  });

  it('the batch equals the scalar facade bit for bit', () => {
    fc.assert(fc.property(fc.array(fc.tuple(pool, dbl(0, 1e20)), { minLength: 1, maxLength: 40 }), (rows) => {
      const r = swapConstantProductBatch({
        reservesIn: Float64Array.from(rows, ([p]) => p.reserveIn), reservesOut: Float64Array.from(rows, ([p]) => p.reserveOut),
        amountsIn: Float64Array.from(rows, ([, a]) => a), feesBps: Float64Array.from(rows, ([p]) => p.feeBps),
      });
      return rows.every(([p, amountIn], i) => {
        const q = swapConstantProduct({ ...p, amountIn });
        return r.status[i] === 0 && r.amountOut[i] === q.amountOut && r.priceImpact[i] === q.priceImpact && r.spotPriceAfter[i] === q.spotPriceAfter;
      });
    }), { seed: 37, numRuns: 50 });
    expect(true).toBe(true);
  });
});
