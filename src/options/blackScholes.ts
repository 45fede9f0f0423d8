/**
 * Black–Scholes–Merton European options on a spot with a continuous dividend yield: price and
 * Greeks, for one option and for batches (WASM kernels in `assembly/options/`).
 *
 * Method: Merton (1973); price evaluated through Jäckel's normalised Black function ("Let's Be
 * Rational", Wilmott 2015) so that deep out-of-the-money prices keep full relative accuracy; Greeks
 * from their closed forms (Haug, "The Complete Guide to Option Pricing Formulas", 2nd ed. 2007, ch. 2).
 */
import { GreeksLevel } from '../wasm/exports.js';
import { SCALAR_FLAGS, scalarBlock } from '../wasm/arena.js';
import { checkAbsent, checkBroadcast, checkFloatColumn, checkIsCall, runBatch } from './columns.js';
import { checkGreeksSelection, namedGreeks, scalarGreeks } from './greeks.js';
import type { BatchResult, BlackScholesBatchInput, BlackScholesInput, Greeks, GreeksSelection } from './types.js';
import { checkBlackScholes, checkObject } from './validate.js';

/**
 * Prices one European option under Black–Scholes–Merton.
 * @param input `{ type: 'call' | 'put', spot, strike, expiryYears, vol, rate? = 0, dividendYield? = 0 }`
 *   in the units of DESIGN §4 (years, decimal vol, continuously compounded rates).
 * @returns `{ price, delta, gamma, vega, theta, rho, vanna, volga, charm }`: price in the spot's
 *   currency; delta ∂V/∂S; gamma ∂²V/∂S²; vega, vanna (∂delta/∂vol), volga (∂vega/∂vol) per 1.00
 *   of vol; theta and charm (∂delta/∂t) per year of calendar time; rho per 1.00 of rate. At expiry 0
 *   or vol 0 the price is the discounted intrinsic max(±(S·e^{−qT} − K·e^{−rT}), 0) and Greeks take
 *   their limits; a Greek without a limit (gamma at the money-forward) is NaN.
 * @throws InvalidInputError naming the field and value (non-finite; spot or strike outside
 *   [1e-100, 1e100]; expiry < 0 or > 50; vol < 0 or > 10; |rate| or |dividendYield| > 1; type not
 *   'call'/'put'; a `forward`, which belongs to black76).
 * @throws WasmInitError before `init()` has resolved.
 */
export function blackScholes(input: BlackScholesInput): Greeks {
  const c = checkBlackScholes(input);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.spot; slots[1] = c.strike; slots[2] = c.expiryYears; slots[3] = c.vol;
  slots[4] = c.rate; slots[5] = c.dividendYield;
  flags[0] = c.isCall ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  k.blackScholesBatch(1, GreeksLevel.all, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + 64, f + 1);
  return scalarGreeks(slots, 8, flags[1]!);
}

/**
 * Prices a batch of European options under Black–Scholes–Merton in one WASM call.
 * @param input `{ isCall: Uint8Array (1 call, 0 put), spots, strikes, expiriesYears, vols:
 *   Float64Array, rates?, dividendYields?: Float64Array | number (broadcast; default 0), greeks?:
 *   'none' | 'first' | 'all' (default 'all') }`, all columns of one length n, units as {@link blackScholes}.
 * @returns `{ price, delta, gamma, vega, theta, rho, vanna, volga, charm }` as Float64Array(n) (only
 *   `price` with greeks 'none'; price, delta, gamma, vega, theta, rho with 'first') and
 *   `status: Uint8Array(n)` (`Status.OK`; `INVALID_INPUT` with NaN outputs for a bad element;
 *   `DEGENERATE` where a Greek has no limit and is NaN).
 * @throws InvalidInputError only for structural faults: a missing or mistyped column, unequal lengths,
 *   an unknown `greeks` selection, a `forwards` column. Any length works (run in chunks).
 * @throws WasmInitError before `init()` has resolved.
 */
export function blackScholesBatch<G extends GreeksSelection = 'all'>(input: BlackScholesBatchInput<G>): BatchResult<G> {
  const o = checkObject('input', input);
  checkAbsent('forwards', o.forwards, 'cannot be given to blackScholesBatch (spots; use black76Batch for forwards)');
  const spots = checkFloatColumn('spots', o.spots, -1);
  const n = spots.length;
  const isCall = checkIsCall(o.isCall, n);
  const strikes = checkFloatColumn('strikes', o.strikes, n);
  const expiries = checkFloatColumn('expiriesYears', o.expiriesYears, n);
  const vols = checkFloatColumn('vols', o.vols, n);
  const rates = checkBroadcast('rates', o.rates, n);
  const yields = checkBroadcast('dividendYields', o.dividendYields, n);
  const greeks = checkGreeksSelection(o.greeks);
  const { columns, status } = runBatch(n, isCall, [spots, strikes, expiries, vols, rates, yields], greeks.count, (s, m) => {
    const [sp, st, ex, vo, ra, yi] = s.inputs as [number, number, number, number, number, number];
    s.k.blackScholesBatch(m, greeks.level, s.isCall, sp, st, ex, vo, ra, yi, s.out, s.status);
  });
  return namedGreeks(columns, status) as BatchResult<G>;
}
