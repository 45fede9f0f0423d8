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
