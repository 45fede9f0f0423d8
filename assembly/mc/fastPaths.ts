// The SIMD fast path of the Monte Carlo kernel for multi-step GBM paths without Greeks: arithmetic and
// geometric Asians (issue #4's 252-step benchmark) and Europeans on a grid of more than one step. Four
// samples (paths, or antithetic pairs) per iteration:
//   - Philox4x32-10 on the four paths' counters at once (../rng/philoxLanes.ts): one call gives each path
//     its draws 2k and 2k + 1, exactly the scalar stream's (../rng/stream.ts) numbers;
//   - Φ⁻¹ on f64x2 lanes (../rng/normalLanes.ts, AS241 bit-identical to the scalar normInv);
//   - the exact log-normal step x += (μΔ_i + σ·√Δ_i·z) and, at fixings, e^x by ../math/simd.ts `vexp`
//     (bit-identical to Math.exp), on lanes (j, j+1) and (j+2, j+3); antithetic partners use −z (Φ⁻¹(1 − u)
//     = −Φ⁻¹(u) exactly on the uniform grid, see ../rng/stream.ts), so a pair costs one normal;
//   - payoff, control variate and the sums added lane by lane in sample order.
// Every floating-point operation is the generic path's (./kernel.ts `generate` + `evalPath`) in the same
// order, so the block sums are bit-identical to it (test/mc/fastpath.test.ts compares them with the
// generic path forced by P_NO_FAST). Never throws; allocates nothing.

import { vexp } from "../math/simd";
import { philoxKeySchedule, philoxLanes, laneIndices, lR0, lR1, lR2, lR3, pairLow, pairHigh, vUniform53 } from "../rng/philoxLanes";
import { vNormInv } from "../rng/normalLanes";

// Block sums after `fastPathsRun` (read by the kernel).
export let pSy: f64 = 0.0;
export let pSyy: f64 = 0.0;
export let pSc: f64 = 0.0;
export let pScc: f64 = 0.0;
export let pSyc: f64 = 0.0;

// Payoff constants of the current run (set by `payoffSetup`; shared with ./fastHeston.ts).
let cK: v128 = f64x2.splat(0.0);
let cDisc: v128 = f64x2.splat(0.0);
let cOm: v128 = f64x2.splat(0.0);
let cDom: v128 = f64x2.splat(0.0);
let cAsian: bool = false;
let cGeom: bool = false;
let cCvGeom: bool = false;
/** Control variate of the last `vPayoff` call. */
export let vC: v128 = f64x2.splat(0.0);

/** Sets the payoff constants: strike, disc = e^{−rT}, om = ±1, asian/geom/cvGeom as P_PAYOFF, P_GEOMETRIC, P_CV_GEOM. */
export function payoffSetup(strike: f64, disc: f64, om: f64, asian: bool, geom: bool, cvGeom: bool): void {
  cK = f64x2.splat(strike);
  cDisc = f64x2.splat(disc);
  cOm = f64x2.splat(om);
  cDom = f64x2.splat(disc * om);
  cAsian = asian; cGeom = geom; cCvGeom = cvGeom;
}

/**
 * Discounted payoff of two lanes (log-spot x, Σw·S a, Σw·ln S g) as ./kernel.ts evalPath (European or
 * Asian); the control variate (disc·S_T, or the discounted geometric-Asian payoff) in vC.
 */
// @ts-ignore: decorator
@inline
export function vPayoff(x: v128, a: v128, g: v128): v128 {
  const zero = f64x2.splat(0.0);
  const sT = vexp(x);
  let c = f64x2.mul(cDisc, sT);
  let X = sT;
  if (cAsian) {
    const eg = vexp(g);
    X = cGeom ? eg : a;
    if (cCvGeom) c = f64x2.mul(cDisc, f64x2.max(f64x2.mul(cOm, f64x2.sub(eg, cK)), zero));
  }
  vC = c;
  const dif = f64x2.sub(X, cK);
  return v128.and(f64x2.mul(cDom, dif), f64x2.gt(f64x2.mul(cOm, dif), zero));
}

