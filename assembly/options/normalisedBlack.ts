// The normalised Black function b(x, s) and its s-derivative.
//
// Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, §2–3: the normalised Black call
// b(x, s) = e^{x/2}·Φ(x/s + s/2) − e^{−x/2}·Φ(x/s − s/2), x = ln(F/K), s = σ√T; reduction to x ≤ 0 by
// put–call parity; the four evaluation regions (asymptotic expansion for very negative h = x/s,
// small-t Taylor expansion, the plain Φ difference, and the scaled form with Y = Φ/φ = √(π/2)·erfcx(−·/√2));
// region thresholds h < −10, t < 2·ε^{1/16} ≈ 0.21 and h + t > 0.85 as in that paper.
// The expansions below were derived here from the ODE Y'(z) = 1 + z·Y(z) (see each function).
// Units: x, s, b are dimensionless; the undiscounted call price is √(F·K)·b(x, s).

import { twoSum, twoProd, twoSquare, eftLo } from "../math/eft";
import {
  normCdf, normMills, normMillsDerivative, ONE_OVER_SQRT_TWO_PI,
} from "../math/normal";

/** Asymptotic-expansion region: h < −10 and h + t < −10 + T_SMALL (Jäckel 2015, §3). */
const H_ASYMPTOTIC: f64 = -10.0;
/** Small-t region: t = s/2 < 2·ε^{1/16} ≈ 0.2103 (Jäckel 2015, §3). */
const T_SMALL: f64 = 0.21;
/** Plain Φ-difference region: h + t > 0.85 (Jäckel 2015, §3). */
const U_CDF: f64 = 0.85;
/** Below h + t = −38.5, b < Φ(h + t) underflows: b = 0. */
const U_ZERO: f64 = -38.5;

/** Whether the last `normalisedBlackOtm` call used the plain Φ-difference region (then cdfU, cdfV are set). */
export let cdfRegion: bool = false;
/** Φ(h + t) of the last `normalisedBlackOtm` call in the Φ-difference region. */
export let cdfU: f64 = 0.0;
/** Φ(h − t) of the last `normalisedBlackOtm` call in the Φ-difference region. */
export let cdfV: f64 = 0.0;

/**
 * exp(−(h² + t²)/2) as computed by the last `normalisedBlackOtm` call outside the Φ-difference region, or
 * −1 when that call did not compute it (Φ-difference region, or b underflowed to 0). It is √(2π)·∂b/∂s,
 * so an implied-vol solver can reuse it instead of calling `expHalfSumSquares` again.
 */
export let lastExpFactor: f64 = -1.0;

/** Low part of the double-double result of `ratioDD`. */
export let ratioLo: f64 = 0.0;

/**
 * Double-double quotient (xh + xl)/(sh + sl): returns the high part, stores the low part in `ratioLo`.
 * Exact-residual division (Dekker 1971). Inputs finite with sh > 0 and |xh/sh| < 2^900.
 */
export function ratioDD(xh: f64, xl: f64, sh: f64, sl: f64): f64 {
  const q = xh / sh;
  const p = twoProd(q, sh);
  const pl = eftLo;
  ratioLo = (((xh - p) - pl) + xl - q * sl) / sh;
  return q;
}

/**
 * exp(−(h² + t²)/2) with h = hh + hl and t = th + tl, the exponent formed in double-double so that the
 * result keeps a few-ulp relative accuracy even when (h² + t²)/2 is several hundred. Inputs dimensionless
 * with |hh|, |th| < 1e150; output in [0, 1]. This is √(2π)·(∂b/∂s) (the normalised vega), since
 * ∂b/∂s = φ(h + t)·e^{x/2} = exp(−(h² + t²)/2)/√(2π).
 */
export function expHalfSumSquares(hh: f64, hl: f64, th: f64, tl: f64): f64 {
  const h2 = twoSquare(hh);
  const h2l = eftLo + 2.0 * hh * hl;
  const t2 = twoSquare(th);
  const t2l = eftLo + 2.0 * th * tl;
  const sum = twoSum(h2, t2);
  const sl = eftLo + h2l + t2l;
  return Math.exp(-0.5 * sum) * (1.0 - 0.5 * sl);
}

