// Philox4x32-10 (./philox.ts) on four counters at once, one per i32x4 lane, and the 53-bit uniforms of its
// output words on f64x2 lanes. Same arithmetic as the scalar `philox4x32R`: the 32×32→64 products come from
// i64x2.extmul_low/high_i32x4_u, their high and low halves are gathered by shuffles. Used by the SIMD fast
// paths of the Monte Carlo kernel (../mc/fastEuropean.ts, ../mc/fastPaths.ts), whose results are
// bit-identical to the scalar stream (./stream.ts): lane l computes exactly the counter the scalar code
// would, so path i's numbers still depend only on (seed, i).

const M0: u32 = 0xD2511F53;
const M1: u32 = 0xCD9E8D57;
const W0: u32 = 0x9E3779B9;
const W1: u32 = 0xBB67AE85;

/** Output words r0…r3 of the last `philoxLanes` call, lane l = counter l. */
export let lR0: v128 = i32x4.splat(0);
export let lR1: v128 = i32x4.splat(0);
export let lR2: v128 = i32x4.splat(0);
export let lR3: v128 = i32x4.splat(0);

/** Path indices j … j+3 as (lo, hi) u32 lanes (exact across a 2^32 boundary of the low word). */
export let lJlo: v128 = i32x4.splat(0);
export let lJhi: v128 = i32x4.splat(0);

// @ts-ignore: decorator
@inline
function mulhi(p: v128, q: v128): v128 { return v128.shuffle<i32>(p, q, 1, 3, 5, 7); }
// @ts-ignore: decorator
@inline
function mullo(p: v128, q: v128): v128 { return v128.shuffle<i32>(p, q, 0, 2, 4, 6); }

/** Round keys of the current run: round r's (k0, k1) splatted, at KEYS + 32r and KEYS + 32r + 16. */
// @ts-ignore: decorator
@lazy const KEYS = memory.data(320, 16);

/**
 * Sets the round keys for key (key0, key1): round r uses (key0 + r·W0, key1 + r·W1) mod 2^32, as
 * ./philox.ts. Call once per run before `philoxLanes`.
 */
export function philoxKeySchedule(key0: u32, key1: u32): void {
  let k0 = key0, k1 = key1;
  for (let r = 0; r < 10; r++) {
    v128.store(KEYS + (<usize>r << 5), i32x4.splat(k0));
    v128.store(KEYS + (<usize>r << 5) + 16, i32x4.splat(k1));
    k0 += W0; k1 += W1;
  }
}

/**
 * Philox4x32-10 of the counters (ctr, 0, lJlo[l], lJhi[l]) for lanes l = 0…3 (path indices set by
 * `laneIndices`) under the key set by `philoxKeySchedule`: the stream layout of ./stream.ts (counter word 0 =
 * draw-pair index, words 2, 3 = path index). Words out in lR0…lR3. Inlined: the words stay in registers.
 */
// @ts-ignore: decorator
@inline
export function philoxLanes(ctr: u32): void {
  let c0 = i32x4.splat(ctr);
  let c1 = i32x4.splat(0);
  let c2 = lJlo;
  let c3 = lJhi;
  const m0 = i32x4.splat(M0);
  const m1 = i32x4.splat(M1);
  for (let r = 0; r < 10; r++) {
    const p0l = i64x2.extmul_low_i32x4_u(c0, m0);
    const p0h = i64x2.extmul_high_i32x4_u(c0, m0);
    const p1l = i64x2.extmul_low_i32x4_u(c2, m1);
    const p1h = i64x2.extmul_high_i32x4_u(c2, m1);
    const kr = KEYS + (<usize>r << 5);
    const n0 = v128.xor(v128.xor(mulhi(p1l, p1h), c1), v128.load(kr));
    const n1 = mullo(p1l, p1h);
    const n2 = v128.xor(v128.xor(mulhi(p0l, p0h), c3), v128.load(kr, 16));
    const n3 = mullo(p0l, p0h);
    c0 = n0; c1 = n1; c2 = n2; c3 = n3;
  }
  lR0 = c0; lR1 = c1; lR2 = c2; lR3 = c3;
}

/** Sets lJlo/lJhi to the indices j, j+1, j+2, j+3. */
export function laneIndices(j: i64): void {
  const lo = <u32>j;
  lJlo = i32x4.replace_lane(i32x4.replace_lane(i32x4.replace_lane(i32x4.splat(lo), 1, lo + 1), 2, lo + 2), 3, lo + 3);
  lJhi = i32x4.replace_lane(i32x4.replace_lane(i32x4.replace_lane(i32x4.splat(<u32>(j >> 32)),
    1, <u32>((j + 1) >> 32)), 2, <u32>((j + 2) >> 32)), 3, <u32>((j + 3) >> 32));
}

/**
 * The 64-bit words hi·2^32 + lo of two lanes as i64x2: `pairLow(hiWords, loWords)` takes lanes 0, 1,
 * `pairHigh` lanes 2, 3 (for draw 2k: hi = lR0, lo = lR1; draw 2k+1: hi = lR2, lo = lR3, as ./stream.ts).
 */
// @ts-ignore: decorator
@inline
export function pairLow(hi: v128, lo: v128): v128 { return v128.shuffle<i32>(lo, hi, 0, 4, 1, 5); }
// @ts-ignore: decorator
@inline
export function pairHigh(hi: v128, lo: v128): v128 { return v128.shuffle<i32>(lo, hi, 2, 6, 3, 7); }

/** (⌊x/2^12⌋ + ½)·2^-52 per i64 lane: ./philox.ts `uniform53` on both lanes (exact: ⌊x/2^12⌋ < 2^52). */
// @ts-ignore: decorator
@inline
export function vUniform53(x: v128): v128 {
  const k = v128.or(i64x2.shr_u(x, 12), i64x2.splat(0x4330000000000000));
  const f = f64x2.sub(k, f64x2.splat(4503599627370496.0));
  return f64x2.mul(f64x2.add(f, f64x2.splat(0.5)), f64x2.splat(2.220446049250313e-16));
}
