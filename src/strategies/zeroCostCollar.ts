/**
 * Zero-cost collar: the call strike whose premium pays for the put (McMillan, Options as a Strategic
 * Investment, 5th ed., ch. 3). Under Black–Scholes–Merton / Black-76 the call price C(K) falls strictly
 * from S·e^{−qT} (K → 0) to 0 (K → ∞), so C(K) = P(K_put) has exactly one root when 0 < P < S·e^{−qT}.
 * By put-call parity C(K) − P(K) = e^{−rT}(F − K), so K_put = F gives K_call = F (the collar is then a
 * short forward at F, worth 0).
 */
import { NoConvergenceError } from '../errors.js';
import { checkObject, fail } from '../options/validate.js';
import { unitGreeks } from './legs.js';
import { buildPackage } from './package.js';
import type { Holding, Strategy } from './types.js';
import { checkHorizon, checkLevel, checkModel, checkNonNegative, checkVol } from './validate.js';

/** Iteration cap of the root solve (the Illinois method needs a few dozen at most). */
const MAX_ITERATIONS = 400;

/** Input of {@link zeroCostCollar}. */
export interface ZeroCostCollarInput {
  spot: number;
  putStrike: number;
  expiryYears: number;
  /** Vol of the put (and of the call unless `callVol` is given), decimal. */
  vol: number;
  /** The call's vol (a skew: BTC calls often trade at a different vol than puts). Default `vol`. */
  callVol?: number;
  rate?: number;
  dividendYield?: number;
  /** Forward of the expiry: Black-76 pricing (no `dividendYield`). */
  forward?: number;
  /** Units protected (default 1): also builds the collar package on this holding. */
  quantity?: number;
}

/** Result of {@link zeroCostCollar}. */
export interface ZeroCostCollarResult {
  callStrike: number;
  putPremium: number;
  callPremium: number;
  /** putPremium − callPremium (USD per unit; ≈ 0 to the solver's tolerance). */
  netPremium: number;
  /** Bisection/secant iterations used. */
  iterations: number;
  /** The collar on `quantity` units at these strikes (floor, cap, Greeks …). */
  strategy: Strategy;
}

/**
 * The call strike K_c with C(K_c) = P(K_put) (same expiry, model and underlying).
 *
 * Method: C is strictly decreasing in K, so the root is bracketed: lo = K_put·e^{−j} and hi = F·e^{j}
 * (F the forward) widened until C(lo) > P > C(hi); then the Illinois variant of regula falsi on
 * g(x) = C(e^x) − P in x = ln K (Dowell & Jarratt, BIT 11, 1971), which keeps the bracket (so it always
 * converges) and is superlinear; stops when the bracket's width in ln K is below 4 ulp (a relative error in K of
 * about 1e-15·max(1, |ln K|)) or g = 0 exactly.
 *
 * @param input `{ spot, putStrike, expiryYears, vol, callVol?, rate? = 0, dividendYield? = 0 | forward?, quantity? = 1 }`.
 * @returns `{ callStrike, putPremium, callPremium, netPremium, iterations, strategy }`.
 * @throws InvalidInputError naming the field and value; `putStrike` when the put is worth 0 (no call strike
 *   is finite) or at least the call's maximum S·e^{−qT} (no strike is low enough).
 * @throws NoConvergenceError if the bracket cannot be found (not expected in the valid domain).
 */
export function zeroCostCollar(input: ZeroCostCollarInput): ZeroCostCollarResult {
  const o = checkObject('input', input);
  const spot = checkLevel('spot', o.spot);
  const putStrike = checkLevel('putStrike', o.putStrike);
  const t = checkHorizon('expiryYears', o.expiryYears);
  const m = checkModel({ vol: o.vol, rate: o.rate, dividendYield: o.dividendYield, forward: o.forward });
  const callVol = o.callVol === undefined ? m.vol : checkVol('callVol', o.callVol);
  const quantity = o.quantity === undefined ? 1 : checkNonNegative('quantity', o.quantity);
  const forward = m.forward ?? spot * Math.exp((m.rate - m.dividendYield) * t);
  const put = unitGreeks('put', putStrike, spot, t, m.vol, m).price;
  const callAt = (k: number): number => unitGreeks('call', k, spot, t, callVol, m).price;
  const maxCall = Math.exp(-m.rate * t) * forward; // C(K → 0) = e^{−rT}F = S·e^{−qT}
  if (!(put > 0)) fail('putStrike', putStrike, 'put premium > 0', 'gives a put worth 0: no finite call strike pays for it');
  if (put >= maxCall) fail('putStrike', putStrike, `put premium < ${maxCall}`, `gives a put premium (${put}) at or above the call's maximum (${maxCall}): no call strike pays for it`);
  let lo = Math.log(Math.min(putStrike, forward)), hi = Math.log(Math.max(putStrike, forward));
  let glo = callAt(Math.exp(lo)) - put, ghi = callAt(Math.exp(hi)) - put;
  for (let j = 0; glo <= 0 && j < 200; j++) { lo -= 1; glo = callAt(Math.exp(lo)) - put; }
  for (let j = 0; ghi >= 0 && j < 200; j++) { hi += 1; ghi = callAt(Math.exp(hi)) - put; }
  if (!(glo > 0 && ghi < 0)) throw new NoConvergenceError(`zeroCostCollar: no bracket for the call strike (put premium ${put})`, { field: 'putStrike', value: putStrike });
  let x = hi, iterations = 0, side = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    x = (lo * ghi - hi * glo) / (ghi - glo);
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    const gx = callAt(Math.exp(x)) - put;
    if (gx === 0) break;
    if (gx > 0) { lo = x; glo = gx; if (side === 1) ghi *= 0.5; side = 1; } else { hi = x; ghi = gx; if (side === -1) glo *= 0.5; side = -1; }
    if (hi - lo <= 4 * Number.EPSILON * Math.max(1, Math.abs(hi))) { x = Math.abs(glo) < Math.abs(ghi) ? lo : hi; break; }
  }
  if (iterations >= MAX_ITERATIONS) {
    throw new NoConvergenceError(`zeroCostCollar: the call strike did not converge in ${MAX_ITERATIONS} iterations (bracket [${Math.exp(lo)}, ${Math.exp(hi)}])`, { field: 'putStrike', value: putStrike });
  }
  const callStrike = Math.exp(x);
  const callPremium = callAt(callStrike);
  const holding: Holding = { quantity, spot };
  // buildPackage rather than collar(): with K_put > F the root lies below K_put, which collar() rejects.
  const strategy = buildPackage(`zero-cost collar ${putStrike}/${callStrike}`, holding, t, m, [
    { type: 'put', strike: putStrike, quantity },
    { type: 'call', strike: callStrike, quantity: -quantity, vol: callVol },
  ]);
  return { callStrike, putPremium: put, callPremium, netPremium: put - callPremium, iterations, strategy };
}
