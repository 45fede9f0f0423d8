// Initial guesses of "Let's Be Rational": rational cubic interpolation and the branch transformations.
//
// Sources:
//   [J15] P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, and its revised text (version of
//         25 March 2016, www.jaeckel.org): the four branches of the initial guess delimited by
//         s_l < s_c = √(2|x|) < s_u (s_l, s_u where the tangent of b(s) at the inflection point s_c meets 0
//         and b_max = e^{x/2}); on the two middle branches s(β) itself is interpolated by a rational cubic
//         with zero second derivative at b_c; on the lowest branch the price is transformed by
//         f_l(s) = (2π|x|/(3√3))·Φ(−|x|/(√3·s))³ (which matches b(s) to leading order as s → 0), f(β) is
//         interpolated on [0, b_l] with f(0) = 0, f'(0) = 1 and the second derivative matched at b_l, and
//         inverted in closed form; on the highest branch f_u(s) = Φ(−s/2) (b_max − b ≈ 2Φ(−s/2) as s → ∞)
//         is interpolated on [b_u, b_max] with f'(b_max) = −1/2 and the second derivative matched at b_u.
//   [DG85] R. Delbourgo, J. A. Gregory, "Shape preserving piecewise rational interpolation", SIAM J. Sci.
//         Stat. Comput. 6 (1985) 967–976: the rational cubic Hermite form with control parameter r
//         (r = 3 is the cubic Hermite polynomial, r → ∞ the straight line).
// The formulas for the end-point second derivatives and the control parameter that fits them, and the
// derivatives of the branch maps, were derived here (see each function). Nothing allocates or throws.
// Φ and φ are evaluated with a single exp (`normCdfFast`, `normPdfFast`: a few ulps times z²): the maps only
// shape the initial guess, whose own error (~1e-2 … 1e-6) dwarfs that.

import { normCdfFastExp, normInv, ONE_OVER_SQRT_TWO_PI } from "../math/normal";

/** 2π/(3√3): the factor of the lowest-branch map f_l(s) = (2π|x|/(3√3))·Φ(−|x|/(√3 s))³ [J15]. */
const TWO_PI_OVER_THREE_SQRT3: f64 = 1.2091995761561452337293855050947;
/** 1/√3. */
const ONE_OVER_SQRT3: f64 = 0.57735026918962576450914878050196;
/** 2π/3. */
const TWO_PI_OVER_THREE: f64 = 2.0943951023931954923084289221863;
/** Smallest control parameter used: the denominator 1 + (r − 3)t(1 − t) stays ≥ (1 + r)/4 > 0 for r > −1. */
const R_MIN: f64 = -0.99999999;
/** Largest control parameter used (beyond, the rational cubic equals the straight line to rounding). */
const R_MAX: f64 = 1e16;

/**
 * Rational cubic Hermite interpolant [DG85] on [xl, xr] through (xl, yl), (xr, yr) with slopes dl, dr and
 * control parameter r: with h = xr − xl and t = (x − xl)/h,
 *   y = [yr t³ + (r·yr − h·dr) t²(1−t) + (r·yl + h·dl) t(1−t)² + yl (1−t)³] / [1 + (r − 3) t(1−t)].
 * Returns the straight line when r ≥ R_MAX, and yl when h ≤ 0 (degenerate interval).
 */
export function rationalCubic(x: f64, xl: f64, xr: f64, yl: f64, yr: f64, dl: f64, dr: f64, r: f64): f64 {
  const h = xr - xl;
  if (!(h > 0.0)) return yl;
  const t = (x - xl) / h;
  const u = 1.0 - t;
  if (!(r < R_MAX)) return yr * t + yl * u;
  const tu = t * u;
  const num = yr * t * t * t + (r * yr - h * dr) * t * tu + (r * yl + h * dl) * tu * u + yl * u * u * u;
  return num / (1.0 + (r - 3.0) * tu);
}

/**
 * Control parameter r of `rationalCubic` such that its second derivative at the left end equals d2l.
 * Derivation (here): expanding numerator and denominator to O(t²) at t = 0 gives
 *   y''(xl) = 2·[r·(Δ − dl) + (dl − dr)]/h,  Δ = (yr − yl)/h,   so   r = (h·d2l/2 + dr − dl)/(Δ − dl).
 * With `preserveShape`, for convex or concave data ((Δ − dl)(dr − Δ) > 0) r is raised to the smallest value
 * for which both end second derivatives have the sign of the data's curvature: r ≥ (dr − dl)/(Δ − dl) and
 * r ≥ (dr − dl)/(dr − Δ). The result is clamped to [R_MIN, R_MAX].
 */
export function controlParameterLeft(xl: f64, xr: f64, yl: f64, yr: f64, dl: f64, dr: f64, d2l: f64, preserveShape: bool): f64 {
  const h = xr - xl;
  const delta = (yr - yl) / h;
  const num = 0.5 * h * d2l + (dr - dl);
  const den = delta - dl;
  return clampControl(num / den, delta, dl, dr, preserveShape);
}

/**
 * Control parameter r of `rationalCubic` such that its second derivative at the right end equals d2r.
 * By the reflection x → −x of the left-end formula: y''(xr) = 2·[r·(dr − Δ) − (dr − dl)]/h, so
 *   r = (h·d2r/2 + dr − dl)/(dr − Δ).  Shape preservation and clamping as in `controlParameterLeft`.
 */
