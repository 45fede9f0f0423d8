/**
 * Validation of the model inputs (Merton jump diffusion, Heston): the rules of `../validate.ts` for the
 * option fields plus the model parameters. Each check throws {@link InvalidInputError} naming the field
 * and the value; the kernels (`assembly/options/models/limits.ts`) apply the same rules per element.
 */
import { InvalidInputError } from '../../errors.js';
import { checkExpiry, checkLevel, checkObject, checkRange, checkRate, checkType, checkVol, fail } from '../validate.js';

/** Largest `jumpIntensity` (jumps per year). */
export const MAX_JUMP_INTENSITY = 1000;
/** Largest |`jumpMean`| (mean of ln(1 + jump)); e^{±10} is a factor of 22,026. */
export const MAX_ABS_JUMP_MEAN = 10;
/** Largest `jumpVol` (standard deviation of ln(1 + jump)); larger is percent by mistake. */
export const MAX_JUMP_VOL = 10;
/** Largest `v0` and `theta` (variances per year; 100 is a vol of 1000%). */
export const MAX_VARIANCE = 100;
/** Largest `kappa` (per year; a mean-reversion half-life of 6 hours). */
export const MAX_KAPPA = 1000;
/** Largest `volOfVol` (per √year). */
export const MAX_VOL_OF_VOL = 10;



/** Validated Merton jump-diffusion inputs. */
export interface CheckedMerton {
  isCall: boolean;
  spot: number;
  strike: number;
  expiryYears: number;
  vol: number;
  rate: number;
  dividendYield: number;
  jumpIntensity: number;
  jumpMean: number;
  jumpVol: number;
}

/** Validates the input of `mertonJumpDiffusion`; throws InvalidInputError naming the first bad field. */
export function checkMerton(input: unknown): CheckedMerton {
  const o = checkObject('input', input);
  return {
    isCall: checkType('type', o.type),
    spot: checkLevel('spot', o.spot),
    strike: checkLevel('strike', o.strike),
    expiryYears: checkExpiry('expiryYears', o.expiryYears),
    vol: checkVol('vol', o.vol),
    rate: checkRate('rate', o.rate),
    dividendYield: checkRate('dividendYield', o.dividendYield),
    jumpIntensity: checkRange('jumpIntensity', o.jumpIntensity, 0, MAX_JUMP_INTENSITY, false, false, ' (jumps per year)'),
    jumpMean: checkRange('jumpMean', o.jumpMean, -MAX_ABS_JUMP_MEAN, MAX_ABS_JUMP_MEAN, false, false, ' (mean of ln(1 + jump))'),
    jumpVol: checkRange('jumpVol', o.jumpVol, 0, MAX_JUMP_VOL, false, false, ' (a decimal: 0.3 means 30%)'),
  };
}

/** Validated Heston inputs. */
export interface CheckedHeston {
  isCall: boolean;
  spot: number;
  strike: number;
  expiryYears: number;
  rate: number;
  dividendYield: number;
  v0: number;
  kappa: number;
  theta: number;
  volOfVol: number;
  rho: number;
}

/** Validates the input of `hestonPrice`; throws InvalidInputError naming the first bad field. */
export function checkHeston(input: unknown): CheckedHeston {
  const o = checkObject('input', input);
  if (o.vol !== undefined) fail('vol', o.vol, 'absent', 'is not a Heston input (the variance is v0, theta)');
  return {
    isCall: checkType('type', o.type),
    spot: checkLevel('spot', o.spot),
    strike: checkLevel('strike', o.strike),
    expiryYears: checkExpiry('expiryYears', o.expiryYears),
    rate: checkRate('rate', o.rate),
    dividendYield: checkRate('dividendYield', o.dividendYield),
    v0: checkRange('v0', o.v0, 0, MAX_VARIANCE, false, false, ' (a variance: 0.04 is a vol of 20%)'),
    kappa: checkRange('kappa', o.kappa, 0, MAX_KAPPA, true, false, ' (per year)'),
    theta: checkRange('theta', o.theta, 0, MAX_VARIANCE, false, false, ' (a variance: 0.04 is a vol of 20%)'),
    volOfVol: checkRange('volOfVol', o.volOfVol, 0, MAX_VOL_OF_VOL),
    rho: checkRange('rho', o.rho, -1, 1),
  };
}
