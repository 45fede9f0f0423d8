/**
 * Monte Carlo of liquidation cascades over seeded price paths (DESIGN §6), as a block job: `planCascadeMc`
 * (validate, sort the book once), `runCascadeBlocks` (per-path outcomes of blocks [first, end), any
 * worker), `mergeCascadeBlocks` (all blocks in block order → tail statistics). Path i's moves depend only
 * on (seed, i) (Philox4x32-10, assembly/lending/cascadePaths.ts), and a path's outcome only on its moves,
 * so results are bit-identical for any block size, worker count or split.
 */
import { expectedShortfall, sortedHistoricalTail, valueAtRisk, type Tail } from '../risk/tailRisk.js';
import { align16, batchBlock } from '../wasm/arena.js';
import type { PoolProgress } from '../worker/pool.js';
import { checkBlockRange, checkPartials } from '../worker/blockRange.js';
import { abortError, onTemporaryPool, poolOptions, checkRunOptions, runGroupsLocally } from '../worker/localRun.js';
import { BOOK_BYTES_PER_POSITION, K, K_COUNT, P_COUNT } from './cascadeLayout.js';
import { isPreparedBook, prepareCascadeBook } from './cascadePrepare.js';
import type { CascadeMonteCarloResult, CascadeMonteCarloSpec, PreparedCascadeBook, TailStats } from './cascadeTypes.js';
import { checkMonteCarlo } from './cascadeValidate.js';

/** Everything a worker needs to run blocks of paths (plain, structured-clone-able data). */
export interface CascadeMcPlan {
  params: number[];
  curve: Float64Array;
  /** The prepared book's kernel columns and its row count. */
  bookBytes: ArrayBuffer;
  sorted: number;
  maxRounds: number;
  steps: number;
  paths: number;
  blockSize: number;
  blockCount: number;
  seed: number | string;
}

/**
 * Validates the spec and sorts the book (if not already prepared). Needs `init()`.
 * @throws InvalidInputError naming the first bad field.
 */
export function planCascadeMc(spec: CascadeMonteCarloSpec): CascadeMcPlan {
  const c = checkMonteCarlo(spec);
  const book: PreparedCascadeBook = isPreparedBook(spec.book) ? spec.book : prepareCascadeBook(spec.book);
  return {
    params: c.params, curve: c.curve, bookBytes: book.bytes, sorted: book.sorted, maxRounds: c.maxRounds, steps: c.steps,
    paths: c.paths, blockSize: c.blockSize, blockCount: Math.ceil(c.paths / c.blockSize), seed: c.seed.value,
  };
}

/** f64 per block in the partials: K_COUNT outcomes × blockSize path slots. */
export function cascadePartialWidth(plan: CascadeMcPlan): number {
  return plan.blockSize * K_COUNT;
}

/**
 * Outcomes of the paths of blocks [first, end) in this thread's WASM instance (synchronous): K_COUNT f64
 * per path slot (layout `K` in cascadeLayout.ts), slots past `paths` NaN. A fresh array (transferable).
 */
export function runCascadeBlocks(plan: CascadeMcPlan, first: number, end: number): Float64Array {
  checkBlockRange(plan.blockCount, first, end);
  const m = plan.sorted;
  const { k: k0 } = batchBlock(16);
  const width = cascadePartialWidth(plan);
  const sizes = [P_COUNT * 8, plan.curve.length * 8, m * BOOK_BYTES_PER_POSITION,
    k0.cascadeScratchBytes(m, plan.maxRounds, plan.steps), (end - first) * width * 8].map(align16);
  const { k, ptr } = batchBlock(sizes.reduce((a, b) => a + b, 0));
  const pParams = ptr, pCurve = pParams + sizes[0]!, pBook = pCurve + sizes[1]!, pScratch = pBook + sizes[2]!, pOut = pScratch + sizes[3]!;
  const mem = k.memory;
  new Float64Array(mem.buffer, pParams, P_COUNT).set(plan.params);
  new Float64Array(mem.buffer, pCurve, plan.curve.length).set(plan.curve);
  new Uint8Array(mem.buffer, pBook, plan.bookBytes.byteLength).set(new Uint8Array(plan.bookBytes));
  if (end > first) k.cascadePaths(pParams, pBook, m, m, pCurve, pScratch, first, end, pOut);
  return new Float64Array(k.memory.buffer, pOut, (end - first) * width).slice();
}

