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
import { checkAbsent, checkBroadcast, checkFloatColumn, checkIsCall, runBatch } from './columns.js';
import { checkGreeksSelection, namedGreeks, scalarGreeks } from './greeks.js';
import type { BatchResult, Black76BatchInput, Black76Input, Greeks, GreeksSelection } from './types.js';
import { checkBlack76, checkObject } from './validate.js';

/**
 * Prices one European option on a forward under Black-76.
 * @param input `{ type: 'call' | 'put', forward, strike, expiryYears, vol, rate? = 0 }` (DESIGN §4 units).
 * @returns `{ price, delta, gamma, vega, theta, rho, vanna, volga, charm }`: delta and gamma with
 *   respect to the forward; vega, vanna, volga per 1.00 of vol; theta and charm per year of calendar
 *   time with the forward fixed; rho = ∂V/∂r with the forward fixed (= −T·price). At expiry 0 or
 *   vol 0 the price is e^{−rT}·max(±(F − K), 0); a Greek without a limit is NaN.
 * @throws InvalidInputError naming the field and value (forward or strike outside [1e-100, 1e100],
 *   and the rules of {@link blackScholes}; also for a `dividendYield` or a `spot`, which Black-76 does
 *   not take: the forward already carries the yield).
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
 *   an unknown `greeks` selection, a `dividendYields` or `spots` column. Any length works (run in chunks).
 * @throws WasmInitError before `init()` has resolved.
 */
export function black76Batch<G extends GreeksSelection = 'all'>(input: Black76BatchInput<G>): BatchResult<G> {
  const o = checkObject('input', input);
  checkAbsent('dividendYields', o.dividendYields, 'cannot be given to black76Batch (the forward already carries the yield)');
  checkAbsent('spots', o.spots, 'cannot be given to black76Batch (forwards; use blackScholesBatch for spots)');
  const forwards = checkFloatColumn('forwards', o.forwards, -1);
  const n = forwards.length;
  const isCall = checkIsCall(o.isCall, n);
  const strikes = checkFloatColumn('strikes', o.strikes, n);
  const expiries = checkFloatColumn('expiriesYears', o.expiriesYears, n);
  const vols = checkFloatColumn('vols', o.vols, n);
  const rates = checkBroadcast('rates', o.rates, n);
  const greeks = checkGreeksSelection(o.greeks);
  const { columns, status } = runBatch(n, isCall, [forwards, strikes, expiries, vols, rates], greeks.count, (s, m) => {
    const [fw, st, ex, vo, ra] = s.inputs as [number, number, number, number, number];
    s.k.black76Batch(m, greeks.level, s.isCall, fw, st, ex, vo, ra, s.out, s.status);
  });
  return namedGreeks(columns, status) as BatchResult<G>;
}
