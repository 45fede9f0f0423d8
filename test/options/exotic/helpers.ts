// Shared helpers of the exotic-option tests.
import { expect } from 'vitest';

/** Asserts |actual − expected| ≤ max(rel·|expected|, abs). */
export function close(actual: number, expected: number, rel: number, abs = 0, label = ''): void {
  const err = Math.abs(actual - expected);
  const tol = Math.max(rel * Math.abs(expected), abs);
  if (!(err <= tol)) {
    expect.fail(`${label} actual ${actual} expected ${expected}: |err| ${err.toExponential(3)} > tol ${tol.toExponential(3)}`);
  }
}

/** Relative difference |a − b|/|b| (absolute when b = 0). */
export function relDiff(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}
