/**
 * Validation of OHLC columns and realised-vol options (DESIGN §5): every check throws
 * InvalidInputError naming the field (with the bar index, e.g. `high[3]`) and the value.
 */
import { checkLevel, checkObject, checkPositive, fail, show } from '../options/validate.js';
import { checkColumn } from '../options/columns.js';
import type { Candles, Column, Estimator } from './types.js';

/** The estimators `realizedVol` accepts. */
export const ESTIMATORS: readonly Estimator[] = [
  'close-to-close', 'parkinson', 'garman-klass', 'rogers-satchell', 'yang-zhang', 'ewma',
];

/** RiskMetrics (1996) decay factor for daily data. */
export const DEFAULT_LAMBDA = 0.94;

/** Validated OHLC bars as Float64Array columns (open/high/low present when the estimator needs them). */
export interface CheckedCandles {
  n: number;
  open: Float64Array | undefined;
  high: Float64Array | undefined;
  low: Float64Array | undefined;
  close: Float64Array;
}

/**
 * A price column: every element finite and within [MIN_LEVEL, MAX_LEVEL] = [1e-100, 1e100] (the options'
 * spot limit). Inside it every ratio of two prices (≤ 1e200) and its log are finite, so the estimators' ln(a/b)
 * terms never overflow (a ratio 1e300/1e-300 did, giving NaN); outside it the caller almost surely has a unit error.
 */
export function checkPrices(field: string, value: unknown): Float64Array {
  const out = checkColumn(field, value);
  for (let i = 0; i < out.length; i++) {
    if (!(out[i]! > 0)) fail(`${field}[${i}]`, out[i], '> 0', 'must be > 0 (a price)');
    checkLevel(`${field}[${i}]`, out[i]);
  }
  return out;
}

/** Which columns an estimator reads. */
export function needs(estimator: Estimator): { open: boolean; highLow: boolean } {
  switch (estimator) {
    case 'close-to-close': case 'ewma': return { open: false, highLow: false };
    case 'parkinson': return { open: false, highLow: true };
    default: return { open: true, highLow: true };
  }
}

/** `estimator` must be one of {@link ESTIMATORS}. */
export function checkEstimator(value: unknown): Estimator {
  if (typeof value === 'string' && (ESTIMATORS as readonly string[]).includes(value)) return value as Estimator;
  return fail('estimator', value, ESTIMATORS.join(' | '), `must be one of ${ESTIMATORS.map((e) => `'${e}'`).join(', ')}`);
}

/** Bars per year: finite, > 0 (365 for crypto days, 252 for equity days). */
export function checkPeriodsPerYear(value: unknown): number {
  return checkPositive('periodsPerYear', value);
}

/** EWMA λ: absent (→ {@link DEFAULT_LAMBDA}) or a finite number in (0, 1). */
export function checkLambda(value: unknown): number {
  if (value === undefined) return DEFAULT_LAMBDA;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('lambda', value, 'finite', 'must be a finite number');
  if (!(value > 0 && value < 1)) fail('lambda', value, 'in (0, 1)', 'must be in (0, 1) (RiskMetrics daily: 0.94)');
  return value;
}

/**
 * Window length in bars: an integer with `min` ≤ window ≤ `returns` (the number of returns, bars − 1).
 * `field` names it in the message (`window`, `windows[2]`).
 */
export function checkWindow(field: string, value: unknown, min: number, returns: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(field, value, 'integer', 'must be an integer number of bars');
  if (value < min) fail(field, value, `>= ${min}`, `must be >= ${min}`);
  if (value > returns) {
    fail(field, value, `<= ${returns}`, `must be <= ${returns}, the number of returns in the sample (bars − 1)`);
  }
  return value;
}

/** Smallest window (number of returns) each estimator needs: 2 where a sample variance (ddof 1) is taken. */
export function minReturns(estimator: Estimator): number {
  return estimator === 'close-to-close' || estimator === 'yang-zhang' ? 2 : 1;
}

/**
 * Validates OHLC bars for `estimator`: the needed columns present, equal lengths, prices finite and
 * > 0, and each bar consistent (low ≤ open, close ≤ high; in particular high ≥ low). At least
 * `minBars` bars. Columns the estimator does not read are not required (but are checked when given).
 */
export function checkCandles(input: unknown, estimator: Estimator, minBars: number): CheckedCandles {
  const o = checkObject('candles', input) as Partial<Record<keyof Candles, Column>>;
  const need = needs(estimator);
  if (o.close === undefined) fail('close', o.close, 'present', 'is required');
  if (need.highLow && o.high === undefined) fail('high', o.high, 'present', `is required by the ${estimator} estimator`);
  if (need.highLow && o.low === undefined) fail('low', o.low, 'present', `is required by the ${estimator} estimator`);
  if (need.open && o.open === undefined) fail('open', o.open, 'present', `is required by the ${estimator} estimator`);
  const close = checkPrices('close', o.close);
  const n = close.length;
  const opt = (field: 'open' | 'high' | 'low'): Float64Array | undefined => {
    if (o[field] === undefined) return undefined;
    const col = checkPrices(field, o[field]);
    if (col.length !== n) fail(`${field}.length`, col.length, `= close.length (${n})`, `must equal close.length (${n})`);
    return col;
  };
  const open = opt('open');
  const high = opt('high');
  const low = opt('low');
  if (n < minBars) fail('close.length', n, `>= ${minBars}`, `must be >= ${minBars} bars for the ${estimator} estimator (the first bar only supplies the previous close)`);
  if (high !== undefined && low !== undefined) {
    for (let i = 0; i < n; i++) {
      const h = high[i]!, l = low[i]!;
      if (h < l) fail(`high[${i}]`, h, `>= low[${i}] (${l})`, `must be >= low[${i}] (${show(l)})`);
      if (close[i]! > h) fail(`close[${i}]`, close[i], `<= high[${i}] (${h})`, `must be <= high[${i}] (${show(h)})`);
      if (close[i]! < l) fail(`close[${i}]`, close[i], `>= low[${i}] (${l})`, `must be >= low[${i}] (${show(l)})`);
      if (open !== undefined && open[i]! > h) fail(`open[${i}]`, open[i], `<= high[${i}] (${h})`, `must be <= high[${i}] (${show(h)})`);
      if (open !== undefined && open[i]! < l) fail(`open[${i}]`, open[i], `>= low[${i}] (${l})`, `must be >= low[${i}] (${show(l)})`);
    }
  }
  return { n, open, high, low, close };
}