/** Adds four samples' (Y, C) — lanes 0, 1 of (yA, cA), then of (yB, cB) — to the block sums, in that order. */
// @ts-ignore: decorator
@inline
export function addFour(yA: v128, cA: v128, yB: v128, cB: v128): void {
  let sy = pSy, syy = pSyy, sc = pSc, scc = pScc, syc = pSyc;
  let y = f64x2.extract_lane(yA, 0), c = f64x2.extract_lane(cA, 0);
  sy += y; syy += y * y; sc += c; scc += c * c; syc += y * c;
  y = f64x2.extract_lane(yA, 1); c = f64x2.extract_lane(cA, 1);
  sy += y; syy += y * y; sc += c; scc += c * c; syc += y * c;
  y = f64x2.extract_lane(yB, 0); c = f64x2.extract_lane(cB, 0);
  sy += y; syy += y * y; sc += c; scc += c * c; syc += y * c;
  y = f64x2.extract_lane(yB, 1); c = f64x2.extract_lane(cB, 1);
  sy += y; syy += y * y; sc += c; scc += c * c; syc += y * c;
  pSy = sy; pSyy = syy; pSc = sc; pScc = scc; pSyc = syc;
}

/**
 * Ends a group of four samples (lanes (j, j+1) in *A, (j+2, j+3) in *B, antithetic partners in *A2, *B2):
 * discounted payoff and control variate of each lane by `vPayoff`, with `anti` the mean of the sample and its
 * partner, ½·(Y + Y'), then `addFour`. Shared by this file's and ./fastHeston.ts's group functions (one order of
 * operations, so both stay bit-identical to ./kernel.ts evalPath).
 */
// @ts-ignore: decorator
@inline
export function payoffFour(anti: bool, xA: v128, aA: v128, gA: v128, xB: v128, aB: v128, gB: v128,
  xA2: v128, aA2: v128, gA2: v128, xB2: v128, aB2: v128, gB2: v128): void {
  const half = f64x2.splat(0.5);
  let yA = vPayoff(xA, aA, gA);
  let cA = vC;
  let yB = vPayoff(xB, aB, gB);
  let cB = vC;
  if (anti) {
    yA = f64x2.mul(half, f64x2.add(yA, vPayoff(xA2, aA2, gA2)));
    cA = f64x2.mul(half, f64x2.add(cA, vC));
    yB = f64x2.mul(half, f64x2.add(yB, vPayoff(xB2, aB2, gB2)));
    cB = f64x2.mul(half, f64x2.add(cB, vC));
  }
  addFour(yA, cA, yB, cB);
}

/**
 * Samples [s0, s0 + 4·groups) of a GBM path payoff on the N-point grid: adds each sample's (Y, C) to pSy…
 * in sample order (call `fastPathsReset` per block). `dt`, `sq`: scratch columns Δ_i and √Δ_i; `weights`:
 * fixing weights (Asian). x0 = ln S0, mu = r − q − σ²/2, disc = e^{−rT}, om = ±1; asian/geom/cvGeom as the
 * kernel's P_PAYOFF, P_GEOMETRIC, P_CV_GEOM.
 */
export function fastPathsRun(s0: i64, groups: i64, key0: u32, key1: u32, anti: bool, n: i32,
  dt: usize, sq: usize, weights: usize, x0: f64, mu: f64, sigma: f64, strike: f64, disc: f64, om: f64,
  asian: bool, geom: bool, cvGeom: bool): void {
  philoxKeySchedule(key0, key1);
  payoffSetup(strike, disc, om, asian, geom, cvGeom);
  // One group (four samples) per call of a function specialised for (anti, asian): the unused state vectors
  // then occupy no registers, and V8, which runs a function's first call in its baseline tier and cannot
  // replace a running call, switches to optimised code after the first groups instead of after the block.
  for (let grp: i64 = 0; grp < groups; grp++) {
    const j = s0 + (grp << 2);
    if (anti) {
      if (asian) groupAntiAsian(j, n, dt, sq, weights, x0, mu, sigma);
      else groupAnti(j, n, dt, sq, weights, x0, mu, sigma);
    } else {
      if (asian) groupAsian(j, n, dt, sq, weights, x0, mu, sigma);
      else groupPlain(j, n, dt, sq, weights, x0, mu, sigma);
    }
  }
}

