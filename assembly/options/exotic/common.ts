// Shared numerics of the exotic closed forms (./geometricAsian.ts, ./barrier.ts, ./lookback.ts).
//
// Everything here is a plain function of f64: nothing allocates or throws. Products of a power with a
// normal probability, such as (H/S)^{2(μ+1)}·Φ(y) in the barrier formulas or (S/Y)^{−2b/σ²}·Φ(x) in the
// lookback formulas, overflow for small vols when formed naively (an exponent of 1e4 times a Φ of 1e-300);
// `expCdf` forms them as exp(a + ln Φ(y)) instead, so valid inputs never meet ∞·0.
//
// Sources: W. J. Cody (1969, 1993) for Φ and its Mills ratio (../../math/normal.ts); Gauss–Legendre
// nodes and weights as tabulated in Abramowitz & Stegun, Handbook of Mathematical Functions (1964),
// table 25.4 (n = 8).

import { normCdf, normMills, ONE_OVER_SQRT_TWO_PI } from "../../math/normal";
import { europeanOne, MODEL_BSM } from "../european";
import { GreeksLevel1 } from "./layout";

/** ln √(2π). */
const LOG_SQRT_TWO_PI: f64 = 0.918938533204672741780329736406;

/** 8-point Gauss–Legendre nodes on [−1, 1] (positive half) and weights (A&S table 25.4). */
const GL_X0: f64 = 0.18343464249564978;
const GL_X1: f64 = 0.525532409916329;
const GL_X2: f64 = 0.7966664774136267;
const GL_X3: f64 = 0.9602898564975362;
const GL_W0: f64 = 0.36268378337836166;
const GL_W1: f64 = 0.3137066458778869;
const GL_W2: f64 = 0.22238103445337443;
const GL_W3: f64 = 0.10122853629037706;

/** Node k (0…7) of the 8-point Gauss–Legendre rule mapped to [0, 1]. */
export function glNode(k: i32): f64 {
  let x: f64;
  switch (k & 3) {
    case 0: x = GL_X0; break;
    case 1: x = GL_X1; break;
    case 2: x = GL_X2; break;
    default: x = GL_X3;
  }
  return k < 4 ? 0.5 - 0.5 * x : 0.5 + 0.5 * x;
}

/** Weight of node k (0…7) of the 8-point Gauss–Legendre rule on [0, 1] (the weights sum to 1). */
export function glWeight(k: i32): f64 {
  switch (k & 3) {
    case 0: return 0.5 * GL_W0;
    case 1: return 0.5 * GL_W1;
    case 2: return 0.5 * GL_W2;
    default: return 0.5 * GL_W3;
  }
}

/** ln Φ(x) for any x (−∞ … +∞); via the Mills ratio below −0.66291, so no underflow (Cody). */
export function logNormCdf(x: f64): f64 {
  if (x < -0.66291) return Math.log(normMills(x)) - 0.5 * x * x - LOG_SQRT_TWO_PI;
  if (x > 5.0) return Math.log1p(-normCdf(-x));
  return Math.log(normCdf(x));
}

/**
 * e^a·Φ(y) without intermediate overflow or ∞·0: the plain product while e^a is a normal double,
 * exp(a + ln Φ(y)) otherwise. Inputs finite or ±∞ for y; output ≥ 0 (0 or +∞ only when the true
 * value is outside the double range).
 */
export function expCdf(a: f64, y: f64): f64 {
  if (a > -700.0 && a < 700.0) return Math.exp(a) * normCdf(y);
  return Math.exp(a + logNormCdf(y));
}

/**
 * e^u·(1/h)·∫_x^{x+h} φ(t) dt = e^u·∫_0^1 φ(x + h·s) ds by the 8-point Gauss–Legendre rule, with e^u
 * folded into each node's exponent (so a large u against a far tail does not overflow). Accurate to
 * ~1e-16 relative for |h| ≤ 1 (the rule's error term is h^16·φ^(16)/ (17·(16!)³/(8!)⁴)). h = 0 → e^u·φ(x).
 */
export function expMeanPdf(u: f64, x: f64, h: f64): f64 {
  let s: f64 = 0.0;
  for (let k: i32 = 0; k < 8; k++) {
    const t = x + h * glNode(k);
    s += glWeight(k) * Math.exp(u - 0.5 * t * t);
  }
  return s * ONE_OVER_SQRT_TWO_PI;
}

/** expm1(y)/y, with its limit 1 at y = 0. */
export function expm1OverX(y: f64): f64 {
  return y == 0.0 ? 1.0 : Math.expm1(y) / y;
}

/** Scratch columns (price, delta, gamma, vega, theta, rho) for one call of the European kernel. */
const VANILLA = memory.data(64, 16);

/** Delta of the last `vanilla` call (∂V/∂S, or ∂V/∂F for Black-76). */
export let vanillaDelta: f64 = 0.0;
/** Vega of the last `vanilla` call (per 1.00 of vol). */
export let vanillaVega: f64 = 0.0;

/**
 * Price of a European option from the existing kernel (../european.ts: model MODEL_BSM with spot and
 * dividend yield, or MODEL_BLACK76 with a forward), with its delta and vega left in `vanillaDelta`,
 * `vanillaVega`. Inputs must already be valid. At T = 0 or vol = 0 the kernel's limits apply (delta
 * ±1/2 at the strike; at T = 0 always the T → 0 limit at a positive vol, so never NaN).
 */
export function vanilla(model: i32, isCall: bool, S: f64, K: f64, T: f64, vol: f64, r: f64, q: f64): f64 {
  // At T = 0 the vol does not enter the price; a positive vol selects the kernel's T → 0 limits (delta
  // ±1/2 at the strike, vega 0) rather than NaN + DEGENERATE for the joint (T, vol) → (0, 0) limit.
  if (T == 0.0) vol = 1.0;
  europeanOne(model, GreeksLevel1, isCall, S, K, T, vol, r, q, VANILLA, 8, 0);
  vanillaDelta = load<f64>(VANILLA + 8);
  vanillaVega = load<f64>(VANILLA + 24);
  return load<f64>(VANILLA);
}

/** Black–Scholes–Merton price only (see `vanilla`). */
export function bsmPrice(isCall: bool, S: f64, K: f64, T: f64, vol: f64, r: f64, q: f64): f64 {
  return vanilla(MODEL_BSM, isCall, S, K, T, vol, r, q);
}

/**
 * Writes one element's (price, delta, vega) into three columns of n f64 at `out` (column c at
 * out + c·n·8, element i at + i·8).
 */
export function writeOut(out: usize, n: i32, i: i32, price: f64, delta: f64, vega: f64): void {
  const col = <usize>n << 3;
  const o = out + (<usize>i << 3);
  store<f64>(o, price);
  store<f64>(o + col, delta);
  store<f64>(o + 2 * col, vega);
}

/** Relative bump of the central differences (≈ ε^{1/3}: truncation and rounding errors both ~1e-10). */
export const FD_REL: f64 = 1e-5;
