/**
 * Probability of liquidation by seeded Monte Carlo, for models without a closed form (Merton jumps in the
 * collateral price), built on `monteCarlo` (src/mc/).
 *
 * The health factor is simulated as the "spot" of the engine: HF(t) = HF0·(collateral price ratio)·e^{(y−b)t},
 * whose log drift is (μ + y − b) − σ²/2 (with jumps, compensated: E[HF(t)] = HF0·e^{(μ+y−b)t}, Merton 1976).
 * Liquidation is a down-and-out barrier at HF = 1 with continuous monitoring (the engine's Brownian-bridge
 * crossing probability between time steps, exact for GBM; jumps sit at step ends and are checked there),
 * priced as a knock-out put with a vanishing strike and a rebate of 1 paid at the horizon: its value is
 * E[1 − q] = P(τ ≤ T), q the path's survival probability. The engine's rate r and dividend yield q' are
 * chosen with r − q' = μ + y − b and the rebate e^{rT} undoes the discounting.
 */
import { monteCarlo } from '../mc/monteCarlo.js';
import type { MonteCarloOptions, MonteCarloSpec } from '../mc/types.js';
import { checkKnownFields, checkObject, checkRange, fail, MIN_LEVEL } from '../options/validate.js';
import type {
  LiquidationProbabilityMonteCarloInput, LiquidationProbabilityMonteCarloResult,
} from './liquidationProbabilityTypes.js';
import { checkLiquidationProbability } from './liquidationProbabilityValidate.js';

/** Default number of paths. */
const DEFAULT_PATHS = 200_000;

/** Default steps with jumps: every 6 hours, at least 64, at most 100,000. */
function defaultSteps(horizonYears: number): number {
  return Math.min(100_000, Math.max(64, Math.ceil(4 * 365 * horizonYears)));
}

/**
 * Probability that the health factor reaches 1 within the horizon, by Monte Carlo.
 * @param input the loan and model of `liquidationProbability` (`vol` is the diffusion vol), plus
 *   `jumps?: { intensity (per year, 0…1000), mean, vol }` (Merton: log(1 + J) ~ N(mean, vol²); the total
 *   variance per year is vol² + intensity·(mean² + jumpVol²)), `paths?` (default 200,000), `seed?`
 *   (default 1), `steps?` (default: 1 without jumps — the bridge is exact for GBM —, with jumps
 *   max(64, ⌈4·365·horizonYears⌉) ≤ 100,000), `antithetic?` (default true).
 * @param options `monteCarlo`'s options (`workers`, `onProgress`, `signal`).
 * @returns `{ probability, standardError, confidenceInterval (95%), paths, steps, manifest }`. A health factor
 *   ≤ 1 gives probability 1 with standard error 0 (every path starts liquidated).
 * @throws InvalidInputError as `liquidationProbability`, and: healthFactor +∞ or > 1e100 (no debt: the
 *   closed form gives 0); horizonYears = 0; |drift + collateralYield − borrowRate| > 2; bad `jumps`,
 *   `paths`, `seed`, `steps` (named `jumps.intensity`, `jumps.mean`, `jumps.vol` (ranges [0, 1000],
 *   [−10, 10], [0, 10]); `paths`, `seed`, `steps` as `monteCarlo` names them).
 * @throws WasmInitError before `init()` has resolved; AbortError when the signal aborts.
 */
export async function liquidationProbabilityMonteCarlo(input: LiquidationProbabilityMonteCarloInput,
  options?: MonteCarloOptions): Promise<LiquidationProbabilityMonteCarloResult> {
  const c = checkLiquidationProbability(input, ['jumps', 'paths', 'seed', 'steps', 'antithetic']);
  const o = input as unknown as Record<string, unknown>;
  if (!(c.healthFactor <= 1e100)) {
    fail('healthFactor', c.healthFactor, '<= 1e100', 'must be <= 1e100 for the Monte Carlo (no debt: liquidationProbability gives 0)');
  }
  if (c.horizonYears === 0) fail('horizonYears', 0, '> 0', 'must be > 0 for the Monte Carlo (a zero horizon: liquidationProbability)');
  const m = c.drift + c.collateralYield - c.borrowRate;
  if (Math.abs(m) > 2) fail('drift', c.drift, '|drift + collateralYield − borrowRate| <= 2', `gives a net drift ${m} beyond ±2, which the Monte Carlo engine cannot carry`);
  const rate = Math.max(-1, Math.min(1, m));
  const dividendYield = rate - m;
  let jumps: { intensity: number; mean: number; vol: number } | undefined;
  if (o.jumps !== undefined) {
    const j = checkObject('jumps', o.jumps);
    checkKnownFields('jumps', j, ['intensity', 'mean', 'vol'], 'jumps (a jump parameter)');
    jumps = { intensity: checkRange('jumps.intensity', j.intensity, 0, 1000), mean: checkRange('jumps.mean', j.mean, -10, 10), vol: checkRange('jumps.vol', j.vol, 0, 10) };
  }
  const spot = Math.max(c.healthFactor, MIN_LEVEL);
  const steps = o.steps !== undefined ? (o.steps as number) : jumps ? defaultSteps(c.horizonYears) : 1;
  const antithetic = o.antithetic === undefined ? true : o.antithetic;
  const spec = {
    model: jumps
      ? { type: 'merton', spot, vol: c.vol, rate, dividendYield, jumpIntensity: jumps.intensity, jumpMean: jumps.mean, jumpVol: jumps.vol }
      : { type: 'gbm', spot, vol: c.vol, rate, dividendYield },
    payoff: {
      type: 'barrier', optionType: 'put', strike: MIN_LEVEL, barrier: 1, direction: 'down', knock: 'out',
      rebate: Math.exp(rate * c.horizonYears), monitoring: 'continuous',
    },
    expiryYears: c.horizonYears,
    paths: o.paths === undefined ? DEFAULT_PATHS : o.paths,
    steps,
    seed: o.seed === undefined ? 1 : o.seed,
    antithetic,
  } as MonteCarloSpec;
  const r = await monteCarlo(spec, options);
  return {
    probability: r.price,
    standardError: r.standardError,
    confidenceInterval: r.confidenceInterval,
    paths: r.paths,
    steps: r.manifest.steps,
    manifest: r.manifest,
  };
}
