// Accurate log-moneyness and total volatility shared by pricing and implied volatility.
//
// Sources: the double-double technique of Dekker (1971) and Knuth (TAOCP vol. 2 §4.2.2), see ../math/eft.ts;
// the definitions x = ln(F/K), F = S·e^{(r−q)T}, s = σ√T follow Jäckel, "Let's Be Rational" (2015) §1.
// Why double-double: for deep out-of-the-money options the price is exp(−h²/2)-small with h = x/s up to
// ~40, so its relative error is about h²·(relative error of x and s); x and s are therefore carried with
// a low-order part.

import { twoSum, twoProd, eftLo } from "../math/eft";

/** Low part of the last `logMoneyness` result. */
export let moneynessLo: f64 = 0.0;
/** Low part of the last `totalVol` result. */
export let totalVolLo: f64 = 0.0;
/** Low part of the last `carryTimesT` result. */
export let carryLo: f64 = 0.0;

/**
 * (r − q)·T in double-double. Inputs: rate r, dividend yield q (continuously compounded, per year),
 * expiry T (years). Returns the high part; the low part goes to `carryLo`.
 */
export function carryTimesT(r: f64, q: f64, T: f64): f64 {
  const bh = twoSum(r, -q);
  const bl = eftLo;
  const p = twoProd(bh, T);
  const pl = eftLo + bl * T;
  const hi = p + pl;
  carryLo = pl - (hi - p);
  return hi;
}

/**
 * x = ln(S/K) + cT in double-double, where cT = cTh + cTl is the carry times expiry (0 for Black-76 with
 * S = F). ln(S/K) uses the exact residual of the quotient: ln(S/K) = ln(ρ) + (S − ρK)/S with ρ = fl(S/K).
 * Inputs: S, K > 0 finite (same currency). Returns the high part of x (dimensionless); low part in
 * `moneynessLo`.
 */
export function logMoneyness(S: f64, K: f64, cTh: f64, cTl: f64): f64 {
  const rho = S / K;
  let lh: f64;
  let ll: f64 = 0.0;
  if (rho >= 2.2250738585072014e-308 && rho < Infinity) {
    lh = Math.log(rho);
    const p = twoProd(rho, K);
    const e = (S - p) - eftLo;
    ll = e / S;
  } else {
    lh = Math.log(S) - Math.log(K);
  }
  const xh = twoSum(lh, cTh);
  const xl = eftLo + ll + cTl;
  const hi = xh + xl;
  moneynessLo = xl - (hi - xh);
  return hi;
}

/**
 * s = σ·√T in double-double. Inputs: vol σ (per √year), expiry T (years), sqrtT = fl(√T). Returns the
 * high part (dimensionless); low part in `totalVolLo`.
 */
export function totalVol(vol: f64, T: f64, sqrtT: f64): f64 {
  if (sqrtT == 0.0) { totalVolLo = 0.0; return 0.0; }
  const sq = twoProd(sqrtT, sqrtT);
  const sqrtTLo = ((T - sq) - eftLo) / (2.0 * sqrtT);
  const p = twoProd(vol, sqrtT);
  const pl = eftLo + vol * sqrtTLo;
  const hi = p + pl;
  totalVolLo = pl - (hi - p);
  return hi;
}

/**
 * The discounted forward gap Sd − Kd = e^{−rT}(F − K) with Sd = S·e^{−qT}, Kd = K·e^{−rT}, accurate in
 * relative terms also near the money-forward: for |x| < 1/2 it is Kd·expm1(x) with x = xh + xl = ln(F/K)
 * (first-order correction for xl), otherwise the plain difference (then |Sd − Kd| ≥ 0.39·max(Sd, Kd)).
 * Inputs in currency (Sd, Kd > 0) and x dimensionless. Output in currency; sign of x.
 */
export function forwardGap(Sd: f64, Kd: f64, xh: f64, xl: f64): f64 {
  if (Math.abs(xh) < 0.5) {
    const em = Math.expm1(xh);
    return Kd * (em + (1.0 + em) * xl);
  }
  return Sd - Kd;
}
