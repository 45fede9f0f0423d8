// Uniswap v3 concentrated-liquidity swap, exact input, in f64 (Uniswap/v3-core @ d8b1c635, read for the rules):
// - price P = token1/token0 in raw units = 1.0001^tick; the kernel works on sqrtP = √P (on chain Q64.96).
// - inside a band of constant liquidity L (SqrtPriceMath.getNextSqrtPriceFromInput):
//     token0 in (zeroForOne, price falls):  1/√P' = 1/√P + Δx/L,   token1 out Δy = L(√P − √P')  (getAmount1Delta)
//     token1 in (oneForZero, price rises):  √P'   = √P + Δy/L,     token0 out Δx = L(√P' − √P)/(√P√P') (getAmount0Delta)
// - the fee is taken from the input first (SwapMath.computeSwapStep): net = gross·(1 − fee); a step that reaches
//   the band's edge uses net Δ exactly and pays fee Δ·fee/(1 − fee); a step that ends inside the band consumes
//   the whole remainder, fee = remainder − net.
// - at a band edge the next band's liquidity applies (UniswapV3Pool.swap: L += liquidityNet when crossing);
//   bands with L = 0 are crossed at no cost (the price jumps to the next initialised tick).
//
// Table layout (chosen over liquidityNet per tick because it is what active-liquidity data look like and it
// needs no running sum): nBands bands, `ticks` = nBands + 1 ascending boundaries (f64 holding integers), band b =
// [ticks[b], ticks[b+1]) with liquidity[b] ≥ 0 and feePips[b] in [0, 1e6) (one fee per band; a real pool
// has one fee for all). Swapping past the table's ends finds no liquidity: the swap stops there (exhausted).
//
// Precision: √P at a tick is within ≈ 2 ulp (see sqrtPriceAtTick); a partial in-band step is evaluated in
// cancellation-free forms (Δy = L·net·√P²/(L + net·√P)), so a swap inside one band is accurate to a few ulp; a step
// to a band edge derives its input and its output from one rounded gap |√P − √P_edge| (see the loop), so the
// amounts stay accurate to about (bands crossed + 2)·1e-16 relative. Measured against a 50-digit oracle over the
// real WBTC/WETH table (test/amm/concentrated.test.ts): see the tolerances there. On chain results differ by rounding to integers
// (≤ 1 wei per step) and Q64.96 truncation (≈ 2^-96 relative), far below f64 resolution for real pools.

import { OK, INVALID_INPUT } from "../status";

/**
 * ln(1.0001)/2 split for an exact product with a tick (mpmath, 60 digits: ln(1.0001)/2 = 4.99975001666541676665833…e-5):
 * HI has 21 significant bits, so tick·HI is exact for |tick| ≤ 887272 (20 bits); LO = ln(1.0001)/2 − HI rounded
 * (HI + LO is within 4e-30 of the constant).
 */
const HALF_LN_HI: f64 = 4.9997499445453286e-05;
const HALF_LN_LO: f64 = 7.212008814956239e-13;
/** ln(1.0001)/2 correctly rounded, for the inverse (tick of a price). */
const HALF_LN_TICK_BASE: f64 = 4.999750016665417e-05;

/** Smallest and largest tick of Uniswap v3 (TickMath.MIN_TICK / MAX_TICK). */
export const MIN_TICK: f64 = -887272.0;
export const MAX_TICK: f64 = 887272.0;

/** Number of f64 result slots written by {@link concentratedSwapImpl}. */
export const CL_OUT_SLOTS: i32 = 8;

/**
 * √(1.0001^tick) in f64: exp(tick·HI)·exp(tick·LO) with tick·HI exact and exp(x) = 1 + x + x²/2 for the small
 * x = tick·LO (|x| < 7e-7), so the result is within ≈ 2 ulp of the true value at every tick (a plain
 * exp(tick·ln(1.0001)/2) would carry the rounding of its argument, up to 5e-15 relative at the tick limits).
 */
export function sqrtPriceAtTick(tick: f64): f64 {
  const e = Math.exp(tick * HALF_LN_HI);
  const x = tick * HALF_LN_LO;
  return e + e * (x + 0.5 * x * x);
}

/** The tick of a √price: the greatest integer t with √(1.0001^t) ≤ sqrtP (TickMath.getTickAtSqrtRatio's rule). */
export function tickAtSqrtPrice(sqrtP: f64): f64 {
  let t = Math.floor(Math.log(sqrtP) / HALF_LN_TICK_BASE);
  if (sqrtPriceAtTick(t + 1.0) <= sqrtP) t += 1.0;
  else if (sqrtPriceAtTick(t) > sqrtP) t -= 1.0;
  return t;
}

/**
 * Exact-input swap across a liquidity-by-band table (layout in the file comment).
 * `sqrtPrice` = √(token1/token0 in raw units), inside [√P(ticks[0]), √P(ticks[nBands])]; `amountIn` ≥ 0 raw
 * units of the input token, fee included; zeroForOne ≠ 0 sells token0. Writes 8 f64 at `out`: amountOut,
 * amountInConsumed (< amountIn only when the table runs out of liquidity), feePaid, sqrtPriceAfter, tickAfter
 * (as on chain: after crossing a band edge downwards the tick is edge − 1), ticksCrossed (band edges
 * crossed), exhausted (1 if the swap stopped at the table's end with input left), bandAfter (index).
 * Returns OK, or INVALID_INPUT with NaN results (bad table entry, price outside the table, bad amount);
 * it never traps and always ends (at most nBands steps).
 */
