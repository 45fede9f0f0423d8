// Philox4x32-10: the counter-based generator of Salmon, Moraes, Dror & Shaw, "Parallel random numbers:
// as easy as 1, 2, 3", SC'11 (2011), doi:10.1145/2063384.2063405, as specified by the Random123 library
// (D. E. Shaw Research, include/Random123/philox.h). A bijection of a 128-bit counter under a 64-bit key:
// ten rounds of two 32×32→64 multiplications (M0 = 0xD2511F53, M1 = 0xCD9E8D57) in a Feistel-like network,
// with the key bumped by the Weyl constants (W0 = 0x9E3779B9, W1 = 0xBB67AE85) between rounds.
// Known-answer vectors: Random123's kat_vectors (checked in test/mc/philox.test.ts).
//
// How tailguard uses it (DESIGN §6): key = the run's seed (u64 split into lo, hi u32; seed 0 is valid);
// counter = (draw-pair index k, 0, path index lo, path index hi). One counter value gives four u32 words,
// i.e. two 53-bit uniforms (draws 2k and 2k+1 of the path). Path i's numbers therefore depend on
// (seed, i) only, whatever block, chunk or worker computes them.
//
// Everything here is a plain function on integers; no allocation, no throwing.

const M0: u64 = 0xD2511F53;
const M1: u64 = 0xCD9E8D57;
const W0: u32 = 0x9E3779B9;
const W1: u32 = 0xBB67AE85;

/** Output words of the last `philox4x32` call (module globals: the kernel is single-threaded). */
export let philoxR0: u32 = 0;
export let philoxR1: u32 = 0;
export let philoxR2: u32 = 0;
export let philoxR3: u32 = 0;

/**
 * Philox4x32-R with R rounds (10 for Philox4x32-10): counter (c0, c1, c2, c3), key (k0, k1). Results in
 * `philoxR0…philoxR3` (words in Random123's order).
 */
// @ts-ignore: decorator
@inline
export function philox4x32R(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32, rounds: i32): void {
  for (let r = 0; r < rounds; r++) {
    if (r > 0) { k0 += W0; k1 += W1; }
    const p0 = M0 * <u64>c0; // mulhilo(M0, c0)
    const p1 = M1 * <u64>c2; // mulhilo(M1, c2)
    const n0 = (<u32>(p1 >> 32)) ^ c1 ^ k0;
    const n1 = <u32>p1;
    const n2 = (<u32>(p0 >> 32)) ^ c3 ^ k1;
    const n3 = <u32>p0;
    c0 = n0; c1 = n1; c2 = n2; c3 = n3;
  }
  philoxR0 = c0; philoxR1 = c1; philoxR2 = c2; philoxR3 = c3;
}

/** Philox4x32-10 (ten rounds); see `philox4x32R`. */
export function philox4x32(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32): void {
  philox4x32R(c0, c1, c2, c3, k0, k1, 10);
}

/** 2^-52. */
const TWO_M52: f64 = 2.220446049250313e-16;

/**
 * A uniform strictly inside (0, 1) from two u32 words: with x = hi·2^32 + lo, u = (⌊x / 2^12⌋ + ½)·2^-52.
 * The 52 high bits of x plus the half-step give the grid {(j + ½)·2^-52}, symmetric under u ↦ 1 − u (exactly,
 * so antithetic draws mirror bit for bit) and exactly representable (53 significant bits); min 2^-53,
 * max 1 − 2^-53, so Φ⁻¹(u) is finite (|z| ≤ 8.3).
 */
// @ts-ignore: decorator
@inline
export function uniform53(hi: u32, lo: u32): f64 {
  const x = ((<u64>hi) << 32) | <u64>lo;
  return (<f64>(x >> 12) + 0.5) * TWO_M52;
}
