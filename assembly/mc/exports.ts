// The Monte Carlo part of the WASM ABI, re-exported by ../index.ts.

import { mcRunBlocksImpl, SCRATCH_COLUMNS } from "./kernel";
import { philox4x32R, philoxR0, philoxR1, philoxR2, philoxR3 } from "../rng/philox";
import { streamStart, nextUniform } from "../rng/stream";
import { normInvLanes } from "../rng/normalLanes";

/**
 * Monte Carlo: partial sums of blocks [firstBlock, endBlock) into `out` (see mc/kernel.ts, mc/params.ts).
 * `params` P_COUNT f64, `times` and `weights` N f64, `scratch` mcScratchColumns()·N f64. Returns blocks written.
 */
export function mcRunBlocks(params: usize, times: usize, weights: usize, scratch: usize,
  firstBlock: i32, endBlock: i32, out: usize): i32 {
  return mcRunBlocksImpl(params, times, weights, scratch, firstBlock, endBlock, out);
}

/** Number of N-long f64 scratch columns `mcRunBlocks` needs. */
export function mcScratchColumns(): i32 {
  return SCRATCH_COLUMNS;
}

/**
 * Philox4x32-R for n (counter, key) inputs: `input` holds 6 u32 per element (c0, c1, c2, c3, k0, k1),
 * `out` receives 4 u32 per element. For known-answer tests (rounds = 10 is Philox4x32-10).
 */
export function philoxBatch(n: i32, rounds: i32, input: usize, out: usize): void {
  for (let i = 0; i < n; i++) {
    const a = input + (<usize>i * 24);
    philox4x32R(load<u32>(a), load<u32>(a, 4), load<u32>(a, 8), load<u32>(a, 12), load<u32>(a, 16), load<u32>(a, 20), rounds);
    const o = out + (<usize>i << 4);
    store<u32>(o, philoxR0); store<u32>(o, philoxR1, 4); store<u32>(o, philoxR2, 8); store<u32>(o, philoxR3, 12);
  }
}

/** The first n uniforms of path `index` (lo, hi u32) under seed (k0, k1); mirror ≠ 0: antithetic 1 − u. */
export function mcUniforms(k0: u32, k1: u32, indexLo: u32, indexHi: u32, mirror: i32, n: i32, out: usize): void {
  streamStart(k0, k1, (<u64>indexHi << 32) | <u64>indexLo, mirror != 0);
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), nextUniform());
}

/**
 * Φ⁻¹ of n values (n even; 2^-1022 ≤ min(p, 1 − p) for each) two at a time by the f64x2 AS241 of rng/normalLanes.ts,
 * which the SIMD Monte Carlo paths use. For tests of its bit-identity with `normInv`.
 */
export function mcNormInvLanes(n: i32, input: usize, out: usize): void {
  normInvLanes(n, input, out);
}
