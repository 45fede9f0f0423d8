/**
 * Geometric-average-price Asian options (European exercise) under Black–Scholes–Merton, continuous or
 * discrete averaging (WASM kernel `assembly/options/exotic/geometricAsian.ts`).
 *
 * Method: the geometric average G of lognormal prices is lognormal, so the option is a Black-76 option on
 * E[G] with the variance of ln G. Continuous averaging: Kemna & Vorst (1990), Haug (2007) §4.20.1
 * (σ_A = σ/√3, b_A = (b − σ²/6)/2); discrete fixings t_1 … t_n: Haug §4.20.2 in the general form
 * mean of ln G = ln S + (b − σ²/2)·t̄, variance σ²·(1/n²)·Σ_{i,j} min(t_i, t_j).
 */
import { batchBlock } from '../../wasm/arena.js';
import { checkAsianFixings, checkCommon, checkLevel, checkObject } from './validate.js';
import { OUT_SLOT, runScalar } from './run.js';
import type { ExoticResult, GeometricAsianInput } from './types.js';

/**
 * Prices a geometric-average-price Asian option.
 * @param input `{ type: 'call' | 'put', spot, strike, expiryYears, vol, rate? = 0, dividendYield? = 0,
 *   fixings? }` (DESIGN §4 units). `fixings` omitted: continuous average over [0, T]; a number n: n equally
 *   spaced fixings T/n, 2T/n, …, T (t = 0 excluded); an array: fixing times in years, strictly increasing,
 *   in (0, expiryYears]. Payoff max(±(G − K), 0) at expiry with G the geometric average of the fixings.
 * @returns `{ price, delta, vega }`: price in the spot's currency; delta ∂V/∂S and vega ∂V/∂σ (per 1.00 of
 *   vol), both analytic. Expiry 0: the payoff max(±(S − K), 0) (delta ±1 in the money, ±1/2 at the
 *   strike); vol 0: the discounted payoff on the deterministic average e^{−rT}·max(±(F_G − K), 0).
 * @throws InvalidInputError naming the field and value (the rules of blackScholes; `fixings` not an integer
 *   in [1, 100000], or an array not strictly increasing within (0, expiryYears]).
 * @throws WasmInitError before `init()` has resolved.
 */
export function geometricAsian(input: GeometricAsianInput): ExoticResult {
  const o = checkObject('input', input);
  const c = checkCommon(o);
  const strike = checkLevel('strike', o.strike);
  const fix = checkAsianFixings(o.fixings, c.expiryYears);
  let timesPtr = 0;
  if (fix.times) {
    const { k, ptr } = batchBlock(fix.times.length * 8);
    new Float64Array(k.memory.buffer, ptr, fix.times.length).set(fix.times);
    timesPtr = ptr;
  }
  return runScalar(({ k, slots, flags, slot, flag }) => {
    slots[0] = c.spot; slots[1] = strike; slots[2] = c.expiryYears; slots[3] = c.vol;
    slots[4] = c.rate; slots[5] = c.dividendYield;
    flags[0] = c.isCall ? 1 : 0;
    k.geometricAsianBatch(1, flag(0), slot(0), slot(1), slot(2), slot(3), slot(4), slot(5), fix.count, timesPtr,
      slot(OUT_SLOT), flag(2));
  });
}