/**
 * Region "asymptotic" (h < −10, h + t < −9.79): b = φ-factor · (2t/r) · S with r = h² − t² = (h+t)(h−t)
 * and S = Σ_k (−1)^k (2k−1)!! q^k f_{2k+1}, q = h²/r², f_m = Σ_{j odd} C(m, j) e^{(j−1)/2}, e = t²/h².
 * Derivation: Y(z) ~ −Σ_k (−1)^k (2k−1)!!/z^{2k+1} for z → −∞ (Jäckel 2015 eq. (3.2)); Y(h+t) − Y(h−t)
 * expanded term by term with the binomial theorem, which gives only positive terms in e. f_m obeys
 * f_m = 2 f_{m−1} − (1 − e) f_{m−2}, with 1 − e = r/h² formed without cancellation. The sum is stopped
 * at its smallest term (the series is asymptotic; at |h + t| ≥ 9.79 the smallest term is < 1e-17).
 * Returns 2t/r · S (multiply by exp(−(h²+t²)/2)/√(2π)).
 */
function asymptoticFactor(h: f64, t: f64, r: f64): f64 {
  const h2 = h * h;
  const q = h2 / (r * r);
  const oneMinusE = r / h2;
  let fPrev: f64 = 1.0; // f_1
  let fPrev2: f64 = 0.0; // f_0
  let coef: f64 = 1.0; // (−1)^k (2k−1)!! q^k
  let sum: f64 = 1.0; // k = 0 term: f_1 = 1
  let lastAbs: f64 = 1.0;
  // k = 1 … 63 with oddK = 2k − 1. A do-while, so that the loop body is the loop header (V8's scheduler
  // then keeps the loop-invariant divisions q and 1 − e in front of the loop instead of in the body).
  let oddK: f64 = 1.0;
  do {
    // advance f twice: f_{2k} and f_{2k+1}
    const f2k = 2.0 * fPrev - oneMinusE * fPrev2;
    const f2k1 = 2.0 * f2k - oneMinusE * fPrev;
    fPrev2 = f2k;
    fPrev = f2k1;
    coef *= -oddK * q;
    const term = coef * f2k1;
    const a = Math.abs(term);
    if (a > lastAbs) break; // divergence of the asymptotic series: stop at the smallest term
    sum += term;
    if (a <= 1e-17 * Math.abs(sum)) break;
    lastAbs = a;
    oddK += 2.0;
  } while (oddK < 127.0);
  return 2.0 * t / r * sum;
}

// Coefficients t_k(h) of the small-t series below: Y^{(2k+1)}(h)/(2k+1)! = t_k, written as
// (C_k(g) + R_k(g)·a)/(2k+1)! with g = h², a = Y'(h) (exact integer polynomials, derived from Y' = 1 + hY).
// @ts-ignore: decorator
@inline function smallT1(g: f64, a: f64): f64 { return (-1.0 + (3.0 + g) * a) * (1.0 / 6.0); }
// @ts-ignore: decorator
@inline function smallT2(g: f64, a: f64): f64 {
  return ((-7.0 - g) + (15.0 + (10.0 + g) * g) * a) * (1.0 / 120.0);
}
// @ts-ignore: decorator
@inline function smallT3(g: f64, a: f64): f64 {
  return ((-57.0 + (-18.0 - g) * g) + (105.0 + (105.0 + (21.0 + g) * g) * g) * a) * (1.0 / 5040.0);
}
// @ts-ignore: decorator
@inline function smallT4(g: f64, a: f64): f64 {
  return ((-561.0 + (-285.0 + (-33.0 - g) * g) * g) +
    (945.0 + (1260.0 + (378.0 + (36.0 + g) * g) * g) * g) * a) * (1.0 / 362880.0);
}
// @ts-ignore: decorator
@inline function smallT5(g: f64, a: f64): f64 {
  return ((-6555.0 + (-4680.0 + (-840.0 + (-52.0 - g) * g) * g) * g) +
    (10395.0 + (17325.0 + (6930.0 + (990.0 + (55.0 + g) * g) * g) * g) * g) * a) * (1.0 / 39916800.0);
}
// @ts-ignore: decorator
@inline function smallT6(g: f64, a: f64): f64 {
  return ((-89055.0 + (-82845.0 + (-20370.0 + (-1926.0 + (-75.0 - g) * g) * g) * g) * g) +
    (135135.0 + (270270.0 + (135135.0 + (25740.0 + (2145.0 + (78.0 + g) * g) * g) * g) * g) * g) * a) *
    (1.0 / 6227020800.0);
}
// @ts-ignore: decorator
@inline function smallT7(g: f64, a: f64): f64 {
  return ((-1381905.0 + (-1595790.0 + (-501795.0 + (-64260.0 + (-3795.0 + (-102.0 - g) * g) * g) * g) * g) * g) +
    (2027025.0 + (4729725.0 + (2837835.0 + (675675.0 + (75075.0 + (4095.0 + (105.0 + g) * g) * g) * g) * g) * g) * g) * a) *
    (1.0 / 1307674368000.0);
}
// @ts-ignore: decorator
@inline function smallT8(g: f64, a: f64): f64 {
  return ((-24137505.0 + (-33453945.0 + (-12873735.0 + (-2089395.0 + (-166155.0 + (-6747.0 + (-133.0 - g) * g) * g) * g) * g) * g) * g) +
    (34459425.0 + (91891800.0 + (64324260.0 + (18378360.0 + (2552550.0 + (185640.0 + (7140.0 + (136.0 + g) * g) * g) * g) * g) * g) * g) * g) * a) *
    (1.0 / 355687428096000.0);
}

