// Continuously monitored lookback options (European exercise) under Black–Scholes–Merton.
//
// Sources:
//   - M. B. Goldman, H. B. Sosin, M. A. Gatto, "Path dependent options: buy at the low, sell at the high",
//     J. Finance 34 (1979) 1111–1127 (floating strike).
//   - A. Conze, Viswanathan, "Path dependent options: the case of lookback options", J. Finance 46 (1991)
//     1893–1907 (fixed strike).
//   - E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §4.15.1 (floating strike)
//     and §4.15.2 (fixed strike), whose four formulas are all of the form
//       V = e^{−rT}·(intrinsic of the running extremum) + BSM(S, Y) + η·S·e^{−rT}·G(−η·d1(Y), η, Y),
//       G(x, s, Y) = σ²/(2b)·[(S/Y)^{−2b/σ²}·N(x + s·2b√T/σ) − e^{bT}·N(x)],
//     d1(Y) = (ln(S/Y) + (b + σ²/2)T)/(σ√T), with
//       floating call: BSM call, Y = m (running minimum),             η = +1;
//       floating put:  BSM put,  Y = M (running maximum),             η = −1;
//       fixed call:    BSM call, Y = max(K, M), intrinsic (M − K)⁺,   η = −1;
//       fixed put:     BSM put,  Y = min(K, m), intrinsic (K − m)⁺,   η = +1.
//     (Haug's fixed-strike formulas for K > M and K ≤ M are the two cases of Y.) BSM is ../european.ts.
//   - Zero carry b = r − q → 0: G is 0/0. With u = −2b·ln(S/Y)/σ² and δ = 2b√T/σ,
//       G = e^u·s·σ√T·(1/(sδ))∫_x^{x+sδ}φ + (σ²/2)·e^{bT}·c·expm1(bc)/(bc)·N(x),  c = −2ln(S/Y)/σ² − T,
//     which has no division by b and is used while |u| ≤ 1 and |δ| ≤ 1 (the mean of φ over the short
//     interval by 8-point Gauss–Legendre, see ./common.ts); at b = 0 it is Haug's limit
//     σ√T·φ(x) − (ln(S/Y) + σ²T/2)·N(x).
//
// Units (DESIGN §4). Outputs: price; delta ∂V/∂S with the running extremum held fixed; vega ∂V/∂σ per
// 1.00 vol — both central differences of the price in the kernel (steps min(1e-5, 1e-4·ℓ)·S and
// 1e-5·max(σ, 0.05), ℓ = min(1, σ√T, σ²/(2|r − q|)) the scale in ln S on which the price varies, so that
// the step resolves it at small vol; one-sided three-point formulas, holding the extremum fixed, where the spot step would
// cross the running extremum, or the vol step would go below 0). A new floating-strike contract (running
// extremum = spot, T > 0, σ > 0) takes delta = V/S exactly: V(S, m) is homogeneous of degree 1 in (S, m)
// and ∂V/∂m = 0 at S = m. At T = 0 or σ = 0 the delta is the one-sided derivative of the deterministic
// value (where ∂V/∂m ≠ 0), so it is not the σ → 0 limit of the delta of a new contract.
// Limits: T = 0 or σ = 0 → the deterministic path S·e^{bt} (monotone): the payoff on its extremum
// (with the running one), discounted.

import { OK, INVALID_INPUT } from "../../status";
import { validExpiry, validLevel, validRate, validVol } from "../limits";
import { normCdf } from "../../math/normal";
import { bsmPrice, expCdf, expMeanPdf, expm1OverX, writeOut, FD_REL } from "./common";

