/**
 * `simulateHedge`: Monte Carlo of discrete delta hedging with costs (issue #6 §3) as a block job (DESIGN §6):
 * `planHedge` (validate, fix every number of the run), `runHedgeBlocks` (per-path outcomes of blocks
 * [first, end), any worker), `mergeHedgeBlocks` (all blocks in block order → statistics). Path i's numbers
 * depend only on (seed, i) (Philox4x32-10), and its outcome only on its path, so results are bit-identical
 * for any block size, worker count or split. Method and sources: assembly/hedge/kernel.ts.
 */
import { InvalidInputError } from '../errors.js';
import { canonicalJson, fnv1a64 } from '../mc/hash.js';
import { VERSION } from '../mc/version.js';
import { expectedShortfall, valueAtRisk } from '../risk/tailRisk.js';
import { interpolatedQuantile } from '../risk/quantile.js';
import { align16, batchBlock } from '../wasm/arena.js';
import { blackScholes } from '../options/blackScholes.js';
import { checkBlockRange, checkPartials } from '../worker/blockRange.js';
import { abortError, onTemporaryPool, poolOptions, checkRunOptions, runGroupsLocally } from '../worker/localRun.js';
import { K, K_COUNT, OptionCode, P, P_COUNT } from './layout.js';
import type { HedgeManifest, HedgeOutcomes, HedgePnlStats, HedgeResult, HedgeSpec, SimulateHedgeOptions } from './types.js';
import { checkHedgeSpec } from './validate.js';

/** Everything a worker needs to run blocks of paths (plain, structured-clone-able data). */
export interface HedgePlan {
  params: number[];
  curve: Float64Array;
  path: Float64Array;
  paths: number;
  blockSize: number;
  blockCount: number;
  steps: number;
  manifest: HedgeManifest;
}

/**
 * Validates the spec (a manifest is a spec; its hash is checked) and fixes the run.
 * @throws InvalidInputError naming the first bad field.
 */
export function planHedge(spec: HedgeSpec): HedgePlan {
  const c = checkHedgeSpec(spec);
  const blockCount = Math.ceil(c.paths / c.blockSize);
  const body = { ...c.normalised, version: VERSION, blocks: blockCount };
  const hash = fnv1a64(canonicalJson(body));
  const given = (spec as { hash?: unknown }).hash;
  if (given !== undefined && given !== hash) {
    throw new InvalidInputError(`hash (${JSON.stringify(given)}) does not match the manifest's fields (their hash is ${hash}): the manifest was edited or corrupted (drop hash to run the fields as they are)`,
      { field: 'hash', value: given, rule: `=== ${hash}` });
  }
  const manifest = { ...body, hash } as HedgeManifest;
  return { params: c.params, curve: c.curve, path: c.path, paths: c.paths, blockSize: c.blockSize, blockCount, steps: c.params[P.steps]!, manifest };
}

/** f64 per block in the partials: K_COUNT outcomes × blockSize path slots. */
export function hedgePartialWidth(plan: HedgePlan): number {
  return plan.blockSize * K_COUNT;
}

/**
 * Outcomes of the paths of blocks [first, end) in this thread's WASM instance (synchronous): K_COUNT f64 per
 * path slot (layout `K`), slots past `paths` NaN. A fresh array (transferable). With `withPaths`, also the
 * N + 1 spots of each path slot (row-major; for the reference and tests).
 * @throws InvalidInputError for a block range outside [0, blockCount]; WasmInitError before init().
 */
export function runHedgeBlocks(plan: HedgePlan, first: number, end: number): Float64Array;
export function runHedgeBlocks(plan: HedgePlan, first: number, end: number, withPaths: true): { outcomes: Float64Array; spots: Float64Array };
export function runHedgeBlocks(plan: HedgePlan, first: number, end: number, withPaths = false): Float64Array | { outcomes: Float64Array; spots: Float64Array } {
  checkBlockRange(plan.blockCount, first, end);
  const width = hedgePartialWidth(plan);
  const slots = (end - first) * plan.blockSize;
  const rowLength = plan.steps + 1;
  const sizes = [P_COUNT * 8, plan.curve.length * 8, plan.path.length * 8, (end - first) * width * 8,
    withPaths ? slots * rowLength * 8 : 0].map(align16);
  const { k, ptr } = batchBlock(sizes.reduce((a, b) => a + b, 0) + 16);
  const pParams = ptr, pCurve = pParams + sizes[0]!, pPath = pCurve + sizes[1]!, pOut = pPath + sizes[2]!, pSpots = pOut + sizes[3]!;
  const mem = k.memory;
  new Float64Array(mem.buffer, pParams, P_COUNT).set(plan.params);
  if (plan.curve.length > 0) new Float64Array(mem.buffer, pCurve, plan.curve.length).set(plan.curve);
  if (plan.path.length > 0) new Float64Array(mem.buffer, pPath, plan.path.length).set(plan.path);
  if (end > first) k.hedgeBlocks(pParams, pCurve, plan.path.length > 0 ? pPath : 0, first, end, pOut, withPaths ? pSpots : 0);
  const outcomes = new Float64Array(k.memory.buffer, pOut, (end - first) * width).slice();
  if (!withPaths) return outcomes;
  return { outcomes, spots: new Float64Array(k.memory.buffer, pSpots, slots * rowLength).slice() };
}

