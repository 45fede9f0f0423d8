// Standard normal distribution: density, cumulative distribution, Mills-type ratio, inverse.
//
// Sources:
//   [C69]  W. J. Cody, "Rational Chebyshev approximations for the error function",
//          Math. Comp. 23 (1969) 631–637.
//   [C93]  W. J. Cody, "Algorithm 715: SPECFUN — a portable FORTRAN package of special function
//          routines and test drivers", ACM TOMS 19 (1993) 22–32 (routine ANORM: the normal cdf with the
//          same rational approximations and the exp(−x²/2) splitting at multiples of 1/16).
//   [W88]  M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
//          Applied Statistics 37 (1988) 477–484 (PPND16, about 1e-16 relative accuracy).
// Everything here is a plain function of f64; nothing allocates or throws.

/** 1/√(2π). */
export const ONE_OVER_SQRT_TWO_PI: f64 = 0.398942280401432677939946059934;
/** √(2π). */
export const SQRT_TWO_PI: f64 = 2.50662827463100050241576528481;
/** √32, the boundary between Cody's middle and asymptotic ranges. */
const SQRT_32: f64 = 5.65685424949238019520980;
/** Cody's boundary of the central range, |x| ≤ 0.66291. */
const CENTRAL: f64 = 0.66291;
/** Beyond this |x| the tail Φ(−|x|) underflows to zero in binary64 (Φ(−38.5) ≈ 1e-325). */
const TAIL_ZERO: f64 = 38.5;

// [C93] ANORM coefficients, central range |x| ≤ 0.66291: Φ(x) = 1/2 + x·A(x²)/B(x²).
const A0: f64 = 2.2352520354606839287;
const A1: f64 = 161.02823106855587881;
const A2: f64 = 1067.6894854603709582;
const A3: f64 = 18154.981253343561249;
const A4: f64 = 0.065682337918207449113;
const B0: f64 = 47.20258190468824187;
const B1: f64 = 976.09855173777669322;
const B2: f64 = 10260.932208618978205;
const B3: f64 = 45507.789335026729956;
// Middle range 0.66291 < y ≤ √32: Φ(−y) = exp(−y²/2)·C(y)/D(y).
const C0: f64 = 0.39894151208813466764;
const C1: f64 = 8.8831497943883759412;
const C2: f64 = 93.506656132177855979;
const C3: f64 = 597.27027639480026226;
const C4: f64 = 2494.5375852903726711;
const C5: f64 = 6848.1904505362823326;
const C6: f64 = 11602.651437647350124;
const C7: f64 = 9842.7148383839780218;
const C8: f64 = 1.0765576773720192317e-8;
const D0: f64 = 22.266688044328115691;
const D1: f64 = 235.38790178262499861;
const D2: f64 = 1519.377599407554805;
const D3: f64 = 6485.558298266760755;
const D4: f64 = 18615.571640885098091;
const D5: f64 = 34900.952721145977266;
const D6: f64 = 38912.003286093271411;
const D7: f64 = 19685.429676859990727;
// Asymptotic range y > √32: Φ(−y) = exp(−y²/2)·(1/√(2π) − z·P(z)/Q(z))/y with z = 1/y².
const P0: f64 = 0.21589853405795699;
const P1: f64 = 0.1274011611602473639;
const P2: f64 = 0.022235277870649807;
const P3: f64 = 0.001421619193227893466;
const P4: f64 = 2.9112874951168792e-5;
const P5: f64 = 0.02307344176494017303;
const Q0: f64 = 1.28426009614491121;
const Q1: f64 = 0.468238212480865118;
const Q2: f64 = 0.0659881378689285515;
const Q3: f64 = 0.00378239633202758244;
const Q4: f64 = 7.29751555083966205e-5;

/** [C93] Φ(x)−1/2 = x·A(x²)/B(x²) for |x| ≤ 0.66291 (returns A/B, multiply by x). */
// @ts-ignore: decorator
@inline
function centralRatio(xsq: f64): f64 {
  let xnum = A4 * xsq;
  let xden = xsq;
  xnum = (xnum + A0) * xsq; xden = (xden + B0) * xsq;
  xnum = (xnum + A1) * xsq; xden = (xden + B1) * xsq;
  xnum = (xnum + A2) * xsq; xden = (xden + B2) * xsq;
  return (xnum + A3) / (xden + B3);
}

