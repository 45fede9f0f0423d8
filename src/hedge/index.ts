/** Hedging simulation (issue #6 §3): discrete delta hedging with costs, Leland's vol, gamma scalping. */
export { simulateHedge } from './simulate.js';
export { lelandVol, type LelandInput } from './leland.js';
export { gammaScalpBacktest, type GammaScalpInput, type GammaScalpResult } from './gammaScalp.js';
export type * from './types.js';
