/**
 * Validation of scalar option inputs (DESIGN §5), shared by the WASM facade and `src/reference`.
 * Each check throws {@link InvalidInputError} naming the field and the value. The same rules are
 * applied per element inside the batch kernels (`assembly/options/`), which mark INVALID_INPUT.
 */
import { InvalidInputError } from '../errors.js';

/** Largest accepted vol: above it the caller almost surely passed percent (80 for 80%). */
export const MAX_VOL = 10;
/** Largest accepted expiry in years: above it the caller almost surely passed days. */
export const MAX_EXPIRY_YEARS = 50;
/** Largest accepted |rate| and |dividendYield|: above it the caller almost surely passed percent. */
export const MAX_ABS_RATE = 1;

/**
 * Smallest accepted spot, forward and strike. Outside [MIN_LEVEL, MAX_LEVEL] the caller almost surely
 * has a unit error, and ratios and discounted values (× e^{±50}) would leave the range where the
 * kernels are exact (the moneyness split needs |ln(S/K)| well inside the double range).
 */
export const MIN_LEVEL = 1e-100;
/** Largest accepted spot, forward and strike (see {@link MIN_LEVEL}). */
export const MAX_LEVEL = 1e100;

/**
 * A value as it appears in an error message: strings quoted (so '100' and 100 read differently),
 * bigints with their `n`, arrays and typed arrays by kind and length, objects by constructor name.
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  if (ArrayBuffer.isView(value) && 'length' in value) return `[${value.constructor.name} of ${String(value.length)}]`;
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return String(value);
}

/** Throws InvalidInputError "field (value) message" with `details` { field, value, rule }. */
export function fail(field: string, value: unknown, rule: string, message: string): never {
  throw new InvalidInputError(`${field} (${show(value)}) ${message}`, { field, value, rule });
}

/**
 * Rejects a misspelt or unknown option field instead of silently running with its default (DESIGN §5): every key
 * of `o` whose value is not undefined must be in `allowed`. `prefix` is the dotted path of `o` in the input
 * ('' for the top level; 'costs' names `costs.feebps`), `what` names the object in the message ('the spec').
 * @throws InvalidInputError naming the unknown field (`closefactor`) with its value, listing the allowed fields, and
 *   suggesting the known one when it differs only by case ("did you mean closeFactor?").
 */
export function checkKnownFields(prefix: string, o: Record<string, unknown>, allowed: readonly string[], what?: string): void {
  for (const key of Object.keys(o)) {
    if (o[key] === undefined || allowed.includes(key)) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
    fail(field, o[key], `one of ${allowed.join(', ')}`, `is not a field of ${what ?? (prefix || 'the input')}${hint}: allowed are ${allowed.join(', ')}`);
  }
}

/** `value` must be a finite number (any sign). */
export function checkFinite(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(field, value, 'finite', 'must be a finite number');
  return value;
}

/**
 * A finite number within [lo, hi]; `loOpen` / `hiOpen` make that bound strict. The message names the bound that
 * failed ("must be >= 0", "must be < 1") followed by `hint` on the upper bound (e.g. " (per year)").
 */
export function checkRange(field: string, value: unknown, lo: number, hi: number, loOpen = false, hiOpen = false, hint = ''): number {
  const v = checkFinite(field, value);
  if (loOpen ? v <= lo : v < lo) fail(field, v, loOpen ? `> ${lo}` : `>= ${lo}`, `must be ${loOpen ? '>' : '>='} ${lo}`);
  if (hiOpen ? v >= hi : v > hi) fail(field, v, hiOpen ? `< ${hi}` : `<= ${hi}`, `must be ${hiOpen ? '<' : '<='} ${hi}${hint}`);
  return v;
}

/** An integer in [lo, hi]. */
export function checkInteger(field: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < lo || value > hi) {
    fail(field, value, `integer in [${lo}, ${hi}]`, `must be an integer in [${lo}, ${hi}]`);
  }
  return value;
}

/** A fraction: finite, in [0, 1] (0.83 means 83%). */
export function checkFraction(field: string, value: unknown): number {
  const v = checkNonNegative(field, value);
  if (v > 1) fail(field, v, '<= 1', 'must be <= 1 (a fraction: 0.83 means 83%)');
  return v;
}

/** A non-negative amount (tokens, token units): finite, ≥ 0 and ≤ {@link MAX_LEVEL} (larger is a unit error). */
export function checkAmount(field: string, value: unknown): number {
  const v = checkNonNegative(field, value);
  if (v > MAX_LEVEL) fail(field, v, `<= ${MAX_LEVEL}`, `must be <= ${MAX_LEVEL} (a unit error?)`);
  return v;
}

/** `value` must be a finite number > 0. */
export function checkPositive(field: string, value: unknown): number {
  const v = checkFinite(field, value);
  if (v <= 0) fail(field, v, '> 0', 'must be > 0');
  return v;
}

/** `value` must be a finite number ≥ 0. */
export function checkNonNegative(field: string, value: unknown): number {
  const v = checkFinite(field, value);
  if (v < 0) fail(field, v, '>= 0', 'must be >= 0');
  return v;
}

/** A price level (spot, forward, strike): finite and within [{@link MIN_LEVEL}, {@link MAX_LEVEL}]. */
export function checkLevel(field: string, value: unknown): number {
  const v = checkPositive(field, value);
  if (v < MIN_LEVEL || v > MAX_LEVEL) fail(field, v, `within [${MIN_LEVEL}, ${MAX_LEVEL}]`, `must be within [${MIN_LEVEL}, ${MAX_LEVEL}] (a unit error?)`);
  return v;
}

