/** Loss-minimisation strategies (issue #6 §2): packages, outcomes on common random numbers, optimisers. */
export { optionPackage, samplePayoff, type OptionPackageInput } from './package.js';
export { protectivePut, collar, putSpread, coveredCall } from './vanilla.js';
export { terminalPrices, MAX_TERMINAL_PATHS, type TerminalSample } from './terminal.js';
export { compareStrategies, type CompareInput } from './compare.js';
export { zeroCostCollar, type ZeroCostCollarInput, type ZeroCostCollarResult } from './zeroCostCollar.js';
export type * from './types.js';
export { chainExpiries, nearestExpiry, atmMarkIv, legFromChain, type ChainColumns, type ChainExpiry, type ChainInstrument } from './chain.js';
export {
  optimizeProtection, efficientFrontier, type OptimizeProtectionInput, type OptimizeProtectionResult, type ProtectionInstrument,
  type ProtectionKind, type ProtectionPoint,
} from './optimize.js';
export { protectionMenu, type ProtectionMenu, type ProtectionMenuOptions } from './menu.js';
export {
  preventLiquidation, liquidationMonteCarlo, type PreventLiquidationInput, type PreventLiquidationResult, type ProtectedLoan,
  type LiquidationRisk,
} from './preventLiquidation.js';
export { rebalanceLtv, type RebalanceLtvInput, type RebalanceLtvResult, type LtvRun } from './rebalanceLtv.js';
export { replicateProtectivePut, type ReplicateProtectivePutInput, type ReplicationResult } from './replicate.js';
export { coveredCallVault, type CoveredCallVaultInput, type CoveredCallVaultResult } from './coveredCallVault.js';
