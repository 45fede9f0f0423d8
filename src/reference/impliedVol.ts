/**
 * Implied volatility by a plain safeguarded Newton–bisection on the price (the reference for the
 * WASM solver): readable rather than fast.
 *
 * The price of a European option in both models depends on the vol only through the total vol
 * v = σ√T: P(v) = ω(S_d N(ωd1) − K_d N(ωd2)), d1 = x/v + v/2, d2 = d1 − v, with S_d the discounted
 * forward (S e^{−qT}, or F e^{−rT} for Black-76), K_d = K e^{−rT} and x = ln(S_d/K_d). P is
 * increasing in v from the discounted intrinsic value max(ω(S_d − K_d), 0) at v = 0 to S_d (call) or
 * K_d (put) as v → ∞, with ∂P/∂v = S_d φ(d1). The solver keeps a bracket [lo, hi] around the root,
 * takes the Newton step when it lands inside the bracket and bisects otherwise (the textbook
 * safeguarded Newton method, e.g. W. H. Press et al., "Numerical Recipes", 3rd ed., §9.4, `rtsafe`).
 * It starts at the inflection point v = √(2|x|) of P (Manaster & Koehler, "The calculation of
 * implied variances from the Black–Scholes model", J. Finance 37, 1982), from which Newton's
 * iteration is monotone, or, at the money, at the Brenner–Subrahmanyam estimate v ≈ √(2π)·P/S_d.
 */
import { NoConvergenceError, PriceOutOfBoundsError, Status, type StatusCode } from '../errors.js';
import type { ImpliedVolInput } from '../options/types.js';
import { checkImpliedVol, type CheckedImpliedVol } from '../options/validate.js';
import { normCdf, normPdf } from './normal.js';

/** Relative tolerance on the total vol: 4 ulps, i.e. close to full double precision. */
const REL_TOL = 4 * Number.EPSILON;
/** Iteration cap (bisection alone would need about 60 + log2(1/v) steps). */
const MAX_ITERATIONS = 300;
/** Largest total vol σ√T searched (P(v) is within rounding of its upper bound from v ≈ 40 on). */
const MAX_TOTAL_VOL = 4096;

/** Outcome of the solver: `vol` (NaN unless status is OK), a status code, and the violated bound if any. */
export interface ImpliedVolOutcome {
  vol: number;
  status: StatusCode;
  /** The no-arbitrage bound that was violated (BELOW_INTRINSIC / ABOVE_MAXIMUM), else NaN. */
  bound: number;
}

/** Price of the option as a function of the total vol v = σ√T ≥ 0 (see the module comment). */
function priceOfTotalVol(isCall: boolean, sd: number, kd: number, x: number, v: number): number {
  const w = isCall ? 1 : -1;
  if (v === 0) return Math.max(w * (sd - kd), 0);
  const d1 = x / v + 0.5 * v;
  const d2 = d1 - v;
  return w * (sd * normCdf(w * d1) - kd * normCdf(w * d2));
}

/**
 * Implied vol on validated inputs, without throwing: the status says what happened.
 * @param c validated inputs from `checkImpliedVol` (price ≥ 0, underlying and strike > 0, …).
 * @returns vol per year (annualised decimal) with status OK; or NaN with BELOW_INTRINSIC (price
 *   below the discounted intrinsic value, `bound` = that value), ABOVE_MAXIMUM (price at or above
 *   S e^{−qT} for a call / K e^{−rT} for a put, or above the intrinsic value at expiry 0; `bound` =
 *   that maximum) or NO_CONVERGENCE. A price exactly at the intrinsic value gives vol 0, status OK.
 */
