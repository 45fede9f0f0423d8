// Probability that a loan's health factor falls to 1 (liquidation) before a horizon: the first passage of
// Brownian motion with drift to a lower barrier.
//
// Model (issue #5 §4): collateral price GBM with real-world drift μ and vol σ; debt accrues at the borrow
// rate b and the collateral earns the yield y (both continuously compounded), so
//   ln HF(t) = x0 + ν·t + σ·W_t,   x0 = ln HF0,   ν = m − σ²/2,   m = μ + y − b.
// Liquidation is the first time ln HF(t) reaches 0. For x0 > 0, σ > 0, T > 0 (reflection principle):
//   P(τ ≤ T) = Φ(d1) + e^{−2νx0/σ²}·Φ(d2),   d1 = (−x0 − νT)/(σ√T),   d2 = (−x0 + νT)/(σ√T).
// Sources: S. E. Shreve, Stochastic Calculus for Finance II (Springer 2004), §7.2 (the joint law of Brownian
// motion with drift and its running maximum, from which P(max ≥ m) follows; applied to −X); J. M. Harrison,
// Brownian Motion and Stochastic Flow Systems (Wiley 1985), ch. 1 (hitting probabilities of Brownian motion
// with drift); M. Musiela, M. Rutkowski, Martingale Methods in Financial Modelling (2nd ed. 2005), the
// running-minimum lemmas behind their barrier-option formulas; Karatzas–Shreve, Brownian Motion and
// Stochastic Calculus (1991), §3.5.C, for the first-passage density. (Section numbers as cited from memory
// of these texts; the formula itself is checked against an independent quadrature in the vector generator.)
//
// Numerics. Because e^{−2νx0/σ²}·φ(d2) = φ(d1) exactly, the second term is formed as φ(d1)·Y(d2) with
// Mills' ratio Y = Φ/φ (../math/normal.ts, Cody's rational function: no exponential) whenever d2 < 0; this
// never overflows (e^{−2νx0/σ²} alone reaches e^{1e6} for small σ and ν < 0). For d2 ≥ 0 (only when
// ν > 0) the exponent is ≤ 0 and the plain product is used. Both terms are ≥ 0: no cancellation, so P keeps
// full relative accuracy down to the smallest doubles.
//
// Analytic sensitivities (derived from the closed form with the identity above; checked in the tests
// against mpmath.diff at 50 digits and against central differences). With T2 = e^{−2νx0/σ²}Φ(d2):
//   ∂P/∂x0 = −2φ(d1)/(σ√T) − (2ν/σ²)·T2                      (per unit of ln HF0; ≤ 0)
//   ∂P/∂σ  = 2x0·φ(d1)/(σ²√T) + 4x0·m·T2/σ³                   (m = μ + y − b held fixed; ≥ 0 when m ≥ 0)
//   ∂P/∂T  = x0·φ(d1)/(σ·T^{3/2})                              (the first-passage density; ≥ 0)
//   ∂P/∂m  = −2x0·T2/σ²                                         (= ∂/∂μ = ∂/∂y = −∂/∂b; ≤ 0)
// Distances: distanceToLiquidation = x0/(σ√T) (driftless, the standard deviations of ln HF to the
// barrier at the horizon); with drift (x0 + νT)/(σ√T) = −d1, so that P(HF_T ≤ 1) = Φ(−that).
//
// Limits (exact): HF0 ≤ 1 → P = 1 (already liquidatable) and every sensitivity 0 (P is constant on HF ≤ 1;
// these are left derivatives at HF0 = 1); HF0 = +∞ (no debt) → P = 0, sensitivities 0, distances +∞.
// σ√T < 1e-50 (σ = 0 or T = 0 included): the path is deterministic, ln HF(t) = x0 + νt, and it reaches 0 by T
// iff x0 + νT ≤ 0, so P ∈ {0, 1}, sensitivities 0 (the closed form differs from this by less than the
// smallest double except within ~1e-49 of the boundary x0 + νT = 0, where P jumps); distances are ±∞ by the
// sign of their numerator (0 when it is 0).

import { OK, INVALID_INPUT } from "../status";
import { validExpiry, validRate, validVol } from "../options/limits";
import { normCdf, normMills, normPdf } from "../math/normal";

/** Outputs per element, each a column of n f64 at `out + k·n·8`, in this order. */
export const FP_PROBABILITY: i32 = 0;
export const FP_DISTANCE: i32 = 1;
export const FP_DISTANCE_DRIFT: i32 = 2;
export const FP_D_VOL: i32 = 3;
export const FP_D_LOG_HF: i32 = 4;
export const FP_D_HORIZON: i32 = 5;
export const FP_D_DRIFT: i32 = 6;
/** Number of output columns. */
export const FP_COLUMNS: i32 = 7;
/** Below this σ√T the path is treated as deterministic (see the header). */
const DETERMINISTIC_SCALE: f64 = 1e-50;