/** Mean, standard error, 95/99 % lower quantiles and expected shortfalls, max and P(> 0) of `x`. */
export function tailStats(x: Float64Array): TailStats {
  const n = x.length;
  let sum = 0, max = -Infinity, positive = 0;
  for (let i = 0; i < n; i++) { sum += x[i]!; if (x[i]! > max) max = x[i]!; if (x[i]! > 0) positive++; }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) * (x[i]! - mean);
  const standardError = n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN;
  // The outcome is a loss: risk/tailRisk.ts's historical VaR / Rockafellar–Uryasev ES of returns −x, i.e. of the
  // losses x. One value sort of the column serves both levels (sortedHistoricalTail is what valueAtRisk /
  // expectedShortfall run for equal weights), instead of an index sort per call (four per column).
  let finite = Number.isFinite(sum);
  for (let i = 0; finite && i < n; i++) finite = Number.isFinite(x[i]!);
  let t95: Tail | undefined, t99: Tail | undefined;
  if (finite && n > 0) {
    const sorted = Float64Array.from(x).sort();
    t95 = sortedHistoricalTail(sorted, 0.95);
    t99 = sortedHistoricalTail(sorted, 0.99);
  }
  const ok = (t: Tail | undefined): t is Tail => t !== undefined && Number.isFinite(t.valueAtRisk) && Number.isFinite(t.expectedShortfall);
  if (!ok(t95) || !ok(t99)) {
    // a non-finite outcome or tail (or no outcome): the validating entry points report it as before
    const returns = new Float64Array(n);
    for (let i = 0; i < n; i++) returns[i] = -x[i]!;
    const at = (confidence: number): Tail => ({
      valueAtRisk: valueAtRisk({ returns, confidence, method: 'historical' }),
      expectedShortfall: expectedShortfall({ returns, confidence, method: 'historical' }),
    });
    t95 = at(0.95);
    t99 = at(0.99);
  }
  const q95 = t95.valueAtRisk, es95 = t95.expectedShortfall, q99 = t99.valueAtRisk, es99 = t99.expectedShortfall;
  return { mean, standardError, q95, q99, es95, es99, max, probabilityPositive: positive / n };
}

/**
 * The result from all blocks' partials in block order.
 * @throws InvalidInputError if `partials` has the wrong length.
 */
export function mergeCascadeBlocks(plan: CascadeMcPlan, partials: Float64Array): CascadeMonteCarloResult {
  const expected = plan.blockCount * cascadePartialWidth(plan);
  checkPartials(partials, expected);
  const n = plan.paths;
  const col = (c: number): Float64Array => { const out = new Float64Array(n); for (let i = 0; i < n; i++) out[i] = partials[i * K_COUNT + c]!; return out; };
  const outcomes = {
    badDebt: col(K.badDebt), realisedBadDebt: col(K.realisedBadDebt), insolventDebt: col(K.insolventDebt),
    liquidatedValueUsd: col(K.liquidatedValue), debtRepaid: col(K.debtRepaid), collateralSold: col(K.collateralSold),
    finalPrice: col(K.finalPrice), minPrice: col(K.minPrice), rounds: col(K.rounds), positionsLiquidated: col(K.positions),
  };
  let unconverged = 0;
  for (let i = 0; i < n; i++) if (partials[i * K_COUNT + K.converged] !== 1) unconverged++;
  return {
    paths: n, badDebt: tailStats(outcomes.badDebt), liquidatedValue: tailStats(outcomes.liquidatedValueUsd), outcomes,
    unconvergedPaths: unconverged, seed: plan.seed, blockSize: plan.blockSize, blocks: plan.blockCount,
  };
}

