/** Volatility cone: percentiles of rolling realised vol by window length (Burghardt & Lane 1990). */
import { checkObject, fail } from '../options/validate.js';
import { interpolatedQuantile } from '../risk/quantile.js';
import { rollingVariance } from './realizedVol.js';
import type { VolCone, VolConeOptions, VolConeRow } from './types.js';
import {
  checkCandles, checkEstimator, checkLambda, checkPeriodsPerYear, checkWindow, minReturns,
} from './validate.js';

/**
 * Volatility cone (G. Burghardt and M. Lane, "How to tell if options are cheap", J. Portfolio
 * Management 16(2), 1990, 72–78): for each window length w, the rolling annualised realised vol of
 * every window of w returns in the sample (overlapping, bars − w values, computed as by `realizedVol`
 * with `window: w`), summarised by percentiles (Hyndman–Fan definition 7: linear interpolation between
 * order statistics, numpy's default) and the latest value.
 *
 * @param candles OHLC columns as for `realizedVol`.
 * @param options `{ windows, percentiles, estimator, periodsPerYear, lambda? }`: windows are integers in
 *   [1 or 2, bars − 1]; percentiles are fractions in [0, 1].
 * @returns `{ estimator, periodsPerYear, percentiles, rows }`, one row `{ window, count, values, latest }`
 *   per window in the order given; `values[p]` is the annualised vol at `percentiles[p]`.
 * @throws InvalidInputError naming the field (`windows[2]`, `percentiles[0]`, or a candle field) and value.
 *   Overlapping windows are strongly autocorrelated: the spread of a long window's cone understates
 *   the uncertainty of a single future window.
 */
export function volCone(candles: unknown, options: VolConeOptions): VolCone {
  const o = checkObject('options', options);
  const estimator = checkEstimator(o.estimator);
  const periodsPerYear = checkPeriodsPerYear(o.periodsPerYear);
  const lambda = estimator === 'ewma' ? checkLambda(o.lambda) : undefined;
  if (!Array.isArray(o.windows) || o.windows.length === 0) fail('windows', o.windows, 'non-empty array', 'must be a non-empty array of window lengths');
  if (!Array.isArray(o.percentiles) || o.percentiles.length === 0) {
    fail('percentiles', o.percentiles, 'non-empty array', 'must be a non-empty array of fractions in [0, 1]');
  }
  const percentiles = (o.percentiles as unknown[]).map((p, i) => {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
      fail(`percentiles[${i}]`, p, 'in [0, 1]', 'must be a fraction in [0, 1] (0.25 is the 25th percentile)');
    }
    return p;
  });
  const c = checkCandles(candles, estimator, minReturns(estimator) + 1);
  const windows = (o.windows as unknown[]).map((w, i) => checkWindow(`windows[${i}]`, w, minReturns(estimator), c.n - 1));
  const rows: VolConeRow[] = windows.map((w) => {
    const variance = rollingVariance(c, estimator, w, lambda);
    const vols = new Float64Array(variance.length - (w - 1));
    for (let j = 0; j < vols.length; j++) vols[j] = Math.sqrt(periodsPerYear * Math.max(variance[j + w - 1]!, 0));
    const latest = vols[vols.length - 1]!;
    vols.sort();
    return { window: w, count: vols.length, values: Float64Array.from(percentiles, (p) => interpolatedQuantile(vols, p)), latest };
  });
  return { estimator, periodsPerYear, percentiles, rows };
}
