import { describe, expect, it } from 'vitest';
import { max, median, quantile } from '../../src/cli/stats.js';

describe('order statistics', () => {
  it('computes medians and type-7 quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.99)).toBeCloseTo(4.96, 12);
    expect(quantile([10], 0.99)).toBe(10);
    expect(quantile([5, 1], 0)).toBe(1);
    expect(quantile([5, 1], 1)).toBe(5);
    expect(max([1, 7, 3])).toBe(7);
  });

  it('returns NaN for no values and rejects q outside [0, 1]', () => {
    expect(median([])).toBeNaN();
    expect(max([])).toBeNaN();
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('does not reorder its input', () => {
    const v = [3, 1, 2];
    median(v);
    expect(v).toEqual([3, 1, 2]);
  });
});
