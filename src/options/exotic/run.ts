/**
 * Calling an exotic kernel for one option through the scalar block of ../../wasm/arena.ts: inputs in
 * slots 0…15, the kernel's three output columns (n = 1) in slots 16, 17, 18, flags (isCall, kind,
 * status) in the flag bytes.
 */
import { InvalidInputError, Status } from '../../errors.js';
import type { KernelExports } from '../../wasm/exports.js';
import { SCALAR_FLAGS, scalarBlock } from '../../wasm/arena.js';
import type { ExoticResult } from './types.js';

/** First output slot (price; delta and vega follow). */
export const OUT_SLOT = 16;

/** Pointers of the scalar block handed to `call`: `slot(i)` is the address of f64 slot i, `flag(j)` of flag byte j. */
export interface ScalarCall {
  k: KernelExports;
  slots: Float64Array;
  flags: Uint8Array;
  slot(i: number): number;
  flag(j: number): number;
}

/**
 * Runs `call` (which fills the inputs and calls the kernel with out = slot(OUT_SLOT), status = flag(2))
 * and reads { price, delta, vega }. Allocate any extra column (e.g. fixing times) before calling this:
 * the scalar views are taken here, after such allocations.
 */
export function runScalar(call: (c: ScalarCall) => void): ExoticResult {
  const { k, ptr, slots, flags } = scalarBlock();
  call({ k, slots, flags, slot: (i) => ptr + 8 * i, flag: (j) => ptr + SCALAR_FLAGS + j });
  if (flags[2] === Status.INVALID_INPUT) {
    throw new InvalidInputError('the kernel rejected inputs that passed validation (please report this)', { rule: 'kernel' });
  }
  return { price: slots[OUT_SLOT]!, delta: slots[OUT_SLOT + 1]!, vega: slots[OUT_SLOT + 2]! };
}
