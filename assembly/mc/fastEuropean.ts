// The fast path of the Monte Carlo kernel for its most common job: a European payoff under GBM on a
// one-step grid without Greeks. Four samples per iteration: Philox4x32-10 on four counters at once
// (../rng/philoxLanes.ts), uniforms, Φ⁻¹ (AS241 on f64x2 lanes, ../rng/normalLanes.ts), exp by
// ../math/simd.ts `vexp` (bit-identical to Math.exp), the payoff and the control variate in f64x2, and the sums added lane by lane in sample order. Every
// operation repeats the generic path's (./kernel.ts) in the same order, so the results are bit-identical
// to it (test/mc/fastpath.test.ts checks this).

import { vexp } from "../math/simd";
import { philoxKeySchedule, philoxLanes, laneIndices, lR0, lR1, pairLow, pairHigh, vUniform53 } from "../rng/philoxLanes";
import { vNormInv } from "../rng/normalLanes";

// Block sums (read by the kernel after `fastEuropeanRun`).
export let fSy: f64 = 0.0;
export let fSyy: f64 = 0.0;
export let fSc: f64 = 0.0;
export let fScc: f64 = 0.0;
export let fSyc: f64 = 0.0;

/** Zeroes the block sums. */
export function fastReset(): void {
  fSy = 0.0; fSyy = 0.0; fSc = 0.0; fScc = 0.0; fSyc = 0.0;
}

/**
 * Samples [s0, s0 + 4·groups) of a one-step GBM European: adds each sample's (Y, C) to fSy… in order.
 * x0 = ln S0, drift = (r − q − σ²/2)·T (as mu·dt), sd = σ (times √T = sq), disc = e^{−rT}, om = ±1.
 */
export function fastEuropeanRun(s0: i64, groups: i64, key0: u32, key1: u32, anti: bool,
  x0: f64, mu: f64, dt: f64, sigma: f64, sq: f64, strike: f64, disc: f64, om: f64): void {
  philoxKeySchedule(key0, key1);
  const vx0 = f64x2.splat(x0);
  const vdrift = f64x2.splat(mu * dt);
  const vsig = f64x2.splat(sigma);
  const vsq = f64x2.splat(sq);
  const vk = f64x2.splat(strike);
  const vdisc = f64x2.splat(disc);
  const vom = f64x2.splat(om);
  const vdom = f64x2.splat(disc * om);
  const zero = f64x2.splat(0.0);
  const half = f64x2.splat(0.5);
  let sy = fSy, syy = fSyy, sc = fSc, scc = fScc, syc = fSyc;
  for (let g: i64 = 0; g < groups; g++) {
    laneIndices(s0 + (g << 2));
    philoxLanes(0);
    const xa = pairLow(lR0, lR1); // lanes 0, 1: r0·2^32 + r1
    const xb = pairHigh(lR0, lR1); // lanes 2, 3
    for (let h = 0; h < 2; h++) {
      const z = vNormInv(vUniform53(h == 0 ? xa : xb));
      const dw = f64x2.mul(vsq, z);
      let x = f64x2.add(vx0, f64x2.add(vdrift, f64x2.mul(vsig, dw)));
      let sT = vexp(x);
      let dif = f64x2.sub(sT, vk);
      let y = v128.and(f64x2.mul(vdom, dif), f64x2.gt(f64x2.mul(vom, dif), zero));
      let c = f64x2.mul(vdisc, sT);
      if (anti) {
        // Φ⁻¹(1 − u) = −Φ⁻¹(u) exactly on the uniform grid (see rng/stream.ts), so σ·(√T·z') = −σ·(√T·z)
        const x2 = f64x2.add(vx0, f64x2.add(vdrift, f64x2.mul(vsig, f64x2.neg(dw))));
        const s2 = vexp(x2);
        const d2 = f64x2.sub(s2, vk);
        const y2 = v128.and(f64x2.mul(vdom, d2), f64x2.gt(f64x2.mul(vom, d2), zero));
        y = f64x2.mul(half, f64x2.add(y, y2));
        c = f64x2.mul(half, f64x2.add(c, f64x2.mul(vdisc, s2)));
      }
      const y0 = f64x2.extract_lane(y, 0), y1 = f64x2.extract_lane(y, 1);
      const c0 = f64x2.extract_lane(c, 0), c1 = f64x2.extract_lane(c, 1);
      sy += y0; syy += y0 * y0; sc += c0; scc += c0 * c0; syc += y0 * c0;
      sy += y1; syy += y1 * y1; sc += c1; scc += c1 * c1; syc += y1 * c1;
    }
  }
  fSy = sy; fSyy = syy; fSc = sc; fScc = scc; fSyc = syc;
}
