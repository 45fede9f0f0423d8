/**
 * tailguard: WebAssembly-accelerated option pricing and DeFi risk.
 *
 * Call `await init()` once, then price synchronously:
 * `blackScholes`, `black76`, `impliedVol` for one option; `blackScholesBatch`, `black76Batch`,
 * `impliedVolBatch` for typed-array columns. Units and names: DESIGN §4 (years, decimal vols,
 * continuously compounded rates; Greeks per year and per 1.00 of vol); see `units` helpers.
 */
export { init, isInitialized, type InitOptions, type WasmSource } from './wasm/loader.js';
export { blackScholes, blackScholesBatch } from './options/blackScholes.js';
export { black76, black76Batch } from './options/black76.js';
export { impliedVol, impliedVolBatch } from './options/impliedVol.js';
export type * from './options/types.js';
export { americanOption, americanOptionBatch } from './lattice/americanOption.js';
export type * from './lattice/types.js';
export { geometricAsian } from './options/exotic/geometricAsian.js';
export { barrierOption } from './options/exotic/barrier.js';
export { lookbackOption } from './options/exotic/lookback.js';
export type * from './options/exotic/types.js';
export {
  hestonPrice, mertonJumpDiffusion, MAX_ABS_JUMP_MEAN, MAX_JUMP_INTENSITY, MAX_JUMP_VOL, MAX_KAPPA, MAX_VARIANCE,
  MAX_VOL_OF_VOL,
} from './options/models/index.js';
export type * from './options/models/types.js';
export { monteCarlo, planMonteCarlo, runBlocks, partialWidth, mergeBlocks, type McPlan } from './mc/index.js';
export type * from './mc/types.js';
export { createPool, type PoolJobOptions, type PoolOptions, type PoolProgress, type WorkerPool } from './worker/pool.js';
export {
  realizedVol, volCone, atmImpliedVol, impliedRealizedSpread, DEFAULT_LAMBDA, ESTIMATORS,
  type ImpliedRealizedInput, type ImpliedRealizedSpread,
} from './volatility/index.js';
export type * from './volatility/types.js';
export { maxDrawdown, valueAtRisk, expectedShortfall } from './risk/index.js';
export type * from './risk/types.js';
export {
  portfolioRisk, scenarioGrid, portfolioVaR, horizonLogReturns, peakToTrough, dayStress, stressScenarios, stressTest,
  trancheLosses, coverPremium, DEFAULT_SPOT_SHOCKS, DEFAULT_VOL_SHOCKS, MAX_SPOT_SHOCK, MAX_VAR_PATHS,
  type PeakToTrough, type IntradayBars, type DayStress, type StressScenario, type StressShock, type StressMeasure,
  type StressTestOptions, type StressResult, type TrancheSpec, type TrancheLossesInput, type TrancheResult,
  type TrancheLosses, type CoverPremiumInput, type CoverPremium,
} from './risk/index.js';
export type * from './risk/portfolioTypes.js';
export { simulateHedge, lelandVol, gammaScalpBacktest, type LelandInput, type GammaScalpInput, type GammaScalpResult } from './hedge/index.js';
export type * from './hedge/types.js';
export {
  swapConstantProduct, swapConstantProductBatch, swapConstantProductExactOutput, DEFAULT_FEE_BPS,
} from './amm/constantProduct.js';
export { getAmountIn, getAmountOut } from './amm/v2Integer.js';
export { swapConcentrated } from './amm/concentrated.js';
export { MAX_TICK, MIN_TICK, priceToTick, sqrtPriceX96ToPrice, tickToPrice } from './amm/tickMath.js';
export { depthCurveSwap } from './amm/depthCurve.js';
export type * from './amm/types.js';
export { prepareCascadeBook } from './lending/cascadePrepare.js';
export { simulateCascade } from './lending/cascade.js';
export { cascadeMonteCarlo, type CascadeMonteCarloOptions } from './lending/cascadeMonteCarlo.js';
export type * from './lending/cascadeTypes.js';
export * from './lending/index.js';
export { liquidationProbability, liquidationProbabilityWithinDays } from './lending/liquidationProbability.js';
export { liquidationProbabilityBatch } from './lending/liquidationProbabilityBatch.js';
export { liquidationProbabilityMonteCarlo } from './lending/liquidationProbabilityMonteCarlo.js';
export type * from './lending/liquidationProbabilityTypes.js';
export * from './strategies/index.js';
export { MAX_ABS_RATE, MAX_EXPIRY_YEARS, MAX_VOL } from './options/validate.js';
export { thetaPerDay, vegaPerVolPoint, yearsFromDays } from './units.js';
export {
  AbortError, InvalidInputError, NoConvergenceError, PriceOutOfBoundsError, Status, TailguardError, WasmInitError, WorkerError,
  type ErrorCode, type ErrorDetails, type StatusCode,
} from './errors.js';
