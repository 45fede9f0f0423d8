// The fast path of the Monte Carlo kernel for its most common job: a European payoff under GBM on a
// one-step grid without Greeks. Four samples per iteration: Philox4x32-10 on four counters at once
// (i32x4 lanes; 32×32→64 products by i64x2.extmul_low/high_i32x4_u), uniforms, Φ⁻¹ (AS241 central branch
// in f64x2, other lanes by the scalar code), exp by ../math/simd.ts `vexp` (bit-identical to Math.exp), the
// payoff and the control variate in f64x2, and the sums added lane by lane in sample order. Every
// operation repeats the generic path's (./kernel.ts) in the same order, so the results are bit-identical
// to it (test/mc/fastpath.test.ts checks this).

import { vexp } from "../math/simd";
import { normInv } from "../math/normal";

const M0: u32 = 0xD2511F53;
const M1: u32 = 0xCD9E8D57;
const W0: u32 = 0x9E3779B9;
const W1: u32 = 0xBB67AE85;

/** Philox4x32-10 of the counters (0, 0, j + lane, hi) for lanes 0…3; words r0, r1 of each lane out. */
let vR0: v128 = i32x4.splat(0);
let vR1: v128 = i32x4.splat(0);

// @ts-ignore: decorator
@inline
function mulhi(p: v128, q: v128): v128 { return v128.shuffle<i32>(p, q, 1, 3, 5, 7); }
// @ts-ignore: decorator
@inline
function mullo(p: v128, q: v128): v128 { return v128.shuffle<i32>(p, q, 0, 2, 4, 6); }

function philox4Lanes(jlo: v128, jhi: v128, key0: u32, key1: u32): void {
  let c0 = i32x4.splat(0);
  let c1 = i32x4.splat(0);
  let c2 = jlo;
  let c3 = jhi;
  let k0 = key0, k1 = key1;
  const m0 = i32x4.splat(M0);
  const m1 = i32x4.splat(M1);
  for (let r = 0; r < 10; r++) {
    if (r > 0) { k0 += W0; k1 += W1; }
    const p0l = i64x2.extmul_low_i32x4_u(c0, m0);
    const p0h = i64x2.extmul_high_i32x4_u(c0, m0);
    const p1l = i64x2.extmul_low_i32x4_u(c2, m1);
    const p1h = i64x2.extmul_high_i32x4_u(c2, m1);
    const n0 = v128.xor(v128.xor(mulhi(p1l, p1h), c1), i32x4.splat(k0));
    const n1 = mullo(p1l, p1h);
    const n2 = v128.xor(v128.xor(mulhi(p0l, p0h), c3), i32x4.splat(k1));
    const n3 = mullo(p0l, p0h);
    c0 = n0; c1 = n1; c2 = n2; c3 = n3;
  }
  vR0 = c0; vR1 = c1;
}

/** (⌊x/2^12⌋ + ½)·2^-52 per i64 lane: the same uniform as philox.ts `uniform53`. */
// @ts-ignore: decorator
@inline
function vUniform(x: v128): v128 {
  const k = v128.or(i64x2.shr_u(x, 12), i64x2.splat(0x4330000000000000));
  const f = f64x2.sub(k, f64x2.splat(4503599627370496.0)); // exact: k < 2^52
  return f64x2.mul(f64x2.add(f, f64x2.splat(0.5)), f64x2.splat(2.220446049250313e-16));
}

/** Φ⁻¹ on both lanes: AS241's central branch vectorised (same operations), other lanes by normInv. */
function vNormInv(u: v128): v128 {
  const q = f64x2.sub(u, f64x2.splat(0.5));
  const central = f64x2.le(f64x2.abs(q), f64x2.splat(0.425));
  if (!i64x2.all_true(central)) {
    return f64x2.replace_lane(f64x2.splat(normInv(f64x2.extract_lane(u, 0))), 1, normInv(f64x2.extract_lane(u, 1)));
  }
  const r = f64x2.sub(f64x2.splat(0.180625), f64x2.mul(q, q));
  let num = f64x2.add(f64x2.mul(r, f64x2.splat(2509.0809287301226727)), f64x2.splat(33430.575583588128105));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(67265.770927008700853));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(45921.953931549871457));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(13731.693765509461125));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(1971.5909503065514427));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(133.14166789178437745));
  num = f64x2.add(f64x2.mul(num, r), f64x2.splat(3.387132872796366608));
  let den = f64x2.add(f64x2.mul(r, f64x2.splat(5226.495278852545925)), f64x2.splat(28729.085735721942674));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(39307.89580009271061));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(21213.794301586595867));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(5394.1960214247511077));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(687.1870074920579083));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(42.313330701600911252));
  den = f64x2.add(f64x2.mul(den, r), f64x2.splat(1.0));
  return f64x2.div(f64x2.mul(q, num), den);
}

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
    const j = s0 + (g << 2);
    const lo = <u32>j;
    const hi = <u32>(j >> 32);
    // lanes j … j+3; the four never straddle a 2^32 boundary in the hi word unless lo wraps: handle exactly
    let jlo = i32x4.replace_lane(i32x4.replace_lane(i32x4.replace_lane(i32x4.splat(lo), 1, lo + 1), 2, lo + 2), 3, lo + 3);
    let jhi = i32x4.replace_lane(i32x4.replace_lane(i32x4.replace_lane(i32x4.splat(hi),
      1, <u32>((j + 1) >> 32)), 2, <u32>((j + 2) >> 32)), 3, <u32>((j + 3) >> 32));
    philox4Lanes(jlo, jhi, key0, key1);
    const xa = v128.shuffle<i32>(vR1, vR0, 0, 4, 1, 5); // lanes 0, 1: r0·2^32 + r1
    const xb = v128.shuffle<i32>(vR1, vR0, 2, 6, 3, 7); // lanes 2, 3
    for (let h = 0; h < 2; h++) {
      const z = vNormInv(vUniform(h == 0 ? xa : xb));
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
