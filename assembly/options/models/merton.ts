// European options under Merton's (1976) jump diffusion: a series of Black–Scholes–Merton prices.
//
// Model (risk neutral): dS/S = (r − q − λk) dt + σ dW + (J − 1) dN, N Poisson with intensity λ (jumps per
// year), ln J ~ N(μ, δ²) (μ = `jumpMean`, δ = `jumpVol`), k = E[J − 1] = e^{μ + δ²/2} − 1.
//
// Source: R. C. Merton, "Option pricing when underlying stock returns are discontinuous", J. Financial
// Economics 3 (1976) 125–144, eq. (19); E. G. Haug, "The Complete Guide to Option Pricing Formulas",
// 2nd ed. (2007) §6.8.1. Conditional on n jumps, ln S_T is normal, so with m = μ + δ²/2:
//   V = Σ_n P(N_T = n)·BSM(S_n, K, T, σ_n, r, q),  S_n = S·e^{−λkT + n·m},  σ_n² = σ² + n·δ²/T
//     = Σ_n P'(n)·BSM(S, K_n, T, σ_n, r, q),        K_n = K·e^{λkT − n·m},  P' Poisson with mean λ'T,
// λ' = λ(1 + k) (the two rows are equal term by term, by the homogeneity of BSM in S and K).
// Each term is the BSM kernel of ../european.ts (`europeanOne`).
//
// Truncation. Calls are summed in the second form (each term ≤ S·e^{−qT}, weights Poisson(λ'T)), puts in
// the first (each term ≤ K·e^{−rT}, weights Poisson(λT)); so the weight left out bounds the error
// relative to the option's maximum value. Terms are summed outwards from the Poisson mode until the
// Poisson mass left out on each side is below EPS_TAIL = 1e-17 (bounded by the geometric series of the
// weight ratios). The number of terms is then ≤ 2·(9·√Λ + 10) + 1 for a Poisson mean Λ; calls with
// λ'T > MAX_CALL_MEAN (1e5; jumps with a large positive mean) are priced as puts (λT ≤ 5e4 by the input
// limits) plus put–call parity C = P + S·e^{−qT} − K·e^{−rT}. Hence at most ~5,700 terms on valid inputs;
// MAX_TERMS = 20,000 is a hard stop (NO_CONVERGENCE), never reached.
// A term whose log forward-moneyness x_n = ln(F_n/K) is beyond ±X_LIM = 400 takes its σ → 0 limit
// (deterministic intrinsic); the neglected value is below Φ(−(400 − s²/2)/s) of the term's maximum,
// s² = σ²T + nδ² its total variance: under 1e-30 for s² ≤ 400.
// λT = 0 (no jumps possible) is exactly the BSM kernel.
//
// Outputs: price (currency), delta ∂V/∂S, vega ∂V/∂σ per 1.00 of the diffusion vol σ
// (= Σ w_n·vega_n·σ/σ_n, since ∂σ_n/∂σ = σ/σ_n).

import { OK, NO_CONVERGENCE } from "../../status";
import { europeanOne, MODEL_BSM } from "../european";

/** Poisson mass left out on each side, relative to the total mass 1. */
const EPS_TAIL: f64 = 1e-17;
/** Largest Poisson mean λ'T for which calls are summed directly (else put + parity). */
const MAX_CALL_MEAN: f64 = 1e5;
/** Hard stop on the number of terms. */
const MAX_TERMS: i32 = 20000;
/** |x_n| beyond which a term takes its deterministic limit. */
const X_LIM: f64 = 400.0;
const LN_2PI: f64 = 1.8378770664093454836;

// europeanOne outputs (price, delta, gamma, vega, theta, rho: 6 columns of one element).
const bsOut: usize = memory.data(9 * 8, 16);

/** Price of the last `mertonOne` call. */
export let mertonPriceOut: f64 = 0.0;
/** Delta of the last `mertonOne` call. */
export let mertonDeltaOut: f64 = 0.0;
/** Vega of the last `mertonOne` call. */
export let mertonVegaOut: f64 = 0.0;
/** Number of series terms of the last `mertonOne` call (diagnostics). */
export let mertonTerms: i32 = 0;