/** [C93] middle range: R(y) = Φ(−y)·exp(y²/2) for 0.66291 < y ≤ √32. */
function middleRatio(y: f64): f64 {
  let xnum = C8 * y;
  let xden = y;
  xnum = (xnum + C0) * y; xden = (xden + D0) * y;
  xnum = (xnum + C1) * y; xden = (xden + D1) * y;
  xnum = (xnum + C2) * y; xden = (xden + D2) * y;
  xnum = (xnum + C3) * y; xden = (xden + D3) * y;
  xnum = (xnum + C4) * y; xden = (xden + D4) * y;
  xnum = (xnum + C5) * y; xden = (xden + D5) * y;
  xnum = (xnum + C6) * y; xden = (xden + D6) * y;
  return (xnum + C7) / (xden + D7);
}

/** [C93] asymptotic range: returns z·P(z)/Q(z) with z = 1/y², so that Φ(−y)·exp(y²/2) = (1/√(2π) − it)/y. */
function asymptoticCorrection(z: f64): f64 {
  let xnum = P5 * z;
  let xden = z;
  xnum = (xnum + P0) * z; xden = (xden + Q0) * z;
  xnum = (xnum + P1) * z; xden = (xden + Q1) * z;
  xnum = (xnum + P2) * z; xden = (xden + Q2) * z;
  xnum = (xnum + P3) * z; xden = (xden + Q3) * z;
  return z * (xnum + P4) / (xden + Q4);
}

/**
 * exp(−y²/2) for y ≥ 0 computed without amplifying the rounding of y², following [C93] ANORM:
 * with ysq = trunc(16y)/16 (so ysq² is exact), exp(−ysq²/2)·exp(−(y−ysq)(y+ysq)/2).
 * Input y ≥ 0 finite; output in [0, 1].
 */
// @ts-ignore: decorator
@inline
function expHalfSquareSplit(y: f64): f64 {
  const ysq = Math.trunc(y * 16.0) * 0.0625;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq * 0.5) * Math.exp(-del * 0.5);
}

/**
 * Standard normal density φ(x) = exp(−x²/2)/√(2π), with the exponent split of [C93] so that the
 * result has a relative error of a few ulps for any exact double x (|x| ≤ 38.5; beyond, φ < 1e-322 and
 * 0 is returned). Input x (dimensionless); output density (dimensionless). NaN → NaN.
 */
export function normPdf(x: f64): f64 {
  const y = Math.abs(x);
  if (y > TAIL_ZERO) return 0.0;
  return ONE_OVER_SQRT_TWO_PI * expHalfSquareSplit(y);
}

/**
 * Standard normal density with a single exp: φ(x) = exp(−x²/2)/√(2π). Relative error about
 * x²·2^-53 (from the rounding of x²); used where that is below the required tolerance (Greeks).
 * Returns 0 for |x| > 38.5.
 */
// @ts-ignore: decorator
@inline
export function normPdfFast(x: f64): f64 {
  return Math.abs(x) > TAIL_ZERO ? 0.0 : ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * x * x);
}

/**
 * Standard normal cumulative distribution Φ(x) = ∫_{−∞}^x φ(u) du, computed directly by Cody's rational
 * Chebyshev approximations ([C69], as arranged in [C93] ANORM), with the exp(−x²/2) splitting; never as
 * ½·erfc(−x/√2). Relative error ≤ ~1e-15 for x ≥ −37.5; for x < −38.5 the value underflows and 0 is
 * returned (between, the correctly tiny subnormal). Input x dimensionless; output probability in [0, 1].
 * NaN → NaN; ±∞ → 1/0.
 */
export function normCdf(x: f64): f64 {
  const y = Math.abs(x);
  if (y <= CENTRAL) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0.0;
    return 0.5 + x * centralRatio(xsq);
  }
  let tail: f64;
  if (y <= SQRT_32) {
    tail = expHalfSquareSplit(y) * middleRatio(y);
  } else if (y <= TAIL_ZERO) {
    tail = expHalfSquareSplit(y) * ((ONE_OVER_SQRT_TWO_PI - asymptoticCorrection(1.0 / (y * y))) / y);
  } else if (y > TAIL_ZERO) {
    tail = 0.0;
  } else {
    return x; // NaN
  }
  return x > 0.0 ? (0.5 - tail) + 0.5 : tail;
}

