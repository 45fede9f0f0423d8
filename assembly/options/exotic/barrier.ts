// Single-barrier options (European exercise) under Black–Scholes–Merton: the eight types
// down/up × in/out × call/put, with a cash rebate.
//
// Sources:
//   - E. Reiner, M. Rubinstein, "Breaking down the barriers", Risk 4(8) (1991) 28–35.
//   - E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §4.17.1 "Standard barrier
//     options": the terms A–F with μ = (b − σ²/2)/σ², λ = √(μ² + 2r/σ²), φ = ±1 (call/put),
//     η = +1 down / −1 up, and the table of combinations used in `closedForm` below.
//     The rebate R of a knock-in is paid at expiry if the barrier was never hit (term E); the rebate of a
//     knock-out is paid at the moment the barrier is hit (term F).
//   - M. Broadie, P. Glasserman, S. Kou, "A continuity correction for discrete barrier options",
//     Mathematical Finance 7 (1997) 325–349: a barrier monitored at m equally spaced times is priced as a
//     continuous one at H·e^{±βσ√(T/m)} (+ up, − down), β = −ζ(1/2)/√(2π) ≈ 0.5826.
//
// Already hit: a spot at or beyond the barrier (S ≤ H down, S ≥ H up) means the barrier has been touched:
// a knock-out is worth its rebate R (paid now; delta 0, vega 0) and a knock-in is the vanilla option
// (price, delta and vega of ../european.ts).
// Limits: T = 0 or σ = 0 — the path is deterministic, S(t) = S·e^{bt}: it hits the barrier at
// t* = ln(H/S)/b if that is in [0, T]; a knock-out is then worth R·e^{−r t*}, a knock-in the discounted
// payoff of the vanilla on S·e^{bT}; otherwise a knock-out is worth the discounted payoff and a knock-in
// R·e^{−rT}.
// When 2r/σ² < −μ² (negative rates only) λ is imaginary; F is then computed as
// R·(e^{−rT}·P(τ ≤ T) + r·∫_0^T e^{−rt}·P(τ ≤ t) dt) (integration by parts of E[e^{−rτ}; τ ≤ T]) with
// P(τ ≤ t) in closed form and a composite 8-point Gauss–Legendre rule (32 panels).
//
// Greeks (per DESIGN §4): delta ∂V/∂S and vega ∂V/∂σ (per 1.00 of vol) are central differences of the
// price in the kernel, with steps h_S = 1e-5·S and h_σ = 1e-5·max(σ, 0.05); where the spot step would
// cross the barrier, or the vol step go below 0, the one-sided three-point formula
// (∓3f(x) ± 4f(x ± h) ∓ f(x ± 2h))/(2h) on the live side is used instead. Error ≈ 1e-9 relative.

import { OK, INVALID_INPUT } from "../../status";
import { MAX_LEVEL, validExpiry, validLevel, validRate, validVol } from "../limits";
import { MODEL_BSM } from "../european";
import { normCdf } from "../../math/normal";
import { expCdf, glNode, glWeight, vanilla, vanillaDelta, vanillaVega, writeOut, FD_REL } from "./common";

/** Barrier-type bit: the barrier is above the spot (up); clear for down. */
export const BARRIER_UP: u8 = 1;
/** Barrier-type bit: knock-out; clear for knock-in. */
export const BARRIER_OUT: u8 = 2;
/** Broadie–Glasserman–Kou β = −ζ(1/2)/√(2π). */
export const BGK_BETA: f64 = 0.5825971579390107;
/** Panels of the composite Gauss–Legendre rule for the imaginary-λ rebate. */
const REBATE_PANELS: i32 = 32;

/** Whether the barrier has been touched at spot S (S ≤ H down, S ≥ H up). */
// @ts-ignore: decorator
@inline
function touched(up: bool, S: f64, H: f64): bool {
  return up ? S >= H : S <= H;
}

