/**
 * Argument checks shared by the block jobs' `runBlocks` and `merge` functions (DESIGN §5, §6): the block
 * range a caller (a worker or the calling thread) asks for, and the length of the partials handed to a merge.
 */
import { InvalidInputError } from '../errors.js';

/**
 * Checks a block range [first, end) of a job with `blockCount` blocks: integers, 0 ≤ first ≤ end ≤ blockCount.
 * @throws InvalidInputError naming `firstBlock` or `endBlock` and the value.
 */
export function checkBlockRange(blockCount: number, first: number, end: number): void {
  if (!Number.isInteger(first) || first < 0 || first > blockCount) {
    throw new InvalidInputError(`firstBlock (${first}) must be an integer in [0, ${blockCount}]`, { field: 'firstBlock', value: first });
  }
  if (!Number.isInteger(end) || end < first || end > blockCount) {
    throw new InvalidInputError(`endBlock (${end}) must be an integer in [${first}, ${blockCount}]`, { field: 'endBlock', value: end });
  }
}

/**
 * Checks that `partials` is a Float64Array of `expected` values (all blocks' partials).
 * @throws InvalidInputError naming `partials` with its length (−1 when it is not a Float64Array).
 */
export function checkPartials(partials: unknown, expected: number): void {
  if (!(partials instanceof Float64Array) || partials.length !== expected) {
    throw new InvalidInputError(`partials has length ${partials instanceof Float64Array ? partials.length : -1}, expected ${expected}`, { field: 'partials' });
  }
}
