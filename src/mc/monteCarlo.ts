/**
 * `monteCarlo`: the single-threaded asynchronous Monte Carlo facade, built only from planMonteCarlo,
 * runBlocks and mergeBlocks (./plan.ts), so that the worker pool's results are bit-identical to it.
 */
import { InvalidInputError } from '../errors.js';
import { abortError, onTemporaryPool, poolOptions, runGroupsLocally } from '../worker/localRun.js';
import { finalResult, planMonteCarlo, resultOf, runBlocks, foldPlan } from './plan.js';
import { emptyAccumulator } from './stats.js';
import type { McResult, MonteCarloOptions, MonteCarloSpec } from './types.js';

/**
 * Path-steps per kernel call when blocks are light (several blocks per call); a heavier block runs alone
 * (one block costs at most WORK_BUDGET = 2^20 path-steps, ./validate.ts). Progress and abort are checked
 * after every call.
 */
const GROUP_WORK = 1 << 18;

function checkOptions(options: unknown): MonteCarloOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidInputError(`options (${String(options)}) must be an object { workers?, onProgress?, signal? }`, { field: 'options', value: options, rule: 'object' });
  }
  const o = options as MonteCarloOptions;
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new InvalidInputError(`onProgress (${String(o.onProgress)}) must be a function`, { field: 'onProgress', value: o.onProgress, rule: 'function' });
  }
  if (o.signal !== undefined && !(typeof AbortSignal === 'function' && o.signal instanceof AbortSignal)) {
    throw new InvalidInputError(`signal (${String(o.signal)}) must be an AbortSignal`, { field: 'signal', value: o.signal, rule: 'AbortSignal' });
  }
  return o;
}

/**
 * Prices `spec` by Monte Carlo simulation in this thread, in groups of blocks with a yield to the event
 * loop between groups (so that progress is reported and an abort is seen promptly).
 * @param spec `{ model, payoff, expiryYears, paths, steps?, seed, antithetic?, controlVariate?, quasiRandom?,
 *   greeks?, confidence?, blockSize? }` (see {@link MonteCarloSpec}; units DESIGN §4). A manifest from an
 *   earlier result is itself a valid spec and reproduces that run bit for bit.
 * @param options `{ workers?, onProgress?, signal? }`: `workers` > 1 runs on a temporary worker pool
 *   (bit-identical result); progress `{ fraction, price, standardError }` after each group; an AbortSignal.
 * @returns `{ price, standardError, confidenceInterval: [low, high], paths, greeks?, manifest }`; the
 *   interval is two-sided at `confidence` (default 0.95) with the normal quantile.
 * @throws (rejects with) InvalidInputError for a bad spec, AbortError when aborted, WasmInitError before init().
 */
export async function monteCarlo(spec: MonteCarloSpec, options?: MonteCarloOptions | null): Promise<McResult> {
  const { onProgress, signal, workers } = checkOptions(options);
  if (signal?.aborted) throw abortError('monteCarlo', signal);
  if (workers !== undefined && workers !== 1) {
    if (!Number.isInteger(workers) || workers < 1 || workers > 1024) {
      throw new InvalidInputError(`workers (${String(workers)}) must be an integer in [1, 1024]`, { field: 'workers', value: workers, rule: 'integer 1..1024' });
    }
    return onTemporaryPool(workers, (pool) => pool.monteCarlo(spec, poolOptions(onProgress, signal)));
  }
  const plan = planMonteCarlo(spec);
  // blocks are folded as they come, in block order: the same fold, in the same order, as mergeBlocks
  // (so the bits equal the pool's), without holding every block's partials
  const group = Math.max(1, Math.floor(GROUP_WORK / (plan.blockSize * plan.pathWork)));
  const acc = emptyAccumulator();
  await runGroupsLocally('monteCarlo', plan.blockCount, group, (b, end) => { foldPlan(plan, acc, runBlocks(plan, b, end), 0, end - b); },
    onProgress && ((end) => {
      const r = resultOf(plan, acc);
      onProgress({ fraction: end / plan.blockCount, price: r.price, standardError: r.standardError });
    }), signal);
  return finalResult(plan, acc);
}
