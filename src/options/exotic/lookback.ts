/**
 * Continuously monitored lookback options (European exercise) under Black–Scholes–Merton (WASM kernel
 * `assembly/options/exotic/lookback.ts`).
 *
 * Method: floating strike — Goldman, Sosin & Gatto (1979); fixed strike — Conze & Viswanathan (1991);
 * both as in Haug (2007) §4.15.1–4.15.2, with the zero-carry (r = q) limit evaluated without 0/0.
 */
import { fail } from '../validate.js';
import { checkChoice, checkCommon, checkLevel, checkObject } from './validate.js';
import { OUT_SLOT, runScalar } from './run.js';
import type { ExoticResult, LookbackOptionInput } from './types.js';

/**
 * Prices a lookback option.
 * @param input `{ type, spot, expiryYears, vol, rate? = 0, dividendYield? = 0, strikeType: 'floating' |
 *   'fixed', strike? (fixed only), runningExtremum? = spot }` (DESIGN §4 units). Payoffs at expiry:
 *   floating call S_T − min, floating put max − S_T; fixed call (max − K)⁺, fixed put (K − min)⁺, the
 *   min/max over [contract start, T] — `runningExtremum` is the minimum so far (≤ spot) for a floating call
 *   and a fixed put, the maximum so far (≥ spot) for a floating put and a fixed call.
 * @returns `{ price, delta, vega }`: price in the spot's currency; delta ∂V/∂S (running extremum held
 *   fixed) and vega ∂V/∂σ (per 1.00 of vol) come from the closed form inside the kernel: for a new
 *   floating-strike contract (extremum = spot) delta = V/S exactly (V is homogeneous of degree 1 in
 *   (S, m) and ∂V/∂m = 0 at S = m); otherwise differences with spot step min(1e-5, 1e-4·ℓ)·S,
 *   ℓ = min(1, σ√T, σ²/(2|r − q|)), one-sided where the step would cross the extremum (about 2e-7
 *   relative at vol 0.001, ~1e-8 at ordinary vols). Expiry 0 or vol 0: the
 *   discounted payoff on the deterministic path S·e^{(r−q)t}.
 * @throws InvalidInputError naming the field and value (the rules of blackScholes; strikeType not
 *   'floating'/'fixed'; strike missing for fixed or given for floating; runningExtremum outside [1e-100,
 *   1e100] or on the wrong side of the spot).
 * @throws WasmInitError before `init()` has resolved.
 */
export function lookbackOption(input: LookbackOptionInput): ExoticResult {
  const o = checkObject('input', input);
  const c = checkCommon(o);
  const strikeType = checkChoice('strikeType', o.strikeType, ['floating', 'fixed'] as const);
  const fixed = strikeType === 'fixed';
  let strike = 0;
  if (fixed) strike = checkLevel('strike', o.strike);
  else if (o.strike !== undefined) fail('strike', o.strike, 'absent', "is not an input of a floating-strike lookback (strikeType 'floating')");
  const usesMin = c.isCall !== fixed;
  let extremum = c.spot;
  if (o.runningExtremum !== undefined) {
    extremum = checkLevel('runningExtremum', o.runningExtremum);
    if (usesMin && extremum > c.spot) {
      fail('runningExtremum', extremum, `<= spot (${c.spot})`, `must be <= spot (${c.spot}): it is the running minimum of a ${strikeType}-strike ${c.isCall ? 'call' : 'put'}`);
    }
    if (!usesMin && extremum < c.spot) {
      fail('runningExtremum', extremum, `>= spot (${c.spot})`, `must be >= spot (${c.spot}): it is the running maximum of a ${strikeType}-strike ${c.isCall ? 'call' : 'put'}`);
    }
  }
  return runScalar(({ k, slots, flags, slot, flag }) => {
    slots[0] = c.spot; slots[1] = strike; slots[2] = c.expiryYears; slots[3] = c.vol;
    slots[4] = c.rate; slots[5] = c.dividendYield; slots[6] = extremum;
    flags[0] = c.isCall ? 1 : 0;
    k.lookbackBatch(1, fixed ? 1 : 0, flag(0), slot(0), slot(1), slot(2), slot(3), slot(4), slot(5), slot(6),
      slot(OUT_SLOT), flag(2));
  });
}
