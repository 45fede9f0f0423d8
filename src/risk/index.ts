/** Basic risk measures: maximum drawdown, VaR and Expected Shortfall (issue #6 §5). */
export { maxDrawdown } from './maxDrawdown.js';
export { valueAtRisk, expectedShortfall } from './tailRisk.js';
export type * from './types.js';
export { portfolioRisk } from './portfolio.js';
export { scenarioGrid, DEFAULT_SPOT_SHOCKS, DEFAULT_VOL_SHOCKS, MAX_SPOT_SHOCK } from './scenarioGrid.js';
export { portfolioVaR, MAX_VAR_PATHS } from './portfolioVar.js';
export { horizonLogReturns } from './scenarioReturns.js';
export { peakToTrough, dayStress, type PeakToTrough, type IntradayBars, type DayStress } from './stressMoves.js';
export { stressScenarios, type StressScenario, type StressShock } from './stressScenarios.js';
export { stressTest, type StressMeasure, type StressTestOptions, type StressResult } from './stressTest.js';
export {
  trancheLosses, coverPremium, type TrancheSpec, type TrancheLossesInput, type TrancheResult, type TrancheLosses,
  type CoverPremiumInput, type CoverPremium,
} from './tranche.js';
export type * from './portfolioTypes.js';
