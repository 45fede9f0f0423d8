/**
 * A venue known only by its slippage profile (e.g. an aggregator's quoted impacts at a few sizes, or a CEX
 * order book summarised as depth): kernel `assembly/amm/depthCurve.ts`. Impact is interpolated linearly in size
 * through (0, 0) and the profile's points; beyond the last point it follows the constant-product pool that has the
 * same impact at that point (impact = s/(R + s), R = s_n(1 − p_n)/p_n): monotone, below 1, and the proceeds keep
 * rising towards spotPrice·R. amountOut = amountIn·spotPrice·keep, keep = 1 − impact computed directly (R/(R + s)
 * beyond the last point, so the proceeds never overshoot spotPrice·R nor collapse to 0 for huge sizes).
 */
import { align16, batchBlock } from '../wasm/arena.js';
import { checkAmount, checkKnownFields, checkLevel, checkObject, fail } from '../options/validate.js';
import type { DepthCurveInput, DepthCurveQuote } from './types.js';
import { checkElement, checkNumberList } from './validate.js';

/**
 * Sells `amountIn` on a venue given as a slippage profile.
 * @param input `{ sizes, impacts, amountIn, spotPrice }`: n ≥ 1 points, sizes strictly ascending and > 0 (units
 *   of the asset sold), impacts non-decreasing in [0, 1) (all-in price impact fractions, fees included);
 *   amountIn in [0, 1e100]; spotPrice in [1e-100, 1e100] (out per in).
 * @returns `{ amountOut, executionPrice, priceImpact }` (executionPrice = spotPrice·(1 − priceImpact)).
 * @throws InvalidInputError naming the field (e.g. `sizes[2]`) and value for any rule above or unequal lengths.
 * @throws WasmInitError before `init()` has resolved.
 */
export function depthCurveSwap(input: DepthCurveInput): DepthCurveQuote {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['sizes', 'impacts', 'amountIn', 'spotPrice']);
  const sizeList = checkNumberList('sizes', o.sizes, 1);
  const n = sizeList.length;
  const impactList = checkNumberList('impacts', o.impacts, n, n);
  const sizes = new Float64Array(n);
  const impacts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = checkElement('sizes', sizeList, i);
    if (s <= 0 || (i > 0 && s <= sizes[i - 1]!)) fail(`sizes[${i}]`, s, 'ascending, > 0', 'must be > 0 and greater than the previous size');
    const p = checkElement('impacts', impactList, i);
    if (p < 0 || p >= 1 || (i > 0 && p < impacts[i - 1]!)) fail(`impacts[${i}]`, p, 'non-decreasing in [0, 1)', 'must be in [0, 1) and not below the previous impact');
    sizes[i] = s;
    impacts[i] = p;
  }
  const amountIn = checkAmount('amountIn', o.amountIn);
  const spotPrice = checkLevel('spotPrice', o.spotPrice);
  const col = align16(n * 8);
  const { k, ptr } = batchBlock(2 * col + 24);
  const buffer = k.memory.buffer;
  new Float64Array(buffer, ptr, n).set(sizes);
  new Float64Array(buffer, ptr + col, n).set(impacts);
  const io = new Float64Array(buffer, ptr + 2 * col, 3);
  io[0] = amountIn;
  k.depthCurveImpactBatch(n, ptr, ptr + col, 1, ptr + 2 * col, ptr + 2 * col + 8);
  k.depthCurveKeepBatch(n, ptr, ptr + col, 1, ptr + 2 * col, ptr + 2 * col + 16);
  const priceImpact = io[1]!;
  // The retained fraction comes straight from the kernel (R/(R + A) beyond the table), not as 1 − priceImpact,
  // which cancels for A ≫ R (the proceeds would overshoot the ceiling spotPrice·R, then drop to 0).
  const executionPrice = spotPrice * io[2]!;
  return { amountOut: amountIn * executionPrice, executionPrice, priceImpact };
}
