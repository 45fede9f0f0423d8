// Health factors and liquidation prices of single-collateral positions over a book (SoA columns), the
// float fast path of src/lending (DESIGN §3). Formulas, identical in operation order to the TypeScript
// scalars (src/lending/healthFactor.ts, liquidationPrice.ts) so results match bit for bit:
//   HF = (amount·price)·LT / (debtAmount·debtPrice), +Infinity when the debt value is 0
//     [Aave v3 GenericLogic.calculateUserAccountData, aave-v3-core @ 782f5191 L164-176];
//   liquidation price = (debtAmount·debtPrice) / (amount·LT): 0 ("never") when the debt value is 0,
//     +Infinity ("always") when amount·LT = 0 and there is debt.
// The debt is in another asset than the collateral. Invalid element (a non-finite or negative amount or
// price, an amount above MAX_AMOUNT or a price above MAX_PRICE (1e100, the facade's account limits in
// src/lending/validate.ts, so amount·price ≤ 1e200 never overflows), LT outside [0, 1]) → NaN outputs
// and INVALID_INPUT. Never throws, never allocates.

import { OK, INVALID_INPUT } from "../status";

/** `mode` bit: write the health-factor column. */
export const WANT_HEALTH: i32 = 1;
/** `mode` bit: write the liquidation-price column. */
export const WANT_PRICE: i32 = 2;

/** Largest accepted amount (tokens); mirrors MAX_AMOUNT of src/lending/validate.ts. */
export const MAX_AMOUNT: f64 = 1e100;
/** Largest accepted price (base currency per token); mirrors MAX_PRICE of src/lending/validate.ts. */
export const MAX_PRICE: f64 = 1e100;

// @ts-ignore: decorator
@inline
function ld(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }

// @ts-ignore: decorator
@inline
function st(p: usize, i: i32, v: f64): void { store<f64>(p + (<usize>i << 3), v); }

// @ts-ignore: decorator
@inline
function within(x: f64, max: f64): bool { return x >= 0.0 && x <= max; }

/**
 * For i < n: reads collateral amount, collateral price, liquidation threshold, debt amount and debt price;
 * writes HF to out[0·n + i] (mode & 1) and the liquidation price to out[1·n + i] (mode & 2), and a status
 * byte. Returns the number of elements whose status is not OK.
 */
export function positionsBatchImpl(n: i32, mode: i32, amounts: usize, prices: usize, thresholds: usize,
  debtAmounts: usize, debtPrices: usize, out: usize, status: usize): i32 {
  const hfOut = out;
  const lpOut = out + (<usize>n << 3);
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const a = ld(amounts, i);
    const p = ld(prices, i);
    const t = ld(thresholds, i);
    const d = ld(debtAmounts, i);
    const q = ld(debtPrices, i);
    if (!(within(a, MAX_AMOUNT) && within(p, MAX_PRICE) && t >= 0.0 && t <= 1.0 && within(d, MAX_AMOUNT) && within(q, MAX_PRICE))) {
      if (mode & WANT_HEALTH) st(hfOut, i, NaN);
      if (mode & WANT_PRICE) st(lpOut, i, NaN);
      store<u8>(status + <usize>i, INVALID_INPUT);
      bad++;
      continue;
    }
    const debt = d * q;
    if (mode & WANT_HEALTH) st(hfOut, i, debt == 0.0 ? Infinity : a * p * t / debt);
    if (mode & WANT_PRICE) {
      const k = a * t;
      st(lpOut, i, debt == 0.0 ? 0.0 : k == 0.0 ? Infinity : debt / k);
    }
    store<u8>(status + <usize>i, OK);
  }
  return bad;
}
