// A trinomial tree for American and European options on a spot with a continuous dividend yield.
//
// Sources: P. P. Boyle, "Option valuation using a three-jump process", International Options Journal 3
// (1986) 7–12, and "A lattice framework for option pricing with two state variables", J. Financial and
// Quantitative Analysis 23 (1988) 1–12 (three jumps with a stretch λ, probabilities matching the mean
// and the variance of the step exactly); B. Kamrad, P. Ritchken, "Multinomial approximating models for
// options with k state variables", Management Science 37 (1991) 1640–1652 (λ = √(3/2) gives equal
// probabilities); J. C. Hull, "Options, Futures, and Other Derivatives", ch. 21 (trinomial trees).
//
// Grid: ln S(i, j) = ln S + (i − 1)·a + (j − i)·b, step i = 0 … N + 1, node j = 0 … 2i, with dt = T/N and
// a = (r − q)·dt (the grid's centre follows the forward). Step 1 is time 0 (its middle node has spot S);
// step 0 is one step into the past, for theta. Relative to the centre a step moves by e^{+b}, 1 or
// e^{−b}; the probabilities match its mean 1 and its second moment e^{σ²dt} exactly (Boyle's moment
// matching) with p_mid = 1/3 (Kamrad–Ritchken's equal-probability choice): with u = e^b and
// v = e^{σ²dt} − 1, the second moment requires (2/3)·4·sinh²(b/2) = v, so
//   b = 2·asinh(√(3v/8)) (= √(3/2)·σ√dt·(1 + O(σ²dt)), the stretch λ = √(3/2)),
//   p_up = (2/3)/(1 + u), p_down = (2/3)·u/(1 + u), p_mid = 1/3,
// which are valid for every σ > 0, any carry and any step length, so this tree
// needs no fallback at small vol. On very coarse trees (σ²dt up to 5000) e^{b} overflows: b is then
// formed as σ²dt + ln(3/2) (`stretch`), the probabilities from e^{−b}, the call coefficients without
// e^{±b}, and delta and gamma in a scaled form, so every node value and Greek stays finite. Such a tree is
// valued exactly but is a poor model: the middle path, 1/3 per step, never moves, so a call with σ²T ≫ 1
// is worth about S·(1 − 3^{−N}) on it (2S/3 at one step) against S in the limit. Backward induction as in ./binomial.ts (puts in currency, calls in
// units of the node's spot; American exercise at every node). Greeks from the three time-0 nodes
// (spots S·e^{∓b}, S) and the root (spot S·e^{−a} at −dt): delta and gamma by the three-point formulas
// (exactly ±1 and 0 when all three nodes are in the exercise region),
// theta = (V₀ − V(−dt, S))/dt with V(−dt, S) ≈ V_root + Δ·(S − S_root) + ½Γ·(S − S_root)².
// Work: (N + 2)² nodes; scratch 2N + 3 values and 2N + 3 spot factors (./scratch.ts).

import { OK } from "../status";
import { scratch } from "./scratch";
import { setResults } from "./result";
import { deterministic } from "./deterministic";
import { MIN_STEP_VOL, allExercised } from "./binomial";

/**
 * The stretch b = 2·asinh(√(3(e^{x} − 1)/8)) of the header for x = σ²dt > 0, without overflow: for
 * x > 40, √(3(e^x − 1)/8) > 1e8 and asinh(y) = ln(2y) to 1e-17, so b = x + ln(3/2) + ln(1 − e^{−x}).
 * (Coarse trees reach x = σ²T/N up to 5000: vol 10, expiry 50, one step; e^x overflows from x ≈ 709.)
 */
export function stretch(x: f64): f64 {
  if (x > 40.0) return x + LN_THREE_HALVES + Math.log1p(-Math.exp(-x));
  return 2.0 * Math.asinh(Math.sqrt(0.375 * Math.expm1(x)));
}

/** ln(3/2). */
const LN_THREE_HALVES: f64 = 0.405465108108164381978013115464;

/**
 * Values one option on a trinomial tree of `steps` steps (inputs validated, T > 0, vol > 0).
 * Results in ./result.ts (the QuantLib node diagnostics are NaN); returns a status code.
 */
