/** Basic risk measures: maximum drawdown, VaR and Expected Shortfall (issue #6 §5). */
export { maxDrawdown } from './maxDrawdown.js';
export { valueAtRisk, expectedShortfall } from './tailRisk.js';
export type * from './types.js';