export function controlParameterRight(xl: f64, xr: f64, yl: f64, yr: f64, dl: f64, dr: f64, d2r: f64, preserveShape: bool): f64 {
  const h = xr - xl;
  const delta = (yr - yl) / h;
  const num = 0.5 * h * d2r + (dr - dl);
  const den = dr - delta;
  return clampControl(num / den, delta, dl, dr, preserveShape);
}

function clampControl(r: f64, delta: f64, dl: f64, dr: f64, preserveShape: bool): f64 {
  if (preserveShape) {
    const a = delta - dl;
    const b = dr - delta;
    if (a * b > 0.0) {
      const r1 = (dr - dl) / a;
      const r2 = (dr - dl) / b;
      const rMin = r1 > r2 ? r1 : r2;
      if (!(r >= rMin)) r = rMin; // also replaces NaN
    }
  }
  if (!(r > R_MIN)) r = isNaN(r) ? R_MAX : R_MIN;
  return r < R_MAX ? r : R_MAX;
}

// ---------------------------------------------------------------------------------------------------
// Lowest branch: f_l(s) = (2π|x|/(3√3))·Φ(z)³, z = −|x|/(√3·s)  [J15]

/** Φ(z) of the last `lowerMap` call. */
let lowerPhiZ: f64 = 0.0;
/** z of the last `lowerMap` call. */
let lowerZ: f64 = 0.0;
/** φ(z) of the last `lowerMap` call. */
let lowerPdfZ: f64 = 0.0;

/**
 * f_l(s) for ax = |x| > 0 and s > 0 (dimensionless). Leading-order match: f_l(s) ~ b(x, s) as s → 0
 * (both are s³/x²·φ(x/s)·(1 + O(s²/x²))). Stores z, Φ(z) and φ(z) for the derivatives below.
 */
export function lowerMap(ax: f64, s: f64): f64 {
  const z = -ONE_OVER_SQRT3 * ax / s;
  // one exp(−z²/2) for Φ(z) and φ(z): bit-identical to normCdfFast(z) and normPdfFast(z)
  const e = Math.abs(z) > 38.5 ? 0.0 : Math.exp(-0.5 * z * z);
  const p = normCdfFastExp(z, e);
  lowerZ = z;
  lowerPhiZ = p;
  lowerPdfZ = ONE_OVER_SQRT_TWO_PI * e;
  return TWO_PI_OVER_THREE_SQRT3 * ax * p * p * p;
}

/**
 * df_l/ds at the s of the last `lowerMap` call (derived here): with dz/ds = −z/s,
 * df_l/ds = (2π x²/(3 s²))·Φ(z)²·φ(z).
 */
export function lowerMapDs(ax: f64, s: f64): f64 {
  const p = lowerPhiZ;
  return TWO_PI_OVER_THREE * (ax / s) * (ax / s) * p * p * lowerPdfZ;
}

/**
 * (d²f_l/ds²)/(df_l/ds) at the s of the last `lowerMap` call (derived here):
 * = (z² − 2 − 2zφ(z)/Φ(z))/s.
 */
export function lowerMapCurvature(s: f64): f64 {
  const z = lowerZ;
  return (z * z - 2.0 - 2.0 * z * (lowerPdfZ / lowerPhiZ)) / s;
}

/**
 * Inverse of f_l: s = |x|/(√3·(−Φ⁻¹(c))) with c = (3√3·f/(2π|x|))^{1/3} ∈ (0, 1/2) for 0 < f < f_l(∞).
 * Returns 0 when f ≤ 0 (and NaN when the argument leaves the range).
 */
export function inverseLowerMap(ax: f64, f: f64): f64 {
  if (!(f > 0.0)) return 0.0;
  const c = Math.cbrt(f / (TWO_PI_OVER_THREE_SQRT3 * ax));
  return ONE_OVER_SQRT3 * ax / -normInv(c);
}

// ---------------------------------------------------------------------------------------------------
// Highest branch: f_u(s) = Φ(−s/2)  [J15]

/** φ(s/2) of the last `upperMap` call. */
let upperPdf: f64 = 0.0;

/** f_u(s) = Φ(−s/2); keeps φ(s/2) for `upperMapDs` (one exp for both, bit-identical to normCdfFast/normPdfFast). */
export function upperMap(s: f64): f64 {
  const z = 0.5 * s;
  const e = Math.abs(z) > 38.5 ? 0.0 : Math.exp(-0.5 * z * z);
  upperPdf = ONE_OVER_SQRT_TWO_PI * e;
  return normCdfFastExp(-z, e);
}

/** df_u/ds = −φ(s/2)/2 at the s of the last `upperMap` call. */
export function upperMapDs(s: f64): f64 {
  return -0.5 * upperPdf;
}

/** (d²f_u/ds²)/(df_u/ds) = −s/4 (since d²f_u/ds² = (s/8)·φ(s/2)). */
export function upperMapCurvature(s: f64): f64 {
  return -0.25 * s;
}

/** Inverse of f_u: s = −2·Φ⁻¹(f) for 0 < f < 1/2. */
export function inverseUpperMap(f: f64): f64 {
  return -2.0 * normInv(f);
}