// @ts-ignore: decorator
@inline
function put(out: usize, n: i32, i: i32, k: i32, v: f64): void {
  store<f64>(out + ((<usize>k * <usize>n + <usize>i) << 3), v);
}

/** num/s with s ≥ 0: ±∞ by the sign of num when s = 0 (0 when num = 0). */
// @ts-ignore: decorator
@inline
function ratio(num: f64, s: f64): f64 {
  if (s > 0.0) return num / s;
  return num > 0.0 ? Infinity : (num < 0.0 ? -Infinity : 0.0);
}

/** Writes P, the two distances, and zero sensitivities (the flat cases). */
function writeFlat(out: usize, n: i32, i: i32, p: f64, dist: f64, distDrift: f64): void {
  put(out, n, i, FP_PROBABILITY, p);
  put(out, n, i, FP_DISTANCE, dist);
  put(out, n, i, FP_DISTANCE_DRIFT, distDrift);
  put(out, n, i, FP_D_VOL, 0.0);
  put(out, n, i, FP_D_LOG_HF, 0.0);
  put(out, n, i, FP_D_HORIZON, 0.0);
  put(out, n, i, FP_D_DRIFT, 0.0);
}

/**
 * One element: health factor hf (> 0, +∞ allowed), vol σ (0…10), horizon T (0…50 years), drift μ,
 * borrow rate b and collateral yield y (decimals, |·| ≤ 1). Writes the FP_COLUMNS outputs of element i
 * (of n) at `out`; returns OK, or INVALID_INPUT with NaN outputs.
 */
export function firstPassageOne(hf: f64, sig: f64, T: f64, mu: f64, b: f64, y: f64, out: usize, n: i32, i: i32): u8 {
  if (!(hf > 0.0) || !validVol(sig) || !validExpiry(T) || !validRate(mu) || !validRate(b) || !validRate(y)) {
    for (let k: i32 = 0; k < FP_COLUMNS; k++) put(out, n, i, k, NaN);
    return INVALID_INPUT;
  }
  if (hf == Infinity) {
    writeFlat(out, n, i, 0.0, Infinity, Infinity);
    return OK;
  }
  const x0 = Math.log(hf);
  const m = (mu + y) - b;
  const nu = m - 0.5 * sig * sig;
  const sqT = Math.sqrt(T);
  const s = sig * sqT;
  const driftNum = x0 + nu * T;
  if (hf <= 1.0) {
    writeFlat(out, n, i, 1.0, ratio(x0, s), ratio(driftNum, s));
    return OK;
  }
  if (!(s >= DETERMINISTIC_SCALE)) {
    writeFlat(out, n, i, T > 0.0 && driftNum <= 0.0 ? 1.0 : 0.0, ratio(x0, s), ratio(driftNum, s));
    return OK;
  }
  const d1 = -driftNum / s;
  const d2 = (nu * T - x0) / s;
  const pdf1 = normPdf(d1);
  const t1 = normCdf(d1);
  let t2: f64;
  if (d2 < 0.0) {
    t2 = pdf1 * normMills(d2);
  } else {
    t2 = Math.exp(-2.0 * nu * x0 / (sig * sig)) * normCdf(d2);
  }
  const p = Math.min(t1 + t2, 1.0);
  const s2 = sig * sig;
  put(out, n, i, FP_PROBABILITY, p);
  put(out, n, i, FP_DISTANCE, x0 / s);
  put(out, n, i, FP_DISTANCE_DRIFT, -d1);
  put(out, n, i, FP_D_VOL, 2.0 * x0 * pdf1 / (s2 * sqT) + 4.0 * x0 * m * (t2 / s2) / sig);
  put(out, n, i, FP_D_LOG_HF, -2.0 * pdf1 / s - 2.0 * nu * (t2 / s2));
  put(out, n, i, FP_D_HORIZON, x0 * pdf1 / (s * T));
  put(out, n, i, FP_D_DRIFT, -2.0 * x0 * (t2 / s2));
  return OK;
}

/**
 * Batch over n elements: input columns of n f64 (health factors, vols, horizons in years, drifts, borrow
 * rates, collateral yields); `out` holds FP_COLUMNS columns of n f64 (probability, distanceToLiquidation,
 * distanceToLiquidationWithDrift, ∂P/∂σ, ∂P/∂ln HF, ∂P/∂T, ∂P/∂m); `status` n u8. Returns the number of
 * elements whose status is not OK.
 */
export function firstPassageBatchImpl(
  n: i32, hfs: usize, vols: usize, horizons: usize, drifts: usize, borrowRates: usize, yields: usize,
  out: usize, status: usize,
): i32 {
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const st = firstPassageOne(load<f64>(hfs + o), load<f64>(vols + o), load<f64>(horizons + o), load<f64>(drifts + o),
      load<f64>(borrowRates + o), load<f64>(yields + o), out, n, i);
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