/** (S/Y)-power bracket G(x, s, Y) of the header, robust for small |b| and small σ. */
function bracket(S: f64, Y: f64, T: f64, sig: f64, b: f64, x: f64, s: f64): f64 {
  const s2 = sig * sig;
  const sT = sig * Math.sqrt(T);
  const lsy = Math.log(S / Y);
  const delta = 2.0 * b * Math.sqrt(T) / sig;
  const u = -2.0 * b * lsy / s2;
  if (Math.abs(u) <= 1.0 && Math.abs(delta) <= 1.0) {
    const c = -2.0 * lsy / s2 - T;
    return s * sT * expMeanPdf(u, x, s * delta) + 0.5 * s2 * Math.exp(b * T) * c * expm1OverX(b * c) * normCdf(x);
  }
  return s2 / (2.0 * b) * (expCdf(u, x + s * delta) - expCdf(b * T, x));
}

/** Lookback price; `ext` is the running minimum (η = +1 cases) or maximum (η = −1). Inputs valid. */
function price(isCall: bool, fixed: bool, S: f64, K: f64, T: f64, sig: f64, r: f64, q: f64, ext: f64): f64 {
  const b = r - q;
  const disc = Math.exp(-r * T);
  const usesMin = isCall != fixed;             // floating call, fixed put
  if (T == 0.0 || sig == 0.0) {
    const ST = S * Math.exp(b * T);
    const lo = Math.min(ext, Math.min(S, ST));
    const hi = Math.max(ext, Math.max(S, ST));
    let payoff: f64;
    if (!fixed) payoff = isCall ? ST - lo : hi - ST;
    else payoff = isCall ? Math.max(hi - K, 0.0) : Math.max(K - lo, 0.0);
    return disc * payoff;
  }
  let Y = ext;
  let intrinsic: f64 = 0.0;
  if (fixed) {
    if (isCall) { Y = Math.max(K, ext); intrinsic = Math.max(ext - K, 0.0); }
    else { Y = Math.min(K, ext); intrinsic = Math.max(K - ext, 0.0); }
  }
  const eta: f64 = usesMin ? 1.0 : -1.0;
  const sT = sig * Math.sqrt(T);
  const d1 = (Math.log(S / Y) + (b + 0.5 * sig * sig) * T) / sT;
  const vanillaPart = bsmPrice(isCall, S, Y, T, sig, r, q);
  return disc * intrinsic + vanillaPart + eta * S * disc * bracket(S, Y, T, sig, b, -eta * d1, eta);
}

/**
 * Spot step of the delta as a fraction of S·ℓ (ℓ from `spotScale`), when below FD_REL·S. The price's
 * rounding error is ~1e-16 of its terms (~S), not of V, so the best step is ~(1e-16·ℓ²)^{1/3}·S ≈ 1e-4·ℓ·S
 * at small ℓ (errors ~3e-8 relative against mpmath at vol 0.001; 1e-5·ℓ·S gave ~7e-7).
 */
const SPOT_STEP: f64 = 1e-4;

/**
 * Length scale, in ln S, on which a lookback price varies near its running extremum (or Y): the smaller
 * of σ√T (the d1 terms) and σ²/(2|b|) (the power (S/Y)^{−2b/σ²}), capped at 1. The spot step of the
 * delta is FD_REL·S times it, so it resolves the price's structure at small vol (at vol 0.001, r 0.05 the
 * power varies on 1e-5·S: a step of 1e-5·S gave delta 0.21 instead of 0.0488). T > 0, σ > 0. The
 * step is min(FD_REL, SPOT_STEP·ℓ)·S (FD_REL·S, as before, at ordinary vols).
 */
function spotScale(T: f64, sig: f64, b: f64): f64 {
  let l = Math.min(1.0, sig * Math.sqrt(T));
  if (b != 0.0) l = Math.min(l, sig * sig / (2.0 * Math.abs(b)));
  return l;
}

/**
 * One lookback option. fixed = false: floating strike (K ignored); fixed = true: fixed strike K.
 * `ext` = running minimum for a floating call / fixed put (must be ≤ S), running maximum for a floating
 * put / fixed call (must be ≥ S). Writes (price, delta, vega) to element i of the three columns at
 * `out`. Returns OK or INVALID_INPUT (outputs NaN).
 */
