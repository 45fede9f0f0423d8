/** Horizon returns from a price series, for historical VaR scenarios (issue #6 §5). */
import { fail } from '../options/validate.js';
import { checkPrices } from '../volatility/validate.js';

/**
 * Log returns over `horizonBars` bars: r_k = ln(close[e] / close[e − horizonBars]).
 * - non-overlapping (default): e = n − 1, n − 1 − h, … counted back from the newest bar (independent windows;
 *   returned oldest first), ⌊(n − 1)/h⌋ returns;
 * - `overlapping: true`: every e from h to n − 1 (n − h returns; serially correlated, more of them).
 * @param close closes, oldest first, each finite and > 0.
 * @param horizonBars bars per horizon, an integer ≥ 1 (24 for one day of hourly bars).
 * @returns Float64Array of log returns, oldest first.
 * @throws InvalidInputError naming the field and value: a bad close, a horizon that is not an integer ≥ 1 or
 *   leaves no return.
 */
export function horizonLogReturns(close: ArrayLike<number>, horizonBars: number, options: { overlapping?: boolean } = {}): Float64Array {
  const c = checkPrices('close', close);
  if (!Number.isInteger(horizonBars) || horizonBars < 1) fail('horizonBars', horizonBars, 'integer >= 1', 'must be an integer >= 1');
  if (c.length <= horizonBars) fail('horizonBars', horizonBars, `< close.length (${c.length})`, `must be < close.length (${c.length}) to leave a return`);
  const h = horizonBars;
  if (options.overlapping === true) {
    const out = new Float64Array(c.length - h);
    for (let e = h; e < c.length; e++) out[e - h] = Math.log(c[e]! / c[e - h]!);
    return out;
  }
  const m = Math.floor((c.length - 1) / h);
  const out = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const e = c.length - 1 - (m - 1 - k) * h;
    out[k] = Math.log(c[e]! / c[e - h]!);
  }
  return out;
}
