/**
 * Unit helpers (DESIGN §4). Raw results are per year and per 1.00 of vol; traders quote theta per
 * day and vega per vol point. All helpers validate their inputs and throw {@link InvalidInputError}.
 */
import { InvalidInputError } from './errors.js';

function finite(field: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidInputError(`${field} (${String(value)}) must be a finite number`, { field, value, rule: 'finite' });
  }
}

function positive(field: string, value: number): void {
  finite(field, value);
  if (value <= 0) throw new InvalidInputError(`${field} (${value}) must be > 0`, { field, value, rule: '> 0' });
}

/**
 * Year fraction from a number of days: `days / daysPerYear` (ACT/365 by default; Deribit uses 365).
 * @param days calendar days, ≥ 0.
 * @param daysPerYear days in a year, > 0 (365 for crypto, 252 for equity trading days).
 * @throws InvalidInputError for a negative or non-finite `days` or a non-positive `daysPerYear`.
 */
export function yearsFromDays(days: number, daysPerYear = 365): number {
  finite('days', days);
  if (days < 0) throw new InvalidInputError(`days (${days}) must be >= 0`, { field: 'days', value: days, rule: '>= 0' });
  positive('daysPerYear', daysPerYear);
  return days / daysPerYear;
}

/**
 * Theta per calendar day from theta per year: `theta / daysPerYear`.
 * @throws InvalidInputError for a non-finite `theta` or a non-positive `daysPerYear`.
 */
export function thetaPerDay(theta: number, daysPerYear = 365): number {
  finite('theta', theta);
  positive('daysPerYear', daysPerYear);
  return theta / daysPerYear;
}

/**
 * Vega per vol point (a 0.01 change in vol) from vega per 1.00 of vol: `vega / 100`.
 * @throws InvalidInputError for a non-finite `vega`.
 */
export function vegaPerVolPoint(vega: number): number {
  finite('vega', vega);
  return vega / 100;
}