/** Running mean bad debt and its standard error over the first `blocks` blocks (progress). */
export function cascadeEstimate(plan: CascadeMcPlan, partials: Float64Array, blocks: number): { price: number; standardError: number } {
  const n = Math.min(blocks * plan.blockSize, plan.paths);
  let s = 0, ss = 0;
  for (let i = 0; i < n; i++) { const v = partials[i * K_COUNT + K.badDebt]!; s += v; ss += v * v; }
  const mean = s / n;
  return { price: mean, standardError: n > 1 ? Math.sqrt(Math.max(ss - n * mean * mean, 0) / (n - 1) / n) : NaN };
}

/** Options of `cascadeMonteCarlo`. */
export interface CascadeMonteCarloOptions {
  /** Workers of a temporary pool (integer 1 … 1024); 1 or absent: this thread. */
  workers?: number;
  /** Progress after each group of blocks: fraction, running mean bad debt (`price`) and its standard error. */
  onProgress?: (progress: PoolProgress) => void;
  signal?: AbortSignal;
}

/** Kernel calls (groups of blocks) per single-threaded run. */
const GROUPS = 32;

/**
 * Monte Carlo of liquidation cascades: `paths` seeded price paths (GBM or Merton jumps, `steps` moves over
 * `horizonYears`), each sent through the cascade of `simulateCascade` (the venue reset for every path).
 * Reports the distribution of bad debt (booked + insolvent at the end: Gauntlet's net insolvent amount)
 * and of liquidated collateral value: VaR = the lower empirical quantile, the ⌈αN⌉-th smallest outcome
 * (Rockafellar & Uryasev 2002; risk/tailRisk.ts), ES = the mean of the worst 1 − α with the boundary
 * weighted, at α = 95 % and 99 %; "liquidations at risk" = `liquidatedValue.q95/q99` (PROTOCOLS §5).
 * Bit-identical for any `workers` and `blockSize`: path i depends only on (seed, i).
 * @param spec `{ book, venue, model, horizonYears, steps, paths, seed, blockSize?, oracleLagRounds?, gasUsd?,
 *   closeFactor?, fullLiquidationHealthFactor?, protocolFee?, oraclePrice?, maxRounds? }` (cascadeTypes.ts).
 * @param options `{ workers?, onProgress?, signal? }`.
 * @returns `{ paths, badDebt, liquidatedValue, outcomes, unconvergedPaths, seed, blockSize, blocks }`.
 * @throws (rejects with) InvalidInputError for a bad spec or option; AbortError; WorkerError if a worker
 *   died; WasmInitError before init().
 */
export async function cascadeMonteCarlo(spec: CascadeMonteCarloSpec, options: CascadeMonteCarloOptions = {}): Promise<CascadeMonteCarloResult> {
  const { workers, onProgress, signal } = checkRunOptions(options);
  if (signal?.aborted) throw abortError('cascadeMonteCarlo', signal);
  if (workers !== undefined && workers > 1) {
    return onTemporaryPool(workers, (pool) => pool.cascadeMonteCarlo(spec, poolOptions(onProgress, signal)));
  }
  const plan = planCascadeMc(spec);
  const width = cascadePartialWidth(plan);
  const partials = new Float64Array(plan.blockCount * width);
  // groups of blocks per kernel call (each call copies the sorted book into WASM memory once): about
  // GROUPS progress reports and abort checks per run
  const group = Math.max(1, Math.ceil(plan.blockCount / GROUPS));
  await runGroupsLocally('cascadeMonteCarlo', plan.blockCount, group, (b, end) => partials.set(runCascadeBlocks(plan, b, end), b * width),
    onProgress && ((end) => {
      const e = cascadeEstimate(plan, partials, end);
      onProgress({ fraction: end / plan.blockCount, price: e.price, standardError: e.standardError, blocksDone: end, blockCount: plan.blockCount });
    }), signal);
  return mergeCascadeBlocks(plan, partials);
}
