// Geometric-average-price Asian options (European exercise), continuous or discrete averaging.
//
// Sources:
//   - A. G. Z. Kemna, A. C. F. Vorst, "A pricing method for options based on average asset values",
//     J. Banking & Finance 14 (1990) 113–129 (continuous geometric average).
//   - E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §4.20.1 (continuous:
//     σ_A = σ/√3, b_A = (b − σ²/6)/2) and §4.20.2 (discrete fixings).
//   - For any fixing times 0 < t_1 < … < t_n ≤ T, ln G = (1/n)·Σ ln S(t_i) is normal with
//     mean ln S + (b − σ²/2)·t̄, t̄ = (1/n)·Σ t_i, and variance σ²·V, V = (1/n²)·Σ_{i,j} min(t_i, t_j)
//     = (1/n²)·Σ_k t_k·(2(n − k) + 1) (k = 1…n); so the option is a Black-76 option on the forward
//     F_G = E[G] = S·exp((b − σ²/2)·t̄ + σ²V/2) with total variance σ²V, discounted at r over T.
//     Continuous averaging is the limit t̄ = T/2, V = T/3 (Kemna–Vorst); n equally spaced fixings
//     t_i = iT/n give t̄ = T(n+1)/(2n), V = T(n+1)(2n+1)/(6n²).
//
// Units (DESIGN §4): S, K currency; T, t_i years; vol, r, q decimals (continuously compounded);
// cost of carry b = r − q. Outputs: price; delta ∂V/∂S; vega ∂V/∂σ per 1.00 of vol — analytic:
// delta = Δ_F·F_G/S, vega = Δ_F·∂F_G/∂σ + ν_B·√(V/T) with ∂F_G/∂σ = F_G·σ·(V − t̄), where Δ_F and
// ν_B are the Black-76 delta and vega (../european.ts). The Black-76 evaluation supplies the limits:
// T = 0 → payoff max(±(S − K), 0); vol = 0 → e^{−rT}·max(±(F_G − K), 0).

import { OK, INVALID_INPUT } from "../../status";
import { validExpiry, validLevel, validRate, validVol } from "../limits";
import { MODEL_BLACK76 } from "../european";
import { vanilla, vanillaDelta, vanillaVega, writeOut } from "./common";

/** Largest number of fixings accepted (also the facade's rule). */
export const MAX_FIXINGS: i32 = 100000;

/** t̄ of the last `fixingMoments` call. */
let meanTime: f64 = 0.0;
/** V = (1/n²)·Σ min(t_i, t_j) of the last `fixingMoments` call. */
let varTime: f64 = 0.0;

/**
 * Sets `meanTime` and `varTime` for a fixing schedule: nFix = 0 continuous; nFix > 0 and times = 0:
 * nFix equally spaced fixings T/n, 2T/n, …, T; times ≠ 0: the nFix f64 times at `times`, which must be
 * finite, strictly increasing, in (0, T]. Returns false for an invalid schedule.
 */
function fixingMoments(T: f64, nFix: i32, times: usize): bool {
  if (nFix == 0) { meanTime = 0.5 * T; varTime = T / 3.0; return true; }
  if (nFix < 0 || nFix > MAX_FIXINGS) return false;
  const n = <f64>nFix;
  if (times == 0) {
    meanTime = T * (n + 1.0) / (2.0 * n);
    varTime = T * (n + 1.0) * (2.0 * n + 1.0) / (6.0 * n * n);
    return true;
  }
  let prev: f64 = 0.0;
  let sum: f64 = 0.0;
  let sumMin: f64 = 0.0;
  for (let k: i32 = 0; k < nFix; k++) {
    const t = load<f64>(times + (<usize>k << 3));
    if (!(t > prev && t <= T)) return false; // also rejects NaN
    sum += t;
    sumMin += t * <f64>(2 * (nFix - k) - 1);
    prev = t;
  }
  meanTime = sum / n;
  varTime = sumMin / (n * n);
  return true;
}

/**
 * One geometric Asian option; writes (price, delta, vega) to element i of the three columns at `out`.
 * Returns OK or INVALID_INPUT (outputs NaN).
 */
export function geometricAsianOne(
  isCall: bool, S: f64, K: f64, T: f64, vol: f64, r: f64, q: f64, nFix: i32, times: usize,
  out: usize, n: i32, i: i32,
): u8 {
  if (!validLevel(S) || !validLevel(K) || !validExpiry(T) || !validVol(vol) || !validRate(r) || !validRate(q) ||
    !fixingMoments(T, nFix, times)) {
    writeOut(out, n, i, NaN, NaN, NaN);
    return INVALID_INPUT;
  }
  const b = r - q;
  const s2 = vol * vol;
  const F = S * Math.exp((b - 0.5 * s2) * meanTime + 0.5 * s2 * varTime);
  // Black-76 vol over T with the same total variance σ²V.
  const ratio = T > 0.0 ? Math.sqrt(varTime / T) : 0.0;
  const price = vanilla(MODEL_BLACK76, isCall, F, K, T, vol * ratio, r, 0.0);
  const deltaF = vanillaDelta;
  const delta = deltaF * (F / S);
  const vega = deltaF * F * vol * (varTime - meanTime) + vanillaVega * ratio;
  writeOut(out, n, i, price, delta, vega);
  return OK;
}

/**
 * Batch over n options sharing one fixing schedule (nFix, times as in `fixingMoments`; with equally
 * spaced fixings each element uses its own T). Columns: isCall u8; spots, strikes, expiries, vols, rates,
 * dividendYields f64; out = 3 columns of n f64 (price, delta, vega); status u8. Returns the number of
 * elements whose status is not OK.
 */
export function geometricAsianBatchImpl(
  n: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, nFix: i32, times: usize, out: usize, status: usize,
): i32 {
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const c = load<u8>(isCall + <usize>i);
    let st: u8;
    if (c > 1) {
      writeOut(out, n, i, NaN, NaN, NaN);
      st = INVALID_INPUT;
    } else {
      st = geometricAsianOne(c == 1, load<f64>(spots + o), load<f64>(strikes + o), load<f64>(expiries + o),
        load<f64>(vols + o), load<f64>(rates + o), load<f64>(dividendYields + o), nFix, times, out, n, i);
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
