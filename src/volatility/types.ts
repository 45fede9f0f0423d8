/** Shapes of the realised-volatility API (`realizedVol`, `volCone`, `impliedRealizedSpread`). */

/** A column of numbers: a plain array or a typed array (read once, never modified). */
export type Column = ArrayLike<number>;

/**
 * OHLC bars as columns of equal length, oldest first, prices in any one currency (only ratios are
 * used, so the estimators are invariant to the price level). `close` is always required; `high` and
 * `low` are required by Parkinson, Garman–Klass, Rogers–Satchell and Yang–Zhang, `open` by the last three.
 */
export interface Candles {
  open?: Column;
  high?: Column;
  low?: Column;
  close: Column;
}

/** Realised-variance estimator (formulas and sources: `realizedVol`). */
export type Estimator = 'close-to-close' | 'parkinson' | 'garman-klass' | 'rogers-satchell' | 'yang-zhang' | 'ewma';

/** Options of `realizedVol`. */
export interface RealizedVolOptions {
  /** Which estimator. */
  estimator: Estimator;
  /** Bars per year used to annualise: 365 for daily crypto bars, 252 for equity days, 8760 for hourly crypto. */
  periodsPerYear: number;
  /**
   * Rolling window length in bars (= returns): when given, the result is a series aligned with the
   * input whose first `window` entries are NaN (warm-up); when absent, one number over the whole sample.
   */
  window?: number;
  /** EWMA decay factor λ in (0, 1); default 0.94 (RiskMetrics 1996, daily data). Only for `'ewma'`. */
  lambda?: number;
}

/** Options of `volCone`. */
export interface VolConeOptions {
  /** Window lengths in bars, e.g. [7, 14, 30, 60, 90]; each ≤ the number of returns. */
  windows: readonly number[];
  /** Percentiles as fractions in [0, 1] (0.5 = median), e.g. [0, 0.25, 0.5, 0.75, 1]. */
  percentiles: readonly number[];
  estimator: Estimator;
  periodsPerYear: number;
  /** EWMA decay factor (default 0.94); only for `'ewma'`. */
  lambda?: number;
}

/** One row of a volatility cone: the distribution of the rolling realised vol for one window length. */
export interface VolConeRow {
  /** Window length in bars. */
  window: number;
  /** Number of rolling values the percentiles were taken over (bars − window; overlapping windows). */
  count: number;
  /** Annualised vol at each requested percentile, in the order of `percentiles`. */
  values: Float64Array;
  /** The most recent window's annualised vol (where "now" sits in the cone). */
  latest: number;
}

/** Result of `volCone`. */
export interface VolCone {
  estimator: Estimator;
  periodsPerYear: number;
  /** The percentiles as given (fractions). */
  percentiles: number[];
  /** One row per window, in the order given. */
  rows: VolConeRow[];
}
