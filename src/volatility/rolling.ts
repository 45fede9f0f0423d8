/**
 * O(n) rolling means, sample variances and normalised exponentially weighted means over a fixed window,
 * kept exact to ~1e-12 relative despite cancellation.
 *
 * The running statistics are updated by the sliding form of Welford's recurrence (remove the oldest
 * term, add the newest; B. P. Welford, Technometrics 4 (1962) 419–420, in the add/remove form of
 * T. F. Chan, G. H. Golub, R. J. LeVeque, Am. Stat. 37 (1983) 242–247). Each update's rounding error
 * is at most a few ulps of the magnitudes it touches; the sum of those magnitudes since the last exact
 * computation is tracked, and when it exceeds {@link REANCHOR} × the current value (a large term has
 * left the window, e.g. a crash day, and the remaining statistic is small) the window is recomputed
 * exactly by two passes. Normal data never triggers it, so the cost stays O(n); the bound keeps the
 * relative error below ≈ REANCHOR · 2⁻⁵³ ≈ 1e-12.
 */

/** Recompute exactly when the accumulated update magnitude exceeds this multiple of the value. */
const REANCHOR = 1e4;

/** Rolling window output: entries before index `w − 1` are NaN; entry j covers x[j − w + 1 … j]. */
export interface RollingMoments {
  mean: Float64Array;
  /** Sample variance Σ(x − x̄)²/(w − 1), only when asked for (w ≥ 2). */
  variance: Float64Array | undefined;
}

function exactMean(x: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) s += x[i]!;
  return s / (to - from + 1);
}

function exactM2(x: Float64Array, from: number, to: number, mean: number): number {
  let s = 0;
  for (let i = from; i <= to; i++) {
    const d = x[i]! - mean;
    s += d * d;
  }
  return s;
}

/** Rolling mean (and, with `variance`, the ddof-1 sample variance) of `x` over windows of `w` terms. */
export function rollingMoments(x: Float64Array, w: number, variance: boolean): RollingMoments {
  const m = x.length;
  const meanOut = new Float64Array(m).fill(NaN);
  const varOut = variance ? new Float64Array(m).fill(NaN) : undefined;
  let mean = 0, m2 = 0, errMean = 0, errM2 = 0;
  for (let j = w - 1; j < m; j++) {
    let exact = j === w - 1;
    if (!exact) {
      const xo = x[j - w]!, xn = x[j]!;
      const d = xn - xo;
      const meanNew = mean + d / w;
      errMean += Math.abs(xo) + Math.abs(xn);
      if (variance) {
        const inc = d * (xn - meanNew + xo - mean);
        m2 += inc;
        errM2 += Math.abs(d) * (Math.abs(xn - meanNew) + Math.abs(xo - mean) + 2 * errMean / w);
      }
      mean = meanNew;
      // With a variance the mean's own relative accuracy does not matter (returns have a mean near 0):
      // its error enters errM2. Without one (sums of non-negative terms) the mean itself is the output.
      exact = variance ? errM2 > REANCHOR * m2 || m2 < 0 : errMean > REANCHOR * Math.abs(mean) * w;
    }
    if (exact) {
      mean = exactMean(x, j - w + 1, j);
      if (variance) m2 = exactM2(x, j - w + 1, j, mean);
      errMean = 0;
      errM2 = 0;
    }
    meanOut[j] = mean;
    if (varOut !== undefined) varOut[j] = m2 / (w - 1);
  }
  return { mean: meanOut, variance: varOut };
}

/**
 * Normalised exponentially weighted mean of `q` over the last `w` terms:
 * (1 − λ)/(1 − λ^w) · Σ_{i=0}^{w−1} λ^i q_{j−i} (weights summing to 1). Entries before `w − 1` are NaN.
 * Updated as S_j = λ S_{j−1} + q_j − λ^w q_{j−w}, re-anchored exactly like {@link rollingMoments}.
 */
export function rollingEwma(q: Float64Array, w: number, lambda: number): Float64Array {
  const m = q.length;
  const out = new Float64Array(m).fill(NaN);
  const lw = Math.pow(lambda, w);
  const norm = (1 - lambda) / (1 - lw);
  let s = 0, err = 0;
  for (let j = w - 1; j < m; j++) {
    let exact = j === w - 1;
    if (!exact) {
      const removed = lw * q[j - w]!;
      s = lambda * s + q[j]! - removed;
      err = lambda * err + Math.abs(q[j]!) + Math.abs(removed) + Math.abs(s);
      exact = err > REANCHOR * Math.abs(s) || s < 0;
    }
    if (exact) {
      s = 0;
      for (let i = j - w + 1; i <= j; i++) s = lambda * s + q[i]!;
      err = 0;
    }
    out[j] = norm * s;
  }
  return out;
}
