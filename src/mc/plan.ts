/**
 * The Monte Carlo engine's three building blocks, shared by `monteCarlo` (single-threaded, ./monteCarlo.ts)
 * and the worker pool (src/worker/), so that both give bit-identical results (DESIGN §6):
 *
 *   const plan = planMonteCarlo(spec);                 // validate once; a structured-clone-able object
 *   const part = runBlocks(plan, first, end);          // any split of [0, plan.blockCount), any worker
 *   const result = mergeBlocks(plan, allPartials);     // all blocks, in block order
 *
 * Paths are numbered 0 … paths−1 (antithetic: pairs 0 … paths/2 − 1) and their random numbers depend only
 * on (seed, index) (Philox4x32-10, assembly/rng/); block b holds paths [b·blockSize, (b+1)·blockSize).
 */
import { InvalidInputError, NoConvergenceError } from '../errors.js';
import { normInv } from '../reference/normal.js';
import { align16, batchBlock } from '../wasm/arena.js';
import { wasm } from '../wasm/loader.js';
import { checkBlockRange } from '../worker/blockRange.js';
import { geometricAsian } from '../options/exotic/geometricAsian.js';
import { canonicalJson, fnv1a64 } from './hash.js';
import { ModelCode, Partial, PayoffCode, Slot, SLOT_COUNT, WIDTH_BASE, WIDTH_GREEKS } from './slots.js';
import { emptyAccumulator, estimate, foldBlocks, greekEstimate, type Accumulator } from './stats.js';
import type { Fixings, McGreeks, McManifest, McResult, MonteCarloSpec } from './types.js';
import { checkBlockSize, checkSpec, MAX_QMC_DIMENSIONS } from './validate.js';
import { VERSION } from './version.js';

/** Relative spot bump and absolute vol bump of the common-random-number Greeks (barriers). */
export const SPOT_BUMP = 0.01;
export const VOL_BUMP = 0.01;

/** Everything a worker needs to run blocks and a caller needs to merge them: plain data only. */
export interface McPlan {
  /** The run's manifest (reproduces the run bit for bit; `hash` identifies it). */
  manifest: McManifest;
  /** Kernel parameter block (SLOT_COUNT numbers; see ./slots.ts). */
  params: number[];
  /** Simulation grid t_1 < … < t_N = T (years): the equal steps merged with the fixings. */
  times: number[];
  /** Weight of each grid time: 1/n at Asian fixings, 1 at barrier/lookback monitoring times, else 0. */
  weights: number[];
  paths: number;
  blockSize: number;
  blockCount: number;
  /** Path-steps one path costs (simulation times, Heston sub-steps, ×5 for barrier Greeks). */
  pathWork: number;
  /** f64 per block in `runBlocks` output. */
  width: number;
  antithetic: boolean;
  controlVariate: boolean;
  /** Known mean of the control variate. */
  cvMean: number;
  greeks: boolean;
  /** Randomised QMC: R replications of paths / R points, block b in replication ⌊b / blocksPerReplication⌋. */
  quasiRandom: boolean;
  replications: number;
  blocksPerReplication: number;
  greekMethods: McGreeks['method'];
  confidence: number;
}

/** f64 values per block in the partials of `plan` (6, or 12 with Greeks). */
export function partialWidth(plan: McPlan): number {
  return plan.width;
}

function fixingTimes(fixings: Fixings, expiry: number): number[] {
  if (typeof fixings === 'number') {
    const out: number[] = [];
    for (let k = 1; k <= fixings; k++) out.push(k === fixings ? expiry : (k * expiry) / fixings);
    return out;
  }
  return [...fixings];
}

