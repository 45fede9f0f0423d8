// European option price and Greeks under Black–Scholes–Merton (spot, dividend yield) and Black-76 (forward).
//
// Sources:
//   - F. Black, M. Scholes (1973); R. C. Merton (1973); F. Black, "The pricing of commodity contracts",
//     J. Financial Economics 3 (1976) 167–179.
//   - E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (McGraw-Hill 2007), ch. 1–2:
//     generalised Black–Scholes with cost of carry b (b = r − q: Merton; b = 0: Black-76), and the closed
//     forms of delta, gamma, vega, theta, rho, vanna (DdeltaDvol), volga (DvegaDvol), charm (DdeltaDtime).
//   - J. C. Hull, Options, Futures and Other Derivatives, 10th ed., ch. 19 (Greeks).
//   - P. Jäckel, "Let's Be Rational" (2015): price = e^{−rT}·√(F·K)·b(x, s) via ./normalisedBlack.ts.
//
// Units (DESIGN §4): S/F and K in currency; T in years; vol, rate r and dividend yield q as decimals per year
// (continuously compounded). Outputs: price (currency); delta ∂V/∂S (∂V/∂F for Black-76); gamma ∂²V/∂S²;
// vega ∂V/∂σ per 1.00 vol; theta = ∂V/∂t = −∂V/∂T per year; rho ∂V/∂r per 1.00 (Black-76: F held fixed,
// = −T·V); vanna ∂²V/∂S∂σ; volga ∂²V/∂σ²; charm = −∂delta/∂T per year.
// Black-76 is evaluated as the generalised formula with S = F and q = r (b = 0); only rho differs.

import { OK, DEGENERATE } from "../status";
import { normCdfFast, normCdfFastExp, ONE_OVER_SQRT_TWO_PI } from "../math/normal";
import { twoSum, twoProd, eftLo } from "../math/eft";
import { normalisedBlackOtm, ratioDD, ratioLo, cdfRegion, cdfU, cdfV } from "./normalisedBlack";
import {
  carryTimesT, carryLo, logMoneyness, moneynessLo, totalVol, totalVolLo, forwardGap,
} from "./forwardMoneyness";

/** Model code: Black–Scholes–Merton on a spot with a dividend yield. */
export const MODEL_BSM: i32 = 0;
/** Model code: Black-76 on a forward. */
export const MODEL_BLACK76: i32 = 1;

/** |d| beyond which φ(d) < 1e-322 is taken as 0 (as in ../math/normal.ts). */
export const TAIL_ZERO: f64 = 38.5;
/** Cody's central range |d| ≤ 0.66291, where Φ uses no exponential (../math/normal.ts). */
export const CDF_CENTRAL: f64 = 0.66291;

// @ts-ignore: decorator
@inline
function put(out: usize, col: usize, colBytes: usize, offset: usize, v: f64): void {
  store<f64>(out + col * colBytes + offset, v);
}

/**
 * Writes NaN into the requested output columns of element `offset/8`. `greeks`: 0 price, 1 + five Greeks,
 * 2 all nine (the layout of the batch ABI: 9 columns of `colBytes` bytes each).
 */
export function writeNaN(greeks: i32, out: usize, colBytes: usize, offset: usize): void {
  const cols: usize = greeks <= 0 ? 1 : (greeks == 1 ? 6 : 9);
  for (let c: usize = 0; c < cols; c++) put(out, c, colBytes, offset, NaN);
}

/**
 * Price of the regular case (s > 0, h finite) from the normalised Black function (Jäckel 2015): for
 * x ≤ 0 the out-of-the-money call e^{−rT}√(FK)·b(x, s) (put by parity, with the discounted intrinsic
 * `forwardGap`), for x > 0 the out-of-the-money put b(−x, s) (call by parity); clamped to
 * [0, Sd] (call) or [0, Kd] (put). Leaves `cdfRegion`, `cdfU`, `cdfV` of ./normalisedBlack.ts set.
 * Inputs: x, h, t in double-double, Sd = S·e^{−qT}, Kd = K·e^{−rT}, scale = √Sd·√Kd. Shared by the
 * scalar and the SIMD paths (the latter calls it per lane), so both round identically.
 */
