// WASM ABI of the hedging simulation (re-exported by assembly/index.ts). Layouts in ./params.ts, mirrored in
// src/hedge/layout.ts; method and sources in ./kernel.ts.

import { hedgeBlocksImpl } from "./kernel";
import { K_COUNT, P_COUNT } from "./params";

/**
 * Discrete delta hedging: per-path outcomes (K_COUNT f64 each: P&L, fees, slippage, gas, trades, gamma, theta,
 * vega, financing, delta mismatch, residual, final spot, turnover, filled) of the paths of blocks
 * [first, end) into `out`. `params` P_COUNT f64; `curve` the depth curve (sizes then impacts, P_KNOTS each)
 * or 0; `path` the supplied N + 1 spots (model 3) or 0; `paths` ≠ 0 receives each path's N + 1 spots.
 * Returns the number of paths whose trades the venue could not fill.
 */
export function hedgeBlocks(params: usize, curve: usize, path: usize, first: i32, end: i32, out: usize, paths: usize): i32 {
  return hedgeBlocksImpl(params, curve, path, first, end, out, paths);
}

/** Number of parameter slots (P_COUNT) and of outcomes per path (K_COUNT), for the facade's layout check. */
export function hedgeLayout(which: i32): i32 {
  return which == 0 ? P_COUNT : K_COUNT;
}
