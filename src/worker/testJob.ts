/**
 * `'test:sum'`: a small, deterministic, CPU-bound block job used to test and measure the pool
 * independently of any pricing engine (internal; not exported from the package entry).
 *
 * Variate `i` (0 ≤ i < blocks·blockSize) is `Φ⁻¹(u_i)`, where `u_i ∈ (0, 1)` is a 53-bit uniform that
 * depends only on `(seed, i)` (a counter-based hash, below) and `Φ⁻¹` is the WASM kernel
 * `normInvBatch` — so each worker's own WASM instance is exercised. Block `b` covers variates
 * `[b·blockSize, (b+1)·blockSize)`; its partial is `[Σx, Σx²]` (width 2). The merge adds partials in
 * block order and returns the sample mean (≈ 0) with its standard error: like a Monte Carlo run,
 * the result is a function of the spec alone, whatever the chunking.
 *
 * `fault` makes the worker misbehave when it reaches block `fault.block` (crash and error tests).
 */
import { InvalidInputError, PriceOutOfBoundsError } from '../errors.js';
import { batchBlock } from '../wasm/arena.js';
import type { BlockJob, Estimate, WorkerHooks } from './jobs.js';

/** How the test job misbehaves at `fault.block`. */
export type FaultMode =
  | 'exit' // the worker exits (process.exit in worker_threads, self.close() in a browser)
  | 'throw' // an uncaught exception in the worker (asynchronous, outside comlink's try/catch)
  | 'trap' // a real WebAssembly trap (`unreachable`)
  | 'hang' // the worker spins forever (abort and termination tests)
  | 'invalid' // throws InvalidInputError (a typed error crossing the hop)
  | 'bounds'; // throws PriceOutOfBoundsError with a bound

/** Spec of the test job. */
export interface TestSumSpec {
  /** Number of blocks (integer ≥ 1). */
  blocks: number;
  /** Variates per block (integer ≥ 1). */
  blockSize: number;
  /** Stream seed (integer, 0 ≤ seed < 2³²). */
  seed: number;
  /** Misbehave on reaching this block. */
  fault?: { block: number; mode: FaultMode };
}

/** The plan: the validated spec (structured-clone-able). */
export type TestSumPlan = Required<Pick<TestSumSpec, 'blocks' | 'blockSize' | 'seed'>> & Pick<TestSumSpec, 'fault'>;

/** Result of the test job: the sample mean of N(0,1) variates and its standard error. */
export interface TestSumResult {
  mean: number;
  standardError: number;
  count: number;
  /** Σx and Σx² over all variates, added in block order. */
  sum: number;
  sumSquares: number;
}

const MODES: readonly FaultMode[] = ['exit', 'throw', 'trap', 'hang', 'invalid', 'bounds'];

function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(`${field} (${String(value)}) must be an integer in [${min}, ${max}]`, { field, value, rule: `integer in [${min}, ${max}]` });
  }
  return value;
}

/** Validates the spec. @throws InvalidInputError naming the field. */
export function planTestSum(spec: TestSumSpec): TestSumPlan {
  if (typeof spec !== 'object' || spec === null) throw new InvalidInputError('the test job spec must be an object', { field: 'spec' });
  const blocks = checkInteger('blocks', spec.blocks, 1, 2 ** 24);
  const blockSize = checkInteger('blockSize', spec.blockSize, 1, 2 ** 24);
  const seed = checkInteger('seed', spec.seed, 0, 2 ** 32 - 1);
  const plan: TestSumPlan = { blocks, blockSize, seed };
  if (spec.fault !== undefined) {
    if (!MODES.includes(spec.fault.mode)) throw new InvalidInputError(`fault.mode (${String(spec.fault.mode)}) is not one of ${MODES.join(', ')}`, { field: 'fault.mode', value: spec.fault.mode });
    plan.fault = { block: checkInteger('fault.block', spec.fault.block, 0, blocks - 1), mode: spec.fault.mode };
  }
  return plan;
}