/**
 * Poisson probability P(N = n0) for mean L > 0 at n0 = ⌊L⌋, without overflow: exp(−L + n0·ln L − ln n0!)
 * with ln n0! by Stirling's series (n0 ≥ 30; error < 1e-17) written around L = n0 + f so that nothing
 * large cancels: −f + n0·log1p(f/n0) − ½ln(2πn0) − 1/(12n0) + 1/(360n0³) − 1/(1260n0⁵).
 */
function poissonAtMode(L: f64, n0: i32): f64 {
  if (n0 < 30) {
    let lf: f64 = 0.0;
    for (let k = 2; k <= n0; k++) lf += Math.log(<f64>k);
    return Math.exp(-L + <f64>n0 * Math.log(L) - lf);
  }
  const n = <f64>n0;
  const f = L - n;
  const n2 = n * n;
  const e = -f + n * Math.log1p(f / n) - 0.5 * (LN_2PI + Math.log(n))
    - 1.0 / (12.0 * n) + 1.0 / (360.0 * n * n2) - 1.0 / (1260.0 * n * n2 * n2);
  return Math.exp(e);
}

// Parameters of the option being summed (set by mertonOne).
let sCall: bool = true;   // true: second form (call terms), false: first form (put terms)
let sS: f64 = 0.0;
let sK: f64 = 0.0;
let sT: f64 = 0.0;
let sVol: f64 = 0.0;
let sVar: f64 = 0.0;      // σ²T
let sJumpVar: f64 = 0.0;  // δ²
let sR: f64 = 0.0;
let sQ: f64 = 0.0;
let sX0: f64 = 0.0;       // x_0 = ln(F/K) − λkT
let sShift0: f64 = 0.0;   // −λkT
let sM: f64 = 0.0;        // m = μ + δ²/2
let sSd: f64 = 0.0;
let sKd: f64 = 0.0;
let accP: f64 = 0.0;
let accD: f64 = 0.0;
let accV: f64 = 0.0;

/** e^{a}·b without intermediate overflow (b > 0). */
// @ts-ignore: decorator
@inline
function expTimes(a: f64, b: f64): f64 {
  return Math.abs(a) < 700.0 ? b * Math.exp(a) : Math.exp(a + Math.log(b));
}

/** Adds term n with Poisson weight w (of the summed form) to the accumulators. */
function addTerm(n: i32, w: f64): void {
  const nf = <f64>n;
  const xn = sX0 + nf * sM;
  const shift = sShift0 + nf * sM; // ln(S_n/S) = −ln(K_n/K)
  const s2 = sVar + nf * sJumpVar;
  const voln = Math.sqrt(s2 / sT);
  const dfq = sSd / sS;
  if (sCall) {
    // w·C(S, K_n): weight of the second form
    if (xn > X_LIM) {
      accP += w * (sSd - expTimes(-shift, sKd));
      accD += w * dfq;
    } else if (xn >= -X_LIM) {
      const Kn = expTimes(-shift, sK);
      europeanOne(MODEL_BSM, 1, true, sS, Kn, sT, voln, sR, sQ, bsOut, 8, 0);
      accP += w * load<f64>(bsOut);
      accD += w * load<f64>(bsOut, 8);
      const vf = voln > 0.0 ? sVol / voln : 1.0;
      accV += w * load<f64>(bsOut, 24) * vf;
    }
  } else {
    // w·P(S_n, K): weight of the first form; ∂/∂S carries S_n/S = e^{shift}
    if (xn < -X_LIM) {
      accP += w * (sKd - expTimes(shift, sSd));
      accD -= expTimes(shift, w) * dfq;
    } else if (xn <= X_LIM) {
      const Sn = expTimes(shift, sS);
      europeanOne(MODEL_BSM, 1, false, Sn, sK, sT, voln, sR, sQ, bsOut, 8, 0);
      accP += w * load<f64>(bsOut);
      const wb = w > 0.0 ? expTimes(shift, w) : 0.0;
      accD += wb * load<f64>(bsOut, 8);
      const vf = voln > 0.0 ? sVol / voln : 1.0;
      accV += w * load<f64>(bsOut, 24) * vf;
    }
  }
}