/**
 * Φ(x) by the same Cody rational approximations as `normCdf` but with a single exp(−x²/2) instead of the
 * [C93] splitting: relative error about (1 + x²)·2^-53 in the lower tail (absolute error ≤ ~1e-16
 * everywhere). For Greeks, whose tolerance is absolute on their natural scale. Input/output as normCdf.
 */
export function normCdfFast(x: f64): f64 {
  const y = Math.abs(x);
  if (y <= CENTRAL) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0.0;
    return 0.5 + x * centralRatio(xsq);
  }
  let tail: f64;
  if (y <= SQRT_32) {
    tail = Math.exp(-0.5 * y * y) * middleRatio(y);
  } else if (y <= TAIL_ZERO) {
    tail = Math.exp(-0.5 * y * y) * ((ONE_OVER_SQRT_TWO_PI - asymptoticCorrection(1.0 / (y * y))) / y);
  } else if (y > TAIL_ZERO) {
    tail = 0.0;
  } else {
    return x; // NaN
  }
  return x > 0.0 ? (0.5 - tail) + 0.5 : tail;
}

/**
 * Φ(x) as `normCdfFast`, with the Gaussian factor supplied by the caller: `e` must be exp(−x²/2) (any
 * value is accepted, and ignored, when |x| ≤ 0.66291 or |x| > 38.5, where no exponential is used).
 * Lets a caller that already has exp(−d²/2) (e.g. for the density φ(d), or from the identity
 * S·e^{−qT}·φ(d1) = K·e^{−rT}·φ(d2) of Black–Scholes, Hull ch. 19) skip a second exp. Same Cody rational
 * functions ([C69], [C93]); with e = fl(exp(−0.5·x·x)) the result is bit-identical to `normCdfFast(x)`.
 */
// @ts-ignore: decorator
@inline
export function normCdfFastExp(x: f64, e: f64): f64 {
  const y = Math.abs(x);
  if (y <= CENTRAL) {
    const xsq = y > 1.1102230246251565e-16 ? x * x : 0.0;
    return 0.5 + x * centralRatio(xsq);
  }
  let tail: f64;
  if (y <= SQRT_32) {
    tail = e * middleRatio(y);
  } else if (y <= TAIL_ZERO) {
    tail = e * ((ONE_OVER_SQRT_TWO_PI - asymptoticCorrection(1.0 / (y * y))) / y);
  } else if (y > TAIL_ZERO) {
    tail = 0.0;
  } else {
    return x; // NaN
  }
  return x > 0.0 ? (0.5 - tail) + 0.5 : tail;
}

/** The constants of `vNormCdfFastExp`, each twice (one f64x2 per constant), in the order of `vk` indices. */
// @ts-ignore: decorator
@lazy const VNORM_CONST = memory.data<f64>([
  CENTRAL, CENTRAL,
  SQRT_32, SQRT_32,
  TAIL_ZERO, TAIL_ZERO,
  0.0, 0.0,
  C8, C8,
  C0, C0,
  D0, D0,
  C1, C1,
  D1, D1,
  C2, C2,
  D2, D2,
  C3, C3,
  D3, D3,
  C4, C4,
  D4, D4,
  C5, C5,
  D5, D5,
  C6, C6,
  D6, D6,
  C7, C7,
  D7, D7,
  1.0, 1.0,
  P5, P5,
  P0, P0,
  Q0, Q0,
  P1, P1,
  Q1, Q1,
  P2, P2,
  Q2, Q2,
  P3, P3,
  Q3, Q3,
  P4, P4,
  Q4, Q4,
  ONE_OVER_SQRT_TWO_PI, ONE_OVER_SQRT_TWO_PI,
  0.5, 0.5,
  A4, A4,
  A0, A0,
  B0, B0,
  A1, A1,
  B1, B1,
  A2, A2,
  B2, B2,
  A3, A3,
  B3, B3,
]);

/** Constant k of VNORM_CONST as an f64x2 (one 16-byte load: V8 builds a splat of an immediate in three instructions). */
// @ts-ignore: decorator
@inline
function vk(k: i32): v128 { return v128.load(VNORM_CONST + (<usize>k << 4)); }

/**
 * `normCdfFastExp` on both lanes of an f64x2 (x, e as there, per lane), operation for operation the scalar
 * code, so each lane is bit-identical to `normCdfFastExp(x_i, e_i)`: the region of each lane is chosen
 * by masks and the results blended; a region's rational function is evaluated only when some lane needs
 * it (`v128.any_true`). Lanes must not be NaN (callers pass validated, finite arguments).
 */
