/**
 * European options under Merton's (1976) jump diffusion (WASM kernel `assembly/options/models/merton.ts`).
 *
 * Method: R. C. Merton, "Option pricing when underlying stock returns are discontinuous", J. Financial
 * Economics 3 (1976) 125–144: a Poisson-weighted series of Black–Scholes–Merton prices (the package's BSM
 * kernel for each term), summed outwards from the Poisson mode until the weight left out is below 1e-17
 * (at most ~5,700 terms; see the kernel's header for the bound).
 */
import { NoConvergenceError, Status } from '../../errors.js';
import { SCALAR_FLAGS, scalarBlock } from '../../wasm/arena.js';
import type { MertonJumpDiffusionInput, MertonJumpDiffusionResult } from './types.js';
import { checkMerton } from './validate.js';
import { kernelRejected } from './status.js';

/**
 * Prices one European option under Merton's jump diffusion: between jumps the spot follows
 * Black–Scholes–Merton with `vol`; jumps arrive at `jumpIntensity` per year and multiply the spot by
 * 1 + jump with ln(1 + jump) ~ N(jumpMean, jumpVol²); the drift is compensated so the forward is
 * spot·e^{(rate − dividendYield)·T}.
 * @param input `{ type, spot, strike, expiryYears, vol, rate? = 0, dividendYield? = 0, jumpIntensity,
 *   jumpMean, jumpVol }` (units: DESIGN §4).
 * @returns `{ price, delta, vega }`: price in the spot's currency, delta ∂V/∂S, vega ∂V/∂vol per 1.00 of
 *   the diffusion vol. With jumpIntensity = 0 (or expiry 0) the result is exactly `blackScholes`'s; a
 *   delta without a limit (expiry 0 and vol 0 at the money-forward) is NaN, as there.
 * @throws InvalidInputError naming the field and value: the rules of `blackScholes`, plus jumpIntensity
 *   outside [0, 1000], |jumpMean| > 10, jumpVol outside [0, 10] (non-finite values too).
 * @throws NoConvergenceError if the series were not summed within its term bound (never on valid input).
 * @throws WasmInitError before `init()` has resolved.
 */
export function mertonJumpDiffusion(input: MertonJumpDiffusionInput): MertonJumpDiffusionResult {
  const c = checkMerton(input);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.spot; slots[1] = c.strike; slots[2] = c.expiryYears; slots[3] = c.vol;
  slots[4] = c.rate; slots[5] = c.dividendYield; slots[6] = c.jumpIntensity; slots[7] = c.jumpMean;
  slots[8] = c.jumpVol;
  flags[0] = c.isCall ? 1 : 0;
  const f = ptr + SCALAR_FLAGS;
  k.mertonJumpDiffusionBatch(1, f, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + 48, ptr + 56, ptr + 64,
    ptr + 128, f + 1);
  const status = flags[1]!;
  if (status === Status.INVALID_INPUT) kernelRejected();
  if (status === Status.NO_CONVERGENCE) {
    throw new NoConvergenceError('the Merton series did not converge within its term bound', { rule: 'series', ...c });
  }
  return { price: slots[16]!, delta: slots[17]!, vega: slots[18]! };
}
