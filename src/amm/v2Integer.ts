/**
 * Uniswap v2's integer swap formulas, bit for bit as on chain (bigint), for parity checks.
 * Source: UniswapV2Library.getAmountOut / getAmountIn (Uniswap/v2-periphery @ 0335e8f7, L43-57):
 *   amountOut = floor(amountIn·997·reserveOut / (reserveIn·1000 + amountIn·997))
 *   amountIn  = floor(reserveIn·amountOut·1000 / ((reserveOut − amountOut)·997)) + 1
 * A fee of f basis points uses (10000 − f)/10000 in place of 997/1000; for the on-chain 30 bps the two
 * rationals are equal, so the floors are identical.
 */
import { checkKnownFields, checkObject, fail } from '../options/validate.js';
import type { V2IntegerInput } from './types.js';
import { checkUint } from './validate.js';

function feeFactor(value: unknown): bigint {
  if (value === undefined) return 9970n;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= 10000) {
    fail('feeBps', value, 'integer in [0, 10000)', 'must be an integer number of basis points in [0, 10000)');
  }
  return BigInt(10000 - value);
}

/**
 * Output of a Uniswap v2 swap in on-chain integer units (floor division, as UniswapV2Library.getAmountOut).
 * @param input `{ amountIn, reserveIn, reserveOut: bigint, feeBps?: integer = 30 }`.
 * @returns amountOut (bigint, wei-exact).
 * @throws InvalidInputError naming the field: amountIn ≤ 0 (on chain INSUFFICIENT_INPUT_AMOUNT), a reserve ≤ 0
 *   (INSUFFICIENT_LIQUIDITY), a non-bigint, a fee that is not an integer in [0, 10000).
 */
export function getAmountOut(input: V2IntegerInput & { amountIn: bigint }): bigint {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['amountIn', 'reserveIn', 'reserveOut', 'feeBps']);
  const amountIn = checkUint('amountIn', o.amountIn, true);
  const reserveIn = checkUint('reserveIn', o.reserveIn, true);
  const reserveOut = checkUint('reserveOut', o.reserveOut, true);
  const factor = feeFactor(o.feeBps);
  const withFee = amountIn * factor;
  return (withFee * reserveOut) / (reserveIn * 10000n + withFee);
}

/**
 * Input needed for an output in on-chain integer units (UniswapV2Library.getAmountIn: floor, then + 1).
 * @param input `{ amountOut, reserveIn, reserveOut: bigint, feeBps?: integer = 30 }`, 0 < amountOut < reserveOut.
 * @returns amountIn (bigint).
 * @throws InvalidInputError naming the field (amountOut ≤ 0 or ≥ reserveOut, a reserve ≤ 0, a bad fee); with a
 *   fee of 10000 bps excluded, the division is always defined.
 */
export function getAmountIn(input: V2IntegerInput & { amountOut: bigint }): bigint {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['amountOut', 'reserveIn', 'reserveOut', 'feeBps']);
  const amountOut = checkUint('amountOut', o.amountOut, true);
  const reserveIn = checkUint('reserveIn', o.reserveIn, true);
  const reserveOut = checkUint('reserveOut', o.reserveOut, true);
  if (amountOut >= reserveOut) fail('amountOut', amountOut, '< reserveOut', `must be < reserveOut (${reserveOut}n)`);
  const factor = feeFactor(o.feeBps);
  return (reserveIn * amountOut * 10000n) / ((reserveOut - amountOut) * factor) + 1n;
}
