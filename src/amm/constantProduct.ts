/**
 * Constant-product (Uniswap v2 style, x·y = k) swaps in floating point: one quote, the exact-output
 * direction, and a structure-of-arrays batch (kernel `assembly/amm/batch.ts`).
 *
 * Source: UniswapV2Library.getAmountOut / getAmountIn (Uniswap/v2-periphery @ 0335e8f7, L43-57):
 * amountOut = amountIn·(1−fee)·reserveOut / (reserveIn + amountIn·(1−fee)); the fee is taken from the input and
 * stays in the pool. Impacts: priceImpact = 1 − executionPrice/spotPriceBefore (all-in), feeImpact = fee,
 * curveImpact = 1 − amountOut/(amountIn·(1−fee)·spotPriceBefore) = net/(reserveIn + net), net = amountIn·(1−fee),
 * so 1 − priceImpact = (1 − feeImpact)(1 − curveImpact) exactly.
 */
import { Status } from '../errors.js';
import { SCALAR_FLAGS, scalarBlock } from '../wasm/arena.js';
import { checkBroadcast, checkFloatColumn, runBatch } from '../options/columns.js';
import { checkAmount, checkKnownFields, checkLevel, checkObject, fail } from '../options/validate.js';
import type {
  ConstantProductBatchInput, ConstantProductBatchResult, ConstantProductExactOutputInput, ConstantProductInput, SwapQuote,
} from './types.js';
import { checkFeeBps } from './validate.js';

/** Default fee of the facade: 30 bps, Uniswap v2's 0.3 %. */
export const DEFAULT_FEE_BPS = 30;

/** Field names of the 8 kernel output columns, in the kernel's order. */
const QUOTE_FIELDS = [
  'amountIn', 'amountOut', 'executionPrice', 'spotPriceBefore', 'spotPriceAfter', 'priceImpact', 'feeImpact', 'curveImpact',
] as const;

function quoteOne(exactOutput: boolean, reserveIn: number, reserveOut: number, amount: number, feeBps: number): SwapQuote {
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = reserveIn; slots[1] = reserveOut; slots[2] = amount; slots[3] = feeBps;
  const f = ptr + SCALAR_FLAGS;
  k.constantProductBatch(1, exactOutput ? 1 : 0, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, f);
  if (flags[0] !== Status.OK) {
    // Only reachable for finite inputs whose result overflows (the facade checked everything else).
    fail(exactOutput ? 'amountOut' : 'amountIn', amount, 'finite result',
      `gives a result outside the double range (reserveIn ${reserveIn}, reserveOut ${reserveOut})`);
  }
  const q = {} as Record<(typeof QUOTE_FIELDS)[number], number>;
  QUOTE_FIELDS.forEach((name, i) => { q[name] = slots[4 + i]!; });
  return q;
}

/**
 * Sells `amountIn` into a constant-product pool.
 * @param input `{ reserveIn, reserveOut, amountIn, feeBps? = 30 }`: reserves in [1e-100, 1e100] and amountIn in
 *   [0, 1e100], token units (the options' level limits), fee in basis points in [0, 10000).
 * @returns {@link SwapQuote}: `{ amountIn, amountOut, executionPrice, spotPriceBefore, spotPriceAfter,
 *   priceImpact, feeImpact, curveImpact }`, prices out per in, impacts fractions (see the file comment).
 *   Example (case C17): 1000/1000 pool, sell 10 at 30 bps → amountOut 9.8715803440, priceImpact 1.2841966 %.
 *   amountOut < reserveOut (in doubles it rounds to reserveOut only once amountIn/reserveIn exceeds about 2^53).
 * @throws InvalidInputError naming the field and value (non-finite, a reserve outside [1e-100, 1e100], amountIn
 *   outside [0, 1e100], fee outside [0, 10000); or an output that would leave the double range).
 * @throws WasmInitError before `init()` has resolved.
 */
export function swapConstantProduct(input: ConstantProductInput): SwapQuote {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['reserveIn', 'reserveOut', 'amountIn', 'feeBps']);
  const reserveIn = checkLevel('reserveIn', o.reserveIn);
  const reserveOut = checkLevel('reserveOut', o.reserveOut);
  const amountIn = checkAmount('amountIn', o.amountIn);
  const feeBps = checkFeeBps('feeBps', o.feeBps, DEFAULT_FEE_BPS);
  return quoteOne(false, reserveIn, reserveOut, amountIn, feeBps);
}

