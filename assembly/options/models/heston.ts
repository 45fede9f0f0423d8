// European options under the Heston (1993) stochastic-volatility model, semi-analytic.
//
// Model (risk neutral): dS/S = (r − q) dt + √v dW₁, dv = κ(θ − v) dt + ξ√v dW₂, d⟨W₁, W₂⟩ = ρ dt, v(0) = v0.
// The model's letters: θ (`theta`) is the long-run variance and ρ (`rho`) the spot–variance correlation,
// not Greeks; ξ is `volOfVol`.
//
// Method.
//   * Characteristic function of X_T = ln(F_T/F), F = S·e^{(r−q)T}, in the "little Heston trap" form of
//     H. Albrecher, P. Mayer, W. Schoutens, J. Tistaert, "The little Heston trap", Wilmott Magazine
//     (January 2007) 83–92: φ(z) = exp(C + D·v0) with β = κ − ρξiz, d = √(β² + ξ²(iz + z²)) (Re d ≥ 0),
//     g = (β − d)/(β + d), C = κθ/ξ²·[(β − d)T − 2 ln((1 − g e^{−dT})/(1 − g))],
//     D = (β − d)/ξ²·(1 − e^{−dT})/(1 − g e^{−dT}). This form has no branch-cut discontinuity for the
//     principal log (the paper's result), Feller condition or not.
//     Evaluated so that ξ → 0 has no cancellation: β − d = −ξ²(iz + z²)/(β + d) when |β + d| ≥ |β − d|
//     (then (β − d)/ξ² needs no division by ξ²), and ln(1 + h)/ξ² with h = g(1 − e^{−dT})/(1 − g) = O(ξ²)
//     as (h/ξ²)·(log1p(h)/h). At ξ = 0 exactly this is the Black–Scholes function with the average
//     variance below.
//   * Price by A. Lewis's single-integral formula ("Option Valuation under Stochastic Volatility", 2000;
//     "A simple option formula for general jump-diffusion and other exponential Lévy processes", 2001):
//       V = V_BS(σ̄) − (√(Sd·Kd)/π)·J,  J = ∫_0^∞ Re[e^{iuX}(φ(u − i/2) − φ_BS(u − i/2))]/(u² + ¼) du,
//     Sd = S·e^{−qT}, Kd = K·e^{−rT}, X = ln(F/K), with the Black–Scholes control variate φ_BS(u − i/2) =
//     exp(−½ σ̄²T (u² + ¼)) at the average variance σ̄²T = ∫₀ᵀ E[v_t] dt = θT + (v0 − θ)(1 − e^{−κT})/κ
//     (the control variate of L. Andersen, V. Piterbarg, "Interest Rate Modeling" vol. I (2010) §8.4,
//     with the matching of the expected total variance). The same identity holds for calls and puts
//     (both sides obey put–call parity with the same forward), so V_BS is of the option's own type.
//     Delta = Δ_BS(σ̄) − (√(Sd·Kd)/(π·S))·(J/2 + ∂J/∂X), the same integrals with one more weight.
//   * Integration: u = L·x/(1 − x) maps [0, ∞) onto [0, 1) with L = 1/√(σ̄²T) (the scale where φ decays);
//     the (u² + ¼)⁻¹ factor keeps the mapped integrand bounded at x → 1. Globally adaptive Gauss–Kronrod
//     (7–15 points, QUADPACK QAG: R. Piessens et al., "QUADPACK", Springer 1983, with its error estimate)
//     on price and delta integrands together, bisecting the panel with the largest error until the sum
//     of errors is below TOL_J (absolute, on the dimensionless J: the price error is below
//     TOL_J·√(Sd·Kd)/π ≈ 3e-14·√(F·K)·e^{−rT}, i.e. ≲ 3e-12 on a price with S, K ~ 100).
//     If MAX_PANELS panels do not reach FAIL_J the status is NO_CONVERGENCE. Known case: v0 ≈ 0 with
//     2κθ/ξ² ≪ 1 and |ρ| near 1 (e.g. v0 = 0, κ = 1, θ = 0.05, ξ = 1, ρ = 0.9 at expiries ≤ 0.01), where
//     the law of ln S_T nearly has an atom, φ decays only like a small power of u and the delta integrand
//     (weight u/(u² + ¼)) converges too slowly for the tolerance.
//
// Inputs (validated by the batch wrapper): S, K in currency, T in years, r, q, v0, θ, κ, ξ per year
// (decimals), |ρ| ≤ 1. Outputs: price (currency), delta ∂V/∂S.

