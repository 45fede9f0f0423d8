// Binomial trees for American and European options on a spot with a continuous dividend yield:
// Cox–Ross–Rubinstein and Leisen–Reimer, with Greeks read off the tree.
//
// Sources: J. C. Cox, S. A. Ross, M. Rubinstein, "Option pricing: a simplified approach", J. Financial
// Economics 7 (1979) 229–263; D. Leisen, M. Reimer, "Binomial models for option valuation — examining
// and improving convergence", Applied Mathematical Finance 3 (1996) 319–346 (Peizer–Pratt inversion,
// method 2); J. C. Hull, "Options, Futures, and Other Derivatives", ch. 21 (trees, node Greeks);
// A. Pelsser, T. Vorst, "The binomial model and the Greeks", J. Derivatives 1 (1994) 45–49 (the tree
// extended two steps back, so that delta and gamma come from three nodes at time 0).
//
// One tree, whatever the method: ln S(i, j) = ln S + (i − 2)·a + (2j − i)·b for step i = 0 … N + 2 and
// node j = 0 … i, i.e. up factor u = e^{a+b}, down factor d = e^{a−b}, time step dt = T/N, and step 2 at
// time 0 (steps 0 and 1 are the extension into the past, at −2dt and −dt). Step i + 2 of the extended
// tree, node j + 1, is node (i, j) of the ordinary N-step tree, so the price (node (2, 1), spot S) is
// exactly that of the ordinary tree.
//   CRR:  a = 0, b = σ√dt, p = (e^{(r−q)dt} − d)/(u − d) (the exact martingale probability).
//   LR:   N odd (an even N is raised to N + 1), d₁,₂ = (ln(S/K) + (r − q ± σ²/2)T)/(σ√T), p = h(d₂),
//         p′ = h(d₁), u = e^{(r−q)dt}·p′/p, d = (e^{(r−q)dt} − p·u)/(1 − p), with the Peizer–Pratt
//         inversion h(z) = ½ ± ½·√(1 − exp(−(z/(N + 1/3 + 0.1/(N + 1)))²·(N + 1/6))) (sign of z).
//   CRR as in QuantLib 1.29 (`CoxRossRubinstein`, for cross-checks only): the CRR nodes with the
//         first-order probability p = ½ + ½·(r − q − σ²/2)·dt/(σ√dt) in place of the exact one.
//   Drift-centred fallback: a = (r − q)dt, b = σ√dt, p = 1/(1 + e^b) (exact martingale, always in
//         (0, ½)). Used when CRR's p leaves (0, 1) (σ√dt < |r − q|·dt, small vol against the carry) or
//         LR's Peizer–Pratt probabilities degenerate (|d₂| so large that p rounds to 0 or 1). The tree
//         still converges to the same value; nothing is reported.
// Backward induction with discount e^{−r·dt}; American exercise, max(continuation, intrinsic), at every
// node, including time 0 and the two extension steps. Puts are rolled back in currency and calls in
// units of the node's spot (V/S, with probabilities p·u·e^{−r dt} and (1 − p)·d·e^{−r dt}), so node
// spots may overflow or underflow without producing Inf·0: a put's exercise value is K − S, a call's
// 1 − K/S, and both saturate harmlessly.
//
// Greeks (time 0, spot S): with V₋, V₀, V₊ at the spots S·d/u, S, S·u/d of step 2,
//   delta = (V₊ − V₋)/(S₊ − S₋), gamma = [(V₊ − V₀)/(S₊ − S) − (V₀ − V₋)/(S − S₋)] / ((S₊ − S₋)/2),
//   except that when all three nodes are in the exercise region (American) delta is exactly ±1 and
//   gamma 0 (the exercise value's; the differences would carry rounding, e.g. −1.0000000001),
//   theta = (V₀ − V(−2dt, S))/(2dt), where V(−2dt, S) ≈ V_root + Δ·(S − S_root) + ½Γ·(S − S_root)² from
//   the root's value V_root at −2dt and spot S_root = S/(u·d). For CRR S_root = S, and theta is
//   (V₀ − V_root)/(2dt), Hull's ch. 21 estimate centred at time 0.
// Diagnostics: QuantLib's BinomialVanillaEngine (and Hull's ch. 21 recipe) take delta from the two
// step-1 nodes and gamma from the three step-2 nodes; both are returned too (NaN when N < 2 for gamma),
// for the cross-check against QuantLib.
//
// Work: (N + 3)(N + 4)/2 nodes, one multiply-add pair and a max each; scratch N + 3 values and 2N + 5
// spot factors in one buffer (./scratch.ts); no allocation in loops; never throws.

