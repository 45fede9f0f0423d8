// Implied volatility for Black–Scholes–Merton and Black-76 by Jäckel's "Let's Be Rational".
//
// Sources:
//   [J15] P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, and its revised text (version of
//         25 March 2016, www.jaeckel.org):
//         - normalisation β = V/(e^{−rT}√(FK)) and reduction to the out-of-the-money call b(x ≤ 0, s) by
//           put–call parity; s = σ√T; b_max = e^{x/2};
//         - the inflection point s_c = √(2|x|) and the tangent points s_l = s_c − b_c/b'(s_c),
//           s_u = s_c + (b_max − b_c)/b'(s_c) that delimit the four branches of the initial guess
//           (./lbrGuess.ts);
//         - the objective functions per branch: 1/ln b(s) − 1/ln β below b_l, b(s) − β between b_l and b_u,
//           ln((b_max − β)/(b_max − b(s))) above b_u;
//         - Householder's third-order method (convergence order four) written as a rational function of the
//           Newton step ν = −g/g':  s ← s + ν·(1 + γν/2)/(1 + ν·(γ + δν/6)),  γ = g⁽²⁾/g⁽¹⁾, δ = g⁽³⁾/g⁽¹⁾,
//           with b⁽¹⁾(s) = exp(−(h² + t²)/2)/√(2π), b⁽²⁾/b⁽¹⁾ = x²/s³ − s/4,
//           b⁽³⁾/b⁽¹⁾ = (b⁽²⁾/b⁽¹⁾)² − 3x²/s⁴ − 1/4 (h = x/s, t = s/2); two iterations reach full precision.
//   [H70] A. S. Householder, The Numerical Treatment of a Single Nonlinear Equation (McGraw-Hill 1970), §4.4.
// The ratios γ, δ of the three objective functions were derived here (see `solveNormalised`).
// Beyond the paper, the iteration keeps a bracket from the signs of b(s) − β seen so far and falls back to
// bisection when a step leaves it (cf. R. P. Brent, Algorithms for Minimization without Derivatives, 1973,
// ch. 4): never needed on the test grids, it keeps the solver correct for any input.
//
// Inputs: option price P (currency), underlying S (spot for BSM, forward for Black-76), strike K, expiry T
// (years), rate r and dividend yield q (decimals, continuously compounded; q unused for Black-76).
// Output: implied vol σ (decimal per √year); status in `ivStatus`, Householder iterations in `ivIterations`.

import { OK, BELOW_INTRINSIC, ABOVE_MAXIMUM, NO_CONVERGENCE } from "../status";
import { ONE_OVER_SQRT_TWO_PI } from "../math/normal";
import {
  normalisedBlackOtmEx, normalisedBlackComplementOtm, ratioDD, ratioLo, expHalfSumSquares, lastExpFactor,
} from "./normalisedBlack";
import { carryTimesT, carryLo, logMoneyness, moneynessLo, forwardGap } from "./forwardMoneyness";
import { MODEL_BLACK76 } from "./european";
import {
  rationalCubic, controlParameterLeft, controlParameterRight, lowerMap, lowerMapDs, lowerMapCurvature,
  inverseLowerMap, upperMap, upperMapDs, upperMapCurvature, inverseUpperMap,
} from "./lbrGuess";

/** Status of the last `impliedVolOne` call. */
export let ivStatus: u8 = OK;
/** Householder iterations (objective evaluations after the initial guess) of the last solve; 0 if none. */
export let ivIterations: i32 = 0;

/** Slots of the iteration histogram: slot k counts solves with k iterations; the last slot, at least k. */
export const IV_HISTOGRAM_SLOTS: i32 = 16;
/** Histogram of `ivIterations` over the solves since `ivHistogramReset` (static memory, 16 × i32). */
const IV_HISTOGRAM: usize = memory.data(64);

/** Number of solves (since the last reset) that took k Householder iterations (last slot: ≥ k). */
export function ivHistogramCount(k: i32): i32 {
  if (k < 0 || k >= IV_HISTOGRAM_SLOTS) return 0;
  return load<i32>(IV_HISTOGRAM + (<usize>k << 2));
}

/** Clears the iteration histogram. */
export function ivHistogramReset(): void {
  memory.fill(IV_HISTOGRAM, 0, <usize>IV_HISTOGRAM_SLOTS << 2);
}