/**
 * Region "small t" (t < 0.21): Y(h+t) − Y(h−t) = 2 Σ_{k≥0} t^{2k+1}/(2k+1)! · Y^{(2k+1)}(h), truncated after
 * t^{17} at most (fewer terms for smaller t, see below). From Y' = 1 + hY: Y^{(n)} = P_n(h) + Q_n(h)·Y with P_{n+1} = P_n' + Q_n, Q_{n+1} = Q_n' + h·Q_n;
 * for odd n, Y^{(n)} = C_n(h²) + R_n(h²)·a with a = Y'(h) (polynomials derived here by exact integer
 * arithmetic; cf. Jäckel 2015 eq. (3.6) for the first terms). Inputs h ≤ 0 (≥ −10.21), t ∈ (0, 0.21).
 * Returns (Y(h+t) − Y(h−t)) (multiply by exp(−(h²+t²)/2)/√(2π)).
 * The number of terms depends on t: with K terms (k < K) the omitted ones sum to less than 2^-57 of the
 * series for every h ∈ [−10.21, 0] when t is below 0.0168 (K = 4), 0.0485 (K = 5), 0.0994 (K = 6),
 * 0.168 (K = 7) (bounds computed here at 50 digits on a grid of 401 h values; the thresholds used
 * below keep a margin of ≥ 7%); for t ≥ 0.15 all nine terms are kept.
 */
function smallTFactor(h: f64, t: f64): f64 {
  const a = normMillsDerivative(h);
  const g = h * h;
  const w = t * t;
  let series: f64;
  if (t < 0.045) {
    if (t < 0.0155) {
      series = a + w * (smallT1(g, a) + w * (smallT2(g, a) + w * smallT3(g, a)));
    } else {
      series = a + w * (smallT1(g, a) + w * (smallT2(g, a) + w * (smallT3(g, a) + w * smallT4(g, a))));
    }
  } else if (t < 0.092) {
    series = a + w * (smallT1(g, a) + w * (smallT2(g, a) + w * (smallT3(g, a) + w * (smallT4(g, a) +
      w * smallT5(g, a)))));
  } else if (t < 0.15) {
    series = a + w * (smallT1(g, a) + w * (smallT2(g, a) + w * (smallT3(g, a) + w * (smallT4(g, a) +
      w * (smallT5(g, a) + w * smallT6(g, a))))));
  } else {
    series = a + w * (smallT1(g, a) + w * (smallT2(g, a) + w * (smallT3(g, a) + w * (smallT4(g, a) +
      w * (smallT5(g, a) + w * (smallT6(g, a) + w * (smallT7(g, a) + w * smallT8(g, a))))))));
  }
  return 2.0 * t * series;
}