export function solveImpliedVol(c: CheckedImpliedVol): ImpliedVolOutcome {
  const { isCall, price, strike, rate: r, expiryYears: T } = c;
  const q = c.model === 'bsm' ? c.dividendYield : r; // Black-76: the forward discounts at r
  const sd = c.underlying * Math.exp(-q * T); // discounted forward
  const kd = strike * Math.exp(-r * T); // discounted strike
  const x = c.model === 'bsm' ? Math.log(c.underlying / strike) + (r - q) * T : Math.log(c.underlying / strike);
  const w = isCall ? 1 : -1;
  const intrinsic = Math.max(w * (sd - kd), 0);
  const maximum = T === 0 ? intrinsic : isCall ? sd : kd;

  if (price < intrinsic) return { vol: NaN, status: Status.BELOW_INTRINSIC, bound: intrinsic };
  if (price === intrinsic) return { vol: 0, status: Status.OK, bound: NaN };
  if (price >= maximum) return { vol: NaN, status: Status.ABOVE_MAXIMUM, bound: maximum };

  // Bracket the root in total vol: P(lo) < price ≤ P(hi).
  let lo = 0;
  let hi = 1;
  while (priceOfTotalVol(isCall, sd, kd, x, hi) < price) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_TOTAL_VOL) return { vol: NaN, status: Status.NO_CONVERGENCE, bound: NaN };
  }

  let v = x !== 0 ? Math.sqrt(2 * Math.abs(x)) : Math.sqrt(2 * Math.PI) * (price / sd);
  if (!(v > lo && v < hi)) v = 0.5 * (lo + hi);

  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = priceOfTotalVol(isCall, sd, kd, x, v) - price;
    if (f === 0) return { vol: v / Math.sqrt(T), status: Status.OK, bound: NaN };
    if (f < 0) lo = v;
    else hi = v;

    const slope = sd * normPdf(x / v + 0.5 * v); // ∂P/∂v = S_d φ(d1)
    let next = v - f / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi); // Newton left the bracket: bisect
    if (Math.abs(next - v) <= REL_TOL * next || hi - lo <= REL_TOL * hi) {
      return { vol: next / Math.sqrt(T), status: Status.OK, bound: NaN };
    }
    v = next;
  }
  return { vol: NaN, status: Status.NO_CONVERGENCE, bound: NaN };
}

/**
 * Implied volatility of a European option price: Black–Scholes–Merton when `spot` is given,
 * Black-76 when `forward` is given (Haug 2007 ch. 1 for the models; solver in the module comment).
 * @param input `{ type: 'call' | 'put', price, spot | forward, strike, expiryYears, rate?, dividendYield? }`:
 *   price ≥ 0 in the quote currency; exactly one of spot / forward (> 0); strike > 0; 0 ≤ expiryYears
 *   ≤ 50 (years); |rate|, |dividendYield| ≤ 1 (continuously compounded; dividendYield only with spot).
 * @returns the annualised vol as a decimal (0.8 = 80%), to about full double precision in σ√T;
 *   0 for a price exactly at the discounted intrinsic value.
 * @throws InvalidInputError for a bad field (named with its value).
 * @throws PriceOutOfBoundsError `PRICE_BELOW_INTRINSIC` (bound = discounted intrinsic value
 *   max(±(S e^{−qT} − K e^{−rT}), 0)) or `PRICE_ABOVE_MAXIMUM` (bound = S e^{−qT} for a call,
 *   K e^{−rT} for a put, or the intrinsic value at expiry 0), with `details.field` 'price' and `value`.
 * @throws NoConvergenceError if the iteration does not reach its tolerance (not expected).
 */
export function impliedVol(input: ImpliedVolInput): number {
  const c = checkImpliedVol(input);
  const out = solveImpliedVol(c);
  switch (out.status) {
    case Status.OK:
      return out.vol;
    case Status.BELOW_INTRINSIC:
      throw new PriceOutOfBoundsError('PRICE_BELOW_INTRINSIC',
        `price (${c.price}) is below the discounted intrinsic value ${out.bound}: no volatility fits`,
        { bound: out.bound, field: 'price', value: c.price, rule: '>= intrinsic' });
    case Status.ABOVE_MAXIMUM:
      throw new PriceOutOfBoundsError('PRICE_ABOVE_MAXIMUM',
        `price (${c.price}) is at or above the no-arbitrage maximum ${out.bound}: no volatility fits`,
        { bound: out.bound, field: 'price', value: c.price, rule: '< maximum' });
    default:
      throw new NoConvergenceError(`implied vol did not converge for price (${c.price})`,
        { field: 'price', value: c.price });
  }
}
