/**
 * The block jobs the pool can run, by kind (DESIGN §6, §7).
 *
 * A block job is described by pure functions: `plan` (calling thread: validate the spec, fix every
 * number the run depends on; the plan is plain structured-clone-able data), `runBlocks` (a worker,
 * or the calling thread: partials of blocks `[first, end)`, `partialWidth(plan)` f64 each,
 * concatenated) and `merge` (calling thread: all blocks' partials in block order → the result).
 * As long as a block's partial depends only on `(plan, block)`, a result is bit-identical however
 * the block range is split across workers. New heavy functions (cascades, hedging) are new kinds
 * here; the worker API (`runBlocks(kind, plan, first, end)`) does not change.
 */
import { InvalidInputError } from '../errors.js';
import { mcJob } from './mcJob.js';
import { cascadeJob } from './cascadeJob.js';
import { hedgeJob } from './hedgeJob.js';
import { testSumJob } from './testJob.js';

/** A running estimate for progress reports. */
export interface Estimate {
  price: number;
  standardError: number;
}

/** What a job may ask of the worker it runs in (test faults only). */
export interface WorkerHooks {
  /** Kills the worker (`'exit'`, `'throw'`) or makes it unresponsive (`'hang'`). */
  crash(mode: 'exit' | 'throw' | 'hang' | string): void;
}

/** A job split into fixed blocks whose partials are combined in block order. */
export interface BlockJob<Spec, Plan, Result> {
  /** Validates the spec and fixes the run. @throws InvalidInputError */
  plan(spec: Spec): Plan;
  /** Number of blocks (≥ 1). */
  blockCount(plan: Plan): number;
  /** f64 values in one block's partial. */
  partialWidth(plan: Plan): number;
  /** Partials of blocks `[first, end)`, concatenated (a fresh array the caller may transfer). */
  runBlocks(plan: Plan, first: number, end: number, hooks: WorkerHooks): Float64Array | Promise<Float64Array>;
  /** The result from all blocks' partials in block order. */
  merge(plan: Plan, partials: Float64Array): Result;
  /**
   * A running estimate from the partials of blocks `0 … k-1` (the merged prefix), for progress;
   * absent when the job has none.
   */
  estimate?(plan: Plan, partials: Float64Array, blocks: number): Estimate | undefined;
}

/** Registered jobs. `'test:*'` kinds are internal (tests and measurements). */
export const JOBS = {
  mc: mcJob,
  cascade: cascadeJob,
  hedge: hedgeJob,
  'test:sum': testSumJob,
} as const;

/** The kind of a registered job. */
export type JobKind = keyof typeof JOBS;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJob = BlockJob<any, any, any>;

/** The job registered under `kind`. @throws InvalidInputError for an unknown kind. */
export function jobFor(kind: string): AnyJob {
  if (!Object.prototype.hasOwnProperty.call(JOBS, kind)) {
    throw new InvalidInputError(`unknown job kind '${kind}' (known: ${Object.keys(JOBS).join(', ')})`, { field: 'kind', value: kind });
  }
  return JOBS[kind as JobKind] as AnyJob;
}

/** Spec, plan and result types of a kind. */
export type SpecOf<K extends JobKind> = (typeof JOBS)[K] extends BlockJob<infer S, infer _P, infer _R> ? S : never;
export type ResultOf<K extends JobKind> = (typeof JOBS)[K] extends BlockJob<infer _S, infer _P, infer R> ? R : never;

const localHooks: WorkerHooks = {
  crash(mode) { throw new InvalidInputError(`crash mode '${mode}' is only available in a worker`, { field: 'fault.mode', value: mode }); },
};

/**
 * Runs a job on the calling thread in one piece (needs `init()`): the single-threaded reference
 * that pool results equal bit for bit.
 */
export async function runLocally<K extends JobKind>(kind: K, spec: SpecOf<K>): Promise<ResultOf<K>> {
  const job = jobFor(kind);
  const plan = job.plan(spec);
  const partials = await job.runBlocks(plan, 0, job.blockCount(plan), localHooks);
  return job.merge(plan, partials) as ResultOf<K>;
}