/**
 * Normalised Black call for out-of-the-money (or at-the-money) x ≤ 0:
 * b(x, s) = e^{x/2}Φ(h + t) − e^{−x/2}Φ(h − t), h = x/s, t = s/2, all given in double-double
 * (x = xh + xl, h = hh + hl, t = th + tl), following Jäckel (2015) §3 region by region so that the
 * difference is never formed with cancellation. Relative error ≤ ~1e-13 whenever b ≥ 1e-300; b ≥ 0 always;
 * returns 0 once Φ(h + t) underflows. Inputs: xh ≤ 0, th > 0 finite, hh = xh/(2·th) up to rounding.
 * Output: dimensionless b ∈ [0, e^{x/2}).
 * `ex`: e^{x/2} (to double precision, e.g. exp(xh/2)·(1 + xl/2)) when the caller has it (the implied-vol
 * solver: b_max), else any value ≤ 0. With it, the Φ-difference region takes e^{x/2} and e^{−x/2} = 1/e^{x/2}
 * from it instead of an exponential. (Not used in the scaled region: there the common factor
 * exp(−(h² + t²)/2) multiplies the difference Y(u) − Y(v) after it is formed, so its rounding is not
 * amplified by the cancellation; e^{x/2}·Φ(u) − exp(−(h² + t²)/2)·Y(v)/√(2π) would amplify two independent
 * roundings — measured: more implied vols off by > 1e-15.)
 */
export function normalisedBlackOtmEx(
  xh: f64, xl: f64, hh: f64, hl: f64, th: f64, tl: f64, ex: f64,
): f64 {
  let uh = hh + th;
  cdfRegion = false;
  lastExpFactor = -1.0;
  if (!(uh >= U_ZERO)) return 0.0;
  // u = h + t and v = h − t in double-double
  let u1 = twoSum(hh, th);
  let ul = eftLo + (hl + tl);
  uh = u1 + ul;
  ul = ul - (uh - u1);
  let v1 = twoSum(hh, -th);
  let vl = eftLo + (hl - tl);
  const vh = v1 + vl;
  vl = vl - (vh - v1);

  if (uh > U_CDF) {
    // plain difference of Φ; the subtracted term is at most 1/4 of the first one here. The low parts
    // ul, vl change Φ by less than half an ulp of b in this region and are not applied.
    let emx: f64;
    if (ex > 0.0) {
      emx = 1.0 / ex;
    } else {
      const e0 = Math.exp(0.5 * xh);
      ex = e0 * (1.0 + 0.5 * xl);
      emx = (1.0 / e0) * (1.0 - 0.5 * xl);
    }
    const nu = normCdf(uh);
    const nv = normCdf(vh);
    cdfRegion = true;
    cdfU = nu;
    cdfV = nv;
    const b = ex * nu - emx * nv;
    return b > 0.0 ? b : 0.0;
  }
  cdfRegion = false;
  const e = expHalfSumSquares(hh, hl, th, tl);
  lastExpFactor = e;
  let f: f64;
  if (hh < H_ASYMPTOTIC && uh < H_ASYMPTOTIC + T_SMALL) {
    f = asymptoticFactor(hh, th, uh * vh);
  } else if (th < T_SMALL) {
    f = smallTFactor(hh, th);
  } else {
    const yu = normMills(uh);
    const yv = normMills(vh);
    f = (yu + (1.0 + uh * yu) * ul) - (yv + (1.0 + vh * yv) * vl);
  }
  const b = ONE_OVER_SQRT_TWO_PI * e * f;
  return b > 0.0 ? b : 0.0;
}

/** `normalisedBlackOtmEx` without e^{x/2} (the six-argument form; a wrapper, no trampoline). */
// @ts-ignore: decorator
@inline
export function normalisedBlackOtm(xh: f64, xl: f64, hh: f64, hl: f64, th: f64, tl: f64): f64 {
  return normalisedBlackOtmEx(xh, xl, hh, hl, th, tl, -1.0);
}

