/**
 * Value at Risk and Expected Shortfall (CVaR) of a return series, historical or Gaussian
 * (issue #6 §5, case C14). Sign convention: the loss L = −R is reported as a positive fraction
 * (0.05 = a 5% loss); a negative result means even that tail is a gain.
 */
import { fail } from '../options/validate.js';
import { normInv, normPdf } from '../reference/normal.js';
import { ascendingOrder, equalWeightQuantileIndex, lowerQuantileIndex } from './quantile.js';
import type { TailRiskInput } from './types.js';
import { checkTailRisk, type CheckedTailRisk } from './validate.js';

export interface Tail { valueAtRisk: number; expectedShortfall: number }

/**
 * Historical VaR and Rockafellar–Uryasev ES at `confidence` of equally weighted losses given ascending (e.g.
 * `Float64Array.prototype.sort`ed; finite values, confidence in (0, 1), not checked here). The same arithmetic as
 * {@link valueAtRisk} / {@link expectedShortfall} with method 'historical' and no weights (which call it), for callers
 * that hold a sorted column and need several levels from one sort (cascadeMonteCarlo's tail statistics).
 * VaR = sorted[k], k + 1 = ⌈αn⌉ (within quantile.ts CUMULATIVE_TOL); ES = [((k+1)/n − α)·VaR + Σ_{j>k} sorted[j]/n] / (1 − α).
 */
export function sortedHistoricalTail(sortedLosses: Float64Array, confidence: number): Tail {
  const n = sortedLosses.length;
  const { k, cumulative } = equalWeightQuantileIndex(n, confidence);
  const v = sortedLosses[k]!;
  let sum = Math.max(cumulative - confidence, 0) * v;
  for (let j = k + 1; j < n; j++) sum += (1 / n) * sortedLosses[j]!;
  const es = sum / (1 - confidence);
  return { valueAtRisk: v, expectedShortfall: Math.max(es, v) };
}

function historical(c: CheckedTailRisk): Tail {
  const n = c.returns.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) losses[i] = -c.returns[i]!;
  // equal weights: one value sort (the order of tied values cannot change the VaR or the sum)
  if (c.weights === undefined) return sortedHistoricalTail(losses.sort(), c.confidence);
  const order = ascendingOrder(losses);
  const { k, cumulative } = lowerQuantileIndex(order, c.weights, c.confidence);
  const v = losses[order[k]!]!;
  // Rockafellar–Uryasev (2002), CVaR of a scenario (discrete) distribution = [(F(VaR) − α)·VaR + Σ_{ℓ > VaR} p·ℓ] / (1 − α).
  // Ties with VaR ranked after position k are "above" it in the sorted order and enter the sum at
  // their value VaR, which is the same as giving the boundary the mass F(VaR) − α.
  const tailMass = 1 - c.confidence;
  let sum = Math.max(cumulative - c.confidence, 0) * v;
  for (let j = k + 1; j < n; j++) {
    const i = order[j]!;
    sum += c.weights[i]! * losses[i]!;
  }
  const es = sum / tailMass;
  // Rounding can leave ES a few ulps under VaR when the whole tail sits at VaR; ES ≥ VaR exactly.
  return { valueAtRisk: v, expectedShortfall: Math.max(es, v) };
}

// μ and σ of r/scale, then scaled back: scale 1 is the plain formula; a power of two near max|r| keeps the sums of
// huge returns (|r| ~ 1e300, whose squares overflow) finite, exactly (power-of-two scaling does not round, barring
// subnormal quotients, which are far below the scale of the result).
function gaussianScaled(c: CheckedTailRisk, scale: number): Tail {
  const r = c.returns, n = r.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += r[i]! / scale;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (r[i]! / scale - mean) * (r[i]! / scale - mean);
  const sigma = Math.sqrt(ss / (n - 1));
  const z = normInv(c.confidence);
  return {
    valueAtRisk: (-mean + sigma * z) * scale,
    expectedShortfall: (-mean + sigma * normPdf(z) / (1 - c.confidence)) * scale,
  };
}

