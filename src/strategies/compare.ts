/**
 * Outcome distributions of strategies on common random numbers: every strategy is evaluated on the same
 * seeded terminal prices (./terminal.ts), so differences between them are not sampling noise of
 * independent runs (P. Glasserman, Monte Carlo Methods in Financial Engineering, 2004, §4.2).
 */
import { expectedShortfall, valueAtRisk } from '../risk/tailRisk.js';
import { checkArray, checkNonNegative, checkOpenUnit, fail } from './validate.js';
import { checkTerminal, drawTerminal, meanAndError } from './terminal.js';
import type { OutcomeOptions, Strategy, StrategyComparison, StrategyOutcomes, TerminalModel } from './types.js';

/** Validated outcome options (defaults: confidence 0.95, loss threshold 0). */
export function checkOutcomeOptions(o: OutcomeOptions | undefined): { confidence: number; lossThreshold: number } {
  return {
    confidence: o?.confidence === undefined ? 0.95 : checkOpenUnit('confidence', o.confidence),
    lossThreshold: o?.lossThreshold === undefined ? 0 : checkNonNegative('lossThreshold', o.lossThreshold),
  };
}

/**
 * Statistics of one P&L sample (USD): mean and standard error, historical VaR and CVaR as positive losses
 * (src/risk `valueAtRisk` / `expectedShortfall`: lower-quantile rule, Rockafellar–Uryasev CVaR), P(P&L < −threshold)
 * with its binomial standard error √(p(1 − p)/n), min and max.
 */
export function pnlOutcomes(name: string, pnl: Float64Array, confidence: number, lossThreshold: number): StrategyOutcomes {
  const n = pnl.length;
  const { mean, standardError } = meanAndError(pnl);
  let losses = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = pnl[i]!;
    if (v < -lossThreshold) losses++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const p = losses / n;
  return {
    name, expectedPnl: mean, standardError,
    valueAtRisk: valueAtRisk({ returns: pnl, confidence, method: 'historical' }),
    expectedShortfall: expectedShortfall({ returns: pnl, confidence, method: 'historical' }),
    probabilityOfLoss: p, probabilityOfLossStandardError: Math.sqrt(p * (1 - p) / n),
    minPnl: min, maxPnl: max,
  };
}

/**
 * Historical VaR and CVaR (src/risk) of a P&L sample, fast when the sample is non-decreasing — the P&L of a
 * package whose value rises with S_T, listed over ascending terminal prices. Then the (1 − α) tail is the first
 * paths, and the sample is compressed before the call: the first m = n − ⌈αn⌉ + 2 values kept with weight 1 and
 * the other n − m merged into one point at the largest value with weight n − m. Below the m-th value the full
 * distribution function is at most (n − m)/n < α, and at and above it both distributions agree, so the lower
 * α-quantile and the Rockafellar–Uryasev CVaR are the same (an O(m log m) sort instead of O(n log n)).
 * Any other sample goes to the risk functions whole.
 */
export function sortedTailRisk(pnl: Float64Array, confidence: number): { valueAtRisk: number; expectedShortfall: number } {
  const n = pnl.length;
  const m = n - Math.ceil(confidence * n) + 2;
  let monotone = m < n - 1;
  for (let i = 1; monotone && i < n; i++) if (pnl[i]! < pnl[i - 1]!) monotone = false;
  if (!monotone) {
    return {
      valueAtRisk: valueAtRisk({ returns: pnl, confidence, method: 'historical' }),
      expectedShortfall: expectedShortfall({ returns: pnl, confidence, method: 'historical' }),
    };
  }
  const returns = new Float64Array(m + 1);
  returns.set(pnl.subarray(0, m));
  returns[m] = pnl[n - 1]!;
  const weights = new Float64Array(m + 1).fill(1);
  weights[m] = n - m;
  return {
    valueAtRisk: valueAtRisk({ returns, weights, confidence, method: 'historical' }),
    expectedShortfall: expectedShortfall({ returns, weights, confidence, method: 'historical' }),
  };
}

/** P&L of a strategy on each terminal price. */
function pnlOn(strategy: Strategy, spots: Float64Array): Float64Array {
  const out = new Float64Array(spots.length);
  for (let i = 0; i < spots.length; i++) out[i] = strategy.pnl(spots[i]!);
  return out;
}

/** Input of {@link compareStrategies}. */
export interface CompareInput extends OutcomeOptions {
  strategies: Strategy[];
  /** The terminal-price model; spot and horizon are the strategies' (which must all share them). */
  simulation: Omit<TerminalModel, 'expiryYears' | 'spot'>;
}

/**
 * Simulates the strategies' P&L at expiry on the same seeded terminal prices (GBM by default, Merton jumps
 * with `simulation.jumps`) and summarises each distribution.
 * @param input `{ strategies, simulation: { vol, drift? | forward? | rate?, jumps?, paths? = 100,000, seed? = 1,
 *   }: spot and horizon are the strategies', confidence? = 0.95, lossThreshold? = 0 }`.
 * @returns `{ paths, seed, confidence, lossThreshold, meanTerminal, meanTerminalStandardError, strategies: [{ name,
 *   expectedPnl, standardError, valueAtRisk, expectedShortfall, probabilityOfLoss, … }] }` (USD; losses positive).
 * @throws InvalidInputError naming the field and value: an empty list, strategies of different expiries or
 *   spots, a bad simulation field (`simulation.vol` …), confidence outside (0, 1), a negative threshold.
 */
export function compareStrategies(input: CompareInput): StrategyComparison {
  const list = checkArray('strategies', input?.strategies) as Strategy[];
  const t = list[0]!.expiryYears, spot = list[0]!.holding.spot;
  list.forEach((s, i) => {
    if (typeof s?.pnl !== 'function') fail(`strategies[${i}]`, s, 'a Strategy', 'must be a strategy built by this module');
    if (s.expiryYears !== t) fail(`strategies[${i}].expiryYears`, s.expiryYears, `= ${t}`, `must equal strategies[0].expiryYears (${t})`);
    if (s.holding.spot !== spot) fail(`strategies[${i}].holding.spot`, s.holding.spot, `= ${spot}`, `must equal strategies[0].holding.spot (${spot})`);
  });
  const { confidence, lossThreshold } = checkOutcomeOptions(input);
  const sim = checkTerminal('simulation', { ...input.simulation, spot, expiryYears: t });
  const sample = drawTerminal(sim);
  return {
    paths: sample.paths, seed: sample.seed, confidence, lossThreshold,
    meanTerminal: sample.mean, meanTerminalStandardError: sample.standardError,
    strategies: list.map((s) => pnlOutcomes(s.name, pnlOn(s, sample.spots), confidence, lossThreshold)),
  };
}
