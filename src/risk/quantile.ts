/**
 * Quantile rules, named so results can be reproduced elsewhere.
 *
 * - {@link interpolatedQuantile}: linear interpolation between order statistics, Hyndman & Fan (1996,
 *   Am. Stat. 50(4) 361–365) definition 7 — numpy's and R's default: h = (n − 1)p, Q = x₍⌊h⌋₎ +
 *   (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎) on the ascending sample (0-based). Used for volatility cones.
 * - {@link lowerQuantileIndex}: the lower α-quantile of a weighted empirical distribution, the smallest
 *   sample value ℓ with F(ℓ) ≥ α (Rockafellar & Uryasev 2002, J. Banking & Finance 26, 1443–1471, the
 *   α-VaR of a discrete distribution). Used for historical VaR / CVaR.
 */

/** Hyndman–Fan definition 7 quantile of an ascending `sorted` sample at probability p ∈ [0, 1]. */
export function interpolatedQuantile(sorted: Float64Array, p: number): number {
  const n = sorted.length;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1]!;
  const frac = h - lo;
  const a = sorted[lo]!;
  return frac === 0 ? a : a + frac * (sorted[lo + 1]! - a);
}

/**
 * Relative tolerance on cumulative probabilities: F(ℓ) within TOL·α of α counts as reaching α, so that
 * e.g. equal weights 1/5 summed four times (0.8000000000000002 or 0.7999999999999999) reach α = 0.8.
 */
export const CUMULATIVE_TOL = 1e-12;

/**
 * Position k (0-based, in the ascending order `order` of `values`) of the lower α-quantile: the first
 * k whose cumulative weight F = Σ_{i ≤ k} w_(i) satisfies F ≥ α(1 − {@link CUMULATIVE_TOL}).
 * `weights` must be normalised to sum to 1, or be undefined for equal weights 1/n (then F = (k+1)/n
 * exactly, compared as k + 1 ≥ αn).
 * @returns k and F(ℓ_k) (the exact (k+1)/n with equal weights).
 */
export function lowerQuantileIndex(order: Uint32Array, weights: Float64Array | undefined, alpha: number): { k: number; cumulative: number } {
  const n = order.length;
  if (weights === undefined) return equalWeightQuantileIndex(n, alpha);
  let f = 0;
  const target = alpha * (1 - CUMULATIVE_TOL);
  for (let k = 0; k < n; k++) {
    f += weights[order[k]!]!;
    if (f >= target) return { k, cumulative: Math.min(f, 1) };
  }
  return { k: n - 1, cumulative: 1 };
}

/** {@link lowerQuantileIndex} for n equal weights 1/n: k + 1 = ⌈αn(1 − TOL)⌉ clamped to [1, n], F = (k + 1)/n. */
export function equalWeightQuantileIndex(n: number, alpha: number): { k: number; cumulative: number } {
  const target = alpha * n * (1 - CUMULATIVE_TOL);
  const k = Math.min(Math.max(Math.ceil(target) - 1, 0), n - 1);
  return { k, cumulative: (k + 1) / n };
}

/** Indices 0…n−1 sorted by ascending `values` (ties by index, so the order is deterministic). */
export function ascendingOrder(values: Float64Array): Uint32Array {
  const idx = new Uint32Array(values.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => values[a]! - values[b]! || a - b);
}