function groupAntiAsian(j: i64, n: i32, dt: usize, sq: usize, weights: usize, x0: f64, mu: f64, sigma: f64): void {
  pathsGroup(j, true, true, n, dt, sq, weights, x0, mu, sigma);
}
function groupAnti(j: i64, n: i32, dt: usize, sq: usize, weights: usize, x0: f64, mu: f64, sigma: f64): void {
  pathsGroup(j, true, false, n, dt, sq, weights, x0, mu, sigma);
}
function groupAsian(j: i64, n: i32, dt: usize, sq: usize, weights: usize, x0: f64, mu: f64, sigma: f64): void {
  pathsGroup(j, false, true, n, dt, sq, weights, x0, mu, sigma);
}
function groupPlain(j: i64, n: i32, dt: usize, sq: usize, weights: usize, x0: f64, mu: f64, sigma: f64): void {
  pathsGroup(j, false, false, n, dt, sq, weights, x0, mu, sigma);
}

/** Samples j … j+3 for constant `anti` and `asian` (inlined into the four group functions above). */
// @ts-ignore: decorator
@inline
function pathsGroup(j: i64, anti: bool, asian: bool, n: i32, dt: usize, sq: usize, weights: usize,
  x0: f64, mu: f64, sigma: f64): void {
  const vsig = f64x2.splat(sigma);
  const vx0 = f64x2.splat(x0);
  const zero = f64x2.splat(0.0);
  {
    laneIndices(j);
    // log-spots, Σw·S and Σw·ln S of lanes (j, j+1) in *A, (j+2, j+3) in *B; antithetic partners in *A2, *B2
    let xA = vx0, xB = vx0, aA = zero, aB = zero, gA = zero, gB = zero;
    let xA2 = vx0, xB2 = vx0, aA2 = zero, aB2 = zero, gA2 = zero, gB2 = zero;
    let hi = zero, lo = zero, hiNext = zero, loNext = zero;
    for (let i = 0; i < n; i++) {
      // draw i of each path: counter ⌊i/2⌋, words (r0, r1) for even i, (r2, r3) for odd i (../rng/stream.ts)
      if ((i & 1) == 0) {
        philoxLanes(<u32>(i >> 1));
        hi = lR0; lo = lR1; hiNext = lR2; loNext = lR3;
      } else {
        hi = hiNext; lo = loNext;
      }
      const o = <usize>i << 3;
      const mudt = f64x2.splat(mu * load<f64>(dt + o));
      const vsq = f64x2.splat(load<f64>(sq + o));
      const wt = load<f64>(weights + o);
      const zA = vNormInv(vUniform53(pairLow(hi, lo)));
      const zB = vNormInv(vUniform53(pairHigh(hi, lo)));
      // x += μΔ_i + σ·(√Δ_i·z) + 0.0 (the generic path adds its zero jump term)
      const dA = f64x2.mul(vsq, zA);
      const dB = f64x2.mul(vsq, zB);
      xA = f64x2.add(xA, f64x2.add(f64x2.add(mudt, f64x2.mul(vsig, dA)), zero));
      xB = f64x2.add(xB, f64x2.add(f64x2.add(mudt, f64x2.mul(vsig, dB)), zero));
      if (anti) {
        xA2 = f64x2.add(xA2, f64x2.add(f64x2.add(mudt, f64x2.mul(vsig, f64x2.neg(dA))), zero));
        xB2 = f64x2.add(xB2, f64x2.add(f64x2.add(mudt, f64x2.mul(vsig, f64x2.neg(dB))), zero));
      }
      if (asian && wt != 0.0) {
        const w = f64x2.splat(wt);
        aA = f64x2.add(aA, f64x2.mul(w, vexp(xA)));
        aB = f64x2.add(aB, f64x2.mul(w, vexp(xB)));
        gA = f64x2.add(gA, f64x2.mul(w, xA));
        gB = f64x2.add(gB, f64x2.mul(w, xB));
        if (anti) {
          aA2 = f64x2.add(aA2, f64x2.mul(w, vexp(xA2)));
          aB2 = f64x2.add(aB2, f64x2.mul(w, vexp(xB2)));
          gA2 = f64x2.add(gA2, f64x2.mul(w, xA2));
          gB2 = f64x2.add(gB2, f64x2.mul(w, xB2));
        }
      }
    }
    payoffFour(anti, xA, aA, gA, xB, aB, gB, xA2, aA2, gA2, xB2, aB2, gB2);
  }
}

/** Zeroes the block sums. */
export function fastPathsReset(): void {
  pSy = 0.0; pSyy = 0.0; pSc = 0.0; pScc = 0.0; pSyc = 0.0;
}
