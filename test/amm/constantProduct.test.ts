// Constant-product swaps: the reference cases C17 and C18 (shared/cases/README.md), the Uniswap v2 worked
// example of PROTOCOLS.md §4, the exact-output direction, the batch kernel and bad input.
import { describe, expect, it } from 'vitest';
import {
  Status, swapConstantProduct, swapConstantProductBatch, swapConstantProductExactOutput,
} from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

/** |a/b − 1| ≤ tol. */
const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('case C17: 1000/1000 pool, sell 10, fee 0.3 % (shared/cases/README.md C17)', () => {
  it('output 9.8715803440, all-in impact 1.2841966 %, split (1 − 0.3 %)(1 − 0.98715803 %), spot moves 1.9674832 %', () => {
    const q = swapConstantProduct({ reserveIn: 1000, reserveOut: 1000, amountIn: 10, feeBps: 30 });
    expect(q.amountOut).toBeCloseTo(9.871580344, 9);
    expect(q.priceImpact).toBeCloseTo(0.012841966, 9);
    expect(q.feeImpact).toBe(0.003);
    expect(q.curveImpact).toBeCloseTo(0.0098715803, 10);
    expect(1 - q.spotPriceAfter / q.spotPriceBefore).toBeCloseTo(0.019674832, 9);
    // The split identity, and the two other conventions the case names (all-in minus fee; zero-fee impact).
    expect(rel(1 - q.priceImpact, (1 - q.feeImpact) * (1 - q.curveImpact))).toBeLessThan(1e-15);
    expect(q.priceImpact - q.feeImpact).toBeCloseTo(0.0098419656, 10);
    expect(swapConstantProduct({ reserveIn: 1000, reserveOut: 1000, amountIn: 10, feeBps: 0 }).priceImpact).toBeCloseTo(0.0099009901, 10);
  });
});

describe('case C18: $25m/$25m pool, sell $10m, no fee (shared/cases/README.md C18)', () => {
  it('execution 28.571429 % below spot, proceeds $7.1428571m, spot ends 48.979592 % lower; 0.3 % fee → $7.1275379m', () => {
    const q = swapConstantProduct({ reserveIn: 25e6, reserveOut: 25e6, amountIn: 10e6, feeBps: 0 });
    expect(q.priceImpact).toBeCloseTo(0.28571429, 8);
    expect(q.amountOut / 1e6).toBeCloseTo(7.1428571, 7);
    expect(1 - q.spotPriceAfter / q.spotPriceBefore).toBeCloseTo(0.48979592, 8);
    expect(q.priceImpact).toBeGreaterThan(0); // and far from the linear rule of thumb (40 %)
    expect(Math.abs(q.priceImpact - 0.4)).toBeGreaterThan(0.1);
    const withFee = swapConstantProduct({ reserveIn: 25e6, reserveOut: 25e6, amountIn: 10e6, feeBps: 30 });
    expect(withFee.amountOut / 1e6).toBeCloseTo(7.1275379, 7);
  });
});

describe('Uniswap v2 worked example (PROTOCOLS.md §4, UniswapV2Library L43-57)', () => {
  it('1,000 ETH / 2,000,000 USDC, sell 10 ETH → 19,743.1607 USDC, execution 1,974.316 (−1.284 %)', () => {
    const q = swapConstantProduct({ reserveIn: 1000, reserveOut: 2e6, amountIn: 10 });
    expect(q.amountOut).toBeCloseTo(19743.1607, 4);
    expect(q.executionPrice).toBeCloseTo(1974.316, 3);
    expect(q.spotPriceBefore).toBe(2000);
    expect(q.priceImpact).toBeCloseTo(0.01284, 5);
    // x·y = k on the post-fee input: (x + 0.997Δx)(y − out) = x·y (PROTOCOLS.md §4).
    expect(rel((1000 + 9.97) * (2e6 - q.amountOut), 1000 * 2e6)).toBeLessThan(1e-15);
  });
});