const EPS: f64 = 2.220446049250313e-16;
const MAX_ITERATIONS: i32 = 64;
/**
 * A Householder step with |Δs| ≤ STOP_REL·s is accepted without a further evaluation: the iteration
 * converges with order four, so the error left after such a step is of order (1e-7)⁴ relative.
 */
const STOP_REL: f64 = 1e-7;
/**
 * A step with STOP_REL < |Δs|/s ≤ STOP_REL_ESTIMATED is accepted when the error it leaves, estimated as
 * C·|Δs/s|⁴ with C = |Δs/s|/|Δs_prev/s|⁴ from the previous step, is below a quarter ulp.
 */
const STOP_REL_ESTIMATED: f64 = 1e-5;

const BRANCH_LOWEST: i32 = 0;
const BRANCH_MIDDLE: i32 = 1;
const BRANCH_HIGHEST: i32 = 2;

/** Unit in the last place of |v| (2^{e−52} for v = m·2^e normal; the smallest subnormal below). */
// @ts-ignore: decorator
@inline
function ulp(v: f64): f64 {
  const e = reinterpret<f64>(reinterpret<u64>(v) & 0x7FF0000000000000);
  return e * EPS > 4.9e-324 ? e * EPS : 4.9e-324;
}

// State of the last evaluation (module globals: no tuples, no allocation).
let evB: f64 = 0.0;
let evVega: f64 = 0.0;
let evH: f64 = 0.0;
let evHl: f64 = 0.0;
let evE: f64 = 0.0;

/**
 * b(x, s) and ∂b/∂s at s > 0 for x = xh + xl ≤ 0 (see ./normalisedBlack.ts); keeps h = x/s and exp factor.
 * bmax = e^{x/2} (passed on: saves normalisedBlackOtm the exponential of its Φ-difference region).
 */
function evaluate(xh: f64, xl: f64, s: f64, bmax: f64): void {
  const hh = ratioDD(xh, xl, s, 0.0);
  const hl = ratioLo;
  evH = hh;
  evHl = hl;
  evB = normalisedBlackOtmEx(xh, xl, hh, hl, 0.5 * s, 0.0, bmax);
  let e = lastExpFactor;
  if (e < 0.0) e = hh + 0.5 * s < -38.5 ? 0.0 : expHalfSumSquares(hh, hl, 0.5 * s, 0.0);
  evE = e;
  evVega = ONE_OVER_SQRT_TWO_PI * e;
}

/**
 * Solves b(x, s) = beta for s > 0, x = xh + xl ≤ 0, 0 < beta < bmax = e^{x/2} ([J15], see the header).
 * Initial guess from the branch of beta (./lbrGuess.ts), then third-order Householder steps on the branch's
 * objective. Sets ivStatus (OK or NO_CONVERGENCE) and ivIterations; returns s (NaN if no convergence).
 */
