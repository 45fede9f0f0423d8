// On-chain integer parity for Uniswap v2 (UniswapV2Library.getAmountOut / getAmountIn, v2-periphery @ 0335e8f7
// L43-57). Expected integers: python3 integer arithmetic of the same formulas (floor division; 997/1000),
// computed independently:
//   a*997*y // (x*1000 + a*997)   and   x*o*1000 // ((y - o)*997) + 1
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAmountIn, getAmountOut, swapConstantProduct } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

const E18 = 10n ** 18n;

describe('getAmountOut / getAmountIn on bigint, as on chain', () => {
  it('PROTOCOLS.md §4 example in wei: 10 ETH into 1,000 ETH / 2,000,000 USDC (6 decimals) → 19,743.160687 USDC', () => {
    expect(getAmountOut({ amountIn: 10n * E18, reserveIn: 1000n * E18, reserveOut: 2_000_000n * 10n ** 6n })).toBe(19_743_160_687n);
    // getAmountIn of that output: floor + 1 gives slightly less than 10 ETH (python: 9999999999518511745).
    expect(getAmountIn({ amountOut: 19_743_160_687n, reserveIn: 1000n * E18, reserveOut: 2_000_000n * 10n ** 6n })).toBe(9_999_999_999_518_511_745n);
  });

  it('odd-sized integers (python3 oracle)', () => {
    const reserveIn = 98765432109876543210987n;
    const reserveOut = 5555555555555555555n;
    expect(getAmountOut({ amountIn: 123456789012345678n, reserveIn, reserveOut })).toBe(6923602419480n);
    expect(getAmountIn({ amountOut: 777777777777n, reserveIn, reserveOut })).toBe(13868768737383781n);
  });

  it('30 bps via (10000 − 30)/10000 equals the contract\'s 997/1000; other fees use (10000 − fee)/10000', () => {
    fc.assert(fc.property(fc.bigInt(1n, 10n ** 30n), fc.bigInt(1n, 10n ** 30n), fc.bigInt(1n, 10n ** 30n), (a, x, y) => {
      const onChain = (a * 997n * y) / (x * 1000n + a * 997n);
      return getAmountOut({ amountIn: a, reserveIn: x, reserveOut: y }) === onChain
        && getAmountOut({ amountIn: a, reserveIn: x, reserveOut: y, feeBps: 0 }) === (a * y) / (x + a);
    }), { seed: 5, numRuns: 300 });
  });

  it('rounding: getAmountOut(getAmountIn(o)) ≥ o (the +1 wei of getAmountIn always buys o), and getAmountIn never undercharges', () => {
    fc.assert(fc.property(fc.bigInt(10n ** 6n, 10n ** 27n), fc.bigInt(10n ** 6n, 10n ** 27n), fc.double({ min: 1e-9, max: 0.9, noNaN: true }), (x, y, share) => {
      const o = BigInt(Math.max(1, Math.floor(Number(y) * share)));
      if (o >= y) return true;
      const a = getAmountIn({ amountOut: o, reserveIn: x, reserveOut: y });
      return getAmountOut({ amountIn: a, reserveIn: x, reserveOut: y }) >= o
        && (a === 1n || getAmountOut({ amountIn: a - 2n > 0n ? a - 2n : 1n, reserveIn: x, reserveOut: y }) <= o);
    }), { seed: 6, numRuns: 300 });
  });

  it('the float facade agrees with the integer formula to the integer rounding (≤ 1 unit + 1e-12 relative)', () => {
    fc.assert(fc.property(fc.bigInt(10n ** 9n, 10n ** 24n), fc.bigInt(10n ** 9n, 10n ** 24n), fc.bigInt(1n, 10n ** 24n), (x, y, a) => {
      const exact = getAmountOut({ amountIn: a, reserveIn: x, reserveOut: y });
      const f = swapConstantProduct({ reserveIn: Number(x), reserveOut: Number(y), amountIn: Number(a) }).amountOut;
      return Math.abs(f - Number(exact)) <= 1 + 1e-12 * Number(exact);
    }), { seed: 7, numRuns: 300 });
  });

  it('bad input names the field', () => {
    const ok = { amountIn: 1n, reserveIn: 1n, reserveOut: 1n };
    expectInvalid(() => getAmountOut({ ...ok, amountIn: 0n }), 'amountIn', undefined);
    expectInvalid(() => getAmountOut({ ...ok, reserveIn: 0n }), 'reserveIn', undefined);
    expectInvalid(() => getAmountOut({ ...ok, reserveOut: 5 as never }), 'reserveOut', 5);
    expectInvalid(() => getAmountOut({ ...ok, feeBps: 2.5 }), 'feeBps', 2.5);
    expectInvalid(() => getAmountIn({ amountOut: 5n, reserveIn: 1n, reserveOut: 5n }), 'amountOut', undefined);
  });
});
