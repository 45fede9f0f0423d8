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
import { checkBroadcast, checkFloatColumn, checkIsCall, readColumn, readStatus, stage } from './columns.js';
import type { ImpliedVolBatch, ImpliedVolBatchInput, ImpliedVolInput } from './types.js';
import { type CheckedImpliedVol, checkImpliedVol, checkObject } from './validate.js';

/** Discounted intrinsic value and no-arbitrage maximum of the option described by `c`. */
function bounds(c: CheckedImpliedVol): { intrinsic: number; maximum: number } {
  const discount = Math.exp(-c.rate * c.expiryYears);
  const underlying = c.model === 'bsm' ? c.underlying * Math.exp(-c.dividendYield * c.expiryYears) : c.underlying * discount;
  const strike = c.strike * discount;
  return c.isCall
    ? { intrinsic: Math.max(underlying - strike, 0), maximum: underlying }
    : { intrinsic: Math.max(strike - underlying, 0), maximum: strike };
}

/**
 * The volatility that reproduces an option price.
 * @param input `{ type, price, spot | forward, strike, expiryYears, rate? = 0, dividendYield? = 0 }`:
 *   exactly one of `spot` (Black–Scholes–Merton) or `forward` (Black-76; no `dividendYield`);
 *   price in the underlying's quote currency; units per DESIGN §4.
 * @returns the annualised vol as a decimal; 0 when the price equals the discounted intrinsic value
 *   exactly (or when expiry is 0 and the price is the intrinsic).
 * @throws PriceOutOfBoundsError `PRICE_BELOW_INTRINSIC` (price below the discounted intrinsic value;
 *   `bound` = that value) or `PRICE_ABOVE_MAXIMUM` (price at or above S·e^{−qT} for a call, K·e^{−rT}
 *   for a put; `bound` = that maximum).
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
    throw new PriceOutOfBoundsError('PRICE_ABOVE_MAXIMUM', `price (${c.price}) is at or above the no-arbitrage maximum ${bound}: no volatility fits`, { ...details, bound, rule: '< maximum' });
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
  if (!hasSpots && o.dividendYields !== undefined) {
    throw new InvalidInputError('dividendYields cannot be given with forwards (Black-76)', { field: 'dividendYields', rule: 'absent with forwards' });
  }
  const underlyingField = hasSpots ? 'spots' : 'forwards';
  const n = checkFloatColumn('prices', o.prices, -1);
  checkIsCall(o.isCall, n);
  checkFloatColumn(underlyingField, o[underlyingField], n);
  checkFloatColumn('strikes', o.strikes, n);
  checkFloatColumn('expiriesYears', o.expiriesYears, n);
  const rates = checkBroadcast('rates', o.rates, n);
  const yields = hasSpots ? checkBroadcast('dividendYields', o.dividendYields, n) : 0;
  const underlyings = (hasSpots ? input.spots : input.forwards) as Float64Array;
  const s = stage(n, input.isCall, [input.prices, underlyings, input.strikes, input.expiriesYears, rates, yields], 1);
  const [prices, unds, strikes, expiries, ratePtr, yieldPtr] = s.inputs as [number, number, number, number, number, number];
  s.k.impliedVolBatch(n, hasSpots ? IvModel.blackScholes : IvModel.black76, s.isCall, prices, unds, strikes, expiries, ratePtr, yieldPtr, s.out, s.status);
  return { vol: readColumn(s.k, s.out, 0, n), status: readStatus(s.k, s.status, n) };
}
