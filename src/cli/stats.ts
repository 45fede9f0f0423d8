/** Order statistics for the report (plain JS numbers; NaN inputs must be filtered out by the caller). */

/**
 * The q-quantile of `values` by linear interpolation between order statistics (Hyndman–Fan type 7,
 * the default of R, NumPy and Excel's PERCENTILE.INC).
 * @param values finite numbers, any order; not modified.
 * @param q in [0, 1]: 0.5 is the median, 0.99 the 99th percentile.
 * @returns NaN for an empty input.
 * @throws RangeError when q is outside [0, 1].
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile q (${q}) must be in [0, 1]`);
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (h - lo) * (b - a);
}

/** The median of `values` (mean of the two middle values for an even count); NaN when empty. */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}

/** The largest value; NaN when empty. */
export function max(values: ArrayLike<number>): number {
  let m = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (Number.isNaN(m) || v > m) m = v;
  }
  return m;
}
