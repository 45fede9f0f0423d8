/**
 * European options under the Heston (1993) stochastic-volatility model (WASM kernel
 * `assembly/options/models/heston.ts`).
 *
 * Method: the characteristic function in the "little Heston trap" form (Albrecher, Mayer, Schoutens,
 * Tistaert, Wilmott Magazine, January 2007), continuous for all parameters including Feller violations;
 * A. Lewis's single-integral price formula (2000/2001) with a Black–Scholes control variate at the
 * model's average variance θT + (v0 − θ)(1 − e^{−κT})/κ (so volOfVol → 0 gives Black–Scholes exactly);
 * globally adaptive Gauss–Kronrod (7–15) on [0, ∞) mapped to [0, 1), to an absolute error below
 * 1e-13·√(F·K)·e^{−rT}/π on the price (about 3e-12 for spot and strike near 100).
 */
import { NoConvergenceError, Status } from '../../errors.js';
import { SCALAR_FLAGS, scalarBlock } from '../../wasm/arena.js';
import { kernelRejected } from './status.js';
import type { HestonInput, HestonResult } from './types.js';
import { checkHeston } from './validate.js';

/**
 * Prices one European option under Heston's model.
 * @param input `{ type, spot, strike, expiryYears, rate? = 0, dividendYield? = 0, v0, kappa, theta,
 *   volOfVol, rho }`: v0 and theta are variances per year (0.04 = 20% vol), kappa per year, volOfVol
 *   per √year; theta is the long-run variance and rho the spot–variance correlation (not Greeks).
 * @returns `{ price, delta }`: price in the spot's currency; delta ∂V/∂S with the variance fixed. At
 *   expiry 0, or with v0 = theta = 0, the discounted intrinsic value (Black–Scholes limits).
 * @throws InvalidInputError naming the field and value: the rules of `blackScholes` for the option
 *   fields; v0, theta outside [0, 100]; kappa outside (0, 1000]; volOfVol outside [0, 10]; |rho| > 1;
 *   a `vol` field (not a Heston input).
 * @throws NoConvergenceError if the integration does not reach 1e-9 within 4,000 panels: seen only in a
 *   degenerate corner (v0 ≈ 0, 2·kappa·theta ≪ volOfVol², |rho| near 1, short expiries), where the
 *   characteristic function decays too slowly.
 * @throws WasmInitError before `init()` has resolved.
 */
export function hestonPrice(input: HestonInput): HestonResult {
  const c = checkHeston(input);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.spot; slots[1] = c.strike; slots[2] = c.expiryYears; slots[3] = c.rate;
  slots[4] = c.dividendYield; slots[5] = c.v0; slots[6] = c.kappa; slots[7] = c.theta;
  slots[8] = c.volOfVol; slots[9] = c.rho;
  flags[0] = c.isCall ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  k.hestonBatch(1, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + 48, ptr + 56, ptr + 64, ptr + 72,
    ptr + 128, f + 1);
  const status = flags[1]!;
  if (status === Status.INVALID_INPUT) kernelRejected();
  if (status === Status.NO_CONVERGENCE) {
    throw new NoConvergenceError('the Heston integral did not reach its tolerance', { rule: 'integration', ...c });
  }
  return { price: slots[16]!, delta: slots[17]! };
}