/** Merges the equal-step grid with the fixing times (coincident within 1e-12·T: one point, the fixing's time). */
function buildGrid(steps: number, expiry: number, fixings: number[] | undefined): { times: number[]; isFixing: boolean[] } {
  const grid: number[] = [];
  for (let k = 1; k <= steps; k++) grid.push(k === steps ? expiry : (k * expiry) / steps);
  if (!fixings) return { times: grid, isFixing: grid.map(() => false) };
  const tol = 1e-12 * expiry;
  const times: number[] = [];
  const isFixing: boolean[] = [];
  let i = 0, j = 0;
  while (i < grid.length || j < fixings.length) {
    const g = grid[i], f = fixings[j];
    if (f !== undefined && (g === undefined || f < g - tol)) { times.push(f); isFixing.push(true); j++; }
    else if (g !== undefined && (f === undefined || g < f - tol)) { times.push(g); isFixing.push(false); i++; }
    else { times.push(f!); isFixing.push(true); i++; j++; }
  }
  return { times, isFixing };
}

/**
 * Largest internal QE sub-step (years) of the Heston kernel: min(1/κ, 1/(2ξ)), so that the scheme's
 * trapezoidal variance integral and its martingale correction stay valid (Andersen 2008 §4.2: the
 * correction needs A < 1/(2a) or A < β, which fails for large κΔ or ξΔ). Mirrored in assembly/mc/kernel.ts.
 */
export function hestonSubStep(kappa: number, volOfVol: number): number {
  return Math.min(1 / kappa, volOfVol > 0 ? 0.5 / volOfVol : Infinity);
}

/**
 * The manifest's hash: FNV-1a 64 of the canonical JSON of its fields without `hash`, where `greeks: false`
 * and `confidence: 0.95` (the defaults) are left out, so manifests made before those fields existed keep
 * their hash.
 */
export function manifestHash(body: Omit<McManifest, 'hash'>): string {
  const hashed: Record<string, unknown> = { ...body };
  if (hashed.greeks === false) delete hashed.greeks;
  if (hashed.confidence === 0.95) delete hashed.confidence;
  return fnv1a64(canonicalJson(hashed));
}

/**
 * Validates `spec` and returns the plan of the run.
 * @throws InvalidInputError naming the first bad field (see ./validate.ts).
 */