import { OK, NO_CONVERGENCE } from "../../status";
import { europeanOne, MODEL_BSM } from "../european";
import { cre, cim, cmul, cdiv, csqrt, cexp, clog1p } from "./complex";

/** Integration tolerance on J (dimensionless), summed over price and delta integrands. */
const TOL_J: f64 = 1e-13;
/** Above this remaining error estimate the result is NO_CONVERGENCE. */
const FAIL_J: f64 = 1e-9;
/** Largest number of Gauss–Kronrod panels (15 evaluations each). */
const MAX_PANELS: i32 = 4000;
/** Panels of the initial uniform partition of [0, 1]. */
const INITIAL_PANELS: i32 = 8;

// Panel store: a, b, J, dJ, err per panel (f64 each).
const PANEL_F64: i32 = 5;
const panels: usize = memory.data(MAX_PANELS * PANEL_F64 * 8, 16);
// Black–Scholes outputs of europeanOne (price, delta, gamma, vega, theta, rho: 6 columns of 1).
const bsOut: usize = memory.data(9 * 8, 16);
// The 14 off-centre values of one Gauss–Kronrod panel, for its ∫|f − mean| estimate.
const scratch: usize = memory.data(28 * 8, 16);

// Gauss–Kronrod 7–15 nodes and weights (QUADPACK dqk15).
const XGK0: f64 = 0.991455371120812639206854697526329;
const XGK1: f64 = 0.949107912342758524526189684047851;
const XGK2: f64 = 0.864864423359769072789712788640926;
const XGK3: f64 = 0.741531185599394439863864773280788;
const XGK4: f64 = 0.586087235467691130294144845693013;
const XGK5: f64 = 0.405845151377397166906606412076961;
const XGK6: f64 = 0.207784955007898467600689403773245;
const WGK0: f64 = 0.022935322010529224963732008058970;
const WGK1: f64 = 0.063092092629978553290700663189204;
const WGK2: f64 = 0.104790010322250183839876322541518;
const WGK3: f64 = 0.140653259715525918745189590510238;
const WGK4: f64 = 0.169004726639267902826583426598550;
const WGK5: f64 = 0.190350578064785409913256402421014;
const WGK6: f64 = 0.204432940075298892414161999234649;
const WGK7: f64 = 0.209482141084727828012999174891714;
const WG0: f64 = 0.129484966168869693270611432679082; // node XGK1
const WG1: f64 = 0.279705391489276667901467771423780; // node XGK3
const WG2: f64 = 0.381830050505118944950369775488975; // node XGK5
const WG3: f64 = 0.417959183673469387755102040816327; // node 0

// Parameters of the option being integrated (set by hestonOne).
let pKappa: f64 = 0.0;
let pKappaTheta: f64 = 0.0;
let pXi: f64 = 0.0;
let pXi2: f64 = 0.0;
let pRho: f64 = 0.0;
let pV0: f64 = 0.0;
let pT: f64 = 0.0;
let pX: f64 = 0.0;
let pVarT: f64 = 0.0;
let pL: f64 = 0.0;

// Integrand values at the last `integrand` call (in the mapped variable x, Jacobian included).
let fJ: f64 = 0.0;
let fD: f64 = 0.0;

/** Number of integrand evaluations of the last `hestonOne` call (diagnostics). */
export let hestonEvaluations: i32 = 0;

/**
 * ψ = ln φ(u − i/2) (little-trap form, see the header) for real u ≥ 0; result in (cre, cim).
 * With z = u − i/2: iz + z² = u² + ¼ (real), β = (κ − ρξ/2) − iρξu.
 */
