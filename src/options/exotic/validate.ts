/**
 * Validation of the exotic pricers' inputs (DESIGN §5). The common fields use the checkers of
 * ../validate.ts; the exotic fields are checked here. Each check throws {@link InvalidInputError} with
 * the field, the value and the rule; the kernels (assembly/options/exotic/) apply the same rules and
 * mark INVALID_INPUT.
 */
import { InvalidInputError } from '../../errors.js';
import { checkExpiry, checkLevel, checkObject, checkRate, checkType, checkVol, fail, MAX_LEVEL } from '../validate.js';

/** Largest number of fixings (Asian averaging dates, discrete barrier monitoring dates). */
export const MAX_FIXINGS = 100_000;



/** Validated fields common to the exotic pricers. */
export interface CheckedCommon {
  isCall: boolean;
  spot: number;
  expiryYears: number;
  vol: number;
  rate: number;
  dividendYield: number;
}

/** The common fields, and no `forward` (the exotics are on a spot). */
export function checkCommon(o: Record<string, unknown>): CheckedCommon {
  if (o.forward !== undefined) fail('forward', o.forward, 'absent', 'is not an input of the exotic pricers (give spot)');
  return {
    isCall: checkType('type', o.type),
    spot: checkLevel('spot', o.spot),
    expiryYears: checkExpiry('expiryYears', o.expiryYears),
    vol: checkVol('vol', o.vol),
    rate: checkRate('rate', o.rate),
    dividendYield: checkRate('dividendYield', o.dividendYield),
  };
}

/** A count of fixings: an integer 1 … {@link MAX_FIXINGS}. */
export function checkFixingCount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_FIXINGS) {
    fail(field, value, `integer in [1, ${MAX_FIXINGS}]`, `must be an integer from 1 to ${MAX_FIXINGS}`);
  }
  return value;
}

/**
 * Asian fixings: undefined → continuous (0); a number → that many equally spaced fixings; an array or
 * Float64Array → fixing times, strictly increasing, in (0, expiryYears], 1 … {@link MAX_FIXINGS} of them.
 */
export function checkAsianFixings(value: unknown, expiryYears: number): { count: number; times?: Float64Array } {
  if (value === undefined) return { count: 0 };
  if (typeof value === 'number') return { count: checkFixingCount('fixings', value) };
  if (!Array.isArray(value) && !(value instanceof Float64Array)) {
    fail('fixings', value, 'count or times', 'must be a number of fixings or an array of fixing times in years');
  }
  const list = value as ArrayLike<unknown>;
  if (list.length < 1 || list.length > MAX_FIXINGS) {
    fail('fixings', value, `1 to ${MAX_FIXINGS} times`, `must hold 1 to ${MAX_FIXINGS} fixing times`);
  }
  const times = new Float64Array(list.length);
  let prev = 0;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    const field = `fixings[${i}]`;
    if (typeof t !== 'number' || !Number.isFinite(t)) fail(field, t, 'finite', 'must be a finite number (years)');
    if (i === 0 && t <= 0) fail(field, t, '> 0', 'must be > 0 (a fixing at t = 0 is the spot itself; fixings are in (0, expiryYears])');
    if (i > 0 && t <= prev) fail(field, t, `> ${prev}`, `must be > fixings[${i - 1}] (${prev}): times strictly increasing`);
    if (t > expiryYears) fail(field, t, `<= ${expiryYears}`, `must be <= expiryYears (${expiryYears})`);
    times[i] = t;
    prev = t;
  }
  return { count: list.length, times };
}

/** One of the listed string values. */
export function checkChoice<T extends string>(field: string, value: unknown, choices: readonly T[]): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  return fail(field, value, choices.map((c) => `'${c}'`).join(' | '), `must be ${choices.map((c) => `'${c}'`).join(' or ')}`);
}

/** Rebate: optional (default 0), finite, 0 ≤ rebate ≤ 1e100. */
export function checkRebate(value: unknown): number {
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('rebate', value, 'finite', 'must be a finite number');
  if (value < 0) fail('rebate', value, '>= 0', 'must be >= 0');
  if (value > MAX_LEVEL) fail('rebate', value, `<= ${MAX_LEVEL}`, `must be <= ${MAX_LEVEL} (a unit error?)`);
  return value;
}

export { checkLevel, checkObject };
