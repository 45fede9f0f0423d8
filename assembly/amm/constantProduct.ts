// Constant-product (Uniswap v2) swap arithmetic in floating point. Source: UniswapV2Library.getAmountOut
// [Uniswap/v2-periphery @ 0335e8f7], amountOut = amountIn·(1−fee)·reserveOut / (reserveIn + amountIn·(1−fee)),
// i.e. x·y = k on the post-fee input. The fee stays in the pool (reserveIn grows by the whole amountIn).

/**
 * Output amount of a constant-product swap: amounts in token units, `fee` a fraction (0.003 = 30 bps).
 * Inputs are assumed valid (reserves > 0, amountIn ≥ 0, 0 ≤ fee < 1); callers check them.
 */
// @ts-ignore: decorator
@inline
export function cpAmountOut(reserveIn: f64, reserveOut: f64, amountIn: f64, fee: f64): f64 {
  const net = amountIn * (1.0 - fee);
  return net * reserveOut / (reserveIn + net);
}

/**
 * Input amount (fee included) that buys exactly `amountOut` from a constant-product pool: the inverse of
 * {@link cpAmountOut}, amountIn = reserveIn·amountOut / ((reserveOut − amountOut)·(1 − fee)) (the real-valued
 * form of UniswapV2Library.getAmountIn, which floors and then adds 1 wei). Assumes reserves > 0,
 * 0 ≤ amountOut < reserveOut, 0 ≤ fee < 1.
 */
// @ts-ignore: decorator
@inline
export function cpAmountIn(reserveIn: f64, reserveOut: f64, amountOut: f64, fee: f64): f64 {
  return reserveIn * amountOut / ((reserveOut - amountOut) * (1.0 - fee));
}

/**
 * Curve part of the price impact of a swap whose post-fee input is `net`: 1 − amountOut/(net·spot) with
 * spot = reserveOut/reserveIn, which equals net/(reserveIn + net) exactly; evaluated in that form (no
 * cancellation for small trades).
 */
// @ts-ignore: decorator
@inline
export function cpCurveImpact(reserveIn: f64, net: f64): f64 {
  return net / (reserveIn + net);
}

/**
 * Pool price (out per in) after a swap of gross input `amountIn` with post-fee part `net`:
 * (reserveOut − amountOut)/(reserveIn + amountIn), written as reserveOut·reserveIn/((reserveIn + net)·(reserveIn +
 * amountIn)) (the same value, since reserveOut − amountOut = reserveOut·reserveIn/(reserveIn + net)), which has no
 * cancellation when the swap drains most of reserveOut.
 */
// @ts-ignore: decorator
@inline
export function cpSpotAfter(reserveIn: f64, reserveOut: f64, amountIn: f64, net: f64): f64 {
  return reserveOut * (reserveIn / (reserveIn + net)) / (reserveIn + amountIn);
}