/** P(no hit by t) for the log-spot drift ν = b − σ²/2 (η = +1 down, −1 up; lhs = ln(H/S)). */
function noHit(eta: f64, lhs: f64, nu: f64, sig: f64, mu: f64, t: f64): f64 {
  const st = sig * Math.sqrt(t);
  // N(η·(ln(S/H) + νt)/(σ√t)) − (H/S)^{2μ}·N(η·(ln(H/S) + νt)/(σ√t))
  return normCdf(eta * (-lhs + nu * t) / st) - expCdf(2.0 * mu * lhs, eta * (lhs + nu * t) / st);
}

/** Knock-out rebate value R·E[e^{−rτ}; τ ≤ T] by quadrature (used when λ² < 0). */
function rebateAtHitQuadrature(eta: f64, lhs: f64, b: f64, sig: f64, mu: f64, r: f64, T: f64, R: f64): f64 {
  const nu = b - 0.5 * sig * sig;
  const h = T / <f64>REBATE_PANELS;
  let integral: f64 = 0.0;
  for (let p: i32 = 0; p < REBATE_PANELS; p++) {
    for (let k: i32 = 0; k < 8; k++) {
      const t = (<f64>p + glNode(k)) * h;
      integral += glWeight(k) * Math.exp(-r * t) * (1.0 - noHit(eta, lhs, nu, sig, mu, t));
    }
  }
  integral *= h;
  return R * (Math.exp(-r * T) * (1.0 - noHit(eta, lhs, nu, sig, mu, T)) + r * integral);
}

/** Haug §4.17.1 for a live option (not touched), σ > 0, T > 0. */
function closedForm(isCall: bool, up: bool, out: bool, S: f64, K: f64, T: f64, sig: f64, r: f64, q: f64, H: f64, R: f64): f64 {
  const phi: f64 = isCall ? 1.0 : -1.0;
  const eta: f64 = up ? -1.0 : 1.0;
  const b = r - q;
  const s2 = sig * sig;
  const sT = sig * Math.sqrt(T);
  const mu = (b - 0.5 * s2) / s2;
  const lam2 = mu * mu + 2.0 * r / s2;
  const lhs = Math.log(H / S);                 // ln(H/S)
  const lhk = Math.log(H / K);                 // ln(H/K)
  const m1 = (1.0 + mu) * sT;
  const x1 = Math.log(S / K) / sT + m1;
  const x2 = -lhs / sT + m1;
  const y1 = (lhs + lhk) / sT + m1;            // ln(H²/(SK))/(σ√T) + (1+μ)σ√T
  const y2 = lhs / sT + m1;
  const carry = (b - r) * T;                   // S·e^{(b−r)T}
  const disc = Math.exp(-r * T);
  const Sd = S * Math.exp(carry);
  const Kd = K * disc;
  const p2 = 2.0 * (mu + 1.0) * lhs;           // ln (H/S)^{2(μ+1)}
  const p1 = 2.0 * mu * lhs;                   // ln (H/S)^{2μ}

  const callLike = K >= H;
  let v: f64 = 0.0;
  let useA = false, useB = false, useC = false, useD = false;
  let sA: f64 = 1.0, sB: f64 = 1.0, sC: f64 = 1.0, sD: f64 = 1.0;
  if (!out) {
    // Haug's table, knock-in: all + E
    if (isCall && !up) { if (callLike) { useC = true; } else { useA = true; useB = true; sB = -1.0; useD = true; } }
    else if (isCall && up) { if (callLike) { useA = true; } else { useB = true; useC = true; sC = -1.0; useD = true; } }
    else if (!isCall && !up) { if (callLike) { useB = true; useC = true; sC = -1.0; useD = true; } else { useA = true; } }
    else { if (callLike) { useA = true; useB = true; sB = -1.0; useD = true; } else { useC = true; } }
  } else {
    // knock-out: all + F
    if (isCall && !up) { if (callLike) { useA = true; useC = true; sC = -1.0; } else { useB = true; useD = true; sD = -1.0; } }
    else if (isCall && up) {
      if (!callLike) { useA = true; useB = true; sB = -1.0; useC = true; useD = true; sD = -1.0; }
    } else if (!isCall && !up) {
      if (callLike) { useA = true; useB = true; sB = -1.0; useC = true; useD = true; sD = -1.0; }
    } else { if (callLike) { useB = true; useD = true; sD = -1.0; } else { useA = true; useC = true; sC = -1.0; } }
  }
  if (useA) v += sA * phi * (Sd * normCdf(phi * x1) - Kd * normCdf(phi * (x1 - sT)));
  if (useB) v += sB * phi * (Sd * normCdf(phi * x2) - Kd * normCdf(phi * (x2 - sT)));
  if (useC) v += sC * phi * (S * expCdf(carry + p2, eta * y1) - K * expCdf(-r * T + p1, eta * (y1 - sT)));
  if (useD) v += sD * phi * (S * expCdf(carry + p2, eta * y2) - K * expCdf(-r * T + p1, eta * (y2 - sT)));
  if (R > 0.0) {
    if (!out) {
      // E = R·e^{−rT}·[N(η(x2 − σ√T)) − (H/S)^{2μ}·N(η(y2 − σ√T))]
      v += R * (disc * normCdf(eta * (x2 - sT)) - expCdf(-r * T + p1, eta * (y2 - sT)));
    } else if (lam2 >= 0.0) {
      // F = R·[(H/S)^{μ+λ}·N(ηz) + (H/S)^{μ−λ}·N(ηz − 2ηλσ√T)], z = ln(H/S)/(σ√T) + λσ√T
      const lam = Math.sqrt(lam2);
      const z = lhs / sT + lam * sT;
      v += R * (expCdf((mu + lam) * lhs, eta * z) + expCdf((mu - lam) * lhs, eta * (z - 2.0 * lam * sT)));
    } else {
      v += rebateAtHitQuadrature(eta, lhs, b, sig, mu, r, T, R);
    }
  }
  return v;
}

