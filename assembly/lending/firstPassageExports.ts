// The probability-of-liquidation part of the WASM ABI, re-exported by ../index.ts.

import { firstPassageBatchImpl } from "./firstPassage";

/**
 * Probability that the health factor reaches 1 before the horizon (lending/firstPassage.ts): input
 * columns of n f64 — health factors (> 0, +∞ = no debt), vols (0…10), horizons (years, 0…50), drifts,
 * borrow rates, collateral yields (continuously compounded decimals, |x| ≤ 1); `out` = 7 columns of n f64:
 * probability, distanceToLiquidation, distanceToLiquidationWithDrift, ∂P/∂vol, ∂P/∂ln HF, ∂P/∂horizon,
 * ∂P/∂drift; `status` n u8 (OK, INVALID_INPUT). Returns the number of elements not OK.
 */
export function liquidationProbabilityBatch(
  n: i32, healthFactors: usize, vols: usize, horizons: usize, drifts: usize, borrowRates: usize,
  collateralYields: usize, out: usize, status: usize,
): i32 {
  return firstPassageBatchImpl(n, healthFactors, vols, horizons, drifts, borrowRates, collateralYields, out, status);
}
