/**
 * Black–Scholes–Merton and Black-76 prices and Greeks by the textbook closed forms, in plain
 * TypeScript: the test oracle for the WASM kernels and the no-WASM fallback.
 *
 * Both models are the generalized Black–Scholes–Merton model of E. G. Haug, "The Complete Guide to
 * Option Pricing Formulas", 2nd ed., McGraw-Hill 2007, ch. 1 ("the generalized Black–Scholes–Merton
 * formula") with cost of carry b = r − q; Black-76 is the case b = 0 with the forward in place of
 * the spot (Haug ch. 1). The Greeks are the closed forms of Haug ch. 2 (delta, gamma, vega, theta,
 * rho, vanna (DdeltaDvol), volga (DvegaDvol, "vomma") and charm (DdeltaDtime)); cf. J. C. Hull,
 * "Options, Futures, and Other Derivatives", 9th ed., ch. 19 ("The Greek letters").
 *
 * Units (DESIGN §4): vega, vanna, volga per 1.00 of vol; theta and charm per year of calendar time
 * (∂/∂t = −∂/∂expiry); rho per 1.00 of rate.
 */
import type { Black76Input, BlackScholesInput, Greeks } from '../options/types.js';
import { checkBlack76, checkBlackScholes } from '../options/validate.js';
import { normCdf, normPdf } from './normal.js';

/** φ(0) = 1/√(2π). */
const PDF_AT_ZERO = 0.3989422804014327;

/**
 * Price and Greeks of a European option in the generalized Black–Scholes–Merton model (Haug 2007
 * ch. 1 and ch. 2) with spot S, strike K, expiry T years, vol σ, rate r and yield q (carry b = r − q).
 *
 * With d1 = (ln(S/K) + (b + σ²/2)T)/(σ√T), d2 = d1 − σ√T, ω = +1 for a call and −1 for a put:
 * - price = ω(S e^{−qT} N(ωd1) − K e^{−rT} N(ωd2))
 * - delta = ω e^{−qT} N(ωd1); gamma = e^{−qT} φ(d1)/(S σ√T); vega = S e^{−qT} φ(d1) √T
 * - theta (∂/∂t) = −S e^{−qT} φ(d1) σ/(2√T) − ω r K e^{−rT} N(ωd2) + ω q S e^{−qT} N(ωd1)
 * - rho (∂/∂r, q fixed) = ω T K e^{−rT} N(ωd2)
 * - vanna = −e^{−qT} φ(d1) d2/σ; volga = vega · d1 d2/σ
 * - charm (∂delta/∂t) = ω q e^{−qT} N(ωd1) − e^{−qT} φ(d1) (b/(σ√T) − d2/(2T))
 *
 * When T = 0 or σ = 0 (or σ√T so small that d1 overflows) the values are the limits, see
 * {@link limitGreeks}. Inputs are assumed valid (see `src/options/validate.ts`); nothing is thrown.
 */
