// A venue known only by its slippage profile ("depth curve"): n points (sizes[i], impacts[i]) with sizes
// ascending and > 0 (units of the asset sold) and impacts[i] the all-in price-impact fraction, in [0, 1),
// of selling sizes[i] at once. amountOut = size · spotPrice · (1 − impact(size)).
//
// Between points: piecewise-linear interpolation of impact in size, through (0, 0).
// Beyond the last point (s_n, p_n): the impact of a virtual constant-product pool (x·y = k, no fee) that
// has exactly impact p_n at s_n. For such a pool 1 − impact(s) = R / (R + s) (UniswapV2Library.getAmountOut
// with fee 0, amountOut / (s · spot)), so R = s_n (1 − p_n) / p_n and
//     impact(s) = s / (R + s)                                   (s > s_n, p_n > 0),
// which equals p_n at s_n (continuous), is increasing in s (monotone) and stays < 1 (bounded); the output
// size·spot·R/(R+s) keeps increasing towards spot·R, so selling more never returns less beyond the table.
// Chosen over linear extrapolation (which reaches 1 at a finite size and so needs a cap, with an output
// that then falls) and over a constant elasticity of 1 − impact (whose output falls once the elasticity
// exceeds 1). With p_n = 0 the profile shows no impact and the extrapolation stays 0.
//
// Beyond the last point the retained fraction 1 − impact = R/(R + s) is computed directly by
// depthCurveKeep: 1 − s/(R + s) cancels once s ≫ R (s = 1e16, R = 900 returned proceeds above the
// ceiling spot·R; s ≥ 1e19·R returned 0). Callers that need the proceeds use depthCurveKeep.
//
// Monotone whenever impacts are non-decreasing (the facade checks the table). Inputs are not checked
// here beyond n ≥ 1 and size ≥ 0 (NaN otherwise); the kernel never traps.

/**
 * Price-impact fraction for selling `size` on a venue given as a slippage profile.
 * `sizes`, `impacts`: pointers to n f64 each (sizes ascending, > 0; impacts non-decreasing in [0, 1)).
 * Returns impact in [0, 1): 0 at size 0, linear between points, constant-product beyond the last
 * point (see the file comment). NaN if n < 1 or size is negative or NaN.
 */
export function depthCurveImpact(sizes: usize, impacts: usize, n: i32, size: f64): f64 {
  return depthCurveCurve(sizes, impacts, n, size, false);
}

/**
 * Retained fraction 1 − impact for selling `size` (same profile as {@link depthCurveImpact}): 1 at size 0,
 * 1 − (linear impact) between points, R/(R + size) computed directly beyond the last point (no cancellation:
 * proceeds size·spot·keep stay below spot·R and increasing). NaN if n < 1 or size is negative or NaN.
 */
export function depthCurveKeep(sizes: usize, impacts: usize, n: i32, size: f64): f64 {
  return depthCurveCurve(sizes, impacts, n, size, true);
}

// Impact (keep = false) or retained fraction (keep = true); within the table keep is exactly 1.0 − impact.
// @ts-ignore: decorator
@inline
function depthCurveCurve(sizes: usize, impacts: usize, n: i32, size: f64, keep: bool): f64 {
  if (n < 1 || !(size >= 0.0)) return NaN;
  if (size == 0.0) return keep ? 1.0 : 0.0;
  const last = <usize>(n - 1) << 3;
  const sLast = load<f64>(sizes + last);
  if (size >= sLast) {
    const pLast = load<f64>(impacts + last);
    if (size == sLast) return keep ? 1.0 - pLast : pLast;
    if (pLast <= 0.0) return keep ? 1.0 : 0.0;
    const r = sLast * (1.0 - pLast) / pLast;
    return keep ? r / (r + size) : size / (r + size);
  }
  // First index hi with sizes[hi] > size (exists: size < sLast); lower bracket is hi − 1 or the origin.
  let lo: i32 = 0;
  let hi: i32 = n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<f64>(sizes + (<usize>mid << 3)) > size) hi = mid;
    else lo = mid + 1;
  }
  const s1 = load<f64>(sizes + (<usize>hi << 3));
  const p1 = load<f64>(impacts + (<usize>hi << 3));
  let s0 = 0.0;
  let p0 = 0.0;
  if (hi > 0) {
    s0 = load<f64>(sizes + (<usize>(hi - 1) << 3));
    p0 = load<f64>(impacts + (<usize>(hi - 1) << 3));
  }
  const impact = p0 + (p1 - p0) * ((size - s0) / (s1 - s0));
  return keep ? 1.0 - impact : impact;
}
