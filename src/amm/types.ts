/** Input and result shapes of the AMM facade (`src/amm/`). Prices are out per in unless named otherwise. */

/** `swapConstantProduct` input: reserves and amount in token units; fee in basis points (default 30). */
export interface ConstantProductInput {
  reserveIn: number;
  reserveOut: number;
  amountIn: number;
  feeBps?: number;
}

/** `swapConstantProductExactOutput` input: the wanted output instead of the input. */
export interface ConstantProductExactOutputInput {
  reserveIn: number;
  reserveOut: number;
  amountOut: number;
  feeBps?: number;
}

/**
 * A swap's amounts, prices (out per in) and price impact split, all impacts as fractions:
 * 1 − priceImpact = (1 − feeImpact)·(1 − curveImpact).
 */
export interface SwapQuote {
  /** Input amount paid, fee included (token units). */
  amountIn: number;
  /** Output amount received (token units). */
  amountOut: number;
  /** amountOut / amountIn (for a zero amount its limit, spotPriceBefore·(1 − fee)). */
  executionPrice: number;
  /** Marginal price before the swap, out per in. */
  spotPriceBefore: number;
  /** Marginal price after the swap, out per in. */
  spotPriceAfter: number;
  /** All-in impact: 1 − executionPrice / spotPriceBefore. */
  priceImpact: number;
  /** Fee part: fee paid / amountIn (the fee rate for a single-fee pool). */
  feeImpact: number;
  /** Curve part: 1 − amountOut / ((amountIn − fee)·spotPriceBefore). */
  curveImpact: number;
}

/** `swapConstantProductBatch` input: columns of one length n (numbers broadcast). */
export interface ConstantProductBatchInput {
  reservesIn: Float64Array | number;
  reservesOut: Float64Array | number;
  /** Input amounts (exact input); give exactly one of amountsIn / amountsOut. */
  amountsIn?: Float64Array;
  /** Wanted output amounts (exact output). */
  amountsOut?: Float64Array;
  /** Fees in basis points, a column or one number (default 30). */
  feesBps?: Float64Array | number;
}

/** `swapConstantProductBatch` result: one Float64Array(n) per {@link SwapQuote} field, plus `status`. */
export type ConstantProductBatchResult = { [K in keyof SwapQuote]: Float64Array } & { status: Uint8Array };

/** `getAmountOut` / `getAmountIn` input: on-chain integers; fee in basis points (default 30 = Uniswap v2's 997/1000). */
export interface V2IntegerInput {
  reserveIn: bigint;
  reserveOut: bigint;
  feeBps?: number;
}

/**
 * `swapConcentrated` input. The pool: `ticks` (m + 1 ascending integer band edges) and `liquidity` (m raw
 * Uniswap v3 liquidities L, band i = [ticks[i], ticks[i+1])), fee in basis points (one number, or m per band).
 * The current price: exactly one of `sqrtPriceX96` (as in slot0), `price` (token1 per token0, human units)
 * or `tick` (price 1.0001^tick). Amounts in human units of the tokens (raw units with decimals 0).
 */
export interface ConcentratedInput {
  ticks: ArrayLike<number>;
  /** Raw L per band: numbers, or bigints (converted to the nearest double). */
  liquidity: ArrayLike<number | bigint>;
  feeBps: number | ArrayLike<number>;
  sqrtPriceX96?: bigint;
  price?: number;
  tick?: number;
  /** true: sell token0 for token1 (price falls); false: sell token1 for token0. */
  zeroForOne: boolean;
  /** Exact input amount of the token sold, fee included. */
  amountIn: number;
  decimals0?: number;
  decimals1?: number;
}

/** `swapConcentrated` result: a {@link SwapQuote} (amountIn = consumed) plus the pool state after the swap. */
export interface ConcentratedQuote extends SwapQuote {
  /** Fee paid, in units of the input token. */
  feePaid: number;
  /** Price before / after the swap, token1 per token0 in human units. */
  priceBefore: number;
  priceAfter: number;
  /** Current tick after the swap, Uniswap's rule (after crossing an edge downwards: edge − 1). */
  tickAfter: number;
  /** Band edges crossed. */
  ticksCrossed: number;
  /** True when the table ran out of liquidity: amountIn (consumed) is less than the amount offered. */
  exhausted: boolean;
}

/** `depthCurveSwap` input: a venue's slippage profile and the amount sold. */
export interface DepthCurveInput {
  /** Sizes of the profile, ascending, > 0 (units of the asset sold). */
  sizes: ArrayLike<number>;
  /** All-in price impact of selling sizes[i], non-decreasing, in [0, 1). */
  impacts: ArrayLike<number>;
  amountIn: number;
  /** Price of the asset sold before the trade, out per in. */
  spotPrice: number;
}

/** `depthCurveSwap` result. */
export interface DepthCurveQuote {
  amountOut: number;
  executionPrice: number;
  priceImpact: number;
}