describe('exact output (inverse of getAmountOut, real-valued)', () => {
  it('buys back the C17 output with amountIn 10 (to rounding) and reports the same quote', () => {
    const fwd = swapConstantProduct({ reserveIn: 1000, reserveOut: 1000, amountIn: 10 });
    const back = swapConstantProductExactOutput({ reserveIn: 1000, reserveOut: 1000, amountOut: fwd.amountOut });
    expect(rel(back.amountIn, 10)).toBeLessThan(4e-16 * 10);
    for (const k of ['executionPrice', 'spotPriceAfter', 'priceImpact', 'curveImpact'] as const) {
      expect(rel(back[k], fwd[k])).toBeLessThan(1e-14);
    }
    // curveImpact = amountOut/reserveOut exactly in this direction (from the closed form).
    expect(back.curveImpact).toBe(fwd.amountOut / 1000);
  });

  it('amountIn = reserveIn·out/((reserveOut − out)(1 − fee)): buying half the pool at no fee costs reserveIn', () => {
    expect(swapConstantProductExactOutput({ reserveIn: 500, reserveOut: 2000, amountOut: 1000, feeBps: 0 }).amountIn).toBe(500);
  });
});

describe('batch kernel (SoA) with per-element status', () => {
  it('equals the scalar quote element by element, broadcasts numbers, and marks bad elements', () => {
    const amountsIn = new Float64Array([10, 0, 250, -1, Number.NaN, 1e6]);
    const reservesIn = new Float64Array([1000, 1000, 1000, 1000, 1000, 0]);
    const r = swapConstantProductBatch({ reservesIn, reservesOut: 1000, amountsIn, feesBps: 30 });
    expect(Array.from(r.status)).toEqual([0, 0, 0, Status.INVALID_INPUT, Status.INVALID_INPUT, Status.INVALID_INPUT]);
    for (const i of [0, 1, 2]) {
      const q = swapConstantProduct({ reserveIn: reservesIn[i]!, reserveOut: 1000, amountIn: amountsIn[i]!, feeBps: 30 });
      for (const k of Object.keys(q) as (keyof typeof q)[]) expect(r[k][i]).toBe(q[k]);
    }
    // A zero trade: execution at the marginal price net of fee, impact = the fee.
    expect(r.executionPrice[1]).toBeCloseTo(0.997, 15);
    expect(r.priceImpact[1]).toBeCloseTo(0.003, 15);
    for (const i of [3, 4, 5]) expect(Number.isNaN(r.amountOut[i]!)).toBe(true);
  });

  it('exact-output batch: amountOut ≥ reserveOut and bad fees are INVALID_INPUT', () => {
    const r = swapConstantProductBatch({
      reservesIn: 1000, reservesOut: 1000, amountsOut: new Float64Array([9.871580343970614, 1000, 5, 5]),
      feesBps: new Float64Array([30, 30, 10000, -1]),
    });
    expect(Array.from(r.status)).toEqual([0, 1, 1, 1]);
    expect(r.amountIn[0]).toBeCloseTo(10, 12);
  });

  it('structural faults throw', () => {
    expectInvalid(() => swapConstantProductBatch({ reservesIn: 1, reservesOut: 1 } as never), 'amountsIn/amountsOut', 'neither');
    expectInvalid(() => swapConstantProductBatch({ reservesIn: new Float64Array(2), reservesOut: 1, amountsIn: new Float64Array(3) }), 'reservesIn', undefined);
    expectInvalid(() => swapConstantProductBatch({ reservesIn: 1, reservesOut: 1, amountsIn: [1, 2] as never }), 'amountsIn', undefined);
  });
});

describe('bad input: typed errors naming the field and value', () => {
  const ok = { reserveIn: 1000, reserveOut: 1000, amountIn: 10, feeBps: 30 };
  it.each([
    ['reserveIn', 0], ['reserveIn', -5], ['reserveOut', Number.NaN], ['reserveOut', Infinity],
    ['amountIn', -1], ['amountIn', '10'], ['feeBps', 10000], ['feeBps', -1], ['feeBps', Number.NaN],
  ])('%s = %s', (field, value) => {
    expectInvalid(() => swapConstantProduct({ ...ok, [field]: value } as never), field, value);
  });
  it('exact output: amountOut ≥ reserveOut', () => {
    expectInvalid(() => swapConstantProductExactOutput({ reserveIn: 1, reserveOut: 5, amountOut: 5 }), 'amountOut', 5);
  });
  it('not an object', () => {
    expectInvalid(() => swapConstantProduct(null as never), 'input', undefined);
  });
});
