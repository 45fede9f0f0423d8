/**
 * The WASM ABI as seen from TypeScript: the exports of `assembly/index.ts`. Pointers are byte
 * offsets into `memory`; every batch kernel returns the number of elements whose status is not OK.
 */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  /** Allocates `bytes` (16-byte aligned) in linear memory; returns the pointer. */
  alloc(bytes: number): number;
  /** Releases a block from `alloc` (the stub runtime reclaims only the most recent block). */
  free(ptr: number): void;
  blackScholesBatch(n: number, greeks: number, isCall: number, spots: number, strikes: number, expiries: number,
    vols: number, rates: number, dividendYields: number, out: number, status: number): number;
  black76Batch(n: number, greeks: number, isCall: number, forwards: number, strikes: number, expiries: number,
    vols: number, rates: number, out: number, status: number): number;
  impliedVolBatch(n: number, model: number, isCall: number, prices: number, underlyings: number, strikes: number,
    expiries: number, rates: number, dividendYields: number, vol: number, status: number): number;
  /** `blackScholesBatch` forced onto the scalar path (bit-identical; for tests and benchmarks). */
  blackScholesBatchScalar(n: number, greeks: number, isCall: number, spots: number, strikes: number, expiries: number,
    vols: number, rates: number, dividendYields: number, out: number, status: number): number;
  /** `black76Batch` forced onto the scalar path. */
  black76BatchScalar(n: number, greeks: number, isCall: number, forwards: number, strikes: number, expiries: number,
    vols: number, rates: number, out: number, status: number): number;
  /** Diagnostics: implied-vol solves since the last reset that took k iterations (k = 0…15). */
  ivHistogramCount(k: number): number;
  ivHistogramReset(): void;
  /** Geometric Asians: nFix 0 continuous; times 0 → nFix equally spaced; out = price, delta, vega columns. */
  geometricAsianBatch(n: number, isCall: number, spots: number, strikes: number, expiries: number, vols: number,
    rates: number, dividendYields: number, nFix: number, times: number, out: number, status: number): number;
  /** Barriers: kinds u8 (1 up, 2 out); monitoring 0 continuous or m dates; out = price, delta, vega columns. */
  barrierBatch(n: number, isCall: number, kinds: number, spots: number, strikes: number, expiries: number,
    vols: number, rates: number, dividendYields: number, barriers: number, rebates: number, monitoring: number,
    out: number, status: number): number;
  /** Lookbacks: fixed 0 floating / 1 fixed strike; extrema = running min or max; out = price, delta, vega. */
  lookbackBatch(n: number, fixed: number, isCall: number, spots: number, strikes: number, expiries: number,
    vols: number, rates: number, dividendYields: number, extrema: number, out: number, status: number): number;
  normCdfBatch(n: number, x: number, out: number): void;
  normPdfBatch(n: number, x: number, out: number): void;
  normInvBatch(n: number, p: number, out: number): void;
  /** Merton jump diffusion; `out` = 3 columns (price, delta, vega). */
  mertonJumpDiffusionBatch(n: number, isCall: number, spots: number, strikes: number, expiries: number, vols: number,
    rates: number, dividendYields: number, jumpIntensities: number, jumpMeans: number, jumpVols: number,
    out: number, status: number): number;
  /** Heston; `out` = 2 columns (price, delta). */
  hestonBatch(n: number, isCall: number, spots: number, strikes: number, expiries: number, rates: number,
    dividendYields: number, v0s: number, kappas: number, thetas: number, volOfVols: number, rhos: number,
    out: number, status: number): number;
  /** Monte Carlo partial sums of blocks [firstBlock, endBlock) (assembly/mc/kernel.ts; layout src/mc/slots.ts). */
  mcRunBlocks(params: number, times: number, weights: number, scratch: number, firstBlock: number, endBlock: number, out: number): number;
  /** Number of grid-long f64 scratch columns `mcRunBlocks` needs. */
  mcScratchColumns(): number;
  /** Cascade: validates and sorts a book by liquidation price (assembly/lending/cascadeSort.ts); returns rows sorted. */
  cascadePrepare(n: number, collateral: number, debt: number, lt: number, bonus: number, status: number, book: number, scratch: number): number;
  /** Scratch bytes `cascadePrepare` needs for n positions. */
  cascadePrepareScratchBytes(n: number): number;
  /** Scratch bytes `cascadeRun` / `cascadePaths` need (m sorted rows, maxRounds, steps). */
  cascadeScratchBytes(m: number, maxRounds: number, steps: number): number;
  /** One cascade (assembly/lending/cascadeKernel.ts; layouts src/lending/cascadeLayout.ts); 1 if it converged. */
  cascadeRun(params: number, book: number, stride: number, m: number, nOrig: number, curve: number, moves: number,
    scratch: number, summary: number, roundsOut: number, posOut: number): number;
  /** Cascade Monte Carlo outcomes of path blocks [first, end); returns paths that did not converge. */
  cascadePaths(params: number, book: number, stride: number, m: number, curve: number, scratch: number,
    first: number, end: number, out: number): number;
  /**
   * Hedging simulation (assembly/hedge/kernel.ts; layouts src/hedge/layout.ts): per-path outcomes of blocks
   * [first, end); `paths` ≠ 0 receives each path's spots. Returns paths the venue could not fill.
   */
  hedgeBlocks(params: number, curve: number, path: number, first: number, end: number, out: number, paths: number): number;
  /** Hedging kernel layout: 0 → parameter slots, 1 → outcomes per path. */
  hedgeLayout(which: number): number;
  /** Philox4x32-R: 6 u32 (c0…c3, k0, k1) per element in, 4 u32 out (known-answer tests). */
  philoxBatch(n: number, rounds: number, input: number, out: number): void;
  /** First n uniforms of path index (lo, hi) under seed (k0, k1); mirror 1: antithetic 1 − u. */
  mcUniforms(k0: number, k1: number, indexLo: number, indexHi: number, mirror: number, n: number, out: number): void;
  /** Φ⁻¹ of n values (n even, each with 2^-1022 ≤ min(p, 1 − p)) by the f64x2 AS241 of the SIMD Monte Carlo paths (tests). */
  mcNormInvLanes(n: number, input: number, out: number): void;
  /**
   * Lattice (American/European) batch: method 0 CRR, 1 Leisen–Reimer, 2 trinomial, 3 QuantLib's CRR variant;
   * exercise 0 European, 1 American; `out` = 6 columns (price, delta, gamma, theta, nodeDelta, nodeGamma).
   */
  latticeBatch(n: number, method: number, exercise: number, steps: number, isCall: number, spots: number,
    strikes: number, expiries: number, vols: number, rates: number, dividendYields: number, out: number, status: number): number;
  /**
   * Constant-product quotes (assembly/amm/batch.ts): exactOutput 0/1; out = 8 columns (amountIn, amountOut,
   * executionPrice, spotPriceBefore, spotPriceAfter, priceImpact, feeImpact, curveImpact).
   */
  constantProductBatch(n: number, exactOutput: number, reservesIn: number, reservesOut: number, amounts: number,
    feesBps: number, out: number, status: number): number;
  /** One exact-input Uniswap v3 swap over liquidity bands (assembly/amm/concentrated.ts); 8 result slots; returns the status. */
  concentratedSwap(nBands: number, ticks: number, liquidity: number, feePips: number, sqrtPrice: number,
    zeroForOne: number, amountIn: number, out: number): number;
  /** Depth-curve price impact for n sizes from an nPoints slippage profile (assembly/amm/depthCurve.ts). */
  depthCurveImpactBatch(nPoints: number, sizes: number, impacts: number, n: number, amounts: number, out: number): void;
  /** Depth-curve retained fraction 1 − impact for n sizes (R/(R + s) directly beyond the last point). */
  depthCurveKeepBatch(nPoints: number, sizes: number, impacts: number, n: number, amounts: number, out: number): void;
  /** √(1.0001^tick) as the concentrated-liquidity kernel computes band edges (≈ 2 ulp). */
  sqrtPriceAtTickF64(tick: number): number;
  /**
   * Single-collateral lending positions (assembly/lending/positions.ts): mode bit 1 writes HF to out[0..n),
   * bit 2 the liquidation price to out[n..2n); returns the count of non-OK elements.
   */
  positionsBatch(n: number, mode: number, amounts: number, prices: number, thresholds: number, debtAmounts: number,
    debtPrices: number, out: number, status: number): number;
  /**
   * Probability that the health factor reaches 1 before the horizon (assembly/lending/firstPassage.ts);
   * out = 7 columns (probability, distanceToLiquidation, distanceToLiquidationWithDrift, ∂P/∂vol,
   * ∂P/∂ln HF, ∂P/∂horizon, ∂P/∂drift).
   */
  liquidationProbabilityBatch(n: number, healthFactors: number, vols: number, horizons: number, drifts: number,
    borrowRates: number, collateralYields: number, out: number, status: number): number;
}

/** `greeks` argument of the pricing kernels: which output columns to compute. */
export const GreeksLevel = { none: 0, first: 1, all: 2 } as const;

/** `model` argument of `impliedVolBatch`. */
export const IvModel = { blackScholes: 0, black76: 1 } as const;
