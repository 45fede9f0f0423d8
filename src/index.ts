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
export { MAX_ABS_RATE, MAX_EXPIRY_YEARS, MAX_VOL } from './options/validate.js';
export { thetaPerDay, vegaPerVolPoint, yearsFromDays } from './units.js';
export {
  AbortError, InvalidInputError, NoConvergenceError, PriceOutOfBoundsError, Status, TailguardError, WasmInitError, WorkerError,
  type ErrorCode, type ErrorDetails, type StatusCode,
} from './errors.js';