export function planMonteCarlo(spec: MonteCarloSpec): McPlan {
  const c = checkSpec(spec, VERSION);
  const { model, payoff, expiryYears: T } = c;
  const fixings = 'fixings' in payoff && payoff.fixings !== undefined ? fixingTimes(payoff.fixings, T) : undefined;
  const { times, isFixing } = buildGrid(c.steps, T, fixings);
  if (times.length > 200_000) throw new InvalidInputError(`steps (${c.steps}) with ${fixings?.length ?? 0} fixings give ${times.length} simulation times; at most 200000`, { field: 'steps', value: c.steps, rule: '<= 200000 times' });
  if (c.quasiRandom && times.length > MAX_QMC_DIMENSIONS) {
    throw new InvalidInputError(`steps (${c.steps}) with ${fixings?.length ?? 0} fixings give ${times.length} simulation times (Sobol' dimensions); quasiRandom supports at most ${MAX_QMC_DIMENSIONS} (the Joe–Kuo direction numbers shipped): use fewer steps or quasiRandom: false`,
      { field: 'steps', value: c.steps, rule: `<= ${MAX_QMC_DIMENSIONS} simulation times with quasiRandom` });
  }
  let weights: number[];
  if (payoff.type === 'asian') weights = isFixing.map((f) => (f ? 1 / fixings!.length : 0));
  else if ((payoff.type === 'barrier' && payoff.monitoring === 'discrete') || payoff.type === 'lookback') weights = fixings ? isFixing.map((f) => (f ? 1 : 0)) : times.map(() => 1);
  else weights = times.map(() => 0);

  const rate = model.rate ?? 0;
  const q = model.dividendYield ?? 0;
  const p = new Array<number>(SLOT_COUNT).fill(0);
  p[Slot.model] = ModelCode[model.type];
  p[Slot.payoff] = PayoffCode[payoff.type];
  p[Slot.call] = payoff.optionType === 'call' ? 1 : 0;
  p[Slot.spot] = model.spot;
  p[Slot.strike] = 'strike' in payoff && payoff.strike !== undefined ? payoff.strike : 0;
  p[Slot.expiry] = T;
  p[Slot.rate] = rate;
  p[Slot.dividendYield] = q;
  p[Slot.barrier] = 1;
  if (model.type === 'heston') {
    p[Slot.v0] = model.v0; p[Slot.kappa] = model.kappa; p[Slot.theta] = model.theta;
    p[Slot.volOfVol] = model.volOfVol; p[Slot.rho] = model.rho;
  } else {
    p[Slot.vol] = model.vol;
    if (model.type === 'merton') {
      p[Slot.jumpIntensity] = model.jumpIntensity; p[Slot.jumpMean] = model.jumpMean; p[Slot.jumpVol] = model.jumpVol;
    }
  }
  if (payoff.type === 'digital') p[Slot.cash] = payoff.cash;
  if (payoff.type === 'asian') p[Slot.geometric] = payoff.average === 'geometric' ? 1 : 0;
  if (payoff.type === 'barrier') {
    p[Slot.barrier] = payoff.barrier; p[Slot.up] = payoff.direction === 'up' ? 1 : 0;
    p[Slot.out] = payoff.knock === 'out' ? 1 : 0; p[Slot.rebate] = payoff.rebate ?? 0;
    p[Slot.continuous] = payoff.monitoring === 'continuous' ? 1 : 0;
  }
  if (payoff.type === 'lookback') p[Slot.floating] = payoff.strikeType === 'floating' ? 1 : 0;
  // Heston: internal QE sub-steps of at most hestonSubStep(…) years (κΔ <= 1, ξΔ <= 1/2), the same rule as the kernel
  const subDt = model.type === 'heston' ? hestonSubStep(model.kappa, model.volOfVol) : 0;
  p[Slot.hestonSubDt] = subDt;
  let pathWork = 0;
  let prev = 0;
  for (const t of times) { pathWork += subDt > 0 ? Math.max(1, Math.ceil((t - prev) / subDt)) : 1; prev = t; }
  if (c.greeks && payoff.type === 'barrier') pathWork *= 5; // CRN bumps: five evaluations per path
  const blockSize = checkBlockSize((spec as { blockSize?: unknown }).blockSize, pathWork, c.paths);
  p[Slot.paths] = c.paths;
  p[Slot.blockSize] = blockSize;
  p[Slot.antithetic] = c.antithetic ? 1 : 0;
  const cvGeometric = payoff.type === 'asian' && payoff.average === 'arithmetic' && model.type === 'gbm';
  p[Slot.cvGeometric] = cvGeometric ? 1 : 0;
  p[Slot.greeks] = c.greeks ? 1 : 0;
  p[Slot.seedLo] = c.seed.lo;
  p[Slot.seedHi] = c.seed.hi;
  p[Slot.grid] = times.length;
  p[Slot.spotBump] = SPOT_BUMP;
  p[Slot.volBump] = model.type === 'heston' ? 0 : Math.min(VOL_BUMP, 0.5 * model.vol);

  let cvMean = model.spot * Math.exp(-q * T);
  if (cvGeometric && payoff.type === 'asian' && model.type === 'gbm') {
    // the equally weighted discrete geometric Asian's closed form (Kemna–Vorst, discrete; src/options/exotic)
    const fixings = times.filter((_, i) => weights[i] !== 0);
    cvMean = geometricAsian({ type: payoff.optionType, spot: model.spot, strike: payoff.strike, expiryYears: T, vol: model.vol,
      rate, dividendYield: q, fixings }).price;
  }

  const reps = c.quasiRandom ? c.replications : 0;
  const blocksPerReplication = c.quasiRandom ? Math.ceil(c.paths / reps / blockSize) : 0;
  const blockCount = c.quasiRandom ? reps * blocksPerReplication : Math.ceil(c.paths / blockSize);
  p[Slot.qmc] = c.quasiRandom ? 1 : 0;
  p[Slot.replications] = reps;
  p[Slot.blocksPerReplication] = blocksPerReplication;
  const body: Omit<McManifest, 'hash'> = {
    version: VERSION, model, payoff, expiryYears: T, paths: c.paths, steps: c.steps, seed: c.seed.value,
    antithetic: c.antithetic, controlVariate: c.controlVariate, quasiRandom: c.quasiRandom,
    ...(c.quasiRandom ? { replications: reps } : {}), greeks: c.greeks,
    confidence: c.confidence, blockSize, blocks: blockCount,
  };
  const hash = manifestHash(body);
  const given = (spec as { hash?: unknown }).hash;
  if (given !== undefined && given !== hash) {
    throw new InvalidInputError(`hash (${JSON.stringify(given)}) does not match the manifest's fields (their hash is ${hash}): the manifest was edited or corrupted (drop hash to run the fields as they are)`,
      { field: 'hash', value: given, rule: `=== ${hash}` });
  }
  const manifest: McManifest = { ...body, hash };
  const pw = payoff.type === 'european' || payoff.type === 'asian' || payoff.type === 'lookback';
  const greekMethods = pw
    ? { delta: 'pathwise', gamma: 'lr-pathwise', vega: 'pathwise' }
    : payoff.type === 'digital'
      ? { delta: 'likelihood-ratio', gamma: 'likelihood-ratio', vega: 'likelihood-ratio' }
      : { delta: 'crn-bump', gamma: 'crn-bump', vega: 'crn-bump' };
  return {
    manifest, params: p, times, weights, paths: c.paths, blockSize, blockCount, pathWork,
    width: c.greeks ? WIDTH_GREEKS : WIDTH_BASE, antithetic: c.antithetic, controlVariate: c.controlVariate,
    cvMean, greeks: c.greeks, quasiRandom: c.quasiRandom, replications: reps, blocksPerReplication, greekMethods, confidence: c.confidence,
  };
}

