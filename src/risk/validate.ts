/** Validation of the risk measures' inputs (DESIGN §5): throws InvalidInputError naming the field and value. */
import { checkKnownFields, checkObject, fail } from '../options/validate.js';
import { checkColumn } from '../options/columns.js';
import type { RiskMethod } from './types.js';

/** Validated VaR / ES input; `weights` normalised to sum to 1, or undefined for equal weights. */
export interface CheckedTailRisk {
  returns: Float64Array;
  confidence: number;
  method: RiskMethod;
  weights: Float64Array | undefined;
}

/** Returns: a non-empty array or typed array of finite numbers. */
export function checkReturns(value: unknown): Float64Array {
  const r = checkColumn('returns', value);
  if (r.length === 0) fail('returns', value, 'non-empty', 'must not be empty');
  return r;
}

/** Validates `{ returns, confidence, method, weights? }` of `valueAtRisk` / `expectedShortfall`. */
export function checkTailRisk(input: unknown): CheckedTailRisk {
  const o = checkObject('input', input);
  checkKnownFields('', o, ['returns', 'confidence', 'method', 'weights']);
  const returns = checkReturns(o.returns);
  const c = o.confidence;
  if (typeof c !== 'number' || !Number.isFinite(c)) fail('confidence', c, 'finite', 'must be a finite number');
  if (!(c > 0 && c < 1)) fail('confidence', c, 'in (0, 1)', 'must be in (0, 1) (a fraction: 0.99 means 99%)');
  const method = o.method;
  if (method !== 'historical' && method !== 'gaussian') fail('method', method, "'historical' | 'gaussian'", "must be 'historical' or 'gaussian'");
  if (method === 'gaussian' && returns.length < 2) fail('returns.length', returns.length, '>= 2', 'must be >= 2 for the gaussian method (a sample σ)');
  let weights: Float64Array | undefined;
  if (o.weights !== undefined) {
    if (method !== 'historical') fail('weights', o.weights, 'historical only', "apply to method 'historical' only");
    weights = checkColumn('weights', o.weights);
    if (weights.length !== returns.length) {
      fail('weights.length', weights.length, `= returns.length (${returns.length})`, `must equal returns.length (${returns.length})`);
    }
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      if (weights[i]! < 0) fail(`weights[${i}]`, weights[i], '>= 0', 'must be >= 0');
      sum += weights[i]!;
    }
    if (!(sum > 0) || !Number.isFinite(sum)) fail('weights', o.weights, 'sum > 0', `must have a positive finite sum (got ${sum})`);
    for (let i = 0; i < weights.length; i++) weights[i] = weights[i]! / sum;
  }
  return { returns, confidence: c, method, weights };
}
