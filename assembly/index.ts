// The whole WASM ABI of tailguard (DESIGN §2): exported functions over pointers + n; nothing else.
// Columns are f64 (8 bytes) except isCall and status (u8). `out` holds 9 contiguous columns of n f64 in the
// order price, delta, gamma, vega, theta, rho, vanna, volga, charm; greeks = 0 price only, 1 price + delta,
// gamma, vega, theta, rho, 2 all nine (columns not requested are not written). Batch functions return
// the number of elements whose status is not OK (codes in ./status.ts). Units: DESIGN §4.

import { europeanBatch, impliedVolBatchImpl } from "./options/batch";
import { MODEL_BSM, MODEL_BLACK76 } from "./options/european";
import { normCdf, normPdf, normInv } from "./math/normal";
import { latticeBatchImpl } from "./lattice/batch";
import { geometricAsianBatchImpl } from "./options/exotic/geometricAsian";
import { barrierBatchImpl } from "./options/exotic/barrier";
import { lookbackBatchImpl } from "./options/exotic/lookback";

/** Allocates `bytes` bytes (16-byte aligned) in linear memory for the facade's columns. */
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

/** Frees a block obtained from `alloc`. */
export function free(ptr: usize): void {
  heap.free(ptr);
}

/**
 * Black–Scholes–Merton prices/Greeks: spots, strikes (currency), expiries (years), vols, rates and dividend
 * yields (decimals, continuously compounded). See options/european.ts.
 */
export function blackScholesBatch(
  n: i32, greeks: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BSM, n, greeks, isCall, spots, strikes, expiries, vols, rates, dividendYields, out, status);
}

/** Black-76 prices/Greeks on forwards (delta = ∂/∂F, rho = −T·price with F fixed). See options/european.ts. */
export function black76Batch(
  n: i32, greeks: i32, isCall: usize, forwards: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BLACK76, n, greeks, isCall, forwards, strikes, expiries, vols, rates, 0, out, status);
}

/**
 * `blackScholesBatch` forced onto the scalar path (one option per iteration). Same arguments and
 * results, bit for bit; for tests of the SIMD path and for benchmarks.
 */
export function blackScholesBatchScalar(
  n: i32, greeks: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BSM, n, greeks, isCall, spots, strikes, expiries, vols, rates, dividendYields, out, status, false);
}

/** `black76Batch` forced onto the scalar path; same arguments and results, bit for bit. */
export function black76BatchScalar(
  n: i32, greeks: i32, isCall: usize, forwards: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BLACK76, n, greeks, isCall, forwards, strikes, expiries, vols, rates, 0, out, status, false);
}

/** Implied vols: model 0 BSM (spots, dividend yields), 1 Black-76 (forwards). See options/impliedVol.ts. */
export function impliedVolBatch(
  n: i32, model: i32, isCall: usize, prices: usize, underlyings: usize, strikes: usize, expiries: usize,
  rates: usize, dividendYields: usize, vol: usize, status: usize,
): i32 {
  return impliedVolBatchImpl(n, model, isCall, prices, underlyings, strikes, expiries, rates, dividendYields, vol, status);
}

/**
 * Geometric-average-price Asians (options/exotic/geometricAsian.ts): nFix = 0 continuous (Kemna–Vorst);
 * nFix > 0 with times = 0 equally spaced fixings T/n … T, else nFix fixing times (years) at `times`,
 * shared by all n elements. out = 3 columns of n f64: price, delta, vega.
 */
export function geometricAsianBatch(
  n: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, nFix: i32, times: usize, out: usize, status: usize,
): i32 {
  return geometricAsianBatchImpl(n, isCall, spots, strikes, expiries, vols, rates, dividendYields, nFix, times, out, status);
}

/**
 * Single-barrier options (options/exotic/barrier.ts, Reiner–Rubinstein / Haug §4.17.1): kinds u8 column
 * (bit 1 up, bit 2 out); monitoring 0 continuous or m equally spaced dates (Broadie–Glasserman–Kou).
 * out = 3 columns of n f64: price, delta, vega.
 */