/** Deterministic path S·e^{bt} (σ = 0 or T = 0), live option. */
function deterministic(isCall: bool, up: bool, out: bool, S: f64, K: f64, T: f64, r: f64, q: f64, H: f64, R: f64): f64 {
  const b = r - q;
  const ST = S * Math.exp(b * T);
  const payoff = Math.exp(-r * T) * Math.max(isCall ? ST - K : K - ST, 0.0);
  const hit = T > 0.0 && (up ? b > 0.0 && ST >= H : b < 0.0 && ST <= H);
  if (out) return hit ? R * Math.exp(-r * (Math.log(H / S) / b)) : payoff;
  return hit ? payoff : R * Math.exp(-r * T);
}

/** Price at (S, σ) with everything else fixed; `H` already shifted for discrete monitoring. */
function price(isCall: bool, up: bool, out: bool, S: f64, K: f64, T: f64, sig: f64, r: f64, q: f64, H: f64, R: f64): f64 {
  if (touched(up, S, H)) return out ? R : vanilla(MODEL_BSM, isCall, S, K, T, sig, r, q);
  if (T == 0.0 || sig == 0.0) return deterministic(isCall, up, out, S, K, T, r, q, H, R);
  return closedForm(isCall, up, out, S, K, T, sig, r, q, H, R);
}

/**
 * One barrier option; kind = BARRIER_UP | BARRIER_OUT bits; m = 0 continuous monitoring, m > 0 m
 * equally spaced monitoring dates (Broadie–Glasserman–Kou shift). Writes (price, delta, vega) to
 * element i of the three columns at `outp`. Returns OK or INVALID_INPUT (outputs NaN).
 */
