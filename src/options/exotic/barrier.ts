/**
 * Single-barrier options (European exercise) under Black–Scholes–Merton: down/up × in/out × call/put with
 * a cash rebate (WASM kernel `assembly/options/exotic/barrier.ts`).
 *
 * Method: Reiner & Rubinstein (1991) in the form of Haug (2007) §4.17.1 (terms A–F). Rebate: a knock-in's
 * rebate is paid at expiry if the barrier was never touched (term E); a knock-out's is paid when the
 * barrier is touched (term F). Discrete monitoring: Broadie, Glasserman & Kou (1997) continuity
 * correction, barrier shifted to H·e^{±0.5826·σ·√(T/m)} (away from the spot).
 */
import { fail } from '../validate.js';
import { checkChoice, checkCommon, checkFixingCount, checkLevel, checkObject, checkRebate } from './validate.js';
import { OUT_SLOT, runScalar } from './run.js';
import type { BarrierOptionInput, ExoticResult } from './types.js';

/**
 * Prices a single-barrier option.
 * @param input `{ type, spot, strike, expiryYears, vol, rate? = 0, dividendYield? = 0, barrier,
 *   direction: 'up' | 'down', knock: 'in' | 'out', rebate? = 0, monitoring? = 'continuous' | 'discrete',
 *   fixings? }` (DESIGN §4 units; `fixings` = the number of equally spaced monitoring dates, only with
 *   monitoring 'discrete').
 * @returns `{ price, delta, vega }`: price in the spot's currency; delta ∂V/∂S and vega ∂V/∂σ (per 1.00 of
 *   vol) are central differences of the closed form inside the kernel (relative steps 1e-5; one-sided
 *   three-point differences next to the barrier and at vol ≈ 0), accurate to ~1e-8 relative.
 *   A spot at or beyond the barrier (spot ≤ barrier for 'down', ≥ for 'up') means the barrier has been
 *   touched: a knock-out is worth its rebate (delta = vega = 0), a knock-in is the vanilla option
 *   (Black–Scholes–Merton price, delta, vega). Expiry 0 or vol 0: the deterministic path S·e^{(r−q)t}
 *   decides whether and when the barrier is hit; the value is the discounted payoff or rebate.
 * @throws InvalidInputError naming the field and value (the rules of blackScholes; barrier outside
 *   [1e-100, 1e100]; direction, knock, monitoring not one of their names; rebate < 0 or not finite;
 *   fixings without monitoring 'discrete', or not an integer in [1, 100000]).
 * @throws WasmInitError before `init()` has resolved.
 */
export function barrierOption(input: BarrierOptionInput): ExoticResult {
  const o = checkObject('input', input);
  const c = checkCommon(o);
  const strike = checkLevel('strike', o.strike);
  const barrier = checkLevel('barrier', o.barrier);
  const direction = checkChoice('direction', o.direction, ['up', 'down'] as const);
  const knock = checkChoice('knock', o.knock, ['in', 'out'] as const);
  const rebate = checkRebate(o.rebate);
  const monitoring = o.monitoring === undefined ? 'continuous' : checkChoice('monitoring', o.monitoring, ['continuous', 'discrete'] as const);
  let dates = 0;
  if (monitoring === 'discrete') {
    if (o.fixings === undefined) fail('fixings', o.fixings, 'required', "is required with monitoring 'discrete' (the number of monitoring dates)");
    dates = checkFixingCount('fixings', o.fixings);
  } else if (o.fixings !== undefined) {
    fail('fixings', o.fixings, 'absent', "can only be given with monitoring 'discrete'");
  }
  return runScalar(({ k, slots, flags, slot, flag }) => {
    slots[0] = c.spot; slots[1] = strike; slots[2] = c.expiryYears; slots[3] = c.vol;
    slots[4] = c.rate; slots[5] = c.dividendYield; slots[6] = barrier; slots[7] = rebate;
    flags[0] = c.isCall ? 1 : 0;
    flags[1] = (direction === 'up' ? 1 : 0) | (knock === 'out' ? 2 : 0);
    k.barrierBatch(1, flag(0), flag(1), slot(0), slot(1), slot(2), slot(3), slot(4), slot(5), slot(6), slot(7), dates,
      slot(OUT_SLOT), flag(2));
  });
}