export function trinomial(american: bool, isCall: bool, S: f64, K: f64, T: f64, vol: f64, r: f64, q: f64,
  steps: i32): u8 {
  const N = steps;
  const dt = T / <f64>N;
  const sdt = vol * Math.sqrt(dt);
  if (!(sdt >= MIN_STEP_VOL)) return deterministic(american, isCall, S, K, T, r, q);
  const disc = Math.exp(-r * dt);
  const a = (r - q) * dt;
  const b = stretch(vol * vol * dt);
  const em = Math.exp(-b); // e^{−b}: underflows harmlessly to 0 when σ²dt ≳ 745
  const pUp = (2.0 / 3.0) * em / (1.0 + em);
  const pDown = (2.0 / 3.0) / (1.0 + em);
  const pMid = 1.0 / 3.0;

  const NN = N + 1;
  const W = 2 * NN + 1; // nodes at the last step
  const buf = scratch(<usize>(2 * W) << 3);
  const fac = buf + (<usize>W << 3);
  const A: f64 = isCall ? 1.0 : K;
  const base: f64 = isCall ? K / S : S;
  const sb: f64 = isCall ? -b : b;
  const sa: f64 = isCall ? -a : a;
  for (let k = -NN; k <= NN; k++) {
    store<f64>(fac + (<usize>(k + NN) << 3), base * Math.exp(<f64>k * sb));
  }
  const ga = Math.exp(a);
  // calls: p_up·u = p_down and p_down/u = p_up, so no factor e^{±b} (which may overflow) is formed
  const cu: f64 = isCall ? disc * pDown * ga : disc * pUp;
  const cm: f64 = isCall ? disc * pMid * ga : disc * pMid;
  const cd: f64 = isCall ? disc * pUp * ga : disc * pDown;

  {
    const g = Math.exp(<f64>N * sa);
    for (let j = 0; j < W; j++) {
      const e = A - g * load<f64>(fac + (<usize>j << 3));
      store<f64>(buf + (<usize>j << 3), e > 0.0 ? e : 0.0);
    }
  }
  let vm: f64 = 0.0, v0: f64 = 0.0, vp: f64 = 0.0;
  let exercisedAll = false;
  for (let i = NN - 1; i >= 0; i--) {
    const off = fac + (<usize>(NN - i) << 3);
    const last = 2 * i;
    if (american) {
      const g = Math.exp(<f64>(i - 1) * sa);
      const end = buf + (<usize>last << 3);
      let v0j = load<f64>(buf);
      let v1j = load<f64>(buf, 8);
      let sp = off;
      for (let at = buf; at <= end; at += 8) {
        const v2j = load<f64>(at, 16);
        const c = cu * v2j + cm * v1j + cd * v0j;
        const e = A - g * load<f64>(sp);
        store<f64>(at, c > e ? c : e);
        v0j = v1j; v1j = v2j;
        sp += 8;
      }
    } else {
      const end = buf + (<usize>last << 3);
      let v0j = load<f64>(buf);
      let v1j = load<f64>(buf, 8);
      for (let at = buf; at <= end; at += 8) {
        const v2j = load<f64>(at, 16);
        store<f64>(at, cu * v2j + cm * v1j + cd * v0j);
        v0j = v1j; v1j = v2j;
      }
    }
    if (i == 1) {
      vm = load<f64>(buf); v0 = load<f64>(buf, 8); vp = load<f64>(buf, 16);
      if (american) exercisedAll = allExercised(buf, off, 1, A); // g = 1 at time 0
    }
  }
  // Three-point delta and gamma at the spots S·e^{−b}, S, S·e^{b}, written so that no e^{+b} multiplies
  // a value (a call's node values are held in units of the node's spot, wm, w0, wp):
  //   put:  delta = (vp − vm)/(2S·sinh b),  gamma = [(vp − v0)/expm1(b) + (v0 − vm)/expm1(−b)]/(S²·sinh b);
  //   call: delta = (wp − wm·e^{−2b})/(1 − e^{−2b}),
  //         gamma = [(wp − w0·e^{−b}) − (w0 − wm·e^{−b})]/((1 − e^{−b})·S·sinh b).
  // They equal the plain formulas in exact arithmetic and stay finite (→ 0 and the one-sided limit) when
  // e^{b} overflows.
  const sRoot = S * Math.exp(-a);
  const sh = Math.sinh(b);
  let delta: f64, gamma: f64;
  if (isCall) {
    const one = -Math.expm1(-b); // 1 − e^{−b}
    delta = (vp - vm * em * em) / -Math.expm1(-2.0 * b);
    gamma = ((vp - v0 * em) - (v0 - vm * em)) / (one * S * sh);
    v0 *= S;
  } else {
    delta = (vp - vm) / (2.0 * S * sh);
    gamma = ((vp - v0) / Math.expm1(b) + (v0 - vm) / Math.expm1(-b)) / (S * S * sh);
  }
  // all three time-0 nodes exercised: delta exactly ±1, gamma 0 (as in ./binomial.ts)
  if (exercisedAll) { delta = isCall ? 1.0 : -1.0; gamma = 0.0; }
  let vRoot = load<f64>(buf);
  if (isCall) vRoot *= sRoot;
  const h = S - sRoot;
  const theta = (v0 - (vRoot + delta * h + 0.5 * gamma * h * h)) / dt;
  setResults(v0, delta, gamma, theta, NaN, NaN);
  return OK;
}
