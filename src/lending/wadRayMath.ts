/**
 * Aave's fixed-point integer arithmetic on `bigint`, bit for bit.
 *
 * Sources: `WadRayMath` [aave/aave-v3-core @ 782f5191, contracts/protocol/libraries/math/WadRayMath.sol]:
 * WAD = 1e18, RAY = 1e27, half-up rounding: wadMul(a, b) = (a·b + WAD/2) / WAD, wadDiv(a, b) =
 * (a·WAD + b/2) / b, rayMul(a, b) = (a·b + RAY/2) / RAY, rayDiv(a, b) = (a·RAY + b/2) / b; and
 * `PercentageMath` [same commit, PercentageMath.sol]: PERCENTAGE_FACTOR = 1e4 (100.00%),
 * percentMul(v, p) = (v·p + 5000) / 1e4, percentDiv(v, p) = (v·1e4 + p/2) / p. The directed
 * variants (percentMulFloor/Ceil, percentDivFloor/Ceil) are those added in aave-v3-origin 3.7
 * [aave-dao/aave-v3-origin @ fd1fbd91, src/contracts/protocol/libraries/math/PercentageMath.sol].
 * Every division is Solidity's (truncating). Where the contract reverts (an operand outside uint256,
 * an intermediate above 2²⁵⁶ − 1, division by zero) these functions throw InvalidInputError.
 */
import { fail } from '../options/validate.js';

/** 1e18. */
export const WAD = 10n ** 18n;
/** 1e27. */
export const RAY = 10n ** 27n;
/** 1e4 = 100.00% (PercentageMath.PERCENTAGE_FACTOR). */
export const PERCENTAGE_FACTOR = 10_000n;
/** 2²⁵⁶ − 1, the largest uint256. */
export const MAX_UINT256 = (1n << 256n) - 1n;

/** `value` must be a bigint in [0, 2²⁵⁶ − 1]; returns it. */
export function checkUint256(field: string, value: unknown): bigint {
  if (typeof value !== 'bigint') fail(field, value, 'bigint', 'must be a bigint (uint256)');
  if (value < 0n) fail(field, value, '>= 0n', 'must be >= 0n (uint256)');
  if (value > MAX_UINT256) fail(field, value, '<= 2^256 - 1', 'must be <= 2^256 - 1 (uint256)');
  return value;
}

function nonZero(field: string, value: unknown): bigint {
  const v = checkUint256(field, value);
  if (v === 0n) fail(field, v, '> 0n', 'must be > 0n (division by zero reverts)');
  return v;
}

/** The numerator must fit in uint256 (the contracts' overflow guard); returns it. */
function fits(field: string, value: bigint, numerator: bigint): bigint {
  if (numerator > MAX_UINT256) fail(field, value, 'no uint256 overflow', 'overflows uint256 in the product (the contract reverts)');
  return numerator;
}

/** a·b / 1e18 rounded half up (WadRayMath.wadMul). @throws InvalidInputError where the contract reverts. */
export function wadMul(a: bigint, b: bigint): bigint {
  const x = checkUint256('a', a);
  const y = checkUint256('b', b);
  return fits('a', x, x * y + WAD / 2n) / WAD;
}

/** a·1e18 / b rounded half up (WadRayMath.wadDiv). @throws InvalidInputError for b = 0 or overflow. */
export function wadDiv(a: bigint, b: bigint): bigint {
  const x = checkUint256('a', a);
  const y = nonZero('b', b);
  return fits('a', x, x * WAD + y / 2n) / y;
}

/** a·b / 1e27 rounded half up (WadRayMath.rayMul). @throws InvalidInputError where the contract reverts. */
export function rayMul(a: bigint, b: bigint): bigint {
  const x = checkUint256('a', a);
  const y = checkUint256('b', b);
  return fits('a', x, x * y + RAY / 2n) / RAY;
}

/** a·1e27 / b rounded half up (WadRayMath.rayDiv). @throws InvalidInputError for b = 0 or overflow. */
export function rayDiv(a: bigint, b: bigint): bigint {
  const x = checkUint256('a', a);
  const y = nonZero('b', b);
  return fits('a', x, x * RAY + y / 2n) / y;
}

/** value·percentage / 1e4 rounded half up (PercentageMath.percentMul; 1e4 = 100%). */
export function percentMul(value: bigint, percentage: bigint): bigint {
  const v = checkUint256('value', value);
  const p = checkUint256('percentage', percentage);
  return fits('value', v, v * p + PERCENTAGE_FACTOR / 2n) / PERCENTAGE_FACTOR;
}

/** value·1e4 / percentage rounded half up (PercentageMath.percentDiv). @throws for percentage = 0. */
export function percentDiv(value: bigint, percentage: bigint): bigint {
  const v = checkUint256('value', value);
  const p = nonZero('percentage', percentage);
  return fits('value', v, v * PERCENTAGE_FACTOR + p / 2n) / p;
}

/** value·percentage / 1e4 rounded down (origin 3.7 percentMulFloor). */
export function percentMulFloor(value: bigint, percentage: bigint): bigint {
  const v = checkUint256('value', value);
  const p = checkUint256('percentage', percentage);
  return fits('value', v, v * p) / PERCENTAGE_FACTOR;
}

/** value·percentage / 1e4 rounded up (origin 3.7 percentMulCeil). */
export function percentMulCeil(value: bigint, percentage: bigint): bigint {
  const v = checkUint256('value', value);
  const p = checkUint256('percentage', percentage);
  const product = fits('value', v, v * p);
  return product / PERCENTAGE_FACTOR + (product % PERCENTAGE_FACTOR === 0n ? 0n : 1n);
}

/** value·1e4 / percentage rounded down (origin 3.7 percentDivFloor). */
export function percentDivFloor(value: bigint, percentage: bigint): bigint {
  const v = checkUint256('value', value);
  const p = nonZero('percentage', percentage);
  return fits('value', v, v * PERCENTAGE_FACTOR) / p;
}

/** value·1e4 / percentage rounded up (origin 3.7 percentDivCeil). */
export function percentDivCeil(value: bigint, percentage: bigint): bigint {
  const v = checkUint256('value', value);
  const p = nonZero('percentage', percentage);
  const product = fits('value', v, v * PERCENTAGE_FACTOR);
  return product / p + (product % p === 0n ? 0n : 1n);
}