import { OK } from "../status";
import { scratch } from "./scratch";
import { setResults } from "./result";
import { deterministic } from "./deterministic";

/** Method codes of the lattice kernels (the facade's names: 'crr', 'leisen-reimer', 'trinomial'). */
export const METHOD_CRR: i32 = 0;
export const METHOD_LR: i32 = 1;
export const METHOD_TRINOMIAL: i32 = 2;
/** QuantLib 1.29's `CoxRossRubinstein` tree (first-order probability): for cross-checks, not in the facade. */
export const METHOD_CRR_QUANTLIB: i32 = 3;

/**
 * Below this node spacing σ√dt the tree's finite differences lose more than half the digits; the
 * deterministic (vol 0) value and Greeks are used instead (they differ from the tree by O(σ√dt)).
 */
export const MIN_STEP_VOL: f64 = 1e-7;

/**
 * Peizer–Pratt method-2 inversion (Leisen & Reimer 1996): the probability h(z) that makes an n-step
 * binomial distribution approximate Φ(z); n odd.
 */
export function peizerPratt2(z: f64, n: f64): f64 {
  const t = z / (n + 1.0 / 3.0 + 0.1 / (n + 1.0));
  const s = Math.sqrt(0.25 * (1.0 - Math.exp(-t * t * (n + 1.0 / 6.0))));
  return z > 0.0 ? 0.5 + s : 0.5 - s;
}

/** Spot of node (i, j) of the extended tree (see the header). */
// @ts-ignore: decorator
@inline
function nodeSpot(S: f64, a: f64, b: f64, i: i32, j: i32): f64 {
  return S * Math.exp(<f64>(i - 2) * a + <f64>(2 * j - i) * b);
}

/**
 * Values one option on a binomial tree of `steps` steps (1 ≤ steps; inputs already validated:
 * T > 0, vol > 0). Results in ./result.ts; returns a status code (OK, or DEGENERATE from the
 * deterministic limit).
 */