// @ts-ignore: decorator
@inline
export function vNormCdfFastExp(x: v128, e: v128): v128 {
  const y = f64x2.abs(x);
  const central = f64x2.le(y, vk(0));
  const middle = v128.andnot(f64x2.le(y, vk(1)), central);
  const asym = v128.andnot(f64x2.le(y, vk(2)), f64x2.le(y, vk(1)));
  let tail = f64x2.splat(0.0); // lanes beyond 38.5 keep 0
  if (v128.any_true(middle)) {
    let xnum = f64x2.mul(vk(4), y);
    let xden = y;
    xnum = f64x2.mul(f64x2.add(xnum, vk(5)), y); xden = f64x2.mul(f64x2.add(xden, vk(6)), y);
    xnum = f64x2.mul(f64x2.add(xnum, vk(7)), y); xden = f64x2.mul(f64x2.add(xden, vk(8)), y);
    xnum = f64x2.mul(f64x2.add(xnum, vk(9)), y); xden = f64x2.mul(f64x2.add(xden, vk(10)), y);
    xnum = f64x2.mul(f64x2.add(xnum, vk(11)), y); xden = f64x2.mul(f64x2.add(xden, vk(12)), y);
    xnum = f64x2.mul(f64x2.add(xnum, vk(13)), y); xden = f64x2.mul(f64x2.add(xden, vk(14)), y);
    xnum = f64x2.mul(f64x2.add(xnum, vk(15)), y); xden = f64x2.mul(f64x2.add(xden, vk(16)), y);
    xnum = f64x2.mul(f64x2.add(xnum, vk(17)), y); xden = f64x2.mul(f64x2.add(xden, vk(18)), y);
    const ratio = f64x2.div(f64x2.add(xnum, vk(19)), f64x2.add(xden, vk(20)));
    tail = v128.bitselect(f64x2.mul(e, ratio), tail, middle);
  }
  if (v128.any_true(asym)) {
    const z = f64x2.div(vk(21), f64x2.mul(y, y));
    let xnum = f64x2.mul(vk(22), z);
    let xden = z;
    xnum = f64x2.mul(f64x2.add(xnum, vk(23)), z); xden = f64x2.mul(f64x2.add(xden, vk(24)), z);
    xnum = f64x2.mul(f64x2.add(xnum, vk(25)), z); xden = f64x2.mul(f64x2.add(xden, vk(26)), z);
    xnum = f64x2.mul(f64x2.add(xnum, vk(27)), z); xden = f64x2.mul(f64x2.add(xden, vk(28)), z);
    xnum = f64x2.mul(f64x2.add(xnum, vk(29)), z); xden = f64x2.mul(f64x2.add(xden, vk(30)), z);
    const corr = f64x2.div(f64x2.mul(z, f64x2.add(xnum, vk(31))), f64x2.add(xden, vk(32)));
    const t = f64x2.mul(e, f64x2.div(f64x2.sub(vk(33), corr), y));
    tail = v128.bitselect(t, tail, asym);
  }
  const half = vk(34);
  let res = v128.bitselect(f64x2.add(f64x2.sub(half, tail), half), tail, f64x2.gt(x, f64x2.splat(0.0)));
  if (v128.any_true(central)) {
    const tiny = f64x2.gt(y, f64x2.splat(1.1102230246251565e-16));
    const xsq = v128.and(f64x2.mul(x, x), tiny);
    let xnum = f64x2.mul(vk(35), xsq);
    let xden = xsq;
    xnum = f64x2.mul(f64x2.add(xnum, vk(36)), xsq); xden = f64x2.mul(f64x2.add(xden, vk(37)), xsq);
    xnum = f64x2.mul(f64x2.add(xnum, vk(38)), xsq); xden = f64x2.mul(f64x2.add(xden, vk(39)), xsq);
    xnum = f64x2.mul(f64x2.add(xnum, vk(40)), xsq); xden = f64x2.mul(f64x2.add(xden, vk(41)), xsq);
    const ratio = f64x2.div(f64x2.add(xnum, vk(42)), f64x2.add(xden, vk(43)));
    res = v128.bitselect(f64x2.add(half, f64x2.mul(x, ratio)), res, central);
  }
  return res;
}

