/**
 * Shared plumbing of the closed-form pricing facade: the order of the kernels' nine output
 * columns, reading one option's results, and reading a batch's columns.
 */
import { InvalidInputError, Status } from '../errors.js';
import type { KernelExports } from '../wasm/exports.js';
import { readColumn, readStatus } from './columns.js';
import type { Greeks, GreeksBatch } from './types.js';

/** Output columns of the pricing kernels, in the kernels' order. */
export const GREEK_NAMES = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const;

/**
 * Reads one option's results from `slots[first … first+8]` of the scalar block.
 * A status of INVALID_INPUT here means the facade's validation and the kernel's disagree: a bug.
 */
export function scalarGreeks(slots: Float64Array, first: number, status: number): Greeks {
  if (status === Status.INVALID_INPUT) {
    throw new InvalidInputError('the kernel rejected inputs that passed validation (please report this)', { rule: 'kernel' });
  }
  return {
    price: slots[first]!,
    delta: slots[first + 1]!,
    gamma: slots[first + 2]!,
    vega: slots[first + 3]!,
    theta: slots[first + 4]!,
    rho: slots[first + 5]!,
    vanna: slots[first + 6]!,
    volga: slots[first + 7]!,
    charm: slots[first + 8]!,
  };
}

/** Copies the nine result columns and the status column of an n-element batch out of linear memory. */
export function batchGreeks(k: KernelExports, out: number, status: number, n: number): GreeksBatch {
  const result = { status: readStatus(k, status, n) } as GreeksBatch;
  GREEK_NAMES.forEach((name, i) => { result[name] = readColumn(k, out, i, n); });
  return result;
}
