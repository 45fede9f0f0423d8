// Implied volatility for Black–Scholes–Merton and Black-76 (robust safeguarded Householder iteration).
//
// Sources:
//   - P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53: normalisation β = V/(e^{−rT}√(FK)), reduction to
//     the out-of-the-money call b(x ≤ 0, s) by put–call parity, the inflection point s_c = √(2|x|) that
//     separates the convex lower branch from the concave upper branch, ln b as the objective on the
//     lower branch, and the derivatives ∂b/∂s = exp(−(h²+t²)/2)/√(2π), ∂²b/∂s² = ∂b/∂s·(x²/s³ − s/4).
//   - A. S. Householder, The Numerical Treatment of a Single Nonlinear Equation (McGraw-Hill 1970), §4.4
//     (Halley's method = Householder order 2), safeguarded by a bracket with bisection (cf. R. P. Brent,
//     Algorithms for Minimization without Derivatives, 1973, ch. 4).
// (A later issue replaces the starting values and iteration by Let's Be Rational's; this one is for
// correctness everywhere.)
//
// Inputs: option price P (currency), underlying S (spot for BSM, forward for Black-76), strike K, expiry T
// (years), rate r and dividend yield q (decimals, continuously compounded; q unused for Black-76).
// Output: implied vol σ (decimal per √year); status in `ivStatus`, iterations in `ivIterations`.

import { OK, BELOW_INTRINSIC, ABOVE_MAXIMUM, NO_CONVERGENCE } from "../status";
import { normInv, ONE_OVER_SQRT_TWO_PI, SQRT_TWO_PI } from "../math/normal";
import { normalisedBlackOtm, ratioDD, ratioLo, expHalfSumSquares } from "./normalisedBlack";
import { carryTimesT, carryLo, logMoneyness, moneynessLo, forwardGap } from "./forwardMoneyness";
import { MODEL_BLACK76 } from "./european";

/** Status of the last `impliedVolOne` call. */
export let ivStatus: u8 = OK;
/** Number of objective evaluations in the last `impliedVolOne` solve (0 when no iteration was needed). */
export let ivIterations: i32 = 0;

const EPS: f64 = 2.220446049250313e-16;
const MAX_ITERATIONS: i32 = 100;

/** Unit in the last place of |v| (2^{e−52} for v = m·2^e normal; the smallest subnormal below). */
// @ts-ignore: decorator
@inline
function ulp(v: f64): f64 {
  const e = reinterpret<f64>(reinterpret<u64>(v) & 0x7FF0000000000000);
  return e * EPS > 4.9e-324 ? e * EPS : 4.9e-324;
}

// Objective state of the last evaluation (module globals: no tuples, no allocation).
let evB: f64 = 0.0;
let evVega: f64 = 0.0;

/** b(x, s) and ∂b/∂s at s for x = xh + xl ≤ 0 (see normalisedBlack.ts). */
function evaluate(xh: f64, xl: f64, s: f64): void {
  const hh = ratioDD(xh, xl, s, 0.0);
  const hl = ratioLo;
  evB = normalisedBlackOtm(xh, xl, hh, hl, 0.5 * s, 0.0);
  evVega = hh + 0.5 * s < -38.5 ? 0.0 : ONE_OVER_SQRT_TWO_PI * expHalfSumSquares(hh, hl, 0.5 * s, 0.0);
}

/**
 * Solves b(x, s) = beta for s > 0, x = xh + xl ≤ 0, 0 < beta < e^{x/2}. Lower branch (beta < b(x, s_c)):
 * Halley on ln b(s) − ln beta in (0, s_c]; upper branch: Halley on b(s) − beta in [s_c, ∞). Any step that
 * leaves the bracket is replaced by bisection (or doubling while the bracket is open above). Stops when
 * the step is below 4 ulp of s, the residual is below its rounding noise, or the bracket has closed.
 * Sets ivStatus to OK or NO_CONVERGENCE; returns s (NaN if no convergence).
 */