/**
 * Complement of the normalised out-of-the-money call: e^{x/2} − b(x, s) for x ≤ 0, evaluated without
 * cancellation where b is close to its supremum e^{x/2} (the upper branch of the implied-vol objective in
 * Jäckel, "Let's Be Rational", revised 2016 text: ln((b_max − β)/(b_max − b(s))) needs b_max − b(s) to
 * full relative precision). Derivation (here): e^{x/2} − b = e^{x/2}Φ(−u) + e^{−x/2}Φ(v), u = h + t,
 * v = h − t, and since e^{x/2}φ(u) = e^{−x/2}φ(v) = exp(−(h² + t²)/2)/√(2π),
 *   e^{x/2} − b = exp(−(h² + t²)/2)/√(2π) · (Y(−u) + Y(v)),   Y = Φ/φ (Mills ratio, ../math/normal.ts),
 * a sum of two positive terms with no exponential overflow. Used for u > 0 (s above the inflection point
 * √(2|x|), where −u, v < 0 and Y needs at most one exp); for u ≤ 0, b ≤ e^{x/2}/2 and the plain
 * difference is exact to rounding. The low parts of u, v enter to first order (Y' = 1 + zY).
 * Inputs as `normalisedBlackOtm`; `e` = expHalfSumSquares(hh, hl, th, tl) (passed to avoid recomputing it;
 * any negative value to have it computed here). Output in (0, e^{x/2}].
 */
export function normalisedBlackComplementOtm(
  xh: f64, xl: f64, hh: f64, hl: f64, th: f64, tl: f64, e: f64,
): f64 {
  const u1 = twoSum(hh, th);
  let ul = eftLo + (hl + tl);
  const uh = u1 + ul;
  ul = ul - (uh - u1);
  if (!(uh > 0.0)) return Math.exp(0.5 * xh) * (1.0 + 0.5 * xl) - normalisedBlackOtm(xh, xl, hh, hl, th, tl);
  const v1 = twoSum(hh, -th);
  let vl = eftLo + (hl - tl);
  const vh = v1 + vl;
  vl = vl - (vh - v1);
  if (e < 0.0) e = expHalfSumSquares(hh, hl, th, tl);
  return complementMills(uh, ul, vh, vl, e);
}

/** e^{x/2} − b = e·(Y(−u) + Y(v))/√(2π) for u = uh + ul > 0, v = vh + vl < 0 (see above). */
function complementMills(uh: f64, ul: f64, vh: f64, vl: f64, e: f64): f64 {
  const yu = normMills(-uh);
  const yv = normMills(vh);
  const f = (yu - (1.0 - uh * yu) * ul) + (yv + (1.0 + vh * yv) * vl);
  return ONE_OVER_SQRT_TWO_PI * e * f;
}

/**
 * 2·sinh(y) = e^{y} − e^{−y} without cancellation for small |y| (via expm1). Input y (dimensionless).
 */
export function twoSinh(y: f64): f64 {
  const m = Math.expm1(Math.abs(y));
  const r = m + m / (m + 1.0);
  return y < 0.0 ? -r : r;
}

/**
 * Normalised Black call b(x, s) for any finite x and s ≥ 0 (Jäckel 2015, eq. (1.6)); x > 0 is reduced by
 * parity b(x) = 2·sinh(x/2) + b(−x). s = 0 gives the intrinsic max(2·sinh(x/2), 0).
 * Inputs: x = ln(F/K), s = σ√T (dimensionless). Output: b = call/(e^{−rT}·√(F·K)).
 * Invalid inputs (NaN, s < 0) give NaN.
 */
export function normalisedBlack(x: f64, s: f64): f64 {
  if (!(s >= 0.0) || isNaN(x)) return NaN;
  const ax = -Math.abs(x);
  let b: f64 = 0.0;
  if (s > 0.0 && s < Infinity) {
    const hh = ratioDD(ax, 0.0, s, 0.0);
    const hl = ratioLo;
    b = normalisedBlackOtm(ax, 0.0, hh, hl, 0.5 * s, 0.0);
  } else if (s == Infinity) {
    return Math.exp(0.5 * x);
  }
  return x > 0.0 ? twoSinh(0.5 * x) + b : b;
}
