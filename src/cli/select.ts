/**
 * Selection helpers for the report: grouping a chain by expiry, nearest expiry to a horizon,
 * nearest strike to a level, and linear interpolation. Pure functions over plain numbers.
 */
import type { OptionChain } from './snapshot.js';
import { median } from './stats.js';
import { daysBetween } from './time.js';

/** The options of one expiry. */
export interface ExpiryGroup {
  /** Expiry instant, epoch ms (UTC). */
  expiryMs: number;
  /** Calendar days from the snapshot's (first row's) timestamp to the expiry. */
  days: number;
  /** The expiry's forward: median of its rows' `underlying` (USD); rows differ while the market moves. */
  forward: number;
  /** Indices into the chain, in file order. */
  indices: number[];
}

/**
 * Groups a chain's options by expiry, earliest first.
 * @returns one group per distinct `expiry_datetime`; `days` is measured from the first row's
 *   timestamp of that expiry.
 */
export function groupByExpiry(chain: OptionChain): ExpiryGroup[] {
  const byExpiry = new Map<number, number[]>();
  for (let i = 0; i < chain.n; i++) {
    const key = chain.expiryMs[i]!;
    const list = byExpiry.get(key);
    if (list === undefined) byExpiry.set(key, [i]);
    else list.push(i);
  }
  return [...byExpiry.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([expiryMs, indices]) => ({
      expiryMs,
      days: daysBetween(chain.timestampMs[indices[0]!]!, expiryMs),
      forward: median(indices.map((i) => chain.forward[i]!)),
      indices,
    }));
}

/**
 * Index of the value nearest to `target` (the first, i.e. the earlier/lower one in the given order,
 * on a tie); -1 for an empty list.
 */
export function nearestIndex(values: readonly number[], target: number): number {
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  values.forEach((v, i) => {
    const d = Math.abs(v - target);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/**
 * Linear interpolation of y at x over points sorted by ascending x. Inside the range it interpolates
 * between the two neighbours (exact at a listed x); outside it returns the nearest end's y (no
 * extrapolation).
 * @returns `{ value, method }`: 'interpolated' when x is bracketed, 'nearest' otherwise; value NaN
 *   for no points.
 */
export function interpolate(xs: readonly number[], ys: readonly number[], x: number): { value: number; method: 'interpolated' | 'nearest' } {
  const n = Math.min(xs.length, ys.length);
  if (n === 0) return { value: Number.NaN, method: 'nearest' };
  if (x <= xs[0]!) return { value: ys[0]!, method: x === xs[0] ? 'interpolated' : 'nearest' };
  if (x >= xs[n - 1]!) return { value: ys[n - 1]!, method: x === xs[n - 1] ? 'interpolated' : 'nearest' };
  let j = 1;
  while (xs[j]! < x) j++;
  const x0 = xs[j - 1]!;
  const x1 = xs[j]!;
  const w = (x - x0) / (x1 - x0);
  return { value: ys[j - 1]! + w * (ys[j]! - ys[j - 1]!), method: 'interpolated' };
}