/**
 * Y(z) = Φ(z)/φ(z), the reciprocal of the normal hazard rate (Mills' ratio of the lower tail);
 * equivalently √(π/2)·erfcx(−z/√2). For z < −0.66291 it is Cody's rational function itself
 * ([C69]/[C93]: Φ(−y)·exp(y²/2)), so no exponential is evaluated and there is no underflow for any
 * z → −∞ (Y ~ 1/|z|). For z ≥ −0.66291: Φ(z)·√(2π)·exp(z²/2) (overflows to +∞ for z ≳ 37.6).
 * Input z dimensionless; output dimensionless, > 0. Relative error a few ulps.
 */
export function normMills(z: f64): f64 {
  if (z < -CENTRAL) {
    const y = -z;
    if (y <= SQRT_32) return SQRT_TWO_PI * middleRatio(y);
    return (1.0 - SQRT_TWO_PI * asymptoticCorrection(1.0 / (y * y))) / y;
  }
  const y = Math.abs(z);
  if (y <= CENTRAL) {
    const xsq = y > 1.1102230246251565e-16 ? z * z : 0.0;
    return SQRT_TWO_PI * (0.5 + z * centralRatio(xsq)) * Math.exp(0.5 * z * z);
  }
  // z > 0.66291: Φ(z) = 1 − Φ(−z)
  return SQRT_TWO_PI * Math.exp(0.5 * z * z) - normMills(-z);
}

/**
 * Y'(z) = 1 + z·Y(z) = (φ(z) + zΦ(z))/φ(z), the first derivative of the Mills ratio above. For
 * z < −√32 it is evaluated without cancellation as √(2π)·z⁻²·P(z⁻²)/Q(z⁻²) from Cody's asymptotic form
 * ([C93]); elsewhere as 1 + z·Y(z) (relative error ≈ (1+z²)·ulp, at most ~30 ulps at z = −√32).
 * Input z dimensionless; output > 0 (≈ 1/z² for z → −∞).
 */
export function normMillsDerivative(z: f64): f64 {
  if (z < -SQRT_32) return SQRT_TWO_PI * asymptoticCorrection(1.0 / (z * z));
  return 1.0 + z * normMills(z);
}

/**
 * Inverse of the standard normal cdf, x = Φ⁻¹(p), by Wichura's Algorithm AS 241 (PPND16) [W88], relative
 * accuracy about 1e-16. Input probability p in [0, 1]; output quantile (dimensionless).
 * p = 0 → −∞, p = 1 → +∞, p outside [0, 1] or NaN → NaN. For p close to 1 the accuracy is limited by
 * the representation of 1 − p (use the symmetric lower tail when possible).
 */
export function normInv(p: f64): f64 {
  if (!(p >= 0.0 && p <= 1.0)) return NaN;
  if (p == 0.0) return -Infinity;
  if (p == 1.0) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return q * (((((((r * 2509.0809287301226727 +
      33430.575583588128105) * r + 67265.770927008700853) * r +
      45921.953931549871457) * r + 13731.693765509461125) * r +
      1971.5909503065514427) * r + 133.14166789178437745) * r +
      3.387132872796366608) /
      (((((((r * 5226.495278852545925 +
      28729.085735721942674) * r + 39307.89580009271061) * r +
      21213.794301586595867) * r + 5394.1960214247511077) * r +
      687.1870074920579083) * r + 42.313330701600911252) * r + 1.0);
  }
  let r = q < 0.0 ? p : 1.0 - p;
  r = Math.sqrt(-Math.log(r));
  let val: f64;
  if (r <= 5.0) {
    r -= 1.6;
    val = (((((((r * 7.7454501427834140764e-4 +
      0.0227238449892691845833) * r + 0.24178072517745061177) * r +
      1.27045825245236838258) * r + 3.64784832476320460504) * r +
      5.7694972214606914055) * r + 4.6303378461565452959) * r +
      1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 +
      5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
      0.14810397642748007459) * r + 0.68976733498510000455) * r +
      1.6763848301838038494) * r + 2.05319162663775882187) * r + 1.0);
  } else {
    r -= 5.0;
    val = (((((((r * 2.01033439929228813265e-7 +
      2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
      0.026532189526576123093) * r + 0.29656057182850489123) * r +
      1.7848265399172913358) * r + 5.4637849111641143699) * r +
      6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 +
      1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
      7.868691311456132591e-4) * r + 0.0148753612908506148525) * r +
      0.13692988092273580531) * r + 0.59983220655588793769) * r + 1.0);
  }
  return q < 0.0 ? -val : val;
}
