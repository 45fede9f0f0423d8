import { describe, expect, it } from 'vitest';
import { groupByExpiry, interpolate, nearestIndex } from '../../src/cli/select.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { DEFAULT_SNAPSHOT } from '../../src/cli/paths.js';
import { expiryLabel } from '../../src/cli/time.js';

describe('nearestIndex', () => {
  it('finds the nearest value, the first one on a tie', () => {
    expect(nearestIndex([1.9, 9.9, 29.9, 57.9, 85.9], 7)).toBe(1);
    expect(nearestIndex([1.9, 9.9, 29.9, 57.9, 85.9], 30)).toBe(2);
    expect(nearestIndex([1.9, 9.9, 29.9, 57.9, 85.9], 90)).toBe(4);
    expect(nearestIndex([70000, 80000], 75000)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });
});

describe('interpolate', () => {
  it('interpolates inside the range and holds the end values outside', () => {
    expect(interpolate([1, 3], [10, 30], 2)).toEqual({ value: 20, method: 'interpolated' });
    expect(interpolate([1, 3, 5], [10, 30, 20], 3)).toEqual({ value: 30, method: 'interpolated' });
    expect(interpolate([1, 3], [10, 30], 0)).toEqual({ value: 10, method: 'nearest' });
    expect(interpolate([1, 3], [10, 30], 9)).toEqual({ value: 30, method: 'nearest' });
    expect(interpolate([], [], 1).value).toBeNaN();
  });
});

describe('groupByExpiry on the shipped snapshot', () => {
  it('finds the 12 BTC expiries with their forwards and days', () => {
    const btc = selectCurrency(loadSnapshot(DEFAULT_SNAPSHOT), 'BTC');
    const groups = groupByExpiry(btc);
    expect(groups.map((g) => expiryLabel(g.expiryMs))).toEqual([
      '1JAN26', '2JAN26', '3JAN26', '4JAN26', '9JAN26', '16JAN26', '30JAN26', '27FEB26', '27MAR26', '26JUN26', '25SEP26', '25DEC26',
    ]);
    expect(groups.reduce((s, g) => s + g.indices.length, 0)).toBe(620);
    const jan30 = groups[6]!;
    expect(jan30.days).toBeCloseTo(29.9455, 4);
    expect(jan30.forward).toBeGreaterThan(88800);
    expect(jan30.forward).toBeLessThan(88900);
  });
});