function hestonLogCf(u: f64): void {
  const w = u * u + 0.25;
  const br = pKappa - 0.5 * pRho * pXi;
  const bi = -pRho * pXi * u;
  csqrt(br * br - bi * bi + pXi2 * w, 2.0 * br * bi);
  const dr = cre;
  const di = cim;
  const Br = br + dr;
  const Bi = bi + di;
  const Ar = br - dr;
  const Ai = bi - di;
  // a2 = (β − d)/ξ²
  let a2r: f64, a2i: f64;
  if (Br * Br + Bi * Bi >= Ar * Ar + Ai * Ai) {
    cdiv(-w, 0.0, Br, Bi);
    a2r = cre; a2i = cim;
  } else {
    a2r = Ar / pXi2; a2i = Ai / pXi2;
  }
  // g = (β − d)/(β + d) = a2·ξ²/B
  cdiv(a2r * pXi2, a2i * pXi2, Br, Bi);
  const gr = cre;
  const gi = cim;
  // e = e^{−dT}; ome = 1 − e
  cexp(-dr * pT, -di * pT);
  const er = cre;
  const ei = cim;
  const omer = 1.0 - er;
  const omei = -ei;
  // D = a2·(1 − e)/(1 − g·e)
  cmul(gr, gi, er, ei);
  const denr = 1.0 - cre;
  const deni = -cim;
  cmul(a2r, a2i, omer, omei);
  const nr = cre;
  const ni = cim;
  cdiv(nr, ni, denr, deni);
  const Dr = cre;
  const Di = cim;
  // h/ξ² = a2·(1 − e)/(B·(1 − g)); h = g(1 − e)/(1 − g)
  cmul(Br, Bi, 1.0 - gr, -gi);
  cdiv(nr, ni, cre, cim);
  const hor = cre;
  const hoi = cim;
  const hr = hor * pXi2;
  const hi = hoi * pXi2;
  // log1p(h)/h → 1 − h/2 + h²/3 as h → 0
  let lr: f64, li: f64;
  if (Math.abs(hr) + Math.abs(hi) < 1e-6) {
    cmul(hr, hi, hr, hi);
    lr = 1.0 - 0.5 * hr + cre / 3.0;
    li = -0.5 * hi + cim / 3.0;
  } else {
    clog1p(hr, hi);
    cdiv(cre, cim, hr, hi);
    lr = cre; li = cim;
  }
  cmul(hor, hoi, lr, li); // L1 = ln((1 − ge)/(1 − g))/ξ²
  const Cr = pKappaTheta * (a2r * pT - 2.0 * cre);
  const Ci = pKappaTheta * (a2i * pT - 2.0 * cim);
  cre = Cr + pV0 * Dr;
  cim = Ci + pV0 * Di;
}

/** Price and delta integrands at x ∈ (0, 1) (u = L·x/(1 − x)); results in fJ, fD. */
function integrand(x: f64): void {
  hestonEvaluations++;
  const omx = 1.0 - x;
  const u = pL * x / omx;
  const jac = pL / (omx * omx);
  hestonLogCf(u);
  const pr = cre;
  const pi = cim;
  const w = u * u + 0.25;
  const bs = Math.exp(-0.5 * w * pVarT);
  const ux = u * pX;
  const eh = Math.exp(pr);
  const a = pi + ux;
  const cu = Math.cos(ux);
  const su = Math.sin(ux);
  const re = eh * Math.cos(a) - bs * cu;
  const im = eh * Math.sin(a) - bs * su;
  const s = jac / w;
  fJ = re * s;
  fD = -u * im * s;
  if (!isFinite<f64>(fJ) || !isFinite<f64>(fD)) { fJ = 0.0; fD = 0.0; } // only as u → ∞, where both → 0
}

// Results of the last `kronrod` call.
let kJ: f64 = 0.0;
let kD: f64 = 0.0;
let kErr: f64 = 0.0;

/** QUADPACK's error estimate of one integrand from |K − G|, the panel's ∫|f − mean| and ∫|f|. */
// @ts-ignore: decorator
@inline
function qkError(diff: f64, resasc: f64, resabs: f64): f64 {
  let err = Math.abs(diff);
  if (resasc != 0.0 && err != 0.0) {
    const t = Math.pow(200.0 * err / resasc, 1.5);
    err = resasc * (t < 1.0 ? t : 1.0);
  }
  const floor = 50.0 * 2.220446049250313e-16 * resabs;
  if (err < floor) err = floor;
  return err;
}