/**
 * The exact-output direction: the input (fee included) that buys `amountOut`,
 * amountIn = reserveIn·amountOut / ((reserveOut − amountOut)·(1 − fee)), real-valued. On chain,
 * UniswapV2Library.getAmountIn floors the quotient and adds 1 wei (see {@link getAmountIn} for that integer rule).
 * @param input `{ reserveIn, reserveOut, amountOut, feeBps? = 30 }`, 0 ≤ amountOut < reserveOut.
 * @returns the same {@link SwapQuote} as {@link swapConstantProduct} for that input (curveImpact = amountOut/reserveOut).
 * @throws InvalidInputError naming the field and value (as swapConstantProduct; amountOut ≥ reserveOut).
 * @throws WasmInitError before `init()` has resolved.
 */
export function swapConstantProductExactOutput(input: ConstantProductExactOutputInput): SwapQuote {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['reserveIn', 'reserveOut', 'amountOut', 'feeBps']);
  const reserveIn = checkLevel('reserveIn', o.reserveIn);
  const reserveOut = checkLevel('reserveOut', o.reserveOut);
  const amountOut = checkAmount('amountOut', o.amountOut);
  if (amountOut >= reserveOut) fail('amountOut', amountOut, '< reserveOut', `must be < reserveOut (${reserveOut}): a pool cannot be drained`);
  const feeBps = checkFeeBps('feeBps', o.feeBps, DEFAULT_FEE_BPS);
  return quoteOne(true, reserveIn, reserveOut, amountOut, feeBps);
}

/**
 * Many constant-product quotes in one WASM call (structure of arrays, run in chunks).
 * @param input `{ reservesIn, reservesOut: Float64Array | number, amountsIn | amountsOut: Float64Array (exactly
 *   one: exact input or exact output), feesBps?: Float64Array | number (default 30) }`, one length n.
 * @returns one Float64Array(n) per {@link SwapQuote} field (`amountIn`, `amountOut`, `executionPrice`,
 *   `spotPriceBefore`, `spotPriceAfter`, `priceImpact`, `feeImpact`, `curveImpact`) and `status: Uint8Array(n)`:
 *   `Status.OK`, or `INVALID_INPUT` with NaN outputs (reserve ≤ 0, amount < 0, non-finite, fee outside
 *   [0, 10000), amountOut ≥ reserveOut, or a result outside the double range).
 * @throws InvalidInputError only for structural faults (missing/mistyped column, unequal lengths, both or
 *   neither of amountsIn/amountsOut).
 * @throws WasmInitError before `init()` has resolved.
 */
export function swapConstantProductBatch(input: ConstantProductBatchInput): ConstantProductBatchResult {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['reservesIn', 'reservesOut', 'amountsIn', 'amountsOut', 'feesBps']);
  const exactOutput = o.amountsOut !== undefined;
  if (exactOutput === (o.amountsIn !== undefined)) {
    fail('amountsIn/amountsOut', exactOutput ? 'both' : 'neither', 'exactly one', 'exactly one of amountsIn (exact input) or amountsOut (exact output) must be given');
  }
  const amounts = checkFloatColumn(exactOutput ? 'amountsOut' : 'amountsIn', exactOutput ? o.amountsOut : o.amountsIn, -1);
  const n = amounts.length;
  const reservesIn = checkBroadcast('reservesIn', o.reservesIn, n, null);
  const reservesOut = checkBroadcast('reservesOut', o.reservesOut, n, null);
  const feesBps = checkBroadcast('feesBps', o.feesBps, n, DEFAULT_FEE_BPS);
  const { columns, status } = runBatch(n, new Uint8Array(0), [reservesIn, reservesOut, amounts, feesBps], QUOTE_FIELDS.length, (s, m) => {
    const [rIn, rOut, am, fe] = s.inputs as [number, number, number, number];
    s.k.constantProductBatch(m, exactOutput ? 1 : 0, rIn, rOut, am, fe, s.out, s.status);
  });
  const result = { status } as ConstantProductBatchResult;
  QUOTE_FIELDS.forEach((name, i) => { result[name] = columns[i]!; });
  return result;
}