// @ts-ignore: decorator
@inline
export function regularPrice(
  isCall: bool, xh: f64, xl: f64, hh: f64, hl: f64, th: f64, tl: f64, Sd: f64, Kd: f64, scale: f64,
): f64 {
  let price: f64;
  if (xh <= 0.0) {
    const c = scale * normalisedBlackOtm(xh, xl, hh, hl, th, tl);
    price = isCall ? c : c - forwardGap(Sd, Kd, xh, xl);
  } else {
    const p = scale * normalisedBlackOtm(-xh, -xl, -hh, -hl, th, tl);
    price = isCall ? p + forwardGap(Sd, Kd, xh, xl) : p;
  }
  if (price < 0.0) price = 0.0;
  const maxPrice = isCall ? Sd : Kd; // no-arbitrage bound; only rounding can exceed it
  if (price > maxPrice) price = maxPrice;
  return price;
}

/** N2 = Φ(w·d2) of the last `cumulatives` call. */
export let cumN2: f64 = 0.0;

/**
 * N1 = Φ(w·d1) (returned) and N2 = Φ(w·d2) (in `cumN2`), w = +1 call, −1 put. Reuses the Φ values of the
 * price when the normalised Black function used them (`reg`, with u = Φ(h + t), v = Φ(h − t) of its
 * arguments, which were (d1, d2) for x ≤ 0 and (−d2, −d1) for x > 0); 1 − Φ is accurate to an absolute
 * ulp, which is what the Greeks' tolerances ask (absolute on their natural scale). Otherwise Cody's Φ
 * with the Gaussian factors e1 = exp(−d1²/2) (given) and e2 = exp(−d2²/2) = e1·Sd/Kd, from the
 * Black–Scholes identity Sd·φ(d1) = Kd·φ(d2) (−d2²/2 = −d1²/2 + x; Hull ch. 19): a division instead of an
 * exp, with the same relative accuracy (a few ulps plus d²·2^-53 from the rounding of d); direct exp when
 * e1 is near underflow. Shared by the scalar and SIMD paths.
 */
// @ts-ignore: decorator
@inline
export function cumulatives(
  isCall: bool, xh: f64, reg: bool, u: f64, v: f64, d1: f64, d2: f64, e1: f64, Sd: f64, Kd: f64,
): f64 {
  let n1: f64, n2: f64;
  if (reg) {
    // Reuse the price's Φ values; a complement 1 − z below 1/4 has lost relative accuracy (it is
    // multiplied by discount factors up to e^{50} in the Greeks), so take it directly then.
    const complement = (xh <= 0.0) != isCall;
    if (xh <= 0.0) {
      n1 = isCall ? u : 1.0 - u;
      n2 = isCall ? v : 1.0 - v;
    } else {
      n1 = isCall ? 1.0 - v : v;
      n2 = isCall ? 1.0 - u : u;
    }
    if (complement) {
      const w: f64 = isCall ? 1.0 : -1.0;
      if (n1 < 0.25) n1 = normCdfFast(w * d1);
      if (n2 < 0.25) n2 = normCdfFast(w * d2);
    }
  } else {
    const w: f64 = isCall ? 1.0 : -1.0;
    n1 = normCdfFastExp(w * d1, e1);
    const ad2 = Math.abs(d2);
    let e2: f64 = 0.0;
    if (ad2 > CDF_CENTRAL && ad2 <= TAIL_ZERO) { // where Cody's Φ uses its Gaussian factor
      e2 = e1 > 1e-290 ? e1 * (Sd / Kd) : 0.0;
      if (!(e2 > 0.0 && e2 <= 1.0)) e2 = Math.exp(-0.5 * d2 * d2);
    }
    n2 = normCdfFastExp(w * d2, e2);
  }
  cumN2 = n2;
  return n1;
}

