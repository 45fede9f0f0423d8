/**
 * Validation of AMM inputs (DESIGN §5): each check throws {@link InvalidInputError} naming the field and
 * the value. Builds on the shared helpers of `../options/validate.ts` (`fail`, `checkLevel` for positive
 * reserves, `checkAmount`, …).
 */
import { checkNonNegative, fail } from '../options/validate.js';

/** A fee in basis points: a finite number in [0, 10000) (30 = 0.30 %); default when undefined. */
export function checkFeeBps(field: string, value: unknown, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const v = checkNonNegative(field, value);
  if (v >= 10000) fail(field, v, '< 10000', 'must be < 10000 basis points (30 means 0.30 %)');
  return v;
}

/** A token's decimals: an integer in [0, 36]; default 0 (amounts in raw units). */
export function checkDecimals(field: string, value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 36) {
    fail(field, value, 'integer in [0, 36]', 'must be an integer in [0, 36] (token decimals)');
  }
  return value;
}

/** A boolean flag (no truthy/falsy coercion). */
export function checkBoolean(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') fail(field, value, 'boolean', 'must be true or false');
  return value;
}

/** A non-negative bigint (on-chain integer amount); `positive` demands > 0. */
export function checkUint(field: string, value: unknown, positive: boolean): bigint {
  if (typeof value !== 'bigint') fail(field, value, 'bigint', 'must be a bigint (on-chain integer units, e.g. 10n ** 18n)');
  if (positive ? value <= 0n : value < 0n) fail(field, value, positive ? '> 0' : '>= 0', positive ? 'must be > 0' : 'must be >= 0');
  return value;
}

/** An array-like of numbers (Array or typed array) of length ≥ `min` (or exactly `length` when given). */
export function checkNumberList(field: string, value: unknown, min: number, length?: number): ArrayLike<number> {
  const ok = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!ok) fail(field, value, 'array', 'must be an array or typed array of numbers');
  const list = value as ArrayLike<unknown>;
  if (length !== undefined && list.length !== length) fail(field, value, `length ${length}`, `must have length ${length}`);
  if (list.length < min) fail(field, value, `length >= ${min}`, `must have at least ${min} entries`);
  return list as ArrayLike<number>;
}

/** Element `i` of a list, checked as a finite number; the error names `field[i]`. */
export function checkElement(field: string, list: ArrayLike<unknown>, i: number): number {
  const v = list[i];
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${field}[${i}]`, v, 'finite', 'must be a finite number');
  return v;
}
