// WASM ABI of the AMM domain (re-exported by assembly/index.ts). Amounts are token units (f64); see each
// kernel's file for the formulas and their sources.

import { constantProductBatchImpl } from "./batch";
import { concentratedSwapImpl, sqrtPriceAtTick } from "./concentrated";
import { depthCurveImpact, depthCurveKeep } from "./depthCurve";

/**
 * Constant-product (Uniswap v2) quotes over columns (amm/batch.ts): exactOutput 0 → `amounts` are inputs,
 * 1 → wanted outputs; feesBps per element. out = 8 columns of n f64: amountIn, amountOut, executionPrice,
 * spotPriceBefore, spotPriceAfter, priceImpact, feeImpact, curveImpact. Returns the count of non-OK statuses.
 */
export function constantProductBatch(
  n: i32, exactOutput: i32, reservesIn: usize, reservesOut: usize, amounts: usize, feesBps: usize, out: usize,
  status: usize,
): i32 {
  return constantProductBatchImpl(n, exactOutput, reservesIn, reservesOut, amounts, feesBps, out, status);
}

/**
 * One exact-input Uniswap v3 swap across nBands liquidity bands (amm/concentrated.ts): ticks (nBands + 1
 * boundaries), liquidity and feePips (nBands each) as f64 columns; sqrtPrice raw √(token1/token0); writes 8 f64
 * at out (amountOut, amountInConsumed, feePaid, sqrtPriceAfter, tickAfter, ticksCrossed, exhausted, bandAfter).
 * Returns the status (0 OK, 1 INVALID_INPUT).
 */
export function concentratedSwap(
  nBands: i32, ticks: usize, liquidity: usize, feePips: usize, sqrtPrice: f64, zeroForOne: i32, amountIn: f64,
  out: usize,
): i32 {
  return concentratedSwapImpl(nBands, ticks, liquidity, feePips, sqrtPrice, zeroForOne, amountIn, out);
}

/**
 * Depth-curve venue, n sizes at once (amm/depthCurve.ts): for each of n sizes, writes the price-impact fraction
 * interpolated from the profile (nPoints sizes/impacts) to `out`. NaN for a negative or NaN size.
 */
export function depthCurveImpactBatch(nPoints: i32, sizes: usize, impacts: usize, n: i32, amounts: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, depthCurveImpact(sizes, impacts, nPoints, load<f64>(amounts + o)));
  }
}

/**
 * Depth-curve venue, n sizes at once: for each size writes the retained fraction 1 − impact (amm/depthCurve.ts
 * depthCurveKeep; R/(R + size) computed directly beyond the last point) to `out`. NaN for a negative or NaN size.
 */
export function depthCurveKeepBatch(nPoints: i32, sizes: usize, impacts: usize, n: i32, amounts: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, depthCurveKeep(sizes, impacts, nPoints, load<f64>(amounts + o)));
  }
}

/** √(1.0001^tick) as the concentrated-liquidity kernel computes band edges (within ≈ 2 ulp; amm/concentrated.ts). */
export function sqrtPriceAtTickF64(tick: f64): f64 {
  return sqrtPriceAtTick(tick);
}