export function concentratedSwapImpl(
  nBands: i32, ticks: usize, liquidity: usize, feePips: usize, sqrtPrice: f64, zeroForOne: i32, amountIn: f64,
  out: usize,
): i32 {
  let valid = nBands >= 1 && sqrtPrice > 0.0 && isFinite(sqrtPrice) && amountIn >= 0.0 && isFinite(amountIn);
  for (let b: i32 = 0; valid && b < nBands; b++) {
    const o = <usize>b << 3;
    const lo = load<f64>(ticks + o);
    const hi = load<f64>(ticks + o + 8);
    const l = load<f64>(liquidity + o);
    const f = load<f64>(feePips + o);
    valid = lo >= MIN_TICK && hi <= MAX_TICK && lo < hi && Math.floor(lo) == lo && Math.floor(hi) == hi
      && l >= 0.0 && isFinite(l) && f >= 0.0 && f < 1e6;
  }
  const sLow = valid ? sqrtPriceAtTick(load<f64>(ticks)) : 0.0;
  const sHigh = valid ? sqrtPriceAtTick(load<f64>(ticks + (<usize>nBands << 3))) : 0.0;
  if (valid) valid = sqrtPrice >= sLow && sqrtPrice <= sHigh;
  if (!valid) {
    for (let k: i32 = 0; k < CL_OUT_SLOTS; k++) store<f64>(out + (<usize>k << 3), NaN);
    return INVALID_INPUT;
  }
  const down = zeroForOne != 0;
  // Band holding the price (binary search over the edges): going down, the band whose (lo, hi] contains it; going
  // up, [lo, hi). b = −1 (down) or nBands (up) when the price sits on the table's edge in the direction of travel.
  let b: i32;
  if (down ? sqrtPrice <= sLow : sqrtPrice >= sHigh) {
    b = down ? -1 : nBands;
  } else {
    let lo: i32 = 0; // invariant: edge[lo] is below the price (strictly going down, or equal going up)
    let hi: i32 = nBands; // edge[hi] is not
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      const e = sqrtPriceAtTick(load<f64>(ticks + (<usize>mid << 3)));
      if (down ? e < sqrtPrice : e <= sqrtPrice) lo = mid;
      else hi = mid;
    }
    b = lo;
  }
  let s = sqrtPrice;
  let remaining = amountIn;
  let amountOut = 0.0;
  let fees = 0.0;
  let consumed = 0.0; // summed step by step (amountIn − remaining would carry the subtractions' rounding)
  let crossed = 0.0;
  let endedOnEdge = false;
  while (remaining > 0.0 && b >= 0 && b < nBands) {
    const o = <usize>b << 3;
    const l = load<f64>(liquidity + o);
    const fee = load<f64>(feePips + o) * 1e-6;
    const edge = sqrtPriceAtTick(load<f64>(ticks + (down ? o : o + 8)));
    const avail = remaining * (1.0 - fee);
    if (l > 0.0) {
      // Net input that moves the price from s to the edge. Both it and the step's output are built from the one
      // rounded gap d = |s − edge|: any error of d (amplified by the cancellation) then acts like a 1-ulp shift of
      // the edge, consistently for input and output, instead of showing up in the amounts (well-conditioned sum).
      const d = down ? s - edge : edge - s;
      const toEdge = down ? l * d / (s * edge) : l * d;
      if (avail < toEdge) {
        let next: f64;
        if (down) {
          next = l * s / (l + avail * s);
          amountOut += l * avail * s * s / (l + avail * s);
          if (next < edge) next = edge;
        } else {
          next = s + avail / l;
          amountOut += avail / (s * next);
          if (next > edge) next = edge;
        }
        fees += remaining * fee; // = remaining − avail, without the cancellation
        consumed += remaining;
        remaining = 0.0;
        s = next;
        endedOnEdge = false;
        break;
      }
      amountOut += down ? l * d : l * d / (s * edge);
      const stepFee = toEdge * fee / (1.0 - fee); // SwapMath: feeAmount = amountIn·fee/(1e6 − fee) when the edge is reached
      const gross = toEdge + stepFee;
      fees += stepFee;
      consumed += gross;
      remaining = gross >= remaining ? 0.0 : remaining - gross;
    }
    s = edge;
    endedOnEdge = true;
    crossed += 1.0;
    b += down ? -1 : 1;
  }
  const exhausted = remaining > 0.0;
  let tick = tickAtSqrtPrice(s);
  if (endedOnEdge) {
    // Exactly on a boundary: the tick is the boundary going up, boundary − 1 going down (UniswapV3Pool.swap).
    const edgeTick = load<f64>(ticks + (<usize>(down ? b + 1 : b) << 3));
    tick = down ? edgeTick - 1.0 : edgeTick;
  }
  if (b < 0) b = 0;
  if (b >= nBands) b = nBands - 1;
  store<f64>(out, amountOut);
  store<f64>(out + 8, exhausted ? consumed : amountIn);
  store<f64>(out + 16, fees);
  store<f64>(out + 24, s);
  store<f64>(out + 32, tick);
  store<f64>(out + 40, crossed);
  store<f64>(out + 48, exhausted ? 1.0 : 0.0);
  store<f64>(out + 56, <f64>b);
  return OK;
}
