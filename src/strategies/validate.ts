/**
 * Validation of strategy inputs (DESIGN §5): each check throws InvalidInputError naming the field (with
 * its path, e.g. `put.strike`) and the value. Built on the option checks of src/options/validate.ts.
 */
import {
  checkExpiry, checkFinite, checkKnownFields, checkLevel, checkNonNegative, checkObject, checkRate, checkType, checkVol, fail,
} from '../options/validate.js';
import type { OptionType } from '../options/types.js';
import type { Holding, LegSpec, PricingModel } from './types.js';

// Re-exported for the strategy modules that import them from here; defined once in src/options/validate.ts.
export { checkFinite, checkFraction, checkInteger } from '../options/validate.js';

/** A probability-like level in the open interval (0, 1). */
export function checkOpenUnit(field: string, value: unknown): number {
  const v = checkFinite(field, value);
  if (!(v > 0 && v < 1)) fail(field, v, 'in (0, 1)', 'must be in (0, 1)');
  return v;
}

/**
 * The proportional trading cost of a collateral trade, as a fraction, from `tradingCostBps` (basis points ≥ 0;
 * default 30 bps = 0.003, the default both loan strategies document). @throws InvalidInputError naming `tradingCostBps`.
 */
export function checkTradingCost(value: unknown): number {
  return value === undefined ? 0.003 : checkNonNegative('tradingCostBps', value) / 1e4;
}

/** A non-empty array. */
export function checkArray(field: string, value: unknown): unknown[] {
  if (!Array.isArray(value) || value.length === 0) fail(field, value, 'non-empty array', 'must be a non-empty array');
  return value;
}

/** Holding `{ quantity ≥ 0, spot > 0 }`. */
export function checkHolding(value: unknown): Holding {
  const o = checkObject('holding', value);
  checkKnownFields('holding', o, ['quantity', 'spot']);
  return { quantity: checkNonNegative('holding.quantity', o.quantity), spot: checkLevel('holding.spot', o.spot) };
}

/** Validated pricing model: rate and dividend yield default to 0; forward optional (then no dividendYield). */
export interface CheckedModel { vol: number; rate: number; dividendYield: number; forward: number | undefined }

/** Validates a {@link PricingModel}. */
export function checkModel(value: unknown): CheckedModel {
  const o = checkObject('model', value);
  checkKnownFields('model', o, ['vol', 'rate', 'dividendYield', 'forward']);
  const forward = o.forward === undefined ? undefined : checkLevel('model.forward', o.forward);
  if (forward !== undefined && o.dividendYield !== undefined) {
    fail('model.dividendYield', o.dividendYield, 'absent with forward', 'cannot be given with model.forward (the forward carries it)');
  }
  return {
    vol: checkVol('model.vol', o.vol),
    rate: checkRate('model.rate', o.rate),
    dividendYield: checkRate('model.dividendYield', o.dividendYield),
    forward,
  };
}

/** Expiry (the horizon) must be > 0 and ≤ 50 years. */
export function checkHorizon(field: string, value: unknown): number {
  const t = checkExpiry(field, value);
  if (t <= 0) fail(field, t, '> 0', 'must be > 0');
  return t;
}

/** Validates one leg; `field` is its path (e.g. `legs[2]` or `put`). */
export function checkLeg(field: string, value: unknown): LegSpec & { type: OptionType } {
  const o = checkObject(field, value);
  checkKnownFields(field, o, ['type', 'strike', 'quantity', 'premium', 'vol', 'name']);
  const leg: LegSpec = {
    type: checkType(`${field}.type`, o.type) ? 'call' : 'put',
    strike: checkLevel(`${field}.strike`, o.strike),
    quantity: checkFinite(`${field}.quantity`, o.quantity),
  };
  if (o.premium !== undefined) leg.premium = checkNonNegative(`${field}.premium`, o.premium);
  if (o.vol !== undefined) leg.vol = checkVol(`${field}.vol`, o.vol);
  if (o.name !== undefined) {
    if (typeof o.name !== 'string') fail(`${field}.name`, o.name, 'string', 'must be a string');
    leg.name = o.name;
  }
  return leg;
}

/** Seed as monteCarlo accepts it (re-exported check of src/mc). */
export { checkSeed } from '../mc/validate.js';
export { checkLevel, checkNonNegative, checkObject, checkRate, checkVol, fail };
