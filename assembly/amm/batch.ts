// Structure-of-arrays batch of constant-product (Uniswap v2 style) quotes: per element reserves, an amount
// (input, or wanted output when exactOutput = 1) and a fee in basis points. Validation per element; a bad
// element gets NaN outputs and INVALID_INPUT, the batch goes on (DESIGN §5).

import { cpAmountIn, cpAmountOut, cpCurveImpact, cpSpotAfter } from "./constantProduct";
import { OK, INVALID_INPUT } from "../status";

/** Number of f64 output columns written by {@link constantProductBatchImpl}. */
export const CP_OUT_COLUMNS: i32 = 8;

/**
 * Quotes n constant-product swaps. Columns (n f64 each): reservesIn, reservesOut (> 0, finite), amounts
 * (≥ 0, finite: the input amount, or with exactOutput = 1 the wanted output, which must be < reserveOut),
 * feesBps (0 ≤ fee < 10000). `out` holds 8 columns of n f64: amountIn, amountOut, executionPrice (out per in;
 * the marginal spot·(1 − fee) for a zero amount), spotPriceBefore, spotPriceAfter, priceImpact (all-in, 1 −
 * executionPrice/spotPriceBefore), feeImpact (fee fraction), curveImpact (1 − amountOut/(amountIn·(1−fee)·spot)).
 * priceImpact is evaluated as fee + curve − fee·curve, which equals 1 − (1−fee)(1−curve).
 * Returns the number of elements whose status (u8 column) is not OK.
 */
export function constantProductBatchImpl(
  n: i32, exactOutput: i32, reservesIn: usize, reservesOut: usize, amounts: usize, feesBps: usize,
  out: usize, status: usize,
): i32 {
  const col = <usize>n << 3;
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const rIn = load<f64>(reservesIn + o);
    const rOut = load<f64>(reservesOut + o);
    const amount = load<f64>(amounts + o);
    const bps = load<f64>(feesBps + o);
    // Comparisons written so that NaN fails them; infinities fail the finiteness tests.
    let valid = rIn > 0.0 && rOut > 0.0 && isFinite(rIn) && isFinite(rOut) && amount >= 0.0 && isFinite(amount)
      && bps >= 0.0 && bps < 10000.0;
    if (valid && exactOutput != 0 && !(amount < rOut)) valid = false;
    let amountIn = NaN, amountOut = NaN, exec = NaN, spot = NaN, after = NaN, impact = NaN, fee = NaN, curve = NaN;
    if (valid) {
      fee = bps * 1e-4;
      spot = rOut / rIn;
      let net: f64;
      if (exactOutput != 0) {
        amountOut = amount;
        amountIn = cpAmountIn(rIn, rOut, amountOut, fee);
        net = rIn * amountOut / (rOut - amountOut);
        curve = amountOut / rOut; // = net/(rIn + net) exactly
      } else {
        amountIn = amount;
        net = amountIn * (1.0 - fee);
        amountOut = cpAmountOut(rIn, rOut, amountIn, fee);
        curve = cpCurveImpact(rIn, net);
      }
      if (!isFinite(amountIn) || !isFinite(amountOut)) {
        valid = false; // overflow of an extreme but finite input (e.g. amountOut a hair below reserveOut)
      } else {
        exec = amountIn > 0.0 ? amountOut / amountIn : spot * (1.0 - fee);
        after = cpSpotAfter(rIn, rOut, amountIn, net);
        impact = fee + curve - fee * curve;
        // every output finite, not only the amounts (a reserveIn of 1e-320 gave an infinite spot price)
        if (!isFinite(spot) || !isFinite(exec) || !isFinite(after)) valid = false;
      }
    }
    if (!valid) {
      amountIn = NaN; amountOut = NaN; exec = NaN; spot = NaN; after = NaN; impact = NaN; fee = NaN; curve = NaN;
      bad++;
    }
    store<f64>(out + o, amountIn);
    store<f64>(out + col + o, amountOut);
    store<f64>(out + 2 * col + o, exec);
    store<f64>(out + 3 * col + o, spot);
    store<f64>(out + 4 * col + o, after);
    store<f64>(out + 5 * col + o, impact);
    store<f64>(out + 6 * col + o, fee);
    store<f64>(out + 7 * col + o, curve);
    store<u8>(status + <usize>i, valid ? OK : INVALID_INPUT);
  }
  return bad;
}