function solveNormalised(xh: f64, xl: f64, beta: f64, bmax: f64): f64 {
  const ax = -xh;
  const x2 = xh * xh;
  let lo: f64 = 0.0;
  let hi: f64 = Infinity;
  let s: f64;
  let branch = BRANCH_MIDDLE;

  // ---------------- initial guess: the four branches ----------------
  let sc: f64 = 0.0;
  let bc: f64 = 0.0;
  let vc: f64 = ONE_OVER_SQRT_TWO_PI; // b'(0) at x = 0
  if (ax > 0.0) {
    sc = Math.sqrt(2.0 * ax);
    evaluate(xh, xl, sc, bmax);
    bc = evB;
    vc = evVega;
  }
  if (!(vc > 0.0)) {
    // b'(s_c) underflowed (|x| ≳ 1400): no interpolation; the bracketed iteration starts at s_c
    s = sc;
    if (beta < bc) hi = sc; else lo = sc;
  } else if (beta < bc) {
    hi = sc;
    const sl = sc - bc / vc;
    let bl: f64 = 0.0;
    let vl: f64 = 0.0;
    if (sl > 0.0) { evaluate(xh, xl, sl, bmax); bl = evB; vl = evVega; }
    if (beta < bl && vl > 0.0) {
      // lowest branch: f = f_l(s(β)) interpolated on [0, b_l] with f(0) = 0, f'(0) = 1
      branch = BRANCH_LOWEST;
      hi = sl;
      const fr = lowerMap(ax, sl);
      const dr = lowerMapDs(ax, sl) / vl; // df/dβ at b_l
      const c2l = x2 / (sl * sl * sl) - 0.25 * sl; // b''/b' at s_l
      const d2r = dr * (lowerMapCurvature(sl) - c2l) / vl; // d²f/dβ² = (f_ss − f_s·b''/b')/b'²
      const r = controlParameterRight(0.0, bl, 0.0, fr, 1.0, dr, d2r, true);
      let f = rationalCubic(beta, 0.0, bl, 0.0, fr, 1.0, dr, r);
      if (!(f > 0.0 && f < fr)) {
        const t = beta / bl;
        f = (fr * t + bl * (1.0 - t)) * t;
      }
      s = inverseLowerMap(ax, f);
    } else {
      // lower middle branch: s(β) on [b_l, b_c], zero second derivative at b_c (the inflection of b)
      if (sl > 0.0 && beta >= bl) lo = sl;
      const dl = 1.0 / vl;
      const dr = 1.0 / vc;
      const r = controlParameterRight(bl, bc, sl, sc, dl, dr, 0.0, false);
      s = rationalCubic(beta, bl, bc, sl, sc, dl, dr, r);
    }
  } else {
    lo = sc;
    const su = sc + (bmax - bc) / vc;
    evaluate(xh, xl, su, bmax);
    const bu = evB;
    const vu = evVega;
    if (!(vu > 0.0)) {
      s = su;
    } else if (beta <= bu) {
      // upper middle branch: s(β) on [b_c, b_u], zero second derivative at b_c
      hi = su;
      const dl = 1.0 / vc;
      const dr = 1.0 / vu;
      const r = controlParameterLeft(bc, bu, sc, su, dl, dr, 0.0, false);
      s = rationalCubic(beta, bc, bu, sc, su, dl, dr, r);
    } else {
      // highest branch: f = f_u(s(β)) = Φ(−s/2) on [b_u, b_max] with f(b_max) = 0, f'(b_max) = −1/2,
      // interpolated in the reflected variable ω = b_max − β so that f near b_max keeps its precision
      branch = BRANCH_HIGHEST;
      lo = su;
      const fl = upperMap(su);
      const dfl = upperMapDs(su) / vu; // df/dβ at b_u
      const c2u = x2 / (su * su * su) - 0.25 * su;
      const d2l = dfl * (upperMapCurvature(su) - c2u) / vu; // d²f/dβ² at b_u (= d²f/dω²)
      const w = bmax - bu; // in ω: f(0) = 0, f'(0) = 1/2, f(w) = fl, f'(w) = −dfl
      const r = controlParameterRight(0.0, w, 0.0, fl, 0.5, -dfl, d2l, true);
      const omega = bmax - beta;
      let f = rationalCubic(omega, 0.0, w, 0.0, fl, 0.5, -dfl, r);
      if (!(f > 0.0 && f < fl)) {
        const t = omega / w;
        f = (fl * t + 0.5 * w * (1.0 - t)) * t;
      }
      s = inverseUpperMap(f);
    }
  }
  if (beta == bc && ax > 0.0) { ivStatus = OK; return sc; } // the root is the inflection point itself
  // a guess a few ulps outside its branch (β within rounding of a node) is clamped to the branch
  if (s < lo) s = lo;
  if (s > hi) s = hi;
  if (!(s > 0.0 && s < Infinity)) s = hi < Infinity ? 0.5 * (lo + hi) : 2.0 * lo + 1.0;

  // ---------------- third-order Householder iterations ----------------
  // the logarithms of the lowest and highest branches' objectives, only on those branches
  const invLnBeta = branch == BRANCH_LOWEST ? 1.0 / Math.log(beta) : 0.0;
  const omegaBeta = bmax - beta;
  const lnOmegaBeta = branch == BRANCH_HIGHEST ? Math.log(omegaBeta) : 0.0;
  let prevRel: f64 = Infinity; // relative size of the previous Householder step (∞: none)
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    evaluate(xh, xl, s, bmax);
    ivIterations++;
    const b = evB;
    const vega = evVega;
    const hs = evH / s;
    let below: bool; // b(s) < β: s lies below the root
    let nu: f64 = NaN;
    let gamma: f64 = 0.0;
    let delta: f64 = 0.0;
    const c2 = evH * hs - 0.25 * s; // b''/b' = x²/s³ − s/4
    const c3 = c2 * c2 - 3.0 * hs * hs - 0.25; // b'''/b'
    if (branch == BRANCH_LOWEST) {
      below = b < beta;
      if (b > 0.0 && vega > 0.0) {
        // g = 1/L − 1/ln β with L = ln b, λ = b'/b: g' = −λ/L², L''/L' = c2 − λ, L'''/L' = c3 − 3λc2 + 2λ²;
        // γ = L''/L' − 2λ/L, δ = L'''/L' − 6L''/L + 6λ²/L² (L'' = λ(c2 − λ))
        const invL = 1.0 / Math.log(b);
        const lam = vega / b;
        const g = invL - invLnBeta;
        nu = g / (lam * invL * invL);
        const lamInvL = lam * invL;
        gamma = (c2 - lam) - 2.0 * lamInvL;
        delta = (c3 - 3.0 * lam * c2 + 2.0 * lam * lam) - 6.0 * (c2 - lam) * lamInvL + 6.0 * lamInvL * lamInvL;
      }
    } else if (branch == BRANCH_HIGHEST) {
      // g = ln(b_max − β) − ln D(s), D = b_max − b(s) (no cancellation): g' = μ = b'/D,
      // γ = c2 + μ, δ = c3 + 3μc2 + 2μ²
      const D = normalisedBlackComplementOtm(xh, xl, evH, evHl, 0.5 * s, 0.0, evE);
      below = D > omegaBeta;
      if (D > 0.0 && vega > 0.0) {
        const mu = vega / D;
        nu = (Math.log(D) - lnOmegaBeta) / mu;
        gamma = c2 + mu;
        delta = c3 + 3.0 * mu * c2 + 2.0 * mu * mu;
      }
    } else {
      // g = b − β: γ = c2, δ = c3
      below = b < beta;
      if (vega > 0.0) {
        nu = (beta - b) / vega;
        gamma = c2;
        delta = c3;
      }
    }
    if (below) { if (s > lo) lo = s; } else { if (s < hi) hi = s; }
    let step = nu * (1.0 + 0.5 * gamma * nu) / (1.0 + nu * (gamma + delta * nu * (1.0 / 6.0)));
    if (!(Math.abs(step) < Infinity) || (step > 0.0) != (nu > 0.0)) step = nu; // Newton's step instead
    const sNew = s + step;
    if (sNew >= lo && sNew <= hi && sNew > 0.0) {
      // Order-four convergence: the error left after this step is about C·|step|⁴ (relative), with C
      // estimated from the previous step as |step|/|prevStep|⁴; accept when that is below a quarter ulp.
      const rel = Math.abs(step) / sNew;
      if (rel <= STOP_REL) { ivStatus = OK; return sNew; }
      if (rel <= STOP_REL_ESTIMATED) {
        const r2 = rel * rel;
        const p2 = prevRel * prevRel;
        if (rel * r2 * r2 <= 0.25 * EPS * p2 * p2) { ivStatus = OK; return sNew; }
      }
      prevRel = rel;
      s = sNew;
    } else {
      prevRel = Infinity;
      if (Math.abs(step) <= 4.0 * EPS * s) { ivStatus = OK; return s; }
      s = hi < Infinity ? 0.5 * (lo + hi) : 2.0 * (s > lo ? s : lo) + 1.0;
    }
    if (hi - lo <= 4.0 * EPS * hi) { ivStatus = OK; return 0.5 * (lo + hi); }
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
 * iteration failure → NO_CONVERGENCE. vol = NaN unless OK. Solves that reach the iteration are counted in
 * the iteration histogram (`ivHistogramCount`).
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
  const bmax = Math.exp(0.5 * xh) * (1.0 + 0.5 * xl);
  if (!(beta < bmax)) { ivStatus = ABOVE_MAXIMUM; return NaN; }
  const s = solveNormalised(xh, xl, beta, bmax);
  let k = ivIterations;
  if (k >= IV_HISTOGRAM_SLOTS) k = IV_HISTOGRAM_SLOTS - 1;
  const slot = IV_HISTOGRAM + (<usize>k << 2);
  store<i32>(slot, load<i32>(slot) + 1);
  if (ivStatus != OK) return NaN;
  return s / Math.sqrt(T);
}
