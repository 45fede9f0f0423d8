/**
 * `src/reference`: slow, readable TypeScript implementations of the options API (DESIGN §2, §8) —
 * the oracle the WASM kernels are tested against and the fallback where WebAssembly is unavailable.
 * Same functions and shapes as the WASM facade, synchronous, no `init()` needed.
 */
export { blackScholes, black76 } from './closedForm.js';
export { impliedVol } from './impliedVol.js';
export { blackScholesBatch, black76Batch, impliedVolBatch } from './batch.js';
export { normCdf, normPdf, normInv } from './normal.js';