export function barrierBatch(
  n: i32, isCall: usize, kinds: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, barriers: usize, rebates: usize, monitoring: i32, out: usize, status: usize,
): i32 {
  return barrierBatchImpl(n, isCall, kinds, spots, strikes, expiries, vols, rates, dividendYields, barriers, rebates, monitoring, out, status);
}

/**
 * Continuous lookbacks (options/exotic/lookback.ts, Haug §4.15): fixed 0 floating / 1 fixed strike;
 * extrema = running min (floating call, fixed put) or max (floating put, fixed call).
 * out = 3 columns of n f64: price, delta, vega.
 */
export function lookbackBatch(
  n: i32, fixed: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, extrema: usize, out: usize, status: usize,
): i32 {
  return lookbackBatchImpl(n, fixed, isCall, spots, strikes, expiries, vols, rates, dividendYields, extrema, out, status);
}

/**
 * American / European options on binomial and trinomial lattices (see lattice/binomial.ts, lattice/trinomial.ts):
 * method 0 CRR, 1 Leisen–Reimer (odd steps), 2 trinomial, 3 QuantLib 1.29's CRR variant (cross-checks);
 * exercise 0 European, 1 American; 1 ≤ steps ≤ 100000. `out` holds 6 columns of n f64: price, delta,
 * gamma, theta (per year, calendar time), and QuantLib-style node delta and gamma (diagnostics).
 */
export function latticeBatch(
  n: i32, method: i32, exercise: i32, steps: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize,
  vols: usize, rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  return latticeBatchImpl(n, method, exercise, steps, isCall, spots, strikes, expiries, vols, rates, dividendYields, out, status);
}

/** Φ(x) for each of n inputs (Cody; see math/normal.ts). */
export function normCdfBatch(n: i32, x: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, normCdf(load<f64>(x + o)));
  }
}

/** φ(x) for each of n inputs. */
export function normPdfBatch(n: i32, x: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, normPdf(load<f64>(x + o)));
  }
}

/** Φ⁻¹(p) for each of n inputs (Wichura AS 241). */
export function normInvBatch(n: i32, p: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, normInv(load<f64>(p + o)));
  }
}

/**
 * Test/diagnostic only: the number of implied-vol solves since `ivHistogramReset` that took k Householder
 * iterations (k = 0…15; slot 15 counts 15 or more). See options/impliedVol.ts.
 */
export { ivHistogramCount, ivHistogramReset } from "./options/impliedVol";

/**
 * Merton (1976) jump diffusion: (n, isCall, spots, strikes, expiries, vols, rates, dividendYields,
 * jumpIntensities, jumpMeans, jumpVols, out, status); out = 3 columns of n (price, delta, vega).
 * Heston (1993): (n, isCall, spots, strikes, expiries, rates, dividendYields, v0s, kappas, thetas,
 * volOfVols, rhos, out, status); out = 2 columns of n (price, delta). See options/models/.
 */
export {
  mertonBatchImpl as mertonJumpDiffusionBatch, hestonBatchImpl as hestonBatch,
} from "./options/models/batch";

/** Monte Carlo: block partial sums, Philox known-answer access, path uniforms. See mc/exports.ts. */
export { mcRunBlocks, mcScratchColumns, philoxBatch, mcUniforms, mcNormInvLanes } from "./mc/exports";

/** Hedging simulation: discrete delta hedging with costs, per-path outcomes. See hedge/exports.ts. */
export { hedgeBlocks, hedgeLayout } from "./hedge/exports";

/** AMM price impact: constant-product batch, concentrated-liquidity swap, depth curve. See amm/exports.ts. */
export { constantProductBatch, concentratedSwap, depthCurveImpactBatch, depthCurveKeepBatch, sqrtPriceAtTickF64 } from "./amm/exports";

/** Liquidation cascades: book preparation (sort), one cascade, Monte Carlo over price paths. See lending/cascadeExports.ts. */
export { cascadePrepare, cascadePrepareScratchBytes, cascadeScratchBytes, cascadeRun, cascadePaths } from "./lending/cascadeExports";

/** Lending: health factors and liquidation prices of single-collateral positions. See lending/exports.ts. */
export { positionsBatch } from "./lending/exports";

/** Lending: probability that the health factor reaches 1 before a horizon. See lending/firstPassageExports.ts. */
export { liquidationProbabilityBatch } from "./lending/firstPassageExports";
