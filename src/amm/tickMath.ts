/**
 * Uniswap v3 price ↔ tick ↔ sqrtPriceX96 conversions in floating point (human units by token decimals).
 * Facts (Uniswap/v3-core @ d8b1c635, TickMath.sol L8-11 and the whitepaper §6.1): raw price P = token1/token0 in
 * the tokens' smallest units = 1.0001^tick; slot0 stores sqrtPriceX96 = √P·2^96; ticks lie in [−887272, 887272];
 * the tick of a price is floor(log_1.0001 P). Human price (token1 per token0) = P·10^(decimals0 − decimals1).
 */
import { checkPositive, fail } from '../options/validate.js';
import { checkDecimals } from './validate.js';

/** ln(1.0001) correctly rounded (mpmath 50 digits: 9.99950003333083353331666809511310634e-5). */
const LN_TICK_BASE = 9.999500033330834e-5;
/** Tick limits of Uniswap v3 (TickMath.MIN_TICK / MAX_TICK). */
export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
const Q96 = 2 ** 96;

/** Checks a tick: an integer in [MIN_TICK, MAX_TICK]. */
export function checkTick(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_TICK || value > MAX_TICK) {
    fail(field, value, `integer in [${MIN_TICK}, ${MAX_TICK}]`, `must be an integer tick in [${MIN_TICK}, ${MAX_TICK}]`);
  }
  return value;
}

/**
 * Uniswap v3 TickMath.MAX_SQRT_RATIO (v3-core contracts/libraries/TickMath.sol: the sqrt ratio at MAX_TICK, + 1);
 * no pool state holds a larger sqrtPriceX96.
 */
export const MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342n;

/**
 * A slot0 sqrtPriceX96: a bigint in [1, {@link MAX_SQRT_RATIO}]. Within it the price (x/2^96)²·10^(±36) stays
 * finite (at most ≈ 3.4e74); above it the input is not a Uniswap v3 price (2^1100 gave Infinity).
 */
export function checkSqrtPriceX96(field: string, value: unknown): bigint {
  if (typeof value !== 'bigint' || value <= 0n) fail(field, value, 'bigint > 0', 'must be a positive bigint (Q64.96)');
  if (value > MAX_SQRT_RATIO) fail(field, value, `<= ${MAX_SQRT_RATIO}`, `must be <= Uniswap v3's MAX_SQRT_RATIO ${MAX_SQRT_RATIO} (TickMath.sol)`);
  return value;
}

/**
 * Price of token0 in token1, human units, from slot0's sqrtPriceX96: (sqrtPriceX96 / 2^96)²·10^(decimals0 − decimals1).
 * Relative error ≈ 3e-16 (one rounding of the bigint to a double, one product).
 * @param sqrtPriceX96 a positive bigint (Q64.96).
 * @param decimals0 decimals of token0 (integer in [0, 36]); @param decimals1 decimals of token1.
 * @throws InvalidInputError naming the field (not a positive bigint, above MAX_SQRT_RATIO, bad decimals).
 * Example: WBTC/WETH (8, 18) at tick 257362 → ≈ 15.0 WETH per WBTC.
 */
export function sqrtPriceX96ToPrice(sqrtPriceX96: bigint, decimals0: number, decimals1: number): number {
  checkSqrtPriceX96('sqrtPriceX96', sqrtPriceX96);
  const d0 = checkDecimals('decimals0', decimals0);
  const d1 = checkDecimals('decimals1', decimals1);
  const s = Number(sqrtPriceX96) / Q96;
  return s * s * 10 ** (d0 - d1);
}

/** Raw √P (√(token1/token0) in smallest units) of slot0's sqrtPriceX96, as a double. */
export function sqrtPriceX96ToSqrtPrice(sqrtPriceX96: bigint): number {
  return Number(sqrtPriceX96) / Q96;
}

/**
 * Price at a tick, token1 per token0 in human units: 1.0001^tick·10^(decimals0 − decimals1), evaluated as
 * exp(tick·ln 1.0001) (relative error ≈ (1 + |tick|·1e-4) ulp).
 * @throws InvalidInputError naming the field (tick not an integer in [−887272, 887272], bad decimals).
 */
export function tickToPrice(tick: number, decimals0 = 0, decimals1 = 0): number {
  const t = checkTick('tick', tick);
  return Math.exp(t * LN_TICK_BASE) * 10 ** (checkDecimals('decimals0', decimals0) - checkDecimals('decimals1', decimals1));
}

/**
 * Tick of a price (token1 per token0, human units): the greatest tick whose price is ≤ the given one, as
 * TickMath.getTickAtSqrtRatio (floor), clamped to [MIN_TICK, MAX_TICK].
 * @throws InvalidInputError naming the field (price not finite and > 0, bad decimals).
 */
export function priceToTick(price: number, decimals0 = 0, decimals1 = 0): number {
  const p = checkPositive('price', price);
  const raw = p * 10 ** (checkDecimals('decimals1', decimals1) - checkDecimals('decimals0', decimals0));
  let t = Math.floor(Math.log(raw) / LN_TICK_BASE);
  if (Math.exp((t + 1) * LN_TICK_BASE) <= raw) t += 1;
  else if (Math.exp(t * LN_TICK_BASE) > raw) t -= 1;
  return Math.min(MAX_TICK, Math.max(MIN_TICK, t));
}

