/**
 * Probability of liquidation for a batch of loans in one WASM call (kernel
 * `assembly/lending/firstPassage.ts`, the closed form of `liquidationProbability`).
 */
import { checkObject, fail } from '../options/validate.js';
import { checkBroadcast, checkFloatColumn, runBatch } from '../options/columns.js';
import type { LiquidationProbabilityBatchInput, LiquidationProbabilityBatchResult } from './liquidationProbabilityTypes.js';

/** Output columns of the kernel, in its order. */
const NAMES = ['probability', 'distanceToLiquidation', 'distanceToLiquidationWithDrift', 'sensitivityToVol',
  'sensitivityToLogHealthFactor', 'sensitivityToHorizon', 'sensitivityToDrift'] as const;

/**
 * Probability of liquidation (first passage of the health factor to 1 within the horizon) per loan.
 * @param input `{ healthFactors: Float64Array, vols, horizonsYears: Float64Array | number, drifts?,
 *   borrowRates?, collateralYields?: Float64Array | number (default 0) }`: columns of one length n (a number
 *   is broadcast to every element); units and rules as `liquidationProbability`.
 * @returns `{ probability, distanceToLiquidation, distanceToLiquidationWithDrift, sensitivityToVol,
 *   sensitivityToLogHealthFactor (∂P/∂ln HF; divide by HF for ∂P/∂HF, by −LTV for ∂P/∂LTV),
 *   sensitivityToHorizon, sensitivityToDrift }` as Float64Array(n), and `status: Uint8Array(n)`:
 *   `Status.OK`, or `Status.INVALID_INPUT` with NaN outputs for an element with a NaN or ≤ 0 health factor,
 *   vol outside [0, 10], horizon outside [0, 50], |drift|, |borrowRate| or |collateralYield| > 1, or a
 *   non-finite value (+Infinity is a valid health factor: no debt).
 * @throws InvalidInputError only for structural faults (a missing or mistyped column, unequal lengths).
 * @throws WasmInitError before `init()` has resolved.
 */
export function liquidationProbabilityBatch(input: LiquidationProbabilityBatchInput): LiquidationProbabilityBatchResult {
  const o = checkObject('input', input);
  const hfs = checkFloatColumn('healthFactors', o.healthFactors, -1);
  const n = hfs.length;
  if (o.vols === undefined) fail('vols', o.vols, 'required', 'is required (a Float64Array or one number)');
  if (o.horizonsYears === undefined) fail('horizonsYears', o.horizonsYears, 'required', 'is required (a Float64Array or one number)');
  const vols = checkBroadcast('vols', o.vols, n);
  const horizons = checkBroadcast('horizonsYears', o.horizonsYears, n);
  const drifts = checkBroadcast('drifts', o.drifts, n);
  const rates = checkBroadcast('borrowRates', o.borrowRates, n);
  const yields = checkBroadcast('collateralYields', o.collateralYields, n);
  const { columns, status } = runBatch(n, new Uint8Array(n), [hfs, vols, horizons, drifts, rates, yields], NAMES.length, (s, m) => {
    const [h, v, t, d, b, y] = s.inputs as [number, number, number, number, number, number];
    s.k.liquidationProbabilityBatch(m, h, v, t, d, b, y, s.out, s.status);
  });
  const result = { status } as Record<string, Float64Array | Uint8Array>;
  NAMES.forEach((name, i) => { result[name] = columns[i]!; });
  return result as unknown as LiquidationProbabilityBatchResult;
}