/** Gauss–Kronrod 7–15 on [a, b] for both integrands: kJ, kD and the summed error kErr. */
function kronrod(a: f64, b: f64): void {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  integrand(c);
  const cJ = fJ;
  const cD = fD;
  let kj = WGK7 * cJ;
  let kd = WGK7 * cD;
  let gj = WG3 * cJ;
  let gd = WG3 * cD;
  let aj = WGK7 * Math.abs(cJ);
  let ad = WGK7 * Math.abs(cD);
  // values kept for the ∫|f − mean| estimate
  let vJ0: f64 = 0, vJ1: f64 = 0, vD0: f64 = 0, vD1: f64 = 0;
  let sumAscJ: f64 = 0.0;
  let sumAscD: f64 = 0.0;
  // pass 1: Kronrod and Gauss sums
  for (let k = 0; k < 7; k++) {
    const xk = k == 0 ? XGK0 : k == 1 ? XGK1 : k == 2 ? XGK2 : k == 3 ? XGK3 : k == 4 ? XGK4 : k == 5 ? XGK5 : XGK6;
    const wk = k == 0 ? WGK0 : k == 1 ? WGK1 : k == 2 ? WGK2 : k == 3 ? WGK3 : k == 4 ? WGK4 : k == 5 ? WGK5 : WGK6;
    const dx = h * xk;
    integrand(c - dx);
    vJ0 = fJ; vD0 = fD;
    integrand(c + dx);
    vJ1 = fJ; vD1 = fD;
    kj += wk * (vJ0 + vJ1);
    kd += wk * (vD0 + vD1);
    aj += wk * (Math.abs(vJ0) + Math.abs(vJ1));
    ad += wk * (Math.abs(vD0) + Math.abs(vD1));
    if (k & 1) {
      const wg = k == 1 ? WG0 : k == 3 ? WG1 : WG2;
      gj += wg * (vJ0 + vJ1);
      gd += wg * (vD0 + vD1);
    }
    // store for pass 2 in the panel scratch (14 values)
    store<f64>(scratch + (<usize>(4 * k) << 3), vJ0);
    store<f64>(scratch + (<usize>(4 * k + 1) << 3), vJ1);
    store<f64>(scratch + (<usize>(4 * k + 2) << 3), vD0);
    store<f64>(scratch + (<usize>(4 * k + 3) << 3), vD1);
  }
  const meanJ = 0.5 * kj;
  const meanD = 0.5 * kd;
  sumAscJ = WGK7 * Math.abs(cJ - meanJ);
  sumAscD = WGK7 * Math.abs(cD - meanD);
  for (let k = 0; k < 7; k++) {
    const wk = k == 0 ? WGK0 : k == 1 ? WGK1 : k == 2 ? WGK2 : k == 3 ? WGK3 : k == 4 ? WGK4 : k == 5 ? WGK5 : WGK6;
    sumAscJ += wk * (Math.abs(load<f64>(scratch + (<usize>(4 * k) << 3)) - meanJ) +
      Math.abs(load<f64>(scratch + (<usize>(4 * k + 1) << 3)) - meanJ));
    sumAscD += wk * (Math.abs(load<f64>(scratch + (<usize>(4 * k + 2) << 3)) - meanD) +
      Math.abs(load<f64>(scratch + (<usize>(4 * k + 3) << 3)) - meanD));
  }
  const ah = Math.abs(h);
  kJ = kj * h;
  kD = kd * h;
  kErr = qkError((kj - gj) * h, sumAscJ * ah, aj * ah) + qkError((kd - gd) * h, sumAscD * ah, ad * ah);
}
// @ts-ignore: decorator
@inline
function panelPtr(i: i32): usize { return panels + (<usize>(i * PANEL_F64) << 3); }

/** Integral results of `integrateJ`. */
let resJ: f64 = 0.0;
let resD: f64 = 0.0;

/**
 * Globally adaptive integration of J and ∂J/∂X over x ∈ [0, 1]. Results in resJ, resD; returns the
 * final summed error estimate.
 */
