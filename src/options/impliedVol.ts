/**
 * Implied volatility under Black–Scholes–Merton (given a spot) or Black-76 (given a forward), for
 * one price and for batches (WASM kernels in `assembly/options/`).
 *
 * Method: the price is reduced to the normalised out-of-the-money Black price (Jäckel, "Let's Be
 * Rational", Wilmott 2015, §2) and solved for σ√T by safeguarded Newton/Householder steps inside a
 * bracket, to full double precision where the price carries information.
 */
import { InvalidInputError, NoConvergenceError, PriceOutOfBoundsError, Status } from '../errors.js';
import { IvModel } from '../wasm/exports.js';
import { SCALAR_FLAGS, scalarBlock } from '../wasm/arena.js';
import { checkAbsent, checkBroadcast, checkFloatColumn, checkIsCall, runBatch } from './columns.js';
import type { ImpliedVolBatch, ImpliedVolBatchInput, ImpliedVolInput } from './types.js';
import { type CheckedImpliedVol, checkImpliedVol, checkObject } from './validate.js';

/**
 * Discounted intrinsic value and no-arbitrage maximum of the option described by `c`. At expiry 0 the
 * option is worth its intrinsic value whatever the vol, so the maximum is the intrinsic value too.
 */
function bounds(c: CheckedImpliedVol): { intrinsic: number; maximum: number } {
  const discount = Math.exp(-c.rate * c.expiryYears);
  const underlying = c.model === 'bsm' ? c.underlying * Math.exp(-c.dividendYield * c.expiryYears) : c.underlying * discount;
  const strike = c.strike * discount;
  const intrinsic = Math.max(c.isCall ? underlying - strike : strike - underlying, 0);
  if (c.expiryYears === 0) return { intrinsic, maximum: intrinsic };
  return { intrinsic, maximum: c.isCall ? underlying : strike };
}

/**
 * The volatility that reproduces an option price.
 * @param input `{ type, price, spot | forward, strike, expiryYears, rate? = 0, dividendYield? = 0 }`:
 *   exactly one of `spot` (Black–Scholes–Merton) or `forward` (Black-76; no `dividendYield`);
 *   price in the underlying's quote currency; units per DESIGN §4.
 * @returns the annualised vol as a decimal; 0 when the price equals the discounted intrinsic value
 *   exactly (or when expiry is 0 and the price is the intrinsic). Prices near the maximum at short
 *   expiries can imply vols above 10, which the pricing functions reject as percent-by-mistake: the
 *   solver works in total vol σ√T and returns what the price implies.
 * @throws PriceOutOfBoundsError `PRICE_BELOW_INTRINSIC` (price below the discounted intrinsic value;
 *   `bound` = that value) or `PRICE_ABOVE_MAXIMUM` (price at or above S·e^{−qT} for a call, K·e^{−rT}
 *   for a put, or so close to it that the vol is unbounded in double precision, as when σ√T would
 *   exceed about 17; at expiry 0 any price above the intrinsic value; `bound` = that maximum).
 * @throws InvalidInputError naming the field and value (including neither or both of spot/forward).
 * @throws NoConvergenceError if the solver fails (not expected anywhere in the valid domain).
 * @throws WasmInitError before `init()` has resolved.
 */
export function impliedVol(input: ImpliedVolInput): number {
  const c = checkImpliedVol(input);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.price; slots[1] = c.underlying; slots[2] = c.strike; slots[3] = c.expiryYears;
  slots[4] = c.rate; slots[5] = c.dividendYield;
  flags[0] = c.isCall ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  const model = c.model === 'bsm' ? IvModel.blackScholes : IvModel.black76;
  k.impliedVolBatch(1, model, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + 64, f + 1);
  const status = flags[1]!;
  const vol = slots[8]!;
  if (status === Status.OK) return vol;
  const details = { field: 'price', value: c.price };
  if (status === Status.BELOW_INTRINSIC) {
    const bound = bounds(c).intrinsic;
    throw new PriceOutOfBoundsError('PRICE_BELOW_INTRINSIC', `price (${c.price}) is below the discounted intrinsic value ${bound}: no volatility fits`, { ...details, bound, rule: '>= intrinsic' });
  }
  if (status === Status.ABOVE_MAXIMUM) {
    const bound = bounds(c).maximum;
    const what = c.expiryYears === 0
      ? `is above the value at expiry ${bound}`
      : `is at the no-arbitrage maximum ${bound}${c.price < bound ? ' within rounding (the vol would be unbounded)' : ' or above it'}`;
    throw new PriceOutOfBoundsError('PRICE_ABOVE_MAXIMUM', `price (${c.price}) ${what}: no volatility fits`, { ...details, bound, rule: '< maximum' });
  }
  if (status === Status.NO_CONVERGENCE) throw new NoConvergenceError(`implied vol did not converge for price ${c.price}`, details);
  throw new InvalidInputError('the kernel rejected inputs that passed validation (please report this)', { rule: 'kernel', status });
}

/**
 * Implied vols of a batch of prices in one WASM call.
 * @param input `{ isCall: Uint8Array, prices, spots | forwards, strikes, expiriesYears: Float64Array,
 *   rates?, dividendYields?: Float64Array | number }`: exactly one of `spots` / `forwards`
 *   (`dividendYields` only with `spots`), all of one length n.
 * @returns `{ vol: Float64Array(n), status: Uint8Array(n) }`: `vol` is NaN where the status is not OK
 *   (`INVALID_INPUT`, `BELOW_INTRINSIC`, `ABOVE_MAXIMUM`, `NO_CONVERGENCE`).
 * @throws InvalidInputError only for structural faults (columns missing, mistyped or of unequal
 *   lengths; neither or both of spots/forwards; dividendYields with forwards).
 * @throws WasmInitError before `init()` has resolved.
 */
export function impliedVolBatch(input: ImpliedVolBatchInput): ImpliedVolBatch {
  const o = checkObject('input', input);
  const hasSpots = o.spots !== undefined;
  if (hasSpots === (o.forwards !== undefined)) {
    throw new InvalidInputError('exactly one of spots (Black–Scholes–Merton) or forwards (Black-76) must be given', { field: 'spots/forwards', rule: 'exactly one' });
  }
  if (!hasSpots) checkAbsent('dividendYields', o.dividendYields, 'cannot be given with forwards (Black-76)');
  const prices = checkFloatColumn('prices', o.prices, -1);
  const n = prices.length;
  const isCall = checkIsCall(o.isCall, n);
  const underlyings = hasSpots ? checkFloatColumn('spots', o.spots, n) : checkFloatColumn('forwards', o.forwards, n);
  const strikes = checkFloatColumn('strikes', o.strikes, n);
  const expiries = checkFloatColumn('expiriesYears', o.expiriesYears, n);
  const rates = checkBroadcast('rates', o.rates, n);
  const yields = hasSpots ? checkBroadcast('dividendYields', o.dividendYields, n) : 0;
  const model = hasSpots ? IvModel.blackScholes : IvModel.black76;
  const { columns, status } = runBatch(n, isCall, [prices, underlyings, strikes, expiries, rates, yields], 1, (s, m) => {
    const [pr, un, st, ex, ra, yi] = s.inputs as [number, number, number, number, number, number];
    s.k.impliedVolBatch(m, model, s.isCall, pr, un, st, ex, ra, yi, s.out, s.status);
  });
  return { vol: columns[0]!, status };
}