export function lookbackOne(
  isCall: bool, fixed: bool, S: f64, K: f64, T: f64, sig: f64, r: f64, q: f64, ext: f64,
  out: usize, n: i32, i: i32,
): u8 {
  const usesMin = isCall != fixed;
  if (!validLevel(S) || (fixed && !validLevel(K)) || !validExpiry(T) || !validVol(sig) || !validRate(r) ||
    !validRate(q) || !validLevel(ext) || (usesMin ? ext > S : ext < S)) {
    writeOut(out, n, i, NaN, NaN, NaN);
    return INVALID_INPUT;
  }
  const v = price(isCall, fixed, S, K, T, sig, r, q, ext);
  const random = T > 0.0 && sig > 0.0;
  const hS = S * (random ? Math.min(FD_REL, SPOT_STEP * spotScale(T, sig, r - q)) : FD_REL);
  let delta: f64;
  // the running minimum must stay ≤ S (maximum ≥ S) under the spot step
  const lowOk = usesMin ? S - hS >= ext : true;
  const highOk = usesMin ? true : S + hS <= ext;
  if (!fixed && random && S == ext) {
    // new floating-strike contract: V(S, m) = S·f(S/m) is homogeneous of degree 1 and ∂V/∂m = 0 at
    // S = m, so ∂V/∂S = V/S exactly (Euler's theorem)
    delta = v / S;
  } else if (lowOk && highOk) {
    delta = (price(isCall, fixed, S + hS, K, T, sig, r, q, ext) - price(isCall, fixed, S - hS, K, T, sig, r, q, ext)) / (2.0 * hS);
  } else {
    const d: f64 = lowOk ? -1.0 : 1.0;
    const f1 = price(isCall, fixed, S + d * hS, K, T, sig, r, q, ext);
    const f2 = price(isCall, fixed, S + 2.0 * d * hS, K, T, sig, r, q, ext);
    delta = d * (-3.0 * v + 4.0 * f1 - f2) / (2.0 * hS);
  }
  let vega: f64 = 0.0;
  if (T > 0.0) {
    const hV = FD_REL * Math.max(sig, 0.05);
    if (sig - hV > 0.0) {
      vega = (price(isCall, fixed, S, K, T, sig + hV, r, q, ext) - price(isCall, fixed, S, K, T, sig - hV, r, q, ext)) / (2.0 * hV);
    } else {
      const f1 = price(isCall, fixed, S, K, T, sig + hV, r, q, ext);
      const f2 = price(isCall, fixed, S, K, T, sig + 2.0 * hV, r, q, ext);
      vega = (-3.0 * v + 4.0 * f1 - f2) / (2.0 * hV);
    }
  }
  writeOut(out, n, i, v, delta, vega);
  return OK;
}

/**
 * Batch: `fixed` 0 floating / 1 fixed strike (shared); columns isCall u8, spots, strikes (ignored when
 * floating; may hold anything), expiries, vols, rates, dividendYields, extrema f64; out = 3 columns of n
 * f64 (price, delta, vega); status u8. Returns the number of elements not OK.
 */
export function lookbackBatchImpl(
  n: i32, fixed: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, extrema: usize, out: usize, status: usize,
): i32 {
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const c = load<u8>(isCall + <usize>i);
    let st: u8;
    if (c > 1 || fixed < 0 || fixed > 1) {
      writeOut(out, n, i, NaN, NaN, NaN);
      st = INVALID_INPUT;
    } else {
      st = lookbackOne(c == 1, fixed == 1, load<f64>(spots + o), load<f64>(strikes + o), load<f64>(expiries + o),
        load<f64>(vols + o), load<f64>(rates + o), load<f64>(dividendYields + o), load<f64>(extrema + o), out, n, i);
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