function integrateJ(): f64 {
  let n: i32 = 0;
  let totJ: f64 = 0.0;
  let totD: f64 = 0.0;
  let totErr: f64 = 0.0;
  for (let i = 0; i < INITIAL_PANELS; i++) {
    const a = <f64>i / <f64>INITIAL_PANELS;
    const b = <f64>(i + 1) / <f64>INITIAL_PANELS;
    kronrod(a, b);
    const p = panelPtr(n++);
    store<f64>(p, a); store<f64>(p, b, 8); store<f64>(p, kJ, 16); store<f64>(p, kD, 24); store<f64>(p, kErr, 32);
    totJ += kJ; totD += kD; totErr += kErr;
  }
  while (totErr > TOL_J && n < MAX_PANELS) {
    // the panel with the largest error
    let worst: i32 = 0;
    let worstErr: f64 = -1.0;
    for (let i = 0; i < n; i++) {
      const e = load<f64>(panelPtr(i), 32);
      if (e > worstErr) { worstErr = e; worst = i; }
    }
    const p = panelPtr(worst);
    const a = load<f64>(p);
    const b = load<f64>(p, 8);
    const m = 0.5 * (a + b);
    if (!(m > a && m < b)) break; // the panel cannot be split further: accept the rounding floor
    totJ -= load<f64>(p, 16); totD -= load<f64>(p, 24); totErr -= worstErr;
    kronrod(a, m);
    store<f64>(p, a); store<f64>(p, m, 8); store<f64>(p, kJ, 16); store<f64>(p, kD, 24); store<f64>(p, kErr, 32);
    totJ += kJ; totD += kD; totErr += kErr;
    kronrod(m, b);
    const q = panelPtr(n++);
    store<f64>(q, m); store<f64>(q, b, 8); store<f64>(q, kJ, 16); store<f64>(q, kD, 24); store<f64>(q, kErr, 32);
    totJ += kJ; totD += kD; totErr += kErr;
  }
  // re-sum (the running totals accumulate cancellation from the subtractions)
  totJ = 0.0; totD = 0.0; totErr = 0.0;
  for (let i = 0; i < n; i++) {
    const p = panelPtr(i);
    totJ += load<f64>(p, 16); totD += load<f64>(p, 24); totErr += load<f64>(p, 32);
  }
  resJ = totJ;
  resD = totD;
  return totErr;
}

/** Price of the last `hestonOne` call. */
export let hestonPriceOut: f64 = 0.0;
/** Delta of the last `hestonOne` call. */
export let hestonDeltaOut: f64 = 0.0;

/**
 * Heston price and delta of one European option; inputs already validated (S, K levels, 0 ≤ T ≤ 50,
 * |r|, |q| ≤ 1, v0, θ ≥ 0, κ > 0, ξ ≥ 0, |ρ| ≤ 1). Results in `hestonPriceOut`, `hestonDeltaOut`.
 * Returns OK, or NO_CONVERGENCE (outputs NaN) when the integration does not reach FAIL_J.
 * T = 0 or zero average variance (v0 = θ = 0): the discounted intrinsic value (the Black–Scholes limit).
 */
export function hestonOne(
  isCall: bool, S: f64, K: f64, T: f64, r: f64, q: f64,
  v0: f64, kappa: f64, theta: f64, xi: f64, rho: f64,
): u8 {
  hestonEvaluations = 0;
  // average variance σ̄²T = θT + (v0 − θ)(1 − e^{−κT})/κ
  const kT = kappa * T;
  const frac = kT > 1e-300 ? -Math.expm1(-kT) / kappa : T;
  let varT = theta * T + (v0 - theta) * frac;
  if (varT < 0.0) varT = 0.0; // rounding only (both terms are ≥ 0 in exact arithmetic)
  let volBar: f64 = T > 0.0 ? Math.sqrt(varT / T) : Math.sqrt(v0);
  const st = europeanOne(MODEL_BSM, 1, isCall, S, K, T, volBar, r, q, bsOut, 8, 0);
  let price = load<f64>(bsOut);
  let delta = load<f64>(bsOut, 8);
  if (T == 0.0 || varT == 0.0) {
    hestonPriceOut = price;
    hestonDeltaOut = delta;
    return st == OK ? OK : st;
  }
  pKappa = kappa;
  pKappaTheta = kappa * theta;
  pXi = xi;
  pXi2 = xi * xi;
  pRho = rho;
  pV0 = v0;
  pT = T;
  pVarT = varT;
  pL = 1.0 / Math.sqrt(varT);
  pX = Math.log(S / K) + (r - q) * T;
  const err = integrateJ();
  if (!(err <= FAIL_J) || !isFinite<f64>(resJ) || !isFinite<f64>(resD)) {
    hestonPriceOut = NaN;
    hestonDeltaOut = NaN;
    return NO_CONVERGENCE;
  }
  const Sd = S * Math.exp(-q * T);
  const Kd = K * Math.exp(-r * T);
  const scale = Math.sqrt(Sd) * Math.sqrt(Kd) / Math.PI;
  price -= scale * resJ;
  delta -= scale / S * (0.5 * resJ + resD);
  // no-arbitrage bounds; only the integration error can cross them
  const lo = isCall ? Sd - Kd : Kd - Sd;
  const hi = isCall ? Sd : Kd;
  if (price < lo) price = lo;
  if (price < 0.0) price = 0.0;
  if (price > hi) price = hi;
  hestonPriceOut = price;
  hestonDeltaOut = delta;
  return OK;
}