/** lowbias32 (Wellons' integer hash; public domain): a bijective 32-bit avalanche mix. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}

/** The uniform of variate `i`: 53 bits from two hashes of (seed, i), mapped to (0, 1) (never 0 or 1). */
export function uniformAt(seed: number, i: number): number {
  const lo = i >>> 0;
  const hi = Math.floor(i / 4294967296) >>> 0;
  const a = mix32(mix32(lo ^ mix32(seed ^ 0x9e3779b9)) ^ hi);
  const b = mix32(a ^ 0x85ebca6b ^ mix32(lo + 0x6a09e667));
  return ((a >>> 5) * 67108864 + (b >>> 6) + 0.5) / 9007199254740992; // (27 + 26 bits + ½) / 2^53
}

// A minimal module whose export `f` executes `unreachable`: a genuine WebAssembly trap.
const TRAP_MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
  0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
  0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00, // export section: "f" = function 0
  0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b, // code: no locals, unreachable, end
]);

function fault(mode: FaultMode, block: number, hooks: WorkerHooks): Float64Array | Promise<Float64Array> {
  switch (mode) {
    case 'invalid':
      throw new InvalidInputError(`test fault at block ${block}: strike (-5) must be > 0`, { field: 'strike', value: -5, rule: '> 0', index: block });
    case 'bounds':
      throw new PriceOutOfBoundsError('PRICE_BELOW_INTRINSIC', `test fault at block ${block}: price (1) is below the discounted intrinsic value (2.5)`, { field: 'price', value: 1, bound: 2.5 });
    case 'trap': {
      const instance = new WebAssembly.Instance(new WebAssembly.Module(TRAP_MODULE));
      (instance.exports.f as () => void)();
      throw new Error('unreachable did not trap'); // not reached
    }
    default:
      hooks.crash(mode);
      return new Promise<Float64Array>(() => undefined); // the worker is going down; never answers
  }
}

/** Runs blocks `[first, end)` (worker side): `[Σx, Σx²]` per block, concatenated. */
export function runTestSumBlocks(plan: TestSumPlan, first: number, end: number, hooks: WorkerHooks): Float64Array | Promise<Float64Array> {
  const { blockSize, seed } = plan;
  const out = new Float64Array((end - first) * 2);
  for (let b = first; b < end; b++) {
    if (plan.fault && plan.fault.block === b) return fault(plan.fault.mode, b, hooks);
    const { k, ptr } = batchBlock(blockSize * 8);
    const column = new Float64Array(k.memory.buffer, ptr, blockSize);
    const base = b * blockSize;
    for (let j = 0; j < blockSize; j++) column[j] = uniformAt(seed, base + j);
    k.normInvBatch(blockSize, ptr, ptr);
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < blockSize; j++) {
      const x = column[j]!;
      sum += x;
      squares += x * x;
    }
    out[(b - first) * 2] = sum;
    out[(b - first) * 2 + 1] = squares;
  }
  return out;
}

/** Merges the partials of blocks `0 … n-1` (n = partials.length / 2) in block order. */
export function mergeTestSum(plan: TestSumPlan, partials: Float64Array): TestSumResult {
  const blocks = partials.length / 2;
  let sum = 0;
  let sumSquares = 0;
  for (let b = 0; b < blocks; b++) {
    sum += partials[2 * b]!;
    sumSquares += partials[2 * b + 1]!;
  }
  const count = blocks * plan.blockSize;
  const mean = sum / count;
  const variance = count > 1 ? Math.max(sumSquares - count * mean * mean, 0) / (count - 1) : Number.NaN;
  return { mean, standardError: Math.sqrt(variance / count), count, sum, sumSquares };
}

/** The test job for the pool's registry. */
export const testSumJob: BlockJob<TestSumSpec, TestSumPlan, TestSumResult> = {
  plan: planTestSum,
  blockCount: (plan) => plan.blocks,
  partialWidth: () => 2,
  runBlocks: runTestSumBlocks,
  merge: mergeTestSum,
  estimate(plan, partials): Estimate {
    const r = mergeTestSum(plan, partials);
    return { price: r.mean, standardError: r.standardError };
  },
};
