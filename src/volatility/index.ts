/** Realised volatility from OHLC data: estimators, rolling windows, cones, implied-minus-realised (issue #6 §1). */
export { realizedVol } from './realizedVol.js';
export { volCone } from './volCone.js';
export { atmImpliedVol } from './atm.js';
export { impliedRealizedSpread, type ImpliedRealizedInput, type ImpliedRealizedSpread } from './impliedSpread.js';
export { DEFAULT_LAMBDA, ESTIMATORS } from './validate.js';
export type * from './types.js';
