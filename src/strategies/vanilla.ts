/**
 * The four classic protection packages on a holding (J. C. Hull, Options, Futures, and Other Derivatives,
 * 10th ed., 2018, ch. 12 "Trading strategies involving options": protective put §12.1, bull/bear spreads §12.3;
 * collar and covered call as in L. G. McMillan, Options as a Strategic Investment, 5th ed., 2012, ch. 2–3).
 */
import { checkKnownFields, checkObject, fail } from '../options/validate.js';
import { buildPackage } from './package.js';
import type { LegInput, LegSpec, Strategy, StrategyBase } from './types.js';
import { checkHolding, checkHorizon, checkLeg, checkModel, type CheckedModel } from './validate.js';
import type { Holding } from './types.js';

interface Checked { holding: Holding; t: number; m: CheckedModel }

/** Validates the common fields; `legs` are the strategy's own leg fields (any other field is rejected). */
function base(input: unknown, legs: readonly string[]): Checked & { o: Record<string, unknown> } {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['holding', 'expiryYears', 'model', ...legs]);
  return { o, holding: checkHolding(o.holding), t: checkHorizon('expiryYears', o.expiryYears), m: checkModel(o.model) };
}

/** A leg from a strategy's named input: type fixed, quantity = sign × (given or the holding's quantity). */
function leg(field: string, value: unknown, type: 'call' | 'put', sign: 1 | -1, holding: Holding): LegSpec {
  const o = checkObject(field, value);
  if (o.type !== undefined) fail(`${field}.type`, o.type, 'absent', 'is fixed by the strategy (omit it)');
  const quantity = o.quantity === undefined ? holding.quantity : o.quantity;
  if (typeof quantity === 'number' && quantity < 0) fail(`${field}.quantity`, quantity, '>= 0', 'must be >= 0 (the strategy sets the side)');
  const l = checkLeg(field, { ...o, type, quantity });
  return { ...l, quantity: sign * l.quantity };
}

/**
 * Protective put: the holding plus bought puts. With q_put = q: floor q·K − cost·e^{rT}, cap +∞, break-even
 * S₀ + cost·e^{rT}/q (in general the exact min of V − cost·e^{rT}, see `optionPackage`).
 * @param input `{ holding, expiryYears, model, put: { strike, quantity? = holding.quantity, premium?, vol?, name? } }`.
 * @returns a {@link Strategy} named `protective put K`.
 * @throws InvalidInputError naming the field and value.
 */
export function protectivePut(input: StrategyBase & { put: LegInput }): Strategy {
  const c = base(input, ['put']);
  const put = leg('put', c.o.put, 'put', 1, c.holding);
  return buildPackage(`protective put ${put.strike}`, c.holding, c.t, c.m, [put]);
}

/**
 * Collar: the holding plus a bought put (strike K_p) and a sold call (strike K_c ≥ K_p). Floor q·K_p − cost·e^{rT},
 * cap q·K_c − cost·e^{rT} when both quantities equal the holding's.
 * @param input `{ holding, expiryYears, model, put: LegInput, call: LegInput }`.
 * @throws InvalidInputError naming the field and value; `call.strike` below `put.strike`.
 */
export function collar(input: StrategyBase & { put: LegInput; call: LegInput }): Strategy {
  const c = base(input, ['put', 'call']);
  const put = leg('put', c.o.put, 'put', 1, c.holding);
  const call = leg('call', c.o.call, 'call', -1, c.holding);
  if (call.strike < put.strike) fail('call.strike', call.strike, `>= put.strike (${put.strike})`, `must be >= put.strike (${put.strike})`);
  return buildPackage(`collar ${put.strike}/${call.strike}`, c.holding, c.t, c.m, [put, call]);
}

/**
 * Put spread: the holding plus a bought put (strike K₁) and a sold put at a lower strike K₂ < K₁: protection
 * between K₂ and K₁ for less premium; below K₂ the loss resumes.
 * @param input `{ holding, expiryYears, model, put: LegInput (bought, upper strike), soldPut: LegInput (lower strike) }`.
 * @throws InvalidInputError naming the field and value; `soldPut.strike` ≥ `put.strike`.
 */
export function putSpread(input: StrategyBase & { put: LegInput; soldPut: LegInput }): Strategy {
  const c = base(input, ['put', 'soldPut']);
  const put = leg('put', c.o.put, 'put', 1, c.holding);
  const sold = leg('soldPut', c.o.soldPut, 'put', -1, c.holding);
  if (sold.strike >= put.strike) fail('soldPut.strike', sold.strike, `< put.strike (${put.strike})`, `must be < put.strike (${put.strike})`);
  return buildPackage(`put spread ${put.strike}/${sold.strike}`, c.holding, c.t, c.m, [put, sold]);
}

/**
 * Covered call: the holding plus a sold call: premium income now, upside capped at the strike.
 * With q_call = q: cap q·K − cost·e^{rT} (cost < 0 is the credit), floor −cost·e^{rT} (the coin can go to 0).
 * @param input `{ holding, expiryYears, model, call: LegInput }`.
 * @throws InvalidInputError naming the field and value.
 */
export function coveredCall(input: StrategyBase & { call: LegInput }): Strategy {
  const c = base(input, ['call']);
  const call = leg('call', c.o.call, 'call', -1, c.holding);
  return buildPackage(`covered call ${call.strike}`, c.holding, c.t, c.m, [call]);
}