export function binomial(method: i32, american: bool, isCall: bool, S: f64, K: f64, T: f64, vol: f64,
  r: f64, q: f64, steps: i32): u8 {
  let N = steps;
  if (method == METHOD_LR && (N & 1) == 0) N += 1;
  const dt = T / <f64>N;
  const sdt = vol * Math.sqrt(dt);
  if (!(sdt >= MIN_STEP_VOL)) return deterministic(american, isCall, S, K, T, r, q);
  const growth = Math.exp((r - q) * dt);
  const disc = Math.exp(-r * dt);

  let a: f64 = 0.0;
  let b: f64 = sdt;
  let u: f64 = 0.0;
  let d: f64 = 0.0;
  let p: f64 = -1.0;
  if (method == METHOD_CRR) {
    u = Math.exp(b); d = Math.exp(-b);
    p = (growth - d) / (u - d);
  } else if (method == METHOD_CRR_QUANTLIB) {
    u = Math.exp(b); d = Math.exp(-b);
    p = 0.5 + 0.5 * ((r - q - 0.5 * vol * vol) * dt) / sdt;
  } else { // METHOD_LR
    const sT = vol * Math.sqrt(T);
    const d2 = (Math.log(S / K) + (r - q - 0.5 * vol * vol) * T) / sT;
    const n = <f64>N;
    const pp = peizerPratt2(d2, n);
    const pd = peizerPratt2(d2 + sT, n);
    if (pp > 0.0 && pp < 1.0 && pd > pp && pd < 1.0) {
      u = growth * pd / pp;
      d = (growth - pp * u) / (1.0 - pp);
      if (d > 0.0 && u > d && u < Infinity) {
        const lu = Math.log(u);
        const ld = Math.log(d);
        a = 0.5 * (lu + ld);
        b = 0.5 * (lu - ld);
        // the drift of the node grid over the whole tree must stay far from the double range
        if (Math.abs(a) * <f64>(N + 2) < 600.0) p = pp;
      }
    }
  }
  if (!(p > 0.0 && p < 1.0)) { // drift-centred fallback (see the header)
    a = (r - q) * dt;
    b = sdt;
    u = Math.exp(a + b);
    d = Math.exp(a - b);
    p = 1.0 / (1.0 + Math.exp(b));
  }
  const pdn = 1.0 - p;

  // Scratch: values v[0 … NN], then spot factors P[k + NN], k = −NN … NN.
  const NN = N + 2;
  const buf = scratch(<usize>(3 * NN + 2) << 3);
  const fac = buf + (<usize>(NN + 1) << 3);
  // Exercise value at node (i, j): A − g_i·P[2j − i], with g_i = e^{±(i−2)a}:
  //   put:  A = K, P[k] = S·e^{k·b},     g_i = e^{(i−2)a}   (currency);
  //   call: A = 1, P[k] = (K/S)·e^{−k·b}, g_i = e^{−(i−2)a} (units of the node's spot).
  const A: f64 = isCall ? 1.0 : K;
  const base: f64 = isCall ? K / S : S;
  const sb: f64 = isCall ? -b : b;
  const sa: f64 = isCall ? -a : a;
  for (let k = -NN; k <= NN; k++) {
    store<f64>(fac + (<usize>(k + NN) << 3), base * Math.exp(<f64>k * sb));
  }
  const cu: f64 = isCall ? disc * p * u : disc * p;
  const cd: f64 = isCall ? disc * pdn * d : disc * pdn;

  // Expiry: step NN.
  {
    const g = Math.exp(<f64>N * sa);
    for (let j = 0; j <= NN; j++) {
      const e = A - g * load<f64>(fac + (<usize>(2 * j) << 3));
      store<f64>(buf + (<usize>j << 3), e > 0.0 ? e : 0.0);
    }
  }
  let nodeDelta: f64 = NaN;
  let nodeGamma: f64 = NaN;
  let v0: f64 = 0.0, vm: f64 = 0.0, vp: f64 = 0.0;
  let exercisedAll = false;
  if (NN == 4) { // N = 2: the ordinary tree's step-2 nodes are the expiry's
    recordNodes(4, isCall, buf, S, a, b);
    nodeGamma = recordGamma;
  } else if (NN == 3) { // N = 1: its step-1 nodes are the expiry's
    nodeDelta = recordNodes(3, isCall, buf, S, a, b);
  }
  for (let i = NN - 1; i >= 0; i--) {
    const off = fac + (<usize>(NN - i) << 3);
    if (american) {
      const g = Math.exp(<f64>(i - 2) * sa);
      const end = buf + (<usize>i << 3);
      let lo = load<f64>(buf);
      let sp = off;
      for (let at = buf; at <= end; at += 8) {
        const hi = load<f64>(at, 8);
        const c = cu * hi + cd * lo;
        const e = A - g * load<f64>(sp);
        store<f64>(at, c > e ? c : e);
        lo = hi;
        sp += 16;
      }
    } else {
      const end = buf + (<usize>i << 3);
      let lo = load<f64>(buf);
      for (let at = buf; at <= end; at += 8) {
        const hi = load<f64>(at, 8);
        store<f64>(at, cu * hi + cd * lo);
        lo = hi;
      }
    }
    if (i == 4) {
      recordNodes(i, isCall, buf, S, a, b);
      nodeGamma = recordGamma;
    } else if (i == 3) {
      nodeDelta = recordNodes(i, isCall, buf, S, a, b);
    } else if (i == 2) {
      vm = nodeValue(isCall, buf, 0, S, a, b, 2);
      v0 = nodeValue(isCall, buf, 1, S, a, b, 2);
      vp = nodeValue(isCall, buf, 2, S, a, b, 2);
      // time 0's nodes j = 0, 1, 2 use the spot factors P[−2], P[0], P[2] (g = 1 at step 2)
      if (american) exercisedAll = allExercised(buf, off, 2, A);
    }
  }
  const vRoot = nodeValue(isCall, buf, 0, S, a, b, 0);
  const sm = nodeSpot(S, a, b, 2, 0);
  const sp = nodeSpot(S, a, b, 2, 2);
  let delta = (vp - vm) / (sp - sm);
  let gamma = ((vp - v0) / (sp - S) - (v0 - vm) / (S - sm)) / (0.5 * (sp - sm));
  // all three time-0 nodes exercised: V = ±(S − K) there, so delta is exactly ±1 and gamma 0 (the
  // differences above would carry the rounding of the node spots, e.g. −1.0000000001)
  if (exercisedAll) { delta = isCall ? 1.0 : -1.0; gamma = 0.0; }
  const h = S - S * Math.exp(-2.0 * a); // S − S_root
  const theta = (v0 - (vRoot + delta * h + 0.5 * gamma * h * h)) / (2.0 * dt);
  setResults(v0, delta, gamma, theta, nodeDelta, nodeGamma);
  return OK;
}

