// The SIMD fast path of the Monte Carlo kernel for Heston paths (Andersen's QE scheme, ./hestonQE.ts) with a
// European or Asian payoff and no Greeks: four samples (paths, or antithetic pairs) per iteration, on f64x2
// lanes (j, j+1) and (j+2, j+3).
//   - Sub-step s of a path uses counter s of its Philox stream (../rng/philoxLanes.ts): words (r0, r1) the
//     variance uniform u_v, (r2, r3) the spot normal z = Φ⁻¹(u) (../rng/normalLanes.ts), exactly the scalar
//     stream's draws 2s and 2s + 1 (../rng/stream.ts). Antithetic partners use 1 − u_v and −z.
//   - The common case of a QE sub-step — m > 0, 1e-12 < ψ ≤ ψ_c = 1.5 (the quadratic branch) and the
//     martingale correction defined (d = 1 − 2A·a > 0, and normal for vlog) — is computed on both lanes with the operations of
//     the scalar `qeStep` in the same order (ln d by ../math/simd.ts `vlog`, bit-identical to Math.log); a lane
//     outside it (exponential branch ψ > 1.5, absorbed or frozen variance) is recomputed by `qeStep` itself.
//   - Increments are summed per grid step and added to the log-spot as in ./kernel.ts; fixings, payoff,
//     control variate and sums as ./fastPaths.ts.
// So the block sums are bit-identical to the generic path (test/mc/fastpath.test.ts). Never throws.

import { vexp, vlog } from "../math/simd";
import { philoxKeySchedule, philoxLanes, laneIndices, lR0, lR1, lR2, lR3, pairLow, pairHigh, vUniform53 } from "../rng/philoxLanes";
import { vNormInv } from "../rng/normalLanes";
import { qeStep, qeVn } from "./hestonQE";
import { payoffSetup, payoffFour } from "./fastPaths";

// Constants of the current grid step (set per step by the run loop).
let sH: f64 = 0.0;
let sE: f64 = 0.0;
let sC1: f64 = 0.0;
let sC2: f64 = 0.0;
let sK1: f64 = 0.0;
let sK2: f64 = 0.0;
let sK3: f64 = 0.0;
let sA: f64 = 0.0;
let gTheta: f64 = 0.0;
let gKappa: f64 = 0.0;
let gCarry: f64 = 0.0;

/** Variance after the last `vqe` call. */
let qV: v128 = f64x2.splat(0.0);

/** dx of the last `fixLanes` call. */
let qDx: v128 = f64x2.splat(0.0);

/** Recomputes the lanes of (dx, vn) where `ok` is false by the scalar `qeStep`; results in qDx, qV. */
function fixLanes(ok: v128, v: v128, uv: v128, z: v128, dx: v128, vn: v128): void {
  for (let l = 0; l < 2; l++) {
    if ((l == 0 ? i64x2.extract_lane(ok, 0) : i64x2.extract_lane(ok, 1)) != 0) continue;
    const lv = l == 0 ? f64x2.extract_lane(v, 0) : f64x2.extract_lane(v, 1);
    const lu = l == 0 ? f64x2.extract_lane(uv, 0) : f64x2.extract_lane(uv, 1);
    const lz = l == 0 ? f64x2.extract_lane(z, 0) : f64x2.extract_lane(z, 1);
    const ldx = qeStep(lv, lu, lz, sH, sE, sC1, sC2, sK1, sK2, sK3, sA, gTheta, gKappa, gCarry, false);
    if (l == 0) { dx = f64x2.replace_lane(dx, 0, ldx); vn = f64x2.replace_lane(vn, 0, qeVn); }
    else { dx = f64x2.replace_lane(dx, 1, ldx); vn = f64x2.replace_lane(vn, 1, qeVn); }
  }
  qDx = dx;
  qV = vn;
}

