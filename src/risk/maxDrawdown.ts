/** Maximum drawdown of a return series (issue #6 §5, case C13). */
import { fail } from '../options/validate.js';
import { checkReturns } from './validate.js';

/**
 * Maximum drawdown: the worst fall of wealth from its running peak, min_t (W_t / max_{s ≤ t} W_s − 1),
 * with wealth W_0 = 1 (the start counts as a peak) and W_t = W_{t−1}(1 + r_t). Computed on the ratio
 * W_t / peak directly (capped at 1), so long series neither overflow nor underflow.
 * Example (case C13): returns −0.10 then −1/6 → wealth 0.9 then 0.75 → −0.25 (not −1/6 from the first close).
 * @param returns simple returns per period (decimals, ≥ −1; −1 is a total loss), oldest first.
 * @returns a fraction in [−1, 0]; 0 when wealth never falls below a previous peak.
 * @throws InvalidInputError for empty returns, a non-finite element or one < −1 (`returns[3]`).
 */
export function maxDrawdown(returns: ArrayLike<number>): number {
  const r = checkReturns(returns);
  let ratio = 1; // W_t / running peak
  let worst = 1;
  for (let i = 0; i < r.length; i++) {
    const x = r[i]!;
    if (x < -1) fail(`returns[${i}]`, x, '>= -1', 'must be >= -1 (a simple return; below −1 wealth turns negative)');
    ratio *= 1 + x;
    if (ratio > 1) ratio = 1;
    if (ratio < worst) worst = ratio;
  }
  return worst - 1;
}
