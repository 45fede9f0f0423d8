// The lending part of the WASM ABI, re-exported by ../index.ts.

import { positionsBatchImpl } from "./positions";

/**
 * Single-collateral positions (lending/positions.ts): columns of n f64 amounts, prices, liquidation
 * thresholds (fractions), debt amounts, debt prices; mode bit 1 writes HF to out[0..n), bit 2 the
 * liquidation price to out[n..2n); one status byte per element. Returns the count of non-OK elements.
 */
export function positionsBatch(n: i32, mode: i32, amounts: usize, prices: usize, thresholds: usize,
  debtAmounts: usize, debtPrices: usize, out: usize, status: usize): i32 {
  return positionsBatchImpl(n, mode, amounts, prices, thresholds, debtAmounts, debtPrices, out, status);
}
