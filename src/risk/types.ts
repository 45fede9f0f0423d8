/** Shapes of the basic risk measures (`valueAtRisk`, `expectedShortfall`, `maxDrawdown`). */

/** How VaR / ES are estimated. */
export type RiskMethod = 'historical' | 'gaussian';

/** Input of `valueAtRisk` and `expectedShortfall`. */
export interface TailRiskInput {
  /** Returns per period as decimals (−0.05 = a 5% loss), oldest first; arrays or typed arrays. */
  returns: ArrayLike<number>;
  /** Confidence level α in (0, 1), e.g. 0.99: VaR is the loss not exceeded with probability α. */
  confidence: number;
  /** `'historical'` (the empirical, optionally weighted, distribution) or `'gaussian'` (normal with the sample mean and σ). */
  method: RiskMethod;
  /**
   * Historical only: probability weight of each return (≥ 0, not all 0; normalised to sum to 1), e.g.
   * exponentially decaying weights. Default: equal weights 1/n.
   */
  weights?: ArrayLike<number>;
}