/**
 * Runs blocks [firstBlock, endBlock) of `plan` in this thread's WASM instance (synchronous).
 * @returns their partials concatenated: `partialWidth(plan)` f64 per block, in block order (a fresh array,
 *   safe to transfer).
 * @throws InvalidInputError for a block range outside [0, plan.blockCount]; WasmInitError before init().
 */
export function runBlocks(plan: McPlan, firstBlock: number, endBlock: number): Float64Array {
  checkBlockRange(plan.blockCount, firstBlock, endBlock);
  const k = wasm();
  const count = endBlock - firstBlock;
  const n = plan.times.length;
  const scratchCols = k.mcScratchColumns();
  const pBytes = align16(SLOT_COUNT * 8);
  const gBytes = align16(n * 8);
  const sBytes = align16(scratchCols * n * 8);
  const oBytes = align16(count * plan.width * 8);
  const { ptr } = batchBlock(pBytes + 2 * gBytes + sBytes + oBytes);
  const params = ptr, times = ptr + pBytes, weights = times + gBytes, scratch = weights + gBytes, out = scratch + sBytes;
  const mem = k.memory.buffer;
  new Float64Array(mem, params, SLOT_COUNT).set(plan.params);
  new Float64Array(mem, times, n).set(plan.times);
  new Float64Array(mem, weights, n).set(plan.weights);
  if (count > 0) k.mcRunBlocks(params, times, weights, scratch, firstBlock, endBlock, out);
  return new Float64Array(k.memory.buffer, out, count * plan.width).slice();
}

/** Folds blocks [from, from + count) of `partials` (all blocks' partials, block b at b·width) into `acc`, in order. */
export function foldPlan(plan: McPlan, acc: Accumulator, partials: Float64Array, from: number, count: number): Accumulator {
  if (plan.quasiRandom) {
    // blocks arrive strictly in block order: the next one is block acc.qmc.blocks
    const q = acc.qmc ??= { blocks: 0, n: new Array<number>(plan.replications).fill(0), sy: new Array<number>(plan.replications).fill(0) };
    for (let b = from; b < from + count; b++) {
      const r = Math.floor(q.blocks / plan.blocksPerReplication);
      q.n[r]! += partials[b * plan.width + Partial.n]!;
      q.sy[r]! += partials[b * plan.width + Partial.y]!;
      q.blocks++;
    }
  }
  return foldBlocks(acc, partials, plan.width, from, count);
}

