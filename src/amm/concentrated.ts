/**
 * Uniswap v3 concentrated-liquidity swap, exact input, across a liquidity-by-band table (kernel
 * `assembly/amm/concentrated.ts`, f64). Rules from Uniswap/v3-core @ d8b1c635: SqrtPriceMath
 * (getNextSqrtPriceFromInput L21-90, getAmount0Delta L147-172, getAmount1Delta L176-193), SwapMath.computeSwapStep
 * (fee taken from the input first, L41/L95) and UniswapV3Pool.swap (liquidityNet applied at each crossed tick).
 *
 * Table: `ticks` are the m + 1 ascending edges of m bands and `liquidity[i]` the active L in [ticks[i], ticks[i+1])
 * (the form of `data/uniswap/ethwbtc_active_liquidity_by_tick_block17000000.csv`); a per-tick liquidityNet list
 * converts to it by a running sum. Fee: one number for the pool or one per band (a generalisation: a real pool has one).
 * Precision: see the kernel (≈ 1e-15 relative per band crossed; in-band amounts to a few ulp).
 */
import { Status } from '../errors.js';
import { align16, batchBlock } from '../wasm/arena.js';
import { checkAmount, checkKnownFields, checkObject, fail } from '../options/validate.js';
import { checkSqrtPriceX96, checkTick, sqrtPriceX96ToSqrtPrice } from './tickMath.js';
import type { KernelExports } from '../wasm/exports.js';
import { wasm } from '../wasm/loader.js';
import type { ConcentratedInput, ConcentratedQuote } from './types.js';
import { checkBoolean, checkDecimals, checkElement, checkFeeBps, checkNumberList } from './validate.js';

/** Result slots of the kernel, in order. */
const SLOTS = 8;

interface Table { m: number; ticks: Float64Array; liquidity: Float64Array; feePips: Float64Array }

function checkTable(o: Record<string, unknown>): Table {
  const tickList = checkNumberList('ticks', o.ticks, 2);
  const m = tickList.length - 1;
  const ticks = new Float64Array(m + 1);
  for (let i = 0; i <= m; i++) {
    ticks[i] = checkTick(`ticks[${i}]`, tickList[i]);
    if (i > 0 && ticks[i]! <= ticks[i - 1]!) fail(`ticks[${i}]`, ticks[i], `> ticks[${i - 1}] (${ticks[i - 1]})`, 'must be strictly ascending');
  }
  const liqList = checkNumberList('liquidity', o.liquidity, m, m) as ArrayLike<unknown>;
  const liquidity = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const raw = liqList[i];
    const v = typeof raw === 'bigint' ? Number(raw) : checkElement('liquidity', liqList, i);
    if (!(v >= 0) || !Number.isFinite(v)) fail(`liquidity[${i}]`, raw, '>= 0', 'must be a finite liquidity >= 0');
    liquidity[i] = v;
  }
  const feePips = new Float64Array(m);
  if (typeof o.feeBps === 'number' || o.feeBps === undefined) {
    feePips.fill(checkFeeBps('feeBps', o.feeBps) * 100);
  } else {
    const fees = checkNumberList('feeBps', o.feeBps, m, m);
    for (let i = 0; i < m; i++) feePips[i] = checkFeeBps(`feeBps[${i}]`, checkElement('feeBps', fees, i)) * 100;
  }
  return { m, ticks, liquidity, feePips };
}

/** Raw √P from exactly one of sqrtPriceX96 / price / tick. */
function startSqrtPrice(k: KernelExports, o: Record<string, unknown>, d0: number, d1: number): { sqrtP: number; field: string; value: unknown } {
  const given = (['sqrtPriceX96', 'price', 'tick'] as const).filter((f) => o[f] !== undefined);
  if (given.length !== 1) fail('sqrtPriceX96/price/tick', given.join('+') || 'none', 'exactly one', 'exactly one of sqrtPriceX96, price or tick must be given');
  const field = given[0]!;
  const value = o[field];
  if (field === 'sqrtPriceX96') {
    return { sqrtP: sqrtPriceX96ToSqrtPrice(checkSqrtPriceX96('sqrtPriceX96', value)), field, value };
  }
  if (field === 'tick') return { sqrtP: k.sqrtPriceAtTickF64(checkTick('tick', value)), field, value }; // the kernel's edge value
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail('price', value, '> 0', 'must be a finite number > 0');
  return { sqrtP: Math.sqrt(value * 10 ** (d1 - d0)), field, value };
}

