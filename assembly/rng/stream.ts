// Per-path random stream on top of Philox4x32-10 (./philox.ts): the numbers of path (or antithetic pair)
// `index` under key `seed`. Draw d of the path comes from counter (⌊d/2⌋, 0, index lo, index hi), first or
// second 64-bit half. A path's stream is restarted with `streamStart`, so nothing depends on which
// block, chunk or worker computes it (DESIGN §6).
//
// Normals by the inverse cdf (Wichura AS241, ../math/normal.ts), one uniform per normal. Chosen over
// Box–Muller / ziggurat because: (1) it is monotone, so the antithetic draw 1 − u gives exactly −z (the
// uniform grid is symmetric and AS241 is odd in q = u − ½, so pairs mirror bit for bit); (2) one uniform
// per normal keeps the mapping "draw d ↔ dimension d" fixed, which QMC (Sobol + Brownian bridge) and the
// Poisson/QE uniforms of the jump and Heston schemes need; (3) no rejection, so every path consumes a
// fixed, known number of counters. Accuracy ~1e-16 relative; cost close to Box–Muller's log + sqrt.

import { philox4x32, philoxR0, philoxR1, philoxR2, philoxR3, uniform53 } from "./philox";
import { normInv } from "../math/normal";

let sK0: u32 = 0;
let sK1: u32 = 0;
let sC2: u32 = 0;
let sC3: u32 = 0;
let sCounter: u32 = 0;
let sHave: bool = false;
let sNext: f64 = 0.0;
let sMirror: bool = false;

/**
 * Restarts the stream for path (or pair) `index` under the 64-bit key (k0 = seed lo, k1 = seed hi).
 * `mirror`: antithetic partner — every uniform u is replaced by 1 − u (exact on the grid).
 */
export function streamStart(k0: u32, k1: u32, index: u64, mirror: bool): void {
  sK0 = k0; sK1 = k1;
  sC2 = <u32>index; sC3 = <u32>(index >> 32);
  sCounter = 0; sHave = false; sMirror = mirror;
}

/** The next uniform of the current path, strictly inside (0, 1) (53-bit grid, see philox.ts). */
export function nextUniform(): f64 {
  let u: f64;
  if (sHave) {
    sHave = false;
    u = sNext;
  } else {
    philox4x32(sCounter, 0, sC2, sC3, sK0, sK1);
    sCounter++;
    u = uniform53(philoxR0, philoxR1);
    sNext = uniform53(philoxR2, philoxR3);
    sHave = true;
  }
  return sMirror ? 1.0 - u : u;
}

/** The next standard normal of the current path: Φ⁻¹(u) of the next uniform. */
// @ts-ignore: decorator
@inline
export function nextNormal(): f64 {
  return normInv(nextUniform());
}
