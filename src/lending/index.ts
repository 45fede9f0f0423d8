/**
 * Lending (issue #5 §1): health factor, liquidation price, borrowing power, action previews,
 * liquidations under named rule sets, Aave's exact integer arithmetic, batch kernels and the Aave v3
 * Ethereum reserve parameters. Re-exported by `src/index.ts`.
 */
export { accountData, availableBorrows, healthFactor } from './healthFactor.js';
export { liquidationPrice, liquidationPrices } from './liquidationPrice.js';
export { previewAction } from './previewAction.js';
export { liquidate } from './liquidate.js';
export { compoundQuoteCollateral, type QuoteCollateralInput } from './absorb.js';
export { liquidationLowersHealth, type LowersHealthInput } from './lowersHealth.js';
export {
  AAVE_V3_0, AAVE_V3_3, COMPOUND_V3, LIQUIDATION_RULE_SETS, customRuleSet, type CustomRuleSetOptions,
} from './ruleSets.js';
export {
  MAX_UINT256, PERCENTAGE_FACTOR, RAY, WAD, percentDiv, percentDivCeil, percentDivFloor, percentMul, percentMulCeil,
  percentMulFloor, rayDiv, rayMul, wadDiv, wadMul,
} from './wadRayMath.js';
export {
  CLOSE_FACTOR_HF_THRESHOLD, HEALTH_FACTOR_LIQUIDATION_THRESHOLD, MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD, MIN_LEFTOVER_BASE,
  accountDataExact, calculateAvailableCollateralToLiquidate, liquidateExact,
} from './liquidateExact.js';
export {
  healthFactorBatch, liquidationPriceBatch, type HealthFactorBatchResult, type LiquidationPriceBatchResult,
  type PositionsBatchInput,
} from './batch.js';
export { AAVE_V3_ETHEREUM_RESERVES, type AaveReserveParameters } from './aaveV3EthereumReserves.js';
export type * from './types.js';
export type * from './exactTypes.js';
