/**
 * `'mc'`: the Monte Carlo engine (src/mc/) as a pool job. Planning, block runs and the merge are the
 * engine's own `planMonteCarlo`, `runBlocks` and `mergeBlocks`, so pool results are bit-identical
 * to the single-threaded `monteCarlo` (DESIGN §6). Progress estimates fold the merged prefix of
 * blocks with the engine's `foldPlan`/`resultOf`, the same way `monteCarlo` reports its own.
 */
import { foldPlan, mergeBlocks, partialWidth, planMonteCarlo, resultOf, runBlocks, type McPlan } from '../mc/plan.js';
import { emptyAccumulator } from '../mc/stats.js';
import type { McResult, MonteCarloSpec } from '../mc/types.js';
import type { BlockJob } from './jobs.js';

/** The Monte Carlo job for the pool's registry. */
export const mcJob: BlockJob<MonteCarloSpec, McPlan, McResult> = {
  plan: planMonteCarlo,
  blockCount: (plan) => plan.blockCount,
  partialWidth,
  runBlocks: (plan, first, end) => runBlocks(plan, first, end),
  merge: mergeBlocks,
  estimate(plan, partials, blocks) {
    const result = resultOf(plan, foldPlan(plan, emptyAccumulator(), partials, 0, blocks));
    return { price: result.price, standardError: result.standardError };
  },
};