/**
 * Swaps an exact input through concentrated liquidity.
 * @param input {@link ConcentratedInput}: `{ ticks, liquidity, feeBps, sqrtPriceX96 | price | tick, zeroForOne,
 *   amountIn, decimals0? = 0, decimals1? = 0 }`. Amounts in human units (raw with decimals 0); L raw as on chain.
 * @returns {@link ConcentratedQuote}: amountIn (consumed), amountOut, feePaid (input token), executionPrice,
 *   spotPriceBefore/After (out per in), priceImpact = 1 − executionPrice/spotPriceBefore, feeImpact = feePaid/amountIn,
 *   curveImpact = 1 − amountOut/((amountIn − feePaid)·spotPriceBefore), priceBefore/After (token1 per token0),
 *   tickAfter, ticksCrossed, exhausted (the table ran out of liquidity before the input was used up).
 * @throws InvalidInputError naming the field and value: ticks not strictly ascending integers in ±887272; a
 *   liquidity < 0 or lengths ≠ m; a fee outside [0, 10000) bps; not exactly one of sqrtPriceX96/price/tick, or a
 *   start price outside the table; amountIn < 0; zeroForOne not a boolean; decimals not integers in [0, 36].
 * @throws WasmInitError before `init()` has resolved.
 */
export function swapConcentrated(input: ConcentratedInput): ConcentratedQuote {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['ticks', 'liquidity', 'feeBps', 'sqrtPriceX96', 'price', 'tick', 'decimals0', 'decimals1', 'zeroForOne', 'amountIn']);
  const table = checkTable(o);
  const d0 = checkDecimals('decimals0', o.decimals0);
  const d1 = checkDecimals('decimals1', o.decimals1);
  const start = startSqrtPrice(wasm(), o, d0, d1);
  const zeroForOne = checkBoolean('zeroForOne', o.zeroForOne);
  const amountIn = checkAmount('amountIn', o.amountIn);
  const [dIn, dOut] = zeroForOne ? [d0, d1] : [d1, d0];
  const { m } = table;
  const cols = [align16((m + 1) * 8), align16(m * 8), align16(m * 8), SLOTS * 8];
  const { k, ptr } = batchBlock(cols.reduce((a, b) => a + b, 0));
  const pTicks = ptr;
  const pLiq = pTicks + cols[0]!;
  const pFee = pLiq + cols[1]!;
  const pOut = pFee + cols[2]!;
  const buffer = k.memory.buffer;
  new Float64Array(buffer, pTicks, m + 1).set(table.ticks);
  new Float64Array(buffer, pLiq, m).set(table.liquidity);
  new Float64Array(buffer, pFee, m).set(table.feePips);
  const code = k.concentratedSwap(m, pTicks, pLiq, pFee, start.sqrtP, zeroForOne ? 1 : 0, amountIn * 10 ** dIn, pOut);
  if (code !== Status.OK) {
    fail(start.field, start.value, 'inside the table', `is outside the liquidity table [tick ${table.ticks[0]}, tick ${table.ticks[m]}]`);
  }
  const r = new Float64Array(k.memory.buffer, pOut, SLOTS);
  const human = 10 ** (d0 - d1);
  const priceBefore = start.sqrtP * start.sqrtP * human;
  const priceAfter = r[3]! * r[3]! * human;
  const spotPriceBefore = zeroForOne ? priceBefore : 1 / priceBefore;
  const spotPriceAfter = zeroForOne ? priceAfter : 1 / priceAfter;
  const consumed = r[1]! / 10 ** dIn;
  const feePaid = r[2]! / 10 ** dIn;
  const amountOut = r[0]! / 10 ** dOut;
  const bandFee = table.feePips[r[7]!]! * 1e-6;
  const feeImpact = consumed > 0 ? feePaid / consumed : bandFee;
  const executionPrice = consumed > 0 ? amountOut / consumed : spotPriceBefore * (1 - bandFee);
  const curveImpact = consumed > 0 ? 1 - amountOut / ((consumed - feePaid) * spotPriceBefore) : 0;
  return {
    amountIn: consumed, amountOut, feePaid, executionPrice, spotPriceBefore, spotPriceAfter,
    priceImpact: 1 - executionPrice / spotPriceBefore, feeImpact, curveImpact,
    priceBefore, priceAfter, tickAfter: r[4]!, ticksCrossed: r[5]!, exhausted: r[6] === 1,
  };
}
