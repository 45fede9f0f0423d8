/** Implied-minus-realised volatility spread at dated implied-vol observations (issue #6 §1). */
import { checkObject, checkVol, fail } from '../options/validate.js';
import { realizedVol } from './realizedVol.js';
import type { Candles, Column, Estimator } from './types.js';
import { checkColumn } from '../options/columns.js';
import { checkEstimator } from './validate.js';

/** Input of {@link impliedRealizedSpread}. */
export interface ImpliedRealizedInput {
  /** Observation instants of the implied vols, epoch milliseconds (UTC). */
  times: Column;
  /** Implied vols (decimals, e.g. the ATM 30-day IV) at those instants. */
  impliedVols: Column;
  /** OHLC bars, oldest first, with `closeTime`: each bar's close instant in epoch ms (strictly increasing). */
  candles: Candles & { closeTime: Column };
  /** Trailing window in bars (returns) of the realised vol. */
  window: number;
  /** Realised-vol estimator (default `'close-to-close'`). */
  estimator?: Estimator;
  /** Bars per year (365 for daily crypto bars). */
  periodsPerYear: number;
  /** EWMA λ when the estimator is `'ewma'`. */
  lambda?: number;
}

/** Result of {@link impliedRealizedSpread}: one entry per observation, in the order given. */
export interface ImpliedRealizedSpread {
  times: Float64Array;
  implied: Float64Array;
  /** Trailing realised vol over the `window` bars that closed at or before each time, annualised. */
  realized: Float64Array;
  /** implied − realized (vol points as decimals: 0.05 = 5 vol points). */
  spread: Float64Array;
  /** Index of the last bar used (the latest bar with closeTime ≤ time). */
  lastBar: Int32Array;
}

/**
 * Implied minus trailing realised vol at each observation time. The realised vol at time t uses only
 * bars already closed at t (closeTime ≤ t): the `window` returns ending with the latest such bar,
 * computed exactly as `realizedVol(candles, { estimator, periodsPerYear, window })` at that bar.
 * @returns `{ times, implied, realized, spread, lastBar }` (see {@link ImpliedRealizedSpread}).
 * @throws InvalidInputError naming the field and value: mismatched lengths, a bad implied vol, a
 *   closeTime column that is not strictly increasing, a time with fewer than `window` returns closed
 *   before it (`times[0]`), plus everything `realizedVol` rejects.
 */
export function impliedRealizedSpread(input: ImpliedRealizedInput): ImpliedRealizedSpread {
  const o = checkObject('input', input);
  const times = checkColumn('times', o.times);
  const implied = checkColumn('impliedVols', o.impliedVols);
  if (implied.length !== times.length) fail('impliedVols.length', implied.length, `= times.length (${times.length})`, `must equal times.length (${times.length})`);
  for (let i = 0; i < implied.length; i++) checkVol(`impliedVols[${i}]`, implied[i]);
  const candles = checkObject('candles', o.candles) as unknown as Candles & { closeTime: Column };
  const closeTime = checkColumn('candles.closeTime', candles.closeTime);
  for (let i = 1; i < closeTime.length; i++) {
    if (!(closeTime[i]! > closeTime[i - 1]!)) fail(`candles.closeTime[${i}]`, closeTime[i], 'increasing', `must be > candles.closeTime[${i - 1}] (${closeTime[i - 1]})`);
  }
  const estimator = o.estimator === undefined ? 'close-to-close' : checkEstimator(o.estimator);
  const series = realizedVol(candles, {
    estimator, periodsPerYear: o.periodsPerYear as number, window: o.window as number, lambda: o.lambda as number | undefined,
  });
  if (closeTime.length !== series.length) {
    fail('candles.closeTime.length', closeTime.length, `= close.length (${series.length})`, `must equal close.length (${series.length})`);
  }
  const w = o.window as number;
  const n = times.length;
  const out: ImpliedRealizedSpread = {
    times, implied, realized: new Float64Array(n), spread: new Float64Array(n), lastBar: new Int32Array(n),
  };
  for (let k = 0; k < n; k++) {
    const t = times[k]!;
    // latest bar with closeTime ≤ t (binary search)
    let lo = -1, hi = closeTime.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (closeTime[mid]! <= t) lo = mid; else hi = mid;
    }
    if (lo < w) {
      fail(`times[${k}]`, t, `>= candles.closeTime[${w}]`, `has fewer than window (${w}) returns closed before it (needs a bar index >= ${w} with closeTime <= time)`);
    }
    out.lastBar[k] = lo;
    out.realized[k] = series[lo]!;
    out.spread[k] = implied[k]! - series[lo]!;
  }
  return out;
}
