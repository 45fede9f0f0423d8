/**
 * `'hedge'`: the hedging simulation (src/hedge/simulate.ts) as a pool job. Planning, block runs and the merge
 * are the facade's own, so pool results are bit-identical to the single-threaded `simulateHedge` (DESIGN §6).
 * A block's partial is the per-path outcomes of its paths (quantiles need them all).
 */
import { hedgeEstimate, hedgePartialWidth, mergeHedgeBlocks, planHedge, runHedgeBlocks, type HedgePlan } from '../hedge/simulate.js';
import type { HedgeResult, HedgeSpec } from '../hedge/types.js';
import type { BlockJob } from './jobs.js';

/** The hedging simulation job for the pool's registry. */
export const hedgeJob: BlockJob<HedgeSpec, HedgePlan, HedgeResult> = {
  plan: planHedge,
  blockCount: (plan) => plan.blockCount,
  partialWidth: hedgePartialWidth,
  runBlocks: (plan, first, end) => runHedgeBlocks(plan, first, end),
  merge: mergeHedgeBlocks,
  estimate: hedgeEstimate,
};
