/**
 * Standard normal density, distribution and quantile functions for the reference implementation.
 *
 * The distribution function deliberately uses different methods from the WASM kernels (which use
 * Cody's rational Chebyshev approximations, ACM Algorithm 715), so that the reference is an
 * independent check: Hart's double-precision approximation (J. F. Hart et al., "Computer
 * Approximations", Wiley 1968, algorithm 5666) in the form given as Figure 2 of G. West, "Better
 * approximations to cumulative normal functions", Wilmott Magazine, May 2005, pp. 70–76, in the
 * centre, and Laplace's continued fraction for the Mills ratio in the tails. Relative error of the
 * lower tail ≲ 5e-16 from 0 to N(−37) (checked against mpmath at 50 digits).
 */

/** √(2π). */
const SQRT_2PI = 2.5066282746310002;
/** 1/√(2π). */
const INV_SQRT_2PI = 0.3989422804014327;


/** Below this |x| the Hart rational approximation is used, from it on the continued fraction. */
const TAIL_SPLIT = 1.5;
/** Depth of the backward continued-fraction evaluation: converged to < 1e-16 for |x| ≥ 1.5. */
const CF_DEPTH = 300;

/**
 * e^{−x²/2} without the rounding error of forming x² in floating point: x = h + l with h a multiple of
 * 1/16 (so h² is exact), e^{−x²/2} = e^{−h²/2}·e^{−l(x+h)/2}. Keeps the tail's relative error near
 * 1e-16 up to |x| = 37 (plain `Math.exp(-x*x/2)` loses up to x²·2^{−53} relatively).
 */
function expHalfSquareNeg(x: number): number {
  const h = Math.trunc(x * 16) / 16;
  const l = x - h;
  return Math.exp(-0.5 * h * h) * Math.exp(-0.5 * l * (x + h));
}

/**
 * Standard normal density φ(x) = e^{−x²/2}/√(2π), with e^{−x²/2} formed without the rounding error of x².
 * @param x any number; ±Infinity gives 0, NaN gives NaN.
 * @returns φ(x) ≥ 0.
 */
export function normPdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  if (z > 40) return 0; // φ(40) ≈ 1e-348 underflows anyway
  return INV_SQRT_2PI * expHalfSquareNeg(z);
}

/**
 * Standard normal distribution function N(x) = P(Z ≤ x), Z ~ N(0, 1).
 *
 * Method, on the lower tail N(−z), z = |x|:
 * - z < 1.5: Hart (1968) algorithm 5666 as written by West (2005, Figure 2): a ratio of a degree-6
 *   and a degree-7 polynomial in z times e^{−z²/2}. Its error is below 6e-16 relative here (Hart’s
 *   own continued-fraction branch and the rational branch lose relative accuracy further out in
 *   the tail — up to ~1e-8 near z = 7.8 — so they are not used).
 * - z ≥ 1.5: Laplace's continued fraction for the Mills ratio (Abramowitz & Stegun 26.2.14),
 *   N(−z) = φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), evaluated backwards from depth 300
 *   (converged to < 1e-16 relative for z ≥ 1.5; checked against mpmath at 50 digits).
 * - z > 38.5: the tail underflows to 0 (N(−38.5) ≈ 1e-324).
 * N(x) for x > 0 is 1 − N(−x).
 * @param x any number; ±Infinity gives 1 or 0, NaN gives NaN.
 * @returns N(x) in [0, 1].
 */
export function normCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  let tail: number; // N(−z)
  if (z < TAIL_SPLIT) {
    const num = ((((((0.0352624965998911 * z + 0.700383064443688) * z + 6.37396220353165) * z
      + 33.912866078383) * z + 112.079291497871) * z + 221.213596169931) * z + 220.206867912376);
    const den = (((((((0.0883883476483184 * z + 1.75566716318264) * z + 16.064177579207) * z
      + 86.7807322029461) * z + 296.564248779674) * z + 637.333633378831) * z + 793.826512519948) * z
      + 440.413735824752);
    tail = (expHalfSquareNeg(z) * num) / den;
  } else if (z <= 38.5) {
    let cf = z;
    for (let k = CF_DEPTH; k >= 1; k--) cf = z + k / cf;
    tail = (INV_SQRT_2PI * expHalfSquareNeg(z)) / cf;
  } else {
    tail = 0;
  }
  return x > 0 ? 1 - tail : tail;
}

/**
 * Inverse of the standard normal distribution function: the x with N(x) = p.
 *
 * Method: P. J. Acklam's rational approximation (2003, relative error < 1.15e-9; described in
 * "An algorithm for computing the inverse normal cumulative distribution function", web note),
 * followed by one step of Halley's method on N(x) − p using {@link normCdf}, which brings the result
 * to about full double precision. For p > 0.5 the symmetry x(p) = −x(1 − p) is used (1 − p is exact
 * there), so both tails keep their relative precision.
 * @param p a probability; 0 gives −Infinity, 1 gives +Infinity, outside [0, 1] or NaN gives NaN.
 * @returns the quantile x.
 */
export function normInv(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normInv(1 - p);

  let x: number;
  if (p < 0.02425) {
    // Lower tail.
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((-0.007784894002430293 * q - 0.3223964580411365) * q - 2.400758277161838) * q
      - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783)
      / ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q
        + 3.754408661907416) * q + 1);
  } else {
    // Central region.
    const q = p - 0.5;
    const r = q * q;
    x = (((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r
      + 138.357751867269) * r - 30.66479806614716) * r + 2.506628277459239) * q
      / (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r
        + 66.80131188771972) * r - 13.28068155288572) * r + 1);
  }

  // One Halley step: u = (N(x) − p)/φ(x); x ← x − u/(1 + x·u/2).
  if (Number.isFinite(x)) {
    const u = (normCdf(x) - p) * SQRT_2PI * Math.exp(0.5 * x * x);
    x = x - u / (1 + 0.5 * x * u);
  }
  return x;
}