/**
 * Randomised QMC estimate: the mean of the replication means and the standard error of that mean,
 * sd(means)/√R (replications not yet started — progress reports — are left out).
 */
function qmcEstimate(plan: McPlan, acc: Accumulator): { price: number; standardError: number } {
  const means: number[] = [];
  const q = acc.qmc;
  if (q) for (let r = 0; r < plan.replications; r++) if (q.n[r]! > 0) means.push(q.sy[r]! / q.n[r]!);
  const R = means.length;
  if (R === 0) return { price: NaN, standardError: NaN };
  let m = 0;
  for (const x of means) m += x;
  m /= R;
  let ss = 0;
  for (const x of means) ss += (x - m) * (x - m);
  return { price: m, standardError: R > 1 ? Math.sqrt(ss / (R - 1) / R) : NaN };
}

/** The result of the totals `acc` (the fold of all blocks, or a prefix for progress). */
export function resultOf(plan: McPlan, acc: Accumulator): McResult {
  const e = plan.quasiRandom ? qmcEstimate(plan, acc) : estimate(acc, plan.controlVariate, plan.cvMean);
  const z = normInv(0.5 + 0.5 * plan.confidence);
  const half = z * e.standardError;
  const result: McResult = {
    price: e.price, standardError: e.standardError, confidenceInterval: [e.price - half, e.price + half],
    paths: plan.paths, manifest: plan.manifest,
  };
  if (plan.greeks) {
    const d = greekEstimate(acc.md, acc.sdd, acc.n);
    const g = greekEstimate(acc.mg, acc.sgg, acc.n);
    const v = greekEstimate(acc.mv, acc.svv, acc.n);
    result.greeks = {
      delta: d.price, gamma: g.price, vega: v.price,
      standardError: { delta: d.standardError, gamma: g.standardError, vega: v.standardError },
      method: { ...plan.greekMethods },
    };
  }
  return result;
}

/**
 * Merges the partials of all blocks (in block order, `plan.blockCount · partialWidth(plan)` f64) into the
 * result `{ price, standardError, confidenceInterval, paths, greeks?, manifest }`.
 * @throws InvalidInputError if `partials` has the wrong length.
 */
export function mergeBlocks(plan: McPlan, partials: Float64Array): McResult {
  if (!(partials instanceof Float64Array) || partials.length !== plan.blockCount * plan.width) {
    const len = partials instanceof Float64Array ? partials.length : -1;
    throw new InvalidInputError(`partials has length ${len}, expected ${plan.blockCount * plan.width} (${plan.blockCount} blocks × ${plan.width})`, { field: 'partials', value: len });
  }
  return finalResult(plan, foldPlan(plan, emptyAccumulator(), partials, 0, plan.blockCount));
}

/**
 * The final result of the fold of all blocks (what `mergeBlocks` returns; `monteCarlo` folds the same
 * blocks in the same order as they arrive, so the bits are the same).
 * @throws NoConvergenceError when the price or its standard error is not finite (the simulated payoffs
 *   overflowed: no valid input should get there, but a non-finite number is never returned).
 */
export function finalResult(plan: McPlan, acc: Accumulator): McResult {
  const r = resultOf(plan, acc);
  if (!Number.isFinite(r.price) || !Number.isFinite(r.standardError)) {
    throw new NoConvergenceError(`monteCarlo: the simulated payoffs are not finite (price ${r.price}, standard error ${r.standardError}); `
      + 'the discretisation overflowed for these model parameters: use more steps or milder parameters', { price: r.price, standardError: r.standardError });
  }
  return r;
}