/** Mean, SE, SD, extremes, quantiles and historical VaR/CVaR (src/risk) of the filled paths' P&L. */
function pnlStats(pnl: Float64Array): HedgePnlStats {
  const n = pnl.length;
  let sum = 0, min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) { sum += pnl[i]!; if (pnl[i]! < min) min = pnl[i]!; if (pnl[i]! > max) max = pnl[i]!; }
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (pnl[i]! - mean) * (pnl[i]! - mean);
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : NaN;
  const sorted = pnl.slice().sort();
  const q = (x: number): number => interpolatedQuantile(sorted, x);
  const tail = (confidence: number): [number, number] => [
    valueAtRisk({ returns: pnl, confidence, method: 'historical' }), expectedShortfall({ returns: pnl, confidence, method: 'historical' }),
  ];
  const [v95, e95] = tail(0.95);
  const [v99, e99] = tail(0.99);
  return {
    mean, standardError: sd / Math.sqrt(n), sd, min, max,
    quantiles: { p01: q(0.01), p05: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) },
    valueAtRisk95: v95, expectedShortfall95: e95, valueAtRisk99: v99, expectedShortfall99: e99,
  };
}

function meanOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

/**
 * The result from all blocks' partials in block order (statistics over the filled paths).
 * @throws InvalidInputError if `partials` has the wrong length, or naming `costs.venue` when no path could
 *   be filled (the pool is too shallow for the hedge).
 */
export function mergeHedgeBlocks(plan: HedgePlan, partials: Float64Array): HedgeResult {
  const expected = plan.blockCount * hedgePartialWidth(plan);
  checkPartials(partials, expected);
  const n = plan.paths;
  const col = (c: number): Float64Array => { const out = new Float64Array(n); for (let i = 0; i < n; i++) out[i] = partials[i * K_COUNT + c]!; return out; };
  const outcomes: HedgeOutcomes = {
    pnl: col(K.pnl), fees: col(K.fees), slippage: col(K.slippage), gas: col(K.gas), trades: col(K.trades), gamma: col(K.gamma),
    theta: col(K.theta), vega: col(K.vega), financing: col(K.financing), deltaMismatch: col(K.deltaMismatch), residual: col(K.residual),
    finalSpot: col(K.finalSpot), turnover: col(K.turnover),
  };
  const filled: number[] = [];
  for (let i = 0; i < n; i++) if (partials[i * K_COUNT + K.filled] === 1) filled.push(i);
  if (filled.length === 0) {
    throw new InvalidInputError('costs.venue cannot fill the hedge on any path: a purchase needed more than the re-centred pool holds (deepen the pool)', { field: 'costs.venue' });
  }
  const pick = (x: Float64Array): Float64Array => (filled.length === n ? x : Float64Array.from(filled, (i) => x[i]!));
  const fees = meanOf(pick(outcomes.fees)), slippage = meanOf(pick(outcomes.slippage)), gas = meanOf(pick(outcomes.gas));
  const total = fees + slippage + gas;
  return {
    paths: n, unfilledPaths: n - filled.length,
    pnl: pnlStats(pick(outcomes.pnl)),
    costs: { total, fees, slippage, gas },
    trades: meanOf(pick(outcomes.trades)),
    turnover: meanOf(pick(outcomes.turnover)),
    attribution: {
      vega: meanOf(pick(outcomes.vega)), gamma: meanOf(pick(outcomes.gamma)), theta: meanOf(pick(outcomes.theta)),
      financing: meanOf(pick(outcomes.financing)), deltaMismatch: meanOf(pick(outcomes.deltaMismatch)), costs: total,
      residual: meanOf(pick(outcomes.residual)),
    },
    outcomes,
    manifest: plan.manifest,
    ...initialPrices(plan.params),
  };
}

