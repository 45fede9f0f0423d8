/**
 * Shared plumbing of the closed-form pricing facade: the order of the kernels' nine output
 * columns, reading one option's results, and reading a batch's columns.
 */
import { InvalidInputError, Status } from '../errors.js';
import { GreeksLevel } from '../wasm/exports.js';
import type { Greeks, GreeksBatch, GreeksSelection } from './types.js';

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

/** Number of output columns computed for each selection (the kernels' `greeks` argument is the index). */
const COLUMNS: Record<GreeksSelection, { level: number; count: number }> = {
  none: { level: GreeksLevel.none, count: 1 },
  first: { level: GreeksLevel.first, count: 6 },
  all: { level: GreeksLevel.all, count: 9 },
};

/**
 * Checks a batch's `greeks` selection (default `'all'`).
 * @returns the kernels' level argument and the number of output columns.
 * @throws InvalidInputError for anything but 'none' | 'first' | 'all'.
 */
export function checkGreeksSelection(value: unknown): { level: number; count: number } {
  if (value === undefined) return COLUMNS.all;
  if (value === 'none' || value === 'first' || value === 'all') return COLUMNS[value];
  throw new InvalidInputError(`greeks (${String(value)}) must be 'none', 'first' or 'all'`, { field: 'greeks', value, rule: "'none' | 'first' | 'all'" });
}

/** Names the first `columns.length` output columns of a pricing batch and adds the statuses. */
export function namedGreeks(columns: Float64Array[], status: Uint8Array): GreeksBatch {
  const result = { status } as GreeksBatch;
  columns.forEach((column, i) => { result[GREEK_NAMES[i]!] = column; });
  return result;
}
