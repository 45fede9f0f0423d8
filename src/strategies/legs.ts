/**
 * Pricing one option leg of a package: by the model (Black–Scholes–Merton on the spot, or Black-76 on the
 * forward) or from a market premium, whose implied vol then gives the Greeks (src/options).
 */
import { black76 } from '../options/black76.js';
import { blackScholes } from '../options/blackScholes.js';
import { impliedVol } from '../options/impliedVol.js';
import { PriceOutOfBoundsError, TailguardError } from '../errors.js';
import type { Greeks } from '../options/types.js';
import type { LegSpec, PackageGreeks, PricedLeg } from './types.js';
import type { CheckedModel } from './validate.js';

const NAN_GREEKS: PackageGreeks = { delta: NaN, gamma: NaN, vega: NaN, theta: NaN, rho: NaN };

/**
 * Price and spot Greeks of one unit at `vol`. Black-76 Greeks are with respect to the forward F; with
 * F = S·e^{bT} (b the implied carry) ∂F/∂S = F/S, so delta_S = delta_F·F/S and gamma_S = gamma_F·(F/S)²;
 * vega, rho and theta are reported at a fixed forward (Black 1976).
 */
export function unitGreeks(type: 'call' | 'put', strike: number, spot: number, expiryYears: number, vol: number, m: CheckedModel): Greeks {
  if (m.forward !== undefined) {
    const g = black76({ type, forward: m.forward, strike, expiryYears, vol, rate: m.rate });
    const ratio = m.forward / spot;
    return { ...g, delta: g.delta * ratio, gamma: g.gamma * ratio * ratio };
  }
  return blackScholes({ type, spot, strike, expiryYears, vol, rate: m.rate, dividendYield: m.dividendYield });
}

/**
 * The vol implied by a market premium (BSM on spot, or Black-76 on the forward); NaN if the premium is at or
 * above the no-arbitrage maximum (no vol reproduces it; Greeks NaN).
 * @throws PriceOutOfBoundsError `PRICE_BELOW_INTRINSIC` naming the leg when the premium is below the discounted
 *   intrinsic value (as `impliedVol`): such a leg would be a guaranteed profit (e.g. a put struck 2500 on spot
 *   2000 bought for 100), never a protection to compare.
 */
export function premiumVol(leg: LegSpec, spot: number, expiryYears: number, m: CheckedModel): number {
  try {
    return m.forward !== undefined
      ? impliedVol({ type: leg.type, price: leg.premium!, forward: m.forward, strike: leg.strike, expiryYears, rate: m.rate })
      : impliedVol({ type: leg.type, price: leg.premium!, spot, strike: leg.strike, expiryYears, rate: m.rate, dividendYield: m.dividendYield });
  } catch (e) {
    if (e instanceof PriceOutOfBoundsError && e.code === 'PRICE_BELOW_INTRINSIC') {
      const label = leg.name ?? `${leg.type} ${leg.strike}`;
      throw new PriceOutOfBoundsError('PRICE_BELOW_INTRINSIC',
        `premium (${leg.premium}) of leg ${JSON.stringify(label)} is below the discounted intrinsic value ${e.bound}: an arbitrage, not a market premium`,
        { field: 'premium', value: leg.premium, bound: e.bound, rule: '>= intrinsic', leg: label });
    }
    if (e instanceof TailguardError && e.code !== 'INVALID_INPUT') return NaN;
    throw e;
  }
}

/**
 * Prices a validated leg: `premium` given → source 'market' and its implied vol; else the model price at
 * the leg's vol (default the model's).
 */
export function priceLeg(leg: LegSpec, spot: number, expiryYears: number, m: CheckedModel): PricedLeg {
  const market = leg.premium !== undefined;
  const vol = market ? premiumVol(leg, spot, expiryYears, m) : leg.vol ?? m.vol;
  let greeks = NAN_GREEKS;
  let premium = leg.premium ?? NaN;
  if (Number.isFinite(vol) && vol <= 10) {
    const g = unitGreeks(leg.type, leg.strike, spot, expiryYears, vol, m);
    greeks = { delta: g.delta, gamma: g.gamma, vega: g.vega, theta: g.theta, rho: g.rho };
    if (!market) premium = g.price;
  }
  const priced: PricedLeg = { type: leg.type, strike: leg.strike, quantity: leg.quantity, premium, source: market ? 'market' : 'model', vol, greeks };
  if (leg.name !== undefined) priced.name = leg.name;
  return priced;
}