/**
 * Price (and Greeks) of one European option, inputs already validated (S, K > 0 finite; 0 ≤ T ≤ 50;
 * 0 ≤ vol ≤ 10; |r|, |q| ≤ 1). model: MODEL_BSM (S = spot, q = dividend yield) or MODEL_BLACK76
 * (S = forward, q ignored). Writes price, then (greeks ≥ 1) delta, gamma, vega, theta, rho, then
 * (greeks ≥ 2) vanna, volga, charm into the columns at `out` (column k at out + k·colBytes, element at
 * + offset). Returns OK, or DEGENERATE when a requested Greek has no limit (that Greek is NaN).
 *
 * Limits (s = σ√T = 0, or h = x/s overflows): price = discounted intrinsic max(±(S·e^{−qT} − K·e^{−rT}), 0);
 * off the money-forward the Greeks are those of the deterministic discounted payoff; at the money-forward
 * (x = ln(F/K) = 0) with T > 0 the σ → 0 limits: delta ±e^{−qT}/2, vega S·e^{−qT}·√T·φ(0),
 * vanna e^{−qT}·φ(0)·√T/2, volga 0, theta ∓(r − q)·S·e^{−qT}/2, rho ±K·T·e^{−rT}/2, charm ±q·e^{−qT}/2 if
 * r = q; gamma (always), and charm with r ≠ q, have no limit → NaN + DEGENERATE. At T = 0 exactly at the
 * strike, gamma, theta and charm diverge → NaN + DEGENERATE (delta ±1/2, the T → 0 limit at vol > 0);
 * at T = 0 and vol = 0 together, delta, vanna and volga depend on the path to the limit → NaN + DEGENERATE.
 */
