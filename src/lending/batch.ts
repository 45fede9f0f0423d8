/**
 * Batch health factors and liquidation prices of single-collateral positions (a loan book in
 * structure-of-arrays columns), on the WASM kernel `assembly/lending/positions.ts`. Each element is
 * one position: a collateral (amount, price, liquidation threshold) against a debt in another asset
 * (amount, price). Results equal the scalar `healthFactor` / `liquidationPrice` bit for bit.
 */
import { checkBroadcast, checkFloatColumn, runBatch, type Column } from '../options/columns.js';
import { checkObject } from '../options/validate.js';

/** Inputs of {@link healthFactorBatch} and {@link liquidationPriceBatch}; all columns of one length n. */
export interface PositionsBatchInput {
  /** Collateral balances in tokens (every amount and price column: finite, in [0, 1e100]). */
  collateralAmounts: Float64Array;
  /** Collateral prices (USD per token), or one number for all. */
  collateralPrices: Column;
  /** Liquidation thresholds as fractions, or one number for all. */
  liquidationThresholds: Column;
  /** Debts in tokens of the debt asset. */
  debtAmounts: Float64Array;
  /** Debt-asset prices (USD per token), or one number for all (1 for a USD stablecoin). */
  debtPrices: Column;
}

/** Output of {@link healthFactorBatch}. */
export interface HealthFactorBatchResult {
  /** HF per position; +Infinity without debt; NaN where status is INVALID_INPUT. */
  healthFactor: Float64Array;
  status: Uint8Array;
}

/** Output of {@link liquidationPriceBatch}. */
export interface LiquidationPriceBatchResult {
  /** Collateral price at which HF = 1 (liquidatable below it); 0 without debt ('never'); +Infinity when amount·LT = 0 with debt ('always'); NaN where status is INVALID_INPUT. */
  liquidationPrice: Float64Array;
  status: Uint8Array;
}

const WANT_HEALTH = 1;
const WANT_PRICE = 2;

function run(input: PositionsBatchInput, mode: number): { columns: Float64Array[]; status: Uint8Array } {
  const o = checkObject('input', input);
  const amounts = checkFloatColumn('collateralAmounts', o.collateralAmounts, -1);
  const n = amounts.length;
  const inputs = [
    amounts,
    checkBroadcast('collateralPrices', o.collateralPrices, n, null),
    checkBroadcast('liquidationThresholds', o.liquidationThresholds, n, null),
    checkFloatColumn('debtAmounts', o.debtAmounts, n),
    checkBroadcast('debtPrices', o.debtPrices, n, null),
  ];
  return runBatch(n, new Uint8Array(0), inputs, 2, (s, m) => {
    const [a, p, t, d, q] = s.inputs as [number, number, number, number, number];
    s.k.positionsBatch(m, mode, a, p, t, d, q, s.out, s.status);
  });
}

/**
 * Health factors of n single-collateral positions in one WASM call:
 * HF = collateralAmount·collateralPrice·liquidationThreshold / (debtAmount·debtPrice).
 * @param input `{ collateralAmounts, collateralPrices, liquidationThresholds, debtAmounts, debtPrices }`
 *   (Float64Array columns; prices and thresholds may be one number broadcast to all).
 * @returns `{ healthFactor: Float64Array, status: Uint8Array }`; a bad element (non-finite or negative
 *   amount or price, an amount or price above 1e100 (the scalar limits `MAX_AMOUNT` / `MAX_PRICE`),
 *   threshold outside [0, 1]) gets NaN and `Status.INVALID_INPUT`, the rest go on.
 * @throws InvalidInputError only for structural faults (missing or mistyped column, unequal lengths).
 * @throws WasmInitError before `init()` has resolved.
 */
export function healthFactorBatch(input: PositionsBatchInput): HealthFactorBatchResult {
  const { columns, status } = run(input, WANT_HEALTH);
  return { healthFactor: columns[0]!, status };
}

/**
 * Liquidation prices of n single-collateral positions (debt in another asset) in one WASM call:
 * the collateral price at which HF = 1, debtAmount·debtPrice / (collateralAmount·liquidationThreshold).
 * @param input as {@link healthFactorBatch}.
 * @returns `{ liquidationPrice: Float64Array, status: Uint8Array }`: 0 without debt (never liquidated),
 *   +Infinity when collateralAmount·liquidationThreshold = 0 with debt (always liquidatable); NaN and
 *   INVALID_INPUT for a bad element.
 * @throws InvalidInputError only for structural faults. @throws WasmInitError before `init()`.
 */
export function liquidationPriceBatch(input: PositionsBatchInput): LiquidationPriceBatchResult {
  const { columns, status } = run(input, WANT_PRICE);
  return { liquidationPrice: columns[1]!, status };
}
