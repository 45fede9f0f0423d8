/**
 * `'cascade'`: the liquidation-cascade Monte Carlo (src/lending/cascadeMonteCarlo.ts) as a pool job.
 * Planning (validation, the one sort of the book), block runs and the merge are the engine's own, so pool
 * results are bit-identical to the single-threaded `cascadeMonteCarlo` (DESIGN §6). A block's partial is
 * the per-path outcomes of its paths (quantiles need them all).
 */
import {
  cascadeEstimate, cascadePartialWidth, mergeCascadeBlocks, planCascadeMc, runCascadeBlocks, type CascadeMcPlan,
} from '../lending/cascadeMonteCarlo.js';
import type { CascadeMonteCarloResult, CascadeMonteCarloSpec } from '../lending/cascadeTypes.js';
import type { BlockJob } from './jobs.js';

/** The cascade Monte Carlo job for the pool's registry. */
export const cascadeJob: BlockJob<CascadeMonteCarloSpec, CascadeMcPlan, CascadeMonteCarloResult> = {
  plan: planCascadeMc,
  blockCount: (plan) => plan.blockCount,
  partialWidth: cascadePartialWidth,
  runBlocks: (plan, first, end) => runCascadeBlocks(plan, first, end),
  merge: mergeCascadeBlocks,
  estimate: cascadeEstimate,
};