/** Expiry in years: finite, ≥ 0 and ≤ {@link MAX_EXPIRY_YEARS} (larger values are days by mistake). */
export function checkExpiry(field: string, value: unknown): number {
  const v = checkNonNegative(field, value);
  if (v > MAX_EXPIRY_YEARS) fail(field, v, `<= ${MAX_EXPIRY_YEARS}`, `must be <= ${MAX_EXPIRY_YEARS} years (days passed as years?)`);
  return v;
}

/** Vol as a decimal: finite, ≥ 0 and ≤ {@link MAX_VOL} (larger values are percent by mistake). */
export function checkVol(field: string, value: unknown): number {
  const v = checkNonNegative(field, value);
  if (v > MAX_VOL) fail(field, v, `<= ${MAX_VOL}`, `must be <= ${MAX_VOL} (a decimal: 0.8 means 80%)`);
  return v;
}

/** Rate or yield: optional (default 0), finite, |value| ≤ {@link MAX_ABS_RATE}. */
export function checkRate(field: string, value: unknown): number {
  if (value === undefined) return 0;
  const v = checkFinite(field, value);
  if (Math.abs(v) > MAX_ABS_RATE) fail(field, v, `|x| <= ${MAX_ABS_RATE}`, `must be within ±${MAX_ABS_RATE} (a decimal: 0.05 means 5%)`);
  return v;
}

/** Option type: `'call'` or `'put'`; returns true for a call. */
export function checkType(field: string, value: unknown): boolean {
  if (value === 'call') return true;
  if (value === 'put') return false;
  return fail(field, value, "'call' | 'put'", "must be 'call' or 'put'");
}

/** The argument itself must be a plain object. */
export function checkObject(field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(field, value, 'object', 'must be an object');
  return value as Record<string, unknown>;
}

/** Validated Black–Scholes–Merton inputs (isCall, spot, strike, expiry, vol, rate, dividendYield). */
export interface CheckedBlackScholes {
  isCall: boolean;
  spot: number;
  strike: number;
  expiryYears: number;
  vol: number;
  rate: number;
  dividendYield: number;
}

/** Validates the input of `blackScholes`; throws InvalidInputError naming the first bad field. */
export function checkBlackScholes(input: unknown): CheckedBlackScholes {
  const o = checkObject('input', input);
  if (o.forward !== undefined) fail('forward', o.forward, 'absent', 'is not a Black–Scholes–Merton input (give spot, or use black76)');
  return {
    isCall: checkType('type', o.type),
    spot: checkLevel('spot', o.spot),
    strike: checkLevel('strike', o.strike),
    expiryYears: checkExpiry('expiryYears', o.expiryYears),
    vol: checkVol('vol', o.vol),
    rate: checkRate('rate', o.rate),
    dividendYield: checkRate('dividendYield', o.dividendYield),
  };
}

/** Validated Black-76 inputs. */
export interface CheckedBlack76 {
  isCall: boolean;
  forward: number;
  strike: number;
  expiryYears: number;
  vol: number;
  rate: number;
}

/** Validates the input of `black76`; throws InvalidInputError naming the first bad field. */
export function checkBlack76(input: unknown): CheckedBlack76 {
  const o = checkObject('input', input);
  if (o.dividendYield !== undefined) {
    fail('dividendYield', o.dividendYield, 'absent', 'is not a Black-76 input (the forward already carries it)');
  }
  if (o.spot !== undefined) fail('spot', o.spot, 'absent', 'is not a Black-76 input (give forward, or use blackScholes)');
  return {
    isCall: checkType('type', o.type),
    forward: checkLevel('forward', o.forward),
    strike: checkLevel('strike', o.strike),
    expiryYears: checkExpiry('expiryYears', o.expiryYears),
    vol: checkVol('vol', o.vol),
    rate: checkRate('rate', o.rate),
  };
}

/** Validated implied-vol inputs; `model` says which of spot/forward was given. */
export interface CheckedImpliedVol {
  model: 'bsm' | 'black76';
  isCall: boolean;
  price: number;
  underlying: number;
  strike: number;
  expiryYears: number;
  rate: number;
  dividendYield: number;
}

/** Validates the input of `impliedVol`: exactly one of `spot` / `forward`; no `dividendYield` with `forward`. */
export function checkImpliedVol(input: unknown): CheckedImpliedVol {
  const o = checkObject('input', input);
  const hasSpot = o.spot !== undefined;
  const hasForward = o.forward !== undefined;
  if (hasSpot === hasForward) {
    const value = hasSpot ? `${String(o.spot)}/${String(o.forward)}` : 'undefined/undefined';
    fail('spot/forward', value, 'exactly one of spot, forward',
      'exactly one of spot (Black–Scholes–Merton) or forward (Black-76) must be given');
  }
  if (hasForward && o.dividendYield !== undefined) {
    fail('dividendYield', o.dividendYield, 'absent with forward', 'cannot be given with forward (Black-76)');
  }
  return {
    model: hasSpot ? 'bsm' : 'black76',
    isCall: checkType('type', o.type),
    price: checkNonNegative('price', o.price),
    underlying: hasSpot ? checkLevel('spot', o.spot) : checkLevel('forward', o.forward),
    strike: checkLevel('strike', o.strike),
    expiryYears: checkExpiry('expiryYears', o.expiryYears),
    rate: checkRate('rate', o.rate),
    dividendYield: hasSpot ? checkRate('dividendYield', o.dividendYield) : 0,
  };
}
