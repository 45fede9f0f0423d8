/**
 * Realised volatility from OHLC bars: six estimators, annualised, over the whole sample or a rolling
 * window (issue #6 §1; formulas pinned by case C12 of the shared reference cases).
 */
import { checkObject } from '../options/validate.js';
import { rollingEwma, rollingMoments } from './rolling.js';
import {
  garmanKlassTerms, logReturns, overnightAndIntraday, parkinsonTerms, rogersSatchellTerms, yangZhangK,
} from './terms.js';
import type { Estimator, RealizedVolOptions } from './types.js';
import {
  checkCandles, checkEstimator, checkLambda, checkPeriodsPerYear, checkWindow, minReturns, type CheckedCandles,
} from './validate.js';

/**
 * Annualised realised volatility of OHLC bars.
 *
 * Bars are oldest first; bar 0 only supplies the previous close, so every estimator uses the n − 1
 * bars 1…n−1 ("returns"). Variance per bar σ², annualised vol = √(periodsPerYear · σ²). With
 * O, H, L, C the bar's prices and C₋ the previous close:
 * - `'close-to-close'`: sample variance (demeaned, ddof 1) of r = ln(C/C₋);
 * - `'parkinson'` (Parkinson 1980, J. Business 53(1) 61–65): mean of ln(H/L)²/(4 ln 2);
 * - `'garman-klass'` (Garman & Klass 1980, J. Business 53(1) 67–78, the usual simplified form of their minimum-variance estimator, no opening-jump term):
 *   mean of ½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)²;
 * - `'rogers-satchell'` (Rogers & Satchell 1991, Ann. Appl. Probab. 1(4) 504–512):
 *   mean of ln(H/C)ln(H/O) + ln(L/C)ln(L/O);
 * - `'yang-zhang'` (Yang & Zhang 2000, J. Business 73(3) 477–491, eq. 10): σ²_o + k σ²_c + (1 − k) σ²_RS
 *   with σ²_o, σ²_c the ddof-1 sample variances of ln(O/C₋) and ln(C/O), σ²_RS the Rogers–Satchell mean,
 *   k = 0.34 / (1.34 + (n + 1)/(n − 1)) for n returns;
 * - `'ewma'` (J.P. Morgan/Reuters, RiskMetrics — Technical Document, 4th ed. 1996, ch. 5, zero mean):
 *   (1 − λ)/(1 − λ^m) · Σ_{i=0}^{m−1} λ^i r²_{m−i} over the m returns (or the window), i.e. the
 *   recursion v_t = λ v_{t−1} + (1 − λ) r_t² seeded with v_0 = 0 and divided by (1 − λ^t) so the weights
 *   sum to 1 (no seed value is needed; the same as pandas `ewm(alpha=1−λ, adjust=True)` of r²).
 *
 * With `window` = w, the result is a Float64Array aligned with the input bars: entry i is the estimate
 * over the w returns of bars i−w+1…i (using bar i−w's close as the first previous close). The first w
 * entries (bars 0…w−1, which do not have w returns behind them) are NaN — the only NaNs in the series,
 * so the first valid index is exactly `window`. Computed in O(n) by running sums re-anchored exactly
 * when cancellation threatens (see `rolling.ts`), within ~1e-12 relative of a naive recomputation.
 *
 * @param candles `{ open?, high?, low?, close }`: arrays or typed arrays of equal length, prices > 0 with
 *   low ≤ open, close ≤ high. Close-to-close and EWMA need only `close`; Parkinson `high`/`low`; the
 *   others all four.
 * @param options `{ estimator, periodsPerYear, window?, lambda? }` (see {@link RealizedVolOptions}).
 * @returns annualised vol as a decimal (0.45 = 45%), or with `window` the series described above.
 * @throws InvalidInputError naming the field and value: an unknown estimator, a missing column, a
 *   non-finite or non-positive price (`close[7]`), an inconsistent bar (`high[3]` < `low[3]`), columns of
 *   different lengths, too few bars, periodsPerYear ≤ 0, a window that is not an integer in
 *   [1 or 2, bars − 1], λ outside (0, 1).
 */
export function realizedVol(candles: unknown, options: RealizedVolOptions & { window: number }): Float64Array;
export function realizedVol(candles: unknown, options: RealizedVolOptions & { window?: undefined }): number;
export function realizedVol(candles: unknown, options: RealizedVolOptions): number | Float64Array;
export function realizedVol(candles: unknown, options: RealizedVolOptions): number | Float64Array {
  const o = checkObject('options', options);
  const estimator = checkEstimator(o.estimator);
  const periodsPerYear = checkPeriodsPerYear(o.periodsPerYear);
  const lambda = estimator === 'ewma' ? checkLambda(o.lambda) : undefined;
  const c = checkCandles(candles, estimator, minReturns(estimator) + 1);
  if (o.window === undefined) return Math.sqrt(periodsPerYear * wholeSampleVariance(c, estimator, lambda));
  const w = checkWindow('window', o.window, minReturns(estimator), c.n - 1);
  const variance = rollingVariance(c, estimator, w, lambda);
  const out = new Float64Array(c.n).fill(NaN);
  for (let j = w - 1; j < variance.length; j++) out[j + 1] = Math.sqrt(periodsPerYear * Math.max(variance[j]!, 0));
  return out;
}

/**
 * Per-bar variance series over windows of `w` returns (index j ↔ bar j + 1, NaN before j = w − 1),
 * for validated candles; used by `realizedVol` and `volCone`.
 */
export function rollingVariance(c: CheckedCandles, estimator: Estimator, w: number, lambda: number | undefined): Float64Array {
  switch (estimator) {
    case 'close-to-close': return rollingMoments(logReturns(c.close), w, true).variance!;
    case 'parkinson': return rollingMoments(parkinsonTerms(c), w, false).mean;
    case 'garman-klass': return rollingMoments(garmanKlassTerms(c), w, false).mean;
    case 'rogers-satchell': return rollingMoments(rogersSatchellTerms(c), w, false).mean;
    case 'ewma': return rollingEwma(squares(logReturns(c.close)), w, lambda!);
    case 'yang-zhang': {
      const { overnight, intraday } = overnightAndIntraday(c);
      const vo = rollingMoments(overnight, w, true).variance!;
      const vc = rollingMoments(intraday, w, true).variance!;
      const rs = rollingMoments(rogersSatchellTerms(c), w, false).mean;
      const k = yangZhangK(w);
      const out = new Float64Array(vo.length);
      for (let j = 0; j < out.length; j++) out[j] = vo[j]! + k * vc[j]! + (1 - k) * rs[j]!;
      return out;
    }
  }
}

/** Variance per bar over all n − 1 returns (two-pass where a sample variance is taken). */
function wholeSampleVariance(c: CheckedCandles, estimator: Estimator, lambda: number | undefined): number {
  const m = c.n - 1;
  const v = rollingVariance(c, estimator, m, lambda);
  return Math.max(v[m - 1]!, 0);
}

function squares(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i]! * x[i]!;
  return out;
}
