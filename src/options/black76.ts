/**
 * Black-76 European options on a forward or futures price, discounted at `rate`: price and Greeks,
 * for one option and for batches (WASM kernels in `assembly/options/`).
 *
 * Method: Black (1976), price = e^{−rT}·[F·N(d1) − K·N(d2)], evaluated through Jäckel's normalised
 * Black function ("Let's Be Rational", Wilmott 2015); Greeks from their closed forms with respect to
 * the forward (Haug 2007, §2.3 / §2.4), theta and rho with the forward held fixed.
 */
import { GreeksLevel } from '../wasm/exports.js';
import { SCALAR_FLAGS, scalarBlock } from '../wasm/arena.js';
import { checkBroadcast, checkFloatColumn, checkIsCall, stage } from './columns.js';
import { batchGreeks, checkGreeksSelection, scalarGreeks } from './greeks.js';
import type { BatchResult, Black76BatchInput, Black76Input, Greeks, GreeksSelection } from './types.js';
import { checkBlack76, checkObject } from './validate.js';

/**
 * Prices one European option on a forward under Black-76.
 * @param input `{ type: 'call' | 'put', forward, strike, expiryYears, vol, rate? = 0 }` (DESIGN §4 units).
 * @returns `{ price, delta, gamma, vega, theta, rho, vanna, volga, charm }`: delta and gamma with
 *   respect to the forward; vega, vanna, volga per 1.00 of vol; theta and charm per year of calendar
 *   time with the forward fixed; rho = ∂V/∂r with the forward fixed (= −T·price). At expiry 0 or
 *   vol 0 the price is e^{−rT}·max(±(F − K), 0); a Greek without a limit is NaN.
 * @throws InvalidInputError naming the field and value (also for a `dividendYield`, which Black-76
 *   does not take: the forward already carries the yield).
 * @throws WasmInitError before `init()` has resolved.
 */
export function black76(input: Black76Input): Greeks {
  const c = checkBlack76(input);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.forward; slots[1] = c.strike; slots[2] = c.expiryYears; slots[3] = c.vol; slots[4] = c.rate;
  flags[0] = c.isCall ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  k.black76Batch(1, GreeksLevel.all, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 64, f + 1);
  return scalarGreeks(slots, 8, flags[1]!);
}

/**
 * Prices a batch of European options on forwards under Black-76 in one WASM call.
 * @param input `{ isCall: Uint8Array (1 call, 0 put), forwards, strikes, expiriesYears, vols:
 *   Float64Array, rates?: Float64Array | number (broadcast; default 0), greeks?: 'none' | 'first' |
 *   'all' (default 'all') }`, all columns of one length n.
 * @returns the Float64Array(n) columns selected by `greeks` (as {@link blackScholesBatch}), values as
 *   {@link black76}, and `status: Uint8Array(n)`.
 * @throws InvalidInputError only for structural faults: a missing or mistyped column, unequal lengths,
 *   an unknown `greeks` selection.
 * @throws WasmInitError before `init()` has resolved.
 */
export function black76Batch<G extends GreeksSelection = 'all'>(input: Black76BatchInput<G>): BatchResult<G> {
  const o = checkObject('input', input);
  const n = checkFloatColumn('forwards', o.forwards, -1);
  checkIsCall(o.isCall, n);
  checkFloatColumn('strikes', o.strikes, n);
  checkFloatColumn('expiriesYears', o.expiriesYears, n);
  checkFloatColumn('vols', o.vols, n);
  const rates = checkBroadcast('rates', o.rates, n);
  const greeks = checkGreeksSelection(o.greeks);
  const s = stage(n, input.isCall, [input.forwards, input.strikes, input.expiriesYears, input.vols, rates], greeks.count);
  const [forwards, strikes, expiries, vols, ratePtr] = s.inputs as [number, number, number, number, number];
  s.k.black76Batch(n, greeks.level, s.isCall, forwards, strikes, expiries, vols, ratePtr, s.out, s.status);
  return batchGreeks(s.k, s.out, s.status, n, greeks.count) as BatchResult<G>;
}
