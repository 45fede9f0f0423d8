/** Monte Carlo facade: `monteCarlo` and the plan/run/merge building blocks the worker pool uses. */
export { monteCarlo } from './monteCarlo.js';
export { planMonteCarlo, runBlocks, partialWidth, mergeBlocks, type McPlan } from './plan.js';
export type * from './types.js';