/** Option price per unit at t = 0 at the premium vol and at the hedge vol (the kernel's BSM, src/options). */
function initialPrices(p: number[]): { premium: number; hedgeVolPrice: number } {
  const at = (vol: number): number => {
    const one = (type: 'call' | 'put'): number => blackScholes({ type, spot: p[P.spot]!, strike: p[P.strike]!, expiryYears: p[P.expiry]!, vol, rate: p[P.rate]! }).price;
    return p[P.option] === OptionCode.call ? one('call') : p[P.option] === OptionCode.put ? one('put') : one('call') + one('put');
  };
  return { premium: at(p[P.premiumVol]!), hedgeVolPrice: at(p[P.hedgeVol]!) };
}

/** Running mean P&L and its standard error over the first `blocks` blocks (progress). */
export function hedgeEstimate(plan: HedgePlan, partials: Float64Array, blocks: number): { price: number; standardError: number } {
  const n = Math.min(blocks * plan.blockSize, plan.paths);
  let s = 0, ss = 0, m = 0;
  for (let i = 0; i < n; i++) {
    if (partials[i * K_COUNT + K.filled] !== 1) continue;
    const v = partials[i * K_COUNT + K.pnl]!;
    s += v; ss += v * v; m++;
  }
  const mean = s / m;
  return { price: mean, standardError: m > 1 ? Math.sqrt(Math.max(ss - m * mean * mean, 0) / (m - 1) / m) : NaN };
}

/**
 * Simulates discrete delta hedging of a European option position (call, put or straddle; long or short)
 * along `paths` seeded paths (GBM, Merton jumps, Heston) or along one supplied price path (candle closes),
 * rebalancing every k steps or by the Whalley–Wilmott (1997) band, paying a proportional fee, AMM slippage
 * (constant-product pool or depth curve, src/amm) and gas per trade. Method, conventions and sources in
 * assembly/hedge/kernel.ts: P&L = cash + hedge·S_T + position·payoff at expiry (USD, gains positive; the
 * premium traded at `premiumVol`, the hedge at `hedgeVol`), with the attribution
 * pnl = vega + gamma + theta + financing + deltaMismatch − costs + residual.
 * Bit-identical for any `workers` and `blockSize`: path i depends only on (seed, i).
 * @param spec {@link HedgeSpec}: `{ option: { type, strike, expiryYears, position, quantity? }, spot, rate?, hedgeVol,
 *   premiumVol?, model, steps, rebalance?, costs?: { feeBps?, gasUsd?, venue?, initialHedge? }, paths, seed (required for a simulated model, as in monteCarlo; none for a supplied path),
 *   blockSize? }`; a result's `manifest` re-runs it.
 * @param options `{ workers?, onProgress?, signal? }`.
 * @returns {@link HedgeResult}: `{ paths, unfilledPaths, premium, hedgeVolPrice, pnl: { mean, standardError, sd,
 *   quantiles, valueAtRisk95/99, expectedShortfall95/99, … }, costs: { total, fees, slippage, gas }, trades,
 *   turnover, attribution, outcomes (per path), manifest }`.
 * @throws (rejects with) InvalidInputError naming the bad field and value; AbortError; WorkerError if a worker
 *   died; WasmInitError before init().
 */
export async function simulateHedge(spec: HedgeSpec, options: SimulateHedgeOptions = {}): Promise<HedgeResult> {
  const { workers, onProgress, signal } = checkRunOptions(options);
  if (signal?.aborted) throw abortError('simulateHedge', signal);
  if (workers !== undefined && workers > 1) {
    planHedge(spec); // reject a bad spec before starting workers
    return onTemporaryPool(workers, (pool) => pool.simulateHedge(spec, poolOptions(onProgress, signal)));
  }
  const plan = planHedge(spec);
  const width = hedgePartialWidth(plan);
  const partials = new Float64Array(plan.blockCount * width);
  // groups of about 2^20 path-steps per kernel call, then progress and an abort check
  const group = Math.max(1, Math.floor((1 << 20) / (plan.blockSize * plan.steps)));
  await runGroupsLocally('simulateHedge', plan.blockCount, group, (b, end) => partials.set(runHedgeBlocks(plan, b, end), b * width),
    onProgress && ((end) => {
      const e = hedgeEstimate(plan, partials, end);
      onProgress({ fraction: end / plan.blockCount, price: e.price, standardError: e.standardError, blocksDone: end, blockCount: plan.blockCount });
    }), signal);
  return mergeHedgeBlocks(plan, partials);
}
