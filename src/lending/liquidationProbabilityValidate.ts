/**
 * Validation of the probability-of-liquidation inputs (DESIGN §5): each check throws InvalidInputError
 * naming the field and the value ("healthFactor (-1) must be > 0"). The batch kernel
 * (assembly/lending/firstPassage.ts) applies the same rules per element and marks INVALID_INPUT.
 */
import { checkExpiry, checkFraction, checkKnownFields, checkNonNegative, checkObject, checkRate, checkVol, fail } from '../options/validate.js';

/** Validated loan and model: the health factor, the threshold when known, and the model parameters. */
export interface CheckedLiquidationProbability {
  healthFactor: number;
  liquidationThreshold: number | undefined;
  vol: number;
  horizonYears: number;
  drift: number;
  borrowRate: number;
  collateralYield: number;
}

/** Health factor: a number > 0 (not NaN); +Infinity (no debt) is accepted. */
function checkHealthFactor(field: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) fail(field, value, 'number', 'must be a number > 0 (Infinity for no debt)');
  if (!(value > 0)) fail(field, value, '> 0', 'must be > 0 (HF = collateral value × liquidation threshold / debt value)');
  return value;
}

function checkThreshold(value: unknown): number {
  const v = checkFraction('liquidationThreshold', value);
  if (v === 0) fail('liquidationThreshold', v, '> 0', 'must be > 0 (a threshold of 0 means the asset is not collateral)');
  return v;
}

/**
 * Validates `{ healthFactor, liquidationThreshold? }` or `{ collateralValue, debtValue, liquidationThreshold }`
 * plus `{ vol, horizonYears, drift?, borrowRate?, collateralYield? }` (fields named in `allowed` may also
 * be present; any other field is rejected so that a misspelt option is not silently ignored).
 */
export function checkLiquidationProbability(input: unknown, allowed: readonly string[] = []): CheckedLiquidationProbability {
  const o = checkObject('input', input);
  const known = ['healthFactor', 'collateralValue', 'debtValue', 'liquidationThreshold', 'vol', 'horizonYears', 'drift',
    'borrowRate', 'collateralYield', ...allowed];
  checkKnownFields('', o, known, 'the probability-of-liquidation input');
  const hasHf = o.healthFactor !== undefined;
  const hasValues = o.collateralValue !== undefined || o.debtValue !== undefined;
  if (hasHf === hasValues) {
    fail('healthFactor', o.healthFactor, 'exactly one form',
      'give either healthFactor or collateralValue, debtValue and liquidationThreshold (exactly one form)');
  }
  let healthFactor: number;
  let liquidationThreshold: number | undefined;
  if (hasHf) {
    healthFactor = checkHealthFactor('healthFactor', o.healthFactor);
    liquidationThreshold = o.liquidationThreshold === undefined ? undefined : checkThreshold(o.liquidationThreshold);
  } else {
    const collateral = checkNonNegative('collateralValue', o.collateralValue);
    if (collateral === 0) fail('collateralValue', collateral, '> 0', 'must be > 0 (a loan without collateral has nothing to liquidate)');
    const debt = checkNonNegative('debtValue', o.debtValue);
    if (o.liquidationThreshold === undefined) fail('liquidationThreshold', o.liquidationThreshold, 'required', 'is required with collateralValue and debtValue');
    liquidationThreshold = checkThreshold(o.liquidationThreshold);
    healthFactor = debt === 0 ? Infinity : (collateral * liquidationThreshold) / debt;
    if (!(healthFactor > 0)) fail('debtValue', debt, 'HF > 0', `gives a health factor of ${healthFactor} (out of the double range)`);
  }
  return {
    healthFactor,
    liquidationThreshold,
    vol: checkVol('vol', o.vol),
    horizonYears: checkExpiry('horizonYears', o.horizonYears),
    drift: checkRate('drift', o.drift),
    borrowRate: checkRate('borrowRate', o.borrowRate),
    collateralYield: checkRate('collateralYield', o.collateralYield),
  };
}