export function generalizedBlackScholes(
  isCall: boolean, spot: number, strike: number, expiryYears: number, vol: number, rate: number, dividendYield: number,
): Greeks {
  const w = isCall ? 1 : -1;
  const T = expiryYears;
  const r = rate;
  const q = dividendYield;
  const b = r - q;
  const sqrtT = Math.sqrt(T);
  const volSqrtT = vol * sqrtT;
  const d1 = (Math.log(spot / strike) + (b + 0.5 * vol * vol) * T) / volSqrtT;
  if (!(volSqrtT > 0) || !Number.isFinite(d1)) {
    return limitGreeks(isCall, spot, strike, T, vol, rate, dividendYield);
  }
  const d2 = d1 - volSqrtT;

  const dq = Math.exp(-q * T); // e^{−qT}
  const dr = Math.exp(-r * T); // e^{−rT}
  const sd = spot * dq; // discounted forward S e^{−qT}
  const kd = strike * dr; // discounted strike K e^{−rT}
  const pdf1 = normPdf(d1);
  const cdf1 = normCdf(w * d1); // N(ωd1)
  const cdf2 = normCdf(w * d2); // N(ωd2)

  const price = w * (sd * cdf1 - kd * cdf2);
  const delta = w * dq * cdf1;
  const gamma = (dq * pdf1) / spot / volSqrtT;
  const vega = sd * pdf1 * sqrtT;
  const theta = -(sd * pdf1 * vol) / (2 * sqrtT) - w * r * kd * cdf2 + w * q * sd * cdf1;
  const rho = w * T * kd * cdf2;
  // Products with φ(d1) first, so that φ(d1) = 0 far from the money gives 0 rather than 0·∞.
  const vanna = (-dq * pdf1 * d2) / vol;
  const volga = (vega * d1 * d2) / vol;
  const charm = w * q * dq * cdf1 - dq * ((pdf1 * b) / volSqrtT - (pdf1 * d2) / (2 * T));
  return { price, delta, gamma, vega, theta, rho, vanna, volga, charm };
}

/**
 * Limits of the generalized Black–Scholes–Merton price and Greeks as T → 0 (when T = 0) or as σ → 0
 * (when σ = 0 and T > 0). The side of the money is the sign of the log forward moneyness
 * x = ln(F/K) = ln(S/K) + (r − q)T (the numerator of d1 without σ²T/2). With S_d = S e^{−qT},
 * K_d = K e^{−rT} and ω = ±1 for a call/put:
 * - off the money-forward (x ≠ 0): the discounted intrinsic max(ω(S_d − K_d), 0) and its
 *   derivatives — in the money (ωx > 0): delta ω e^{−qT}, theta ω(q S_d − r K_d), rho ω T K_d,
 *   charm ω q e^{−qT}; out of the money: all 0; gamma, vega, vanna, volga 0 either way.
 * - at the money-forward (x = 0), price 0, delta ω e^{−qT}/2, gamma NaN (it grows without bound),
 *   and
 *   - T = 0, σ > 0: vega 0, rho 0, vanna 0, volga 0; theta and charm NaN (they grow like 1/√T);
 *   - T = 0 and σ = 0: as above, but delta, vanna and volga NaN too (their limit depends on the path);
 *   - σ = 0, T > 0: vega S_d √T φ(0), theta ω(q S_d − r K_d)/2, rho ω T K_d/2, vanna e^{−qT} φ(0) √T/2,
 *     volga 0, charm ω q e^{−qT}/2 if r = q, otherwise NaN (it grows like (r − q)/σ).
 * These follow from the closed forms of {@link generalizedBlackScholes} with d1, d2 → ±∞ off the
 * money-forward and d1, d2 → 0 at it (N(0) = 1/2: the averages of the one-sided values).
 */
function limitGreeks(isCall: boolean, spot: number, strike: number, T: number, vol: number, r: number, q: number): Greeks {
  const w = isCall ? 1 : -1;
  const dq = Math.exp(-q * T);
  const sd = spot * dq;
  const kd = strike * Math.exp(-r * T);
  const x = Math.log(spot / strike) + (r - q) * T;
  if (x !== 0) {
    const inTheMoney = w * x > 0;
    return {
      price: inTheMoney ? Math.max(w * (sd - kd), 0) : 0,
      delta: inTheMoney ? w * dq : 0,
      gamma: 0,
      vega: 0,
      theta: inTheMoney ? w * (q * sd - r * kd) : 0,
      rho: inTheMoney ? w * T * kd : 0,
      vanna: 0,
      volga: 0,
      charm: inTheMoney ? w * q * dq : 0,
    };
  }
  const sqrtT = Math.sqrt(T);
  if (T === 0 && vol === 0) {
    // both at once: T → 0 first gives delta ±1/2, σ → 0 first gives the sign of r − q; no limit
    return { price: 0, delta: NaN, gamma: NaN, vega: 0, theta: NaN, rho: 0, vanna: NaN, volga: NaN, charm: NaN };
  }
  if (T === 0) {
    return { price: 0, delta: 0.5 * w, gamma: NaN, vega: 0, theta: NaN, rho: 0, vanna: 0, volga: 0, charm: NaN };
  }
  return {
    price: 0,
    delta: 0.5 * w * dq,
    gamma: NaN,
    vega: sd * sqrtT * PDF_AT_ZERO,
    theta: 0.5 * w * (q * sd - r * kd),
    rho: 0.5 * w * T * kd,
    vanna: 0.5 * dq * PDF_AT_ZERO * sqrtT,
    volga: 0,
    charm: r === q ? 0.5 * w * q * dq : NaN,
  };
}

