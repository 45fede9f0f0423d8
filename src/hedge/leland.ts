/**
 * Leland's transaction-cost-adjusted volatility (H. E. Leland, "Option pricing and replication with
 * transactions costs", J. Finance 40(5), 1985, 1283–1301, eq. for the modified variance):
 *   σ_L² = σ² · (1 + √(2/π) · k / (σ·√δt)),
 * k the round-trip proportional cost (a trade of notional N costs k/2·N each way), δt the rebalancing interval
 * in years. Pricing and delta-hedging a short call at σ_L makes the expected hedging error (costs included)
 * ≈ 0 for small k and δt; the initial and final trades are not in Leland's argument (his costs are those
 * of revising the hedge). Known bias: with k fixed the hedging error does not vanish as δt → 0 (Kabanov &
 * Safarian, Finance Stoch. 1, 1997, 239–250: the limit error is non-zero since σ_L → ∞), and for k/(σ√δt)
 * not small the O(k²) terms Leland drops matter; the approximation also assumes Γ > 0 (for a long call the
 * sign of the adjustment flips: σ_L² = σ²(1 − √(2/π)·k/(σ√δt)), given by `position: 'long'`).
 */
import { checkObject, checkPositive, checkRange, checkVol, fail } from '../options/validate.js';

/** Input of {@link lelandVol}. */
export interface LelandInput {
  /** Volatility of the underlying (annualised decimal). */
  vol: number;
  /** Round-trip proportional cost k (fraction of the traded notional: 0.01 = 1 %; one way costs k/2). */
  roundTripCost: number;
  /** Rebalancing interval δt in years (1/52 = weekly). */
  rebalanceIntervalYears: number;
  /** Side of the hedger's option (default `'short'`: the seller, vol raised). */
  position?: 'long' | 'short';
}

/**
 * Leland's (1985) adjusted volatility σ_L = σ·√(1 ± √(2/π)·k/(σ√δt)) (+ for a short option, − for a long one).
 * @returns σ_L (annualised decimal).
 * @throws InvalidInputError naming the field: vol ≤ 0 or > 10, roundTripCost outside [0, 1),
 *   rebalanceIntervalYears ≤ 0, an unknown position, or a long position whose adjusted variance is ≤ 0
 *   (the Leland number k·√(2/π)/(σ√δt) ≥ 1: the costs exceed the option's gamma profits).
 */
export function lelandVol(input: LelandInput): number {
  const o = checkObject('input', input);
  const vol = checkPositive('vol', o.vol);
  checkVol('vol', vol);
  const k = checkRange('roundTripCost', o.roundTripCost, 0, 1, false, true);
  const dt = checkPositive('rebalanceIntervalYears', o.rebalanceIntervalYears);
  const position = o.position === undefined ? 'short' : o.position;
  if (position !== 'long' && position !== 'short') fail('position', position, "'long' | 'short'", "must be 'long' or 'short'");
  const leland = Math.sqrt(2 / Math.PI) * k / (vol * Math.sqrt(dt));
  const factor = position === 'short' ? 1 + leland : 1 - leland;
  if (!(factor > 0)) fail('roundTripCost', k, `Leland number < 1 for a long position (it is ${leland})`, `gives a Leland number √(2/π)·k/(σ√δt) = ${leland} >= 1: no adjusted vol for a long position`);
  return vol * Math.sqrt(factor);
}