function gaussian(c: CheckedTailRisk): Tail {
  const t = gaussianScaled(c, 1);
  if (Number.isFinite(t.valueAtRisk) && Number.isFinite(t.expectedShortfall)) return t;
  let max = 0;
  for (let i = 0; i < c.returns.length; i++) max = Math.max(max, Math.abs(c.returns[i]!));
  return gaussianScaled(c, 2 ** Math.floor(Math.log2(max))); // |r|/scale < 2: no overflow in the sums
}

function tail(input: TailRiskInput): Tail {
  const c = checkTailRisk(input);
  const t = c.method === 'historical' ? historical(c) : gaussian(c);
  // Never a silent non-finite result (DESIGN §5): returns near the double limit can still push the tail past it.
  if (!Number.isFinite(t.valueAtRisk) || !Number.isFinite(t.expectedShortfall)) {
    fail('returns', input.returns, 'finite result', `give a VaR (${t.valueAtRisk}) or ES (${t.expectedShortfall}) outside the double range`);
  }
  return t;
}

/**
 * Value at Risk at confidence α: the loss not exceeded with probability α.
 * - `'historical'`: the lower α-quantile of the empirical loss distribution (losses −r with weight 1/n,
 *   or the given `weights`): the smallest loss ℓ with F(ℓ) = P(L ≤ ℓ) ≥ α (Rockafellar & Uryasev 2002,
 *   J. Banking & Finance 26, 1443–1471). With equal weights this is the order statistic L₍⌈αn⌉₎
 *   (1-based, ascending); no interpolation. Example (case C14): losses 0…4, α = 0.75 → 3.
 *   Cumulative weights within 1e-12 relative of α count as reaching it (so 4 × 0.2 reaches 0.8).
 * - `'gaussian'`: −μ + σ·Φ⁻¹(α), μ the sample mean, σ the sample standard deviation (ddof 1) of the
 *   returns (the delta-normal VaR; P. Jorion, Value at Risk, 3rd ed., 2007); Φ⁻¹ is the project's `normInv` (src/reference).
 * @param input `{ returns, confidence, method, weights? }` (see {@link TailRiskInput}).
 * @returns the loss as a positive fraction of wealth (negative if the quantile is a gain).
 * @throws InvalidInputError naming the field and value: empty returns, a non-finite return, confidence
 *   outside (0, 1), an unknown method, fewer than 2 returns for `'gaussian'`, bad or mismatched weights;
 *   `returns` whose VaR or ES would leave the double range (the Gaussian sums are rescaled first, so
 *   [1e300, −1e300] still gives a finite answer).
 */
export function valueAtRisk(input: TailRiskInput): number {
  return tail(input).valueAtRisk;
}

/**
 * Expected Shortfall (CVaR) at confidence α: the mean loss in the worst 1 − α of the distribution.
 * - `'historical'`: Rockafellar–Uryasev CVaR (2002, their formula for scenario models) of the (weighted) empirical
 *   distribution: [(F(VaR) − α)·VaR + Σ_{ℓᵢ > VaR} pᵢ ℓᵢ] / (1 − α), i.e. the boundary loss VaR keeps
 *   only the fraction of its probability that lies in the tail. Case C14: losses 0…4, α = 0.75 →
 *   (0.05·3 + 0.2·4)/0.25 = 3.8 (not 3.5, the mean of losses ≥ VaR). Always ≥ VaR.
 * - `'gaussian'`: −μ + σ·φ(Φ⁻¹(α))/(1 − α) (the ES of a normal loss: A. McNeil, R. Frey, P. Embrechts,
 *   Quantitative Risk Management, 2005, ch. 2), μ and σ as for {@link valueAtRisk}.
 * @param input `{ returns, confidence, method, weights? }`.
 * @returns the loss as a positive fraction (≥ the VaR at the same α).
 * @throws InvalidInputError as {@link valueAtRisk}.
 */
export function expectedShortfall(input: TailRiskInput): number {
  return tail(input).expectedShortfall;
}