/**
 * Black–Scholes–Merton price and Greeks of a European option on a spot with a continuous dividend
 * (staking, funding) yield (Merton 1973; Haug 2007 ch. 1–2; Hull, 9th ed., ch. 15 and 19).
 * @param input `{ type: 'call' | 'put', spot, strike, expiryYears, vol, rate?, dividendYield? }`:
 *   spot and strike > 0 (quote currency), 0 ≤ expiryYears ≤ 50 (years), 0 ≤ vol ≤ 10 (annualised
 *   decimal), |rate|, |dividendYield| ≤ 1 (continuously compounded, default 0).
 * @returns `{ price, delta, gamma, vega, theta, rho, vanna, volga, charm }`: price in the quote
 *   currency; delta per unit of spot, gamma per unit²; vega, vanna, volga per 1.00 of vol; theta and
 *   charm per year of calendar time; rho per 1.00 of rate (dividend yield held fixed). At expiry 0 or
 *   vol 0 the limits (discounted intrinsic value and its derivatives); a Greek with no limit
 *   (gamma at the money-forward) is NaN.
 * @throws InvalidInputError naming the first bad field and its value.
 */
export function blackScholes(input: BlackScholesInput): Greeks {
  const c = checkBlackScholes(input);
  return generalizedBlackScholes(c.isCall, c.spot, c.strike, c.expiryYears, c.vol, c.rate, c.dividendYield);
}

/**
 * Black-76 price and Greeks of a European option on a forward or futures price, discounted at
 * `rate` (F. Black, "The pricing of commodity contracts", J. Financial Economics 3, 1976; Haug 2007
 * ch. 1: the generalized model with b = 0 and the forward in place of the spot).
 * @param input `{ type, forward, strike, expiryYears, vol, rate? }`, ranges as in {@link blackScholes};
 *   no `dividendYield` (the forward already carries it).
 * @returns `{ price, delta, …, charm }` with derivatives with respect to the forward: delta
 *   ω e^{−rT} N(ωd1) per unit of forward, gamma per unit²; vega, vanna, volga per 1.00 of vol; theta
 *   and charm per year of calendar time with the forward fixed; rho = ∂price/∂r with the forward
 *   fixed = −T·price. Limits at expiry 0 or vol 0 as in {@link blackScholes}.
 * @throws InvalidInputError naming the first bad field and its value (including a `dividendYield`).
 */
export function black76(input: Black76Input): Greeks {
  const c = checkBlack76(input);
  return black76Greeks(c.isCall, c.forward, c.strike, c.expiryYears, c.vol, c.rate);
}

/**
 * Black-76 on validated inputs: the generalized model with spot = forward and q = r (so b = 0),
 * whose Greeks other than rho are those of Black-76 (theta and charm hold the forward fixed, as b = 0
 * holds the "spot" fixed); rho with the forward fixed is −T·price (Haug 2007 ch. 2, rho of options on futures).
 */
export function black76Greeks(isCall: boolean, forward: number, strike: number, expiryYears: number, vol: number, rate: number): Greeks {
  const g = generalizedBlackScholes(isCall, forward, strike, expiryYears, vol, rate, rate);
  return { ...g, rho: -expiryYears * g.price };
}