/**
 * True when the three nodes j = 0, 1, 2 of the rolled-back column `buf` hold their exercise value
 * A − P[·] > 0 (A = K for puts, 1 for calls in units of the node's spot; the node's factor g is 1 at
 * time 0), i.e. all three are in the exercise region. `fac` points at the factor of node 0; consecutive
 * nodes are `stride` factors apart (2 on the binomial grid, 1 on the trinomial one).
 */
export function allExercised(buf: usize, fac: usize, stride: i32, A: f64): bool {
  for (let j: i32 = 0; j < 3; j++) {
    const e = A - load<f64>(fac + (<usize>(j * stride) << 3));
    if (!(e > 0.0 && load<f64>(buf + (<usize>j << 3)) == e)) return false;
  }
  return true;
}

/** Gamma from the step-2 nodes, left by the last `recordNodes` call at extended step 4. */
let recordGamma: f64 = NaN;

/** Value (currency) of node (i, j) of the extended tree, from the rolled-back column `buf`. */
function nodeValue(isCall: bool, buf: usize, j: i32, S: f64, a: f64, b: f64, i: i32): f64 {
  const v = load<f64>(buf + (<usize>j << 3));
  return isCall ? v * nodeSpot(S, a, b, i, j) : v;
}

/**
 * QuantLib's / Hull's node Greeks from the ordinary tree's step 1 (extended step 3: returns delta)
 * or step 2 (extended step 4: sets `recordGamma`, returns NaN).
 */
function recordNodes(i: i32, isCall: bool, buf: usize, S: f64, a: f64, b: f64): f64 {
  if (i == 3) {
    const s1 = nodeSpot(S, a, b, 3, 1);
    const s2 = nodeSpot(S, a, b, 3, 2);
    return (nodeValue(isCall, buf, 2, S, a, b, 3) - nodeValue(isCall, buf, 1, S, a, b, 3)) / (s2 - s1);
  }
  // i == 4: nodes j = 1, 2, 3 are the ordinary tree's step-2 nodes (down, middle, up)
  const sd = nodeSpot(S, a, b, 4, 1);
  const sm = nodeSpot(S, a, b, 4, 2);
  const su = nodeSpot(S, a, b, 4, 3);
  const pd = nodeValue(isCall, buf, 1, S, a, b, 4);
  const pm = nodeValue(isCall, buf, 2, S, a, b, 4);
  const pu = nodeValue(isCall, buf, 3, S, a, b, 4);
  recordGamma = ((pu - pm) / (su - sm) - (pm - pd) / (sm - sd)) / (0.5 * (su - sd));
  return NaN;
}