/** A QE sub-step on both lanes from variance v with uniform uv and normal z: returns dx, sets qV. */
function vqe(v: v128, uv: v128, z: v128): v128 {
  const one = f64x2.splat(1.0);
  const vth = f64x2.splat(gTheta);
  const m = f64x2.add(vth, f64x2.mul(f64x2.sub(v, vth), f64x2.splat(sE)));
  const s2 = f64x2.add(f64x2.mul(v, f64x2.splat(sC1)), f64x2.splat(sC2));
  const psi = f64x2.div(s2, f64x2.mul(m, m));
  const t2 = f64x2.div(f64x2.splat(2.0), psi);
  const b2 = f64x2.add(f64x2.sub(t2, one), f64x2.mul(f64x2.sqrt(t2), f64x2.sqrt(f64x2.sub(t2, one))));
  const a = f64x2.div(m, f64x2.add(one, b2));
  const zb = f64x2.add(f64x2.sqrt(b2), vNormInv(uv));
  const vn = f64x2.mul(f64x2.mul(a, zb), zb);
  const va = f64x2.splat(sA);
  const d = f64x2.sub(one, f64x2.mul(f64x2.mul(f64x2.splat(2.0), va), a));
  const ok = v128.and(v128.and(f64x2.gt(m, f64x2.splat(0.0)), f64x2.gt(psi, f64x2.splat(1e-12))),
    v128.and(f64x2.le(psi, f64x2.splat(1.5)), f64x2.ge(d, f64x2.splat(2.2250738585072014e-308))));
  // ln d only where it is defined (other lanes are recomputed below; vlog needs positive normal input)
  const dl = v128.bitselect(d, one, ok);
  const k1 = f64x2.splat(sK1);
  const k3 = f64x2.splat(sK3);
  const k0 = f64x2.sub(
    f64x2.neg(f64x2.sub(f64x2.div(f64x2.mul(f64x2.mul(va, b2), a), d), f64x2.mul(f64x2.splat(0.5), vlog(dl)))),
    f64x2.mul(f64x2.add(k1, f64x2.mul(f64x2.splat(0.5), k3)), v));
  const dx = f64x2.add(
    f64x2.add(f64x2.add(f64x2.add(f64x2.splat(gCarry * sH), k0), f64x2.mul(k1, v)), f64x2.mul(f64x2.splat(sK2), vn)),
    f64x2.mul(f64x2.sqrt(f64x2.mul(k3, f64x2.add(v, vn))), z));
  if (i64x2.all_true(ok)) {
    qV = vn;
    return dx;
  }
  fixLanes(ok, v, uv, z, dx, vn);
  return qDx;
}

/**
 * Samples [s0, s0 + 4·groups) of a Heston (ξ > 0) path payoff on the N-point grid: adds each sample's (Y, C)
 * to the block sums of ./fastPaths.ts in sample order (call `fastPathsReset` per block). Column pointers
 * (N f64 each, ./kernel.ts scratch): dt Δ_i, ns sub-steps, e, c1, c2, k1, k2, k3, a of each grid step;
 * weights: fixing weights. x0 = ln S0, v0, theta, kappa, carry = r − q; payoff constants as `payoffSetup`.
 */