/**
 * Merton jump-diffusion price, delta and vega of one European option; inputs already validated
 * (S, K levels; 0 ≤ T ≤ 50; 0 ≤ σ ≤ 10; |r|, |q| ≤ 1; 0 ≤ λ ≤ 1000; |μ| ≤ 10; 0 ≤ δ ≤ 10).
 * Results in `mertonPriceOut`, `mertonDeltaOut`, `mertonVegaOut`. Returns OK, DEGENERATE (from the BSM
 * kernel when λT = 0: delta with no limit at T = 0, vol = 0 at the money-forward) or NO_CONVERGENCE.
 */
export function mertonOne(
  isCall: bool, S: f64, K: f64, T: f64, vol: f64, r: f64, q: f64,
  lambda: f64, mu: f64, delta: f64,
): u8 {
  const lT = lambda * T;
  if (lT == 0.0) {
    mertonTerms = 1;
    const st = europeanOne(MODEL_BSM, 1, isCall, S, K, T, vol, r, q, bsOut, 8, 0);
    mertonPriceOut = load<f64>(bsOut);
    mertonDeltaOut = load<f64>(bsOut, 8);
    mertonVegaOut = load<f64>(bsOut, 24);
    return isNaN(mertonDeltaOut) || isNaN(mertonVegaOut) ? st : OK;
  }
  const m = mu + 0.5 * delta * delta;
  const k = Math.expm1(m);
  const lTk = lT * k;
  const lpT = lT * Math.exp(m); // λ'T
  sCall = isCall && lpT <= MAX_CALL_MEAN;
  const L = sCall ? lpT : lT;
  sS = S; sK = K; sT = T; sVol = vol; sVar = vol * vol * T; sJumpVar = delta * delta;
  sR = r; sQ = q; sM = m;
  sSd = S * Math.exp(-q * T);
  sKd = K * Math.exp(-r * T);
  sShift0 = -lTk;
  sX0 = Math.log(S / K) + (r - q) * T - lTk;
  accP = 0.0; accD = 0.0; accV = 0.0;

  const n0 = <i32>Math.floor(L);
  const w0 = poissonAtMode(L, n0);
  let terms: i32 = 0;
  // upwards from the mode: n0, n0 + 1, … while the upper tail Σ_{j>n} w_j ≤ w_{n+1}/(1 − L/(n+2)) ≥ EPS
  let n = n0;
  let w = w0;
  while (true) {
    addTerm(n, w);
    terms++;
    const next = w * L / <f64>(n + 1);
    if (next / (1.0 - L / <f64>(n + 2)) < EPS_TAIL || terms >= MAX_TERMS) break;
    n++;
    w = next;
  }
  // downwards: n0 − 1, … while the lower tail Σ_{j<n} w_j ≤ w_{n−1}/(1 − (n−1)/L) ≥ EPS
  n = n0;
  w = w0;
  while (n > 0 && terms < MAX_TERMS) {
    const prev = w * <f64>n / L;
    if (prev / (1.0 - <f64>(n - 1) / L) < EPS_TAIL) break;
    n--;
    w = prev;
    addTerm(n, w);
    terms++;
  }
  mertonTerms = terms;
  if (terms >= MAX_TERMS) {
    mertonPriceOut = NaN; mertonDeltaOut = NaN; mertonVegaOut = NaN;
    return NO_CONVERGENCE;
  }
  let price = accP;
  let dlt = accD;
  if (isCall && !sCall) { // put–call parity
    price += sSd - sKd;
    dlt += sSd / S;
  }
  const lo = isCall ? sSd - sKd : sKd - sSd;
  const hi = isCall ? sSd : sKd;
  if (price < lo) price = lo;
  if (price < 0.0) price = 0.0;
  if (price > hi) price = hi;
  mertonPriceOut = price;
  mertonDeltaOut = dlt;
  mertonVegaOut = accV;
  return OK;
}