function solveNormalised(xh: f64, xl: f64, beta: f64): f64 {
  const ax = -xh;
  let lo: f64 = 0.0;
  let hi: f64 = Infinity;
  let s: f64;
  let lower = false;
  const sc = Math.sqrt(2.0 * ax);
  if (ax > 0.0) {
    evaluate(xh, xl, sc);
    ivIterations++;
    if (beta < evB) {
      lower = true;
      hi = sc;
      const lb = Math.log(beta);
      s = ax / Math.sqrt(-2.0 * lb);
      if (!(s < sc)) s = 0.5 * sc;
    } else {
      lo = sc;
      const ex = Math.exp(0.5 * xh);
      const g = -2.0 * normInv((ex - beta) / (ex + 1.0 / ex));
      s = g > sc ? g : sc;
      if (!(s < Infinity)) s = sc;
    }
  } else {
    // x = 0: b = 1 − 2Φ(−s/2) = erf(s/(2√2)) = s/√(2π)·(1 − s²/24 + O(s⁴)): explicit for tiny beta
    if (beta < 1e-9) {
      ivStatus = OK;
      const s0 = SQRT_TWO_PI * beta;
      return s0 * (1.0 + s0 * s0 * (1.0 / 24.0));
    }
    lo = 0.0;
    s = -2.0 * normInv(0.5 - 0.5 * beta);
    if (!(s > 0.0 && s < Infinity)) s = 1.0;
  }
  const lnBeta = Math.log(beta);
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    evaluate(xh, xl, s);
    ivIterations++;
    const b = evB;
    let f: f64, fp: f64, fpp: f64, noise: f64;
    const curv = xh * xh / (s * s * s) - 0.25 * s; // (∂²b/∂s²)/(∂b/∂s)
    if (lower) {
      if (!(b > 0.0)) {
        lo = s;
        s = 0.5 * (lo + hi);
        continue;
      }
      f = Math.log(b) - lnBeta;
      fp = evVega / b;
      fpp = fp * curv - fp * fp;
      noise = 8.0 * EPS;
    } else {
      f = b - beta;
      fp = evVega;
      fpp = fp * curv;
      noise = 4.0 * EPS * (b > beta ? b : beta);
    }
    if (f < 0.0) { if (s > lo) lo = s; } else if (f > 0.0) { if (s < hi) hi = s; } else { ivStatus = OK; return s; }
    let sNew: f64;
    const dN = -f / fp;
    if (fp > 0.0 && Math.abs(dN) < Infinity) {
      const den = 1.0 + 0.5 * dN * fpp / fp;
      sNew = s + (den >= 0.5 && den <= 2.0 ? dN / den : dN);
    } else {
      sNew = NaN;
    }
    const converged = Math.abs(sNew - s) <= 4.0 * EPS * s || Math.abs(f) <= noise;
    if (!(sNew > lo && sNew < hi)) {
      if (converged) { ivStatus = OK; return s; }
      sNew = hi < Infinity ? 0.5 * (lo + hi) : 2.0 * (s > lo ? s : lo) + 1.0;
    } else if (converged) {
      ivStatus = OK;
      return sNew;
    }
    if (hi < Infinity && hi - lo <= 4.0 * EPS * hi) { ivStatus = OK; return 0.5 * (lo + hi); }
    s = sNew;
  }
  ivStatus = NO_CONVERGENCE;
  return NaN;
}

/**
 * Implied volatility of one European option (inputs validated by the caller: P ≥ 0 finite, S, K > 0 finite,
 * 0 ≤ T ≤ 50, |r|, |q| ≤ 1). model: 0 BSM (S spot, q dividend yield), 1 Black-76 (S forward).
 * Statuses: price ≥ maximum (call S·e^{−qT}, Black-76 F·e^{−rT}; put K·e^{−rT}) → ABOVE_MAXIMUM;
 * price below the discounted intrinsic by more than its rounding tolerance (in the money: 4 ulps of each of
 * P, S·e^{−qT}, K·e^{−rT}; out of the money the intrinsic is exactly 0 and so is the tolerance)
 * → BELOW_INTRINSIC; within that tolerance of the intrinsic → vol 0, OK (so P = 0 out of the money → 0);
 * T = 0 with a positive time value → ABOVE_MAXIMUM (at expiry no vol can add value);
 * iteration failure → NO_CONVERGENCE. vol = NaN unless OK.
 */
export function impliedVolOne(model: i32, isCall: bool, P: f64, S: f64, K: f64, T: f64, r: f64, q: f64): f64 {
  ivIterations = 0;
  const b76 = model == MODEL_BLACK76;
  if (b76) q = r;
  const dfr = Math.exp(-r * T);
  const dfq = b76 ? dfr : Math.exp(-q * T);
  const Sd = S * dfq;
  const Kd = K * dfr;
  const maxP = isCall ? Sd : Kd;
  if (P >= maxP) { ivStatus = ABOVE_MAXIMUM; return NaN; }
  if (T == 0.0) {
    // at expiry the price must be the intrinsic value itself
    let intr0 = isCall ? Sd - Kd : Kd - Sd;
    if (intr0 < 0.0) intr0 = 0.0;
    const tol0 = intr0 > 0.0 ? 4.0 * (ulp(P) + ulp(Sd) + ulp(Kd)) : 0.0;
    const tv0 = P - intr0;
    ivStatus = tv0 < -tol0 ? BELOW_INTRINSIC : (tv0 <= tol0 ? OK : ABOVE_MAXIMUM);
    return ivStatus == OK ? 0.0 : NaN;
  }
  let cTh: f64 = 0.0;
  let cTl: f64 = 0.0;
  if (!b76) { cTh = carryTimesT(r, q, T); cTl = carryLo; }
  let xh = logMoneyness(S, K, cTh, cTl);
  let xl = moneynessLo;
  const gap = forwardGap(Sd, Kd, xh, xl);
  let intrinsic = isCall ? gap : -gap;
  if (intrinsic < 0.0) intrinsic = 0.0;
  // rounding tolerance of the intrinsic value (none when it is exactly 0: out of the money)
  const tol = intrinsic > 0.0 ? 4.0 * (ulp(P) + ulp(Sd) + ulp(Kd)) : 0.0;
  const tv = P - intrinsic;
  if (tv < -tol) { ivStatus = BELOW_INTRINSIC; return NaN; }
  if (tv <= tol) { ivStatus = OK; return 0.0; }
  if (xh > 0.0) { xh = -xh; xl = -xl; }
  // tv is the price of the out-of-the-money option (by parity), normalised by e^{−rT}√(FK) = √(Sd·Kd)
  const beta = tv / (Math.sqrt(Sd) * Math.sqrt(Kd));
  if (!(beta < Math.exp(0.5 * xh))) { ivStatus = ABOVE_MAXIMUM; return NaN; }
  const s = solveNormalised(xh, xl, beta);
  if (ivStatus != OK) return NaN;
  return s / Math.sqrt(T);
}