export function fastHestonRun(s0: i64, groups: i64, key0: u32, key1: u32, anti: bool, n: i32,
  dt: usize, ns: usize, e: usize, c1: usize, c2: usize, k1: usize, k2: usize, k3: usize, a: usize,
  weights: usize, x0: f64, v0: f64, theta: f64, kappa: f64, carry: f64,
  strike: f64, disc: f64, om: f64, asian: bool, geom: bool): void {
  philoxKeySchedule(key0, key1);
  payoffSetup(strike, disc, om, asian, geom, false);
  gTheta = theta; gKappa = kappa; gCarry = carry;
  // One group (four samples) per call of a function specialised for (anti, asian): see ./fastPaths.ts.
  for (let grp: i64 = 0; grp < groups; grp++) {
    const j = s0 + (grp << 2);
    if (anti) {
      if (asian) hestonAntiAsian(j, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
      else hestonAnti(j, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
    } else {
      if (asian) hestonAsian(j, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
      else hestonPlain(j, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
    }
  }
}

function hestonAntiAsian(j: i64, n: i32, dt: usize, ns: usize, e: usize, c1: usize, c2: usize, k1: usize,
  k2: usize, k3: usize, a: usize, weights: usize, x0: f64, v0: f64): void {
  hestonGroup(j, true, true, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
}
function hestonAnti(j: i64, n: i32, dt: usize, ns: usize, e: usize, c1: usize, c2: usize, k1: usize,
  k2: usize, k3: usize, a: usize, weights: usize, x0: f64, v0: f64): void {
  hestonGroup(j, true, false, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
}
function hestonAsian(j: i64, n: i32, dt: usize, ns: usize, e: usize, c1: usize, c2: usize, k1: usize,
  k2: usize, k3: usize, a: usize, weights: usize, x0: f64, v0: f64): void {
  hestonGroup(j, false, true, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
}
function hestonPlain(j: i64, n: i32, dt: usize, ns: usize, e: usize, c1: usize, c2: usize, k1: usize,
  k2: usize, k3: usize, a: usize, weights: usize, x0: f64, v0: f64): void {
  hestonGroup(j, false, false, n, dt, ns, e, c1, c2, k1, k2, k3, a, weights, x0, v0);
}

/** Samples j … j+3 for constant `anti` and `asian` (inlined into the four group functions above). */
// @ts-ignore: decorator
@inline
function hestonGroup(j: i64, anti: bool, asian: bool, n: i32, dt: usize, ns: usize, e: usize,
  c1: usize, c2: usize, k1: usize, k2: usize, k3: usize, a: usize, weights: usize, x0: f64, v0: f64): void {
  const vx0 = f64x2.splat(x0);
  const vv0 = f64x2.splat(v0);
  const zero = f64x2.splat(0.0);
  const one = f64x2.splat(1.0);
  {
    laneIndices(j);
    // log-spot, variance, Σw·S, Σw·ln S of lanes (j, j+1) in *A, (j+2, j+3) in *B; partners in *A2, *B2
    let xA = vx0, xB = vx0, vA = vv0, vB = vv0, aA = zero, aB = zero, gA = zero, gB = zero;
    let xA2 = vx0, xB2 = vx0, vA2 = vv0, vB2 = vv0, aA2 = zero, aB2 = zero, gA2 = zero, gB2 = zero;
    let ctr: u32 = 0;
    for (let i = 0; i < n; i++) {
      const o = <usize>i << 3;
      const nsI = <i32>load<f64>(ns + o);
      sH = load<f64>(dt + o) / <f64>nsI;
      sE = load<f64>(e + o); sC1 = load<f64>(c1 + o); sC2 = load<f64>(c2 + o);
      sK1 = load<f64>(k1 + o); sK2 = load<f64>(k2 + o); sK3 = load<f64>(k3 + o); sA = load<f64>(a + o);
      let iA = zero, iB = zero, iA2 = zero, iB2 = zero;
      for (let j = 0; j < nsI; j++) {
        philoxLanes(ctr++);
        const uA = vUniform53(pairLow(lR0, lR1));
        const uB = vUniform53(pairHigh(lR0, lR1));
        const zA = vNormInv(vUniform53(pairLow(lR2, lR3)));
        const zB = vNormInv(vUniform53(pairHigh(lR2, lR3)));
        iA = f64x2.add(iA, vqe(vA, uA, zA)); vA = qV;
        iB = f64x2.add(iB, vqe(vB, uB, zB)); vB = qV;
        if (anti) {
          iA2 = f64x2.add(iA2, vqe(vA2, f64x2.sub(one, uA), f64x2.neg(zA))); vA2 = qV;
          iB2 = f64x2.add(iB2, vqe(vB2, f64x2.sub(one, uB), f64x2.neg(zB))); vB2 = qV;
        }
      }
      xA = f64x2.add(xA, iA);
      xB = f64x2.add(xB, iB);
      if (anti) { xA2 = f64x2.add(xA2, iA2); xB2 = f64x2.add(xB2, iB2); }
      const wt = load<f64>(weights + o);
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