export function barrierOne(
  isCall: bool, kind: u8, S: f64, K: f64, T: f64, sig: f64, r: f64, q: f64, H0: f64, R: f64, m: i32,
  outp: usize, n: i32, i: i32,
): u8 {
  if (kind > 3 || !validLevel(S) || !validLevel(K) || !validExpiry(T) || !validVol(sig) || !validRate(r) ||
    !validRate(q) || !validLevel(H0) || !(R >= 0.0 && R <= MAX_LEVEL) || m < 0 || m > 100000) {
    writeOut(outp, n, i, NaN, NaN, NaN);
    return INVALID_INPUT;
  }
  const up = (kind & BARRIER_UP) != 0;
  const out = (kind & BARRIER_OUT) != 0;
  // The contract's barrier decides whether it has already been touched.
  if (touched(up, S, H0)) {
    if (out) { writeOut(outp, n, i, R, 0.0, 0.0); return OK; }
    const v = vanilla(MODEL_BSM, isCall, S, K, T, sig, r, q);
    writeOut(outp, n, i, v, vanillaDelta, vanillaVega);
    return OK;
  }
  // Discrete monitoring: the shift depends on σ, so it is redone inside the vol bumps.
  const shift = m > 0 ? (up ? BGK_BETA : -BGK_BETA) * Math.sqrt(T / <f64>m) : 0.0;
  const v = price(isCall, up, out, S, K, T, sig, r, q, H0 * Math.exp(shift * sig), R);

  // delta: central difference unless a spot step would touch the barrier
  const H = H0 * Math.exp(shift * sig);
  const hS = FD_REL * S;
  let delta: f64;
  if (!touched(up, S - hS, H) && !touched(up, S + hS, H)) {
    delta = (price(isCall, up, out, S + hS, K, T, sig, r, q, H, R) - price(isCall, up, out, S - hS, K, T, sig, r, q, H, R)) / (2.0 * hS);
  } else {
    const d: f64 = up ? -1.0 : 1.0; // step away from the barrier
    const f1 = price(isCall, up, out, S + d * hS, K, T, sig, r, q, H, R);
    const f2 = price(isCall, up, out, S + 2.0 * d * hS, K, T, sig, r, q, H, R);
    delta = d * (-3.0 * v + 4.0 * f1 - f2) / (2.0 * hS);
  }
  // vega: the shifted barrier moves with σ
  let vega: f64 = 0.0;
  if (T > 0.0) {
    const hV = FD_REL * Math.max(sig, 0.05);
    if (sig - hV > 0.0) {
      const sp = sig + hV, sm = sig - hV;
      vega = (price(isCall, up, out, S, K, T, sp, r, q, H0 * Math.exp(shift * sp), R) -
        price(isCall, up, out, S, K, T, sm, r, q, H0 * Math.exp(shift * sm), R)) / (2.0 * hV);
    } else {
      const s1 = sig + hV, s2 = sig + 2.0 * hV;
      const f1 = price(isCall, up, out, S, K, T, s1, r, q, H0 * Math.exp(shift * s1), R);
      const f2 = price(isCall, up, out, S, K, T, s2, r, q, H0 * Math.exp(shift * s2), R);
      vega = (-3.0 * v + 4.0 * f1 - f2) / (2.0 * hV);
    }
  }
  writeOut(outp, n, i, v, delta, vega);
  return OK;
}

/**
 * Batch: columns isCall u8, kinds u8 (BARRIER_UP | BARRIER_OUT), spots, strikes, expiries, vols, rates,
 * dividendYields, barriers, rebates f64; `monitoring` = 0 continuous or m > 0 dates (shared); out = 3
 * columns of n f64 (price, delta, vega); status u8. Returns the number of elements not OK.
 */
export function barrierBatchImpl(
  n: i32, isCall: usize, kinds: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, barriers: usize, rebates: usize, monitoring: i32, out: usize, status: usize,
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
      st = barrierOne(c == 1, load<u8>(kinds + <usize>i), load<f64>(spots + o), load<f64>(strikes + o),
        load<f64>(expiries + o), load<f64>(vols + o), load<f64>(rates + o), load<f64>(dividendYields + o),
        load<f64>(barriers + o), load<f64>(rebates + o), monitoring, out, n, i);
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