export function europeanOne(
  model: i32, greeks: i32, isCall: bool,
  S: f64, K: f64, T: f64, vol: f64, r: f64, q: f64,
  out: usize, colBytes: usize, offset: usize,
): u8 {
  const b76 = model == MODEL_BLACK76;
  if (b76) q = r;
  const w: f64 = isCall ? 1.0 : -1.0;
  let cTh: f64 = 0.0;
  let cTl: f64 = 0.0;
  if (!b76) { cTh = carryTimesT(r, q, T); cTl = carryLo; }
  const xh = logMoneyness(S, K, cTh, cTl);
  const xl = moneynessLo;
  const sqrtT = Math.sqrt(T);
  const sh = totalVol(vol, T, sqrtT);
  const sl = totalVolLo;
  const dfr = Math.exp(-r * T);
  const dfq = b76 ? dfr : Math.exp(-q * T);
  const Sd = S * dfq;
  const Kd = K * dfr;
  // The discounted intrinsic of the call Sd − Kd (signed, `forwardGap`) is formed only where it is used
  // (in-the-money prices, the limit branch): an expm1 saved for the other half of the options.

  let hh: f64 = 0.0;
  let hl: f64 = 0.0;
  if (sh > 0.0) { hh = ratioDD(xh, xl, sh, sl); hl = ratioLo; }
  if (sh > 0.0 && Math.abs(hh) < Infinity) {
    // ---------------- regular case ----------------
    const th = 0.5 * sh;
    const tl = 0.5 * sl;
    const scale = Math.sqrt(Sd) * Math.sqrt(Kd); // e^{−rT}·√(F·K)
    const price = regularPrice(isCall, xh, xl, hh, hl, th, tl, Sd, Kd, scale);
    put(out, 0, colBytes, offset, price);
    if (greeks <= 0) return OK;

    const d1 = hh + th;
    const d2 = hh - th;
    // One exp serves φ(d1) and the Gaussian factor of Φ(±d1): e1 = exp(−d1²/2) (bit-identical to the
    // exp inside normCdfFast/normPdfFast); Φ(±d2) gets its factor from e1 (see `cumulatives`).
    // Nothing of this is computed at greeks = 0.
    const e1 = Math.abs(d1) > TAIL_ZERO ? 0.0 : Math.exp(-0.5 * d1 * d1);
    const n1 = cumulatives(isCall, xh, cdfRegion, cdfU, cdfV, d1, d2, e1, Sd, Kd);
    const n2 = cumN2;
    const pdf1 = ONE_OVER_SQRT_TWO_PI * e1;
    const delta = w * dfq * n1;
    let gamma: f64 = 0.0;
    let vega: f64 = 0.0;
    let thetaVol: f64 = 0.0;
    if (pdf1 > 0.0) {
      gamma = dfq * pdf1 / (S * sh);
      vega = Sd * pdf1 * sqrtT;
      thetaVol = -Sd * pdf1 * vol / (2.0 * sqrtT);
    }
    let theta = thetaVol - w * r * Kd * n2 + w * q * Sd * n1;
    const rho = b76 ? -T * price : w * Kd * T * n2;
    // Terms with 1/(σ√T) or 1/T overflow only at absurd expiries (T ~ 1e-300): no finite value, so
    // NaN + DEGENERATE rather than ±Infinity (the SIMD path sends such lanes here).
    let status: u8 = OK;
    if (!isFinite<f64>(gamma)) { gamma = NaN; status = DEGENERATE; }
    if (!isFinite<f64>(theta)) { theta = NaN; status = DEGENERATE; }
    put(out, 1, colBytes, offset, delta);
    put(out, 2, colBytes, offset, gamma);
    put(out, 3, colBytes, offset, vega);
    put(out, 4, colBytes, offset, theta);
    put(out, 5, colBytes, offset, rho);
    if (greeks == 1) return status;

    let vanna: f64 = 0.0;
    let volga: f64 = 0.0;
    let charmVol: f64 = 0.0;
    if (pdf1 > 0.0) {
      vanna = -dfq * pdf1 * (d2 / vol);
      volga = vega * d1 * (d2 / vol);
      // ∂d1/∂T = (2cT − d2·s)/(2T·s) = (2cT − x + s²/2)/(2T·s), formed in double-double
      const c1 = twoSum(2.0 * cTh, -xh);
      const c1l = eftLo + (2.0 * cTl - xl);
      const s2 = twoProd(sh, sh);
      const s2l = eftLo + 2.0 * sh * sl;
      const num = (c1 + 0.5 * s2) + (c1l + 0.5 * s2l);
      charmVol = -dfq * pdf1 * (num / (2.0 * T * sh));
    }
    let charm = w * q * dfq * n1 + charmVol;
    if (!isFinite<f64>(vanna)) { vanna = NaN; status = DEGENERATE; }
    if (!isFinite<f64>(volga)) { volga = NaN; status = DEGENERATE; }
    if (!isFinite<f64>(charm)) { charm = NaN; status = DEGENERATE; }
    put(out, 6, colBytes, offset, vanna);
    put(out, 7, colBytes, offset, volga);
    put(out, 8, colBytes, offset, charm);
    return status;
  }

  // ---------------- limit s → 0 (vol = 0, T = 0, or h overflow) ----------------
  const m: i32 = xh > 0.0 ? 1 : (xh < 0.0 ? -1 : 0);
  const wm = <f64>m * w;
  let price: f64 = 0.0;
  if (wm > 0.0) {
    price = w * forwardGap(Sd, Kd, xh, xl);
    if (price < 0.0) price = 0.0;
  }
  put(out, 0, colBytes, offset, price);
  if (greeks <= 0) return OK;
  let status: u8 = OK;
  const nn: f64 = wm > 0.0 ? 1.0 : (wm < 0.0 ? 0.0 : 0.5);
  const atm = m == 0;
  // At T = 0 and vol = 0 together the money-forward limit depends on the path (T → 0 first gives
  // delta ±1/2; vol → 0 first gives the sign of r − q): delta, vanna and volga have no limit there.
  const noPath = atm && T == 0.0 && vol == 0.0;
  let delta = w * dfq * nn;
  if (noPath) { delta = NaN; status = DEGENERATE; }
  let gamma: f64 = 0.0;
  let vega: f64 = 0.0;
  if (atm) {
    gamma = NaN;
    status = DEGENERATE;
    vega = Sd * sqrtT * ONE_OVER_SQRT_TWO_PI;
  }
  let theta = -w * r * Kd * nn + w * q * Sd * nn;
  if (atm && T == 0.0) { theta = NaN; status = DEGENERATE; }
  const rho = b76 ? -T * price : w * Kd * T * nn;
  put(out, 1, colBytes, offset, delta);
  put(out, 2, colBytes, offset, gamma);
  put(out, 3, colBytes, offset, vega);
  put(out, 4, colBytes, offset, theta);
  put(out, 5, colBytes, offset, rho);
  if (greeks == 1) return status;
  const vanna: f64 = noPath ? NaN : (atm ? 0.5 * dfq * ONE_OVER_SQRT_TWO_PI * sqrtT : 0.0);
  let charm = w * q * dfq * nn;
  if (atm && (T == 0.0 || cTh != 0.0 || cTl != 0.0)) { charm = NaN; status = DEGENERATE; }
  put(out, 6, colBytes, offset, vanna);
  put(out, 7, colBytes, offset, noPath ? NaN : 0.0);
  put(out, 8, colBytes, offset, charm);
  return status;
}
