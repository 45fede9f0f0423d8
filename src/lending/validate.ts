/**
 * Validation of lending inputs (DESIGN §5): every check throws InvalidInputError naming the field
 * with its path and the value, e.g. "collaterals[1].amount (-3) must be >= 0". Uses the shared
 * `show`/`fail`/check helpers of `src/options/validate.ts`.
 */
import { MAX_LEVEL, checkAmount, checkFraction, checkObject, fail } from '../options/validate.js';
import type { Account, AssetRef, CollateralPosition, DebtPosition } from './types.js';

/** Optional fraction in [0, 1]; `undefined` stays undefined. */
function optionalFraction(field: string, value: unknown): number | undefined {
  return value === undefined ? undefined : checkFraction(field, value);
}

/**
 * Largest accepted amount (tokens) and price (base currency per token) anywhere in an account, like the
 * options domain's spot/strike limit (DESIGN: unit-error guards, `src/options/validate.ts` MAX_LEVEL).
 * With amount, price ≤ 1e100 every value amount·price ≤ 1e200 and every sum of values stays finite, so
 * no health factor, average or preview turns into NaN (∞/∞) or an infinite amount. Mirrored per element
 * by the batch kernel (`assembly/lending/positions.ts` MAX_AMOUNT / MAX_PRICE → INVALID_INPUT).
 */
export const MAX_AMOUNT = MAX_LEVEL;
/** Largest accepted price (see {@link MAX_AMOUNT}). */
export const MAX_PRICE = MAX_LEVEL;

function checkSymbol(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0) fail(field, value, 'non-empty string', 'must be a non-empty string');
  return value;
}

function checkArray(field: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) fail(field, value, 'array', 'must be an array');
  return value;
}

function checkCollateral(i: number, input: unknown): CollateralPosition {
  const at = `collaterals[${i}]`;
  const o = checkObject(at, input);
  const c: CollateralPosition = {
    amount: checkAmount(`${at}.amount`, o.amount),
    price: checkAmount(`${at}.price`, o.price),
    liquidationThreshold: checkFraction(`${at}.liquidationThreshold`, o.liquidationThreshold),
  };
  const symbol = checkSymbol(`${at}.symbol`, o.symbol);
  if (symbol !== undefined) c.symbol = symbol;
  const ltv = optionalFraction(`${at}.ltv`, o.ltv);
  if (ltv !== undefined) {
    // Aave's configurator requires ltv <= liquidationThreshold (PoolConfigurator.configureReserveAsCollateral).
    if (ltv > c.liquidationThreshold) fail(`${at}.ltv`, ltv, '<= liquidationThreshold', `must be <= liquidationThreshold (${c.liquidationThreshold})`);
    c.ltv = ltv;
  }
  if (o.liquidationBonus !== undefined) c.liquidationBonus = checkFraction(`${at}.liquidationBonus`, o.liquidationBonus);
  const fee = optionalFraction(`${at}.liquidationProtocolFee`, o.liquidationProtocolFee);
  if (fee !== undefined) c.liquidationProtocolFee = fee;
  const lf = optionalFraction(`${at}.liquidationFactor`, o.liquidationFactor);
  if (lf !== undefined) c.liquidationFactor = lf;
  return c;
}

function checkDebt(i: number, input: unknown): DebtPosition {
  const at = `debts[${i}]`;
  const o = checkObject(at, input);
  const d: DebtPosition = {
    amount: checkAmount(`${at}.amount`, o.amount),
    price: checkAmount(`${at}.price`, o.price),
  };
  const symbol = checkSymbol(`${at}.symbol`, o.symbol);
  if (symbol !== undefined) d.symbol = symbol;
  return d;
}

function checkUniqueSymbols(list: string, items: { symbol?: string }[]): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.symbol === undefined) return;
    const first = seen.get(item.symbol);
    if (first !== undefined) fail(`${list}[${i}].symbol`, item.symbol, 'unique', `repeats ${list}[${first}].symbol`);
    seen.set(item.symbol, i);
  });
}

/**
 * Validates an account and returns a fresh copy (only the known fields). Rules: `collaterals` and
 * `debts` arrays of objects; amounts in [0, {@link MAX_AMOUNT}] and prices in [0, {@link MAX_PRICE}] (1e100:
 * beyond it a unit error is almost sure and values amount·price could overflow); thresholds, LTVs, bonuses, fees and
 * liquidation factors fractions in [0, 1], ltv ≤ liquidationThreshold; symbols unique per list, and
 * an asset present in both lists (same symbol) has the same price in both.
 */
export function checkAccount(input: unknown, field = 'account'): Account {
  const o = checkObject(field, input);
  const collaterals = checkArray('collaterals', o.collaterals).map((c, i) => checkCollateral(i, c));
  const debts = checkArray('debts', o.debts).map((d, i) => checkDebt(i, d));
  checkUniqueSymbols('collaterals', collaterals);
  checkUniqueSymbols('debts', debts);
  debts.forEach((d, j) => {
    if (d.symbol === undefined) return;
    const i = collaterals.findIndex((c) => c.symbol === d.symbol);
    if (i >= 0 && collaterals[i]!.price !== d.price) {
      fail(`debts[${j}].price`, d.price, 'same price as the collateral of that symbol', `must equal collaterals[${i}].price (${collaterals[i]!.price}) for the same asset ${JSON.stringify(d.symbol)}`);
    }
  });
  return { collaterals, debts };
}

/**
 * Resolves an asset reference (an integer index or a symbol) in `list` ('collaterals' or 'debts').
 * @throws InvalidInputError naming `field` for an index out of range, an unknown symbol or another type.
 */
export function resolveAsset(field: string, ref: unknown, list: string, items: { symbol?: string }[]): number {
  if (typeof ref === 'number') {
    if (!Number.isInteger(ref) || ref < 0 || ref >= items.length) {
      fail(field, ref, `index in [0, ${items.length - 1}]`, `must be an index of ${list} (0…${items.length - 1})`);
    }
    return ref;
  }
  if (typeof ref === 'string') {
    const i = items.findIndex((item) => item.symbol === ref);
    if (i < 0) fail(field, ref, `symbol of ${list}`, `is not a symbol of ${list}`);
    return i;
  }
  return fail(field, ref, 'index or symbol', `must be an index or a symbol of ${list}`);
}

/** Index in `debts` of the asset of collateral `i` (same symbol), or −1. */
export function sameAssetDebt(account: Account, i: number): number {
  const symbol = account.collaterals[i]?.symbol;
  return symbol === undefined ? -1 : account.debts.findIndex((d) => d.symbol === symbol);
}

/** An asset reference list (for seize orders): one reference or an array of distinct references. */
export function resolveAssets(field: string, refs: AssetRef | AssetRef[], items: { symbol?: string }[]): number[] {
  const list = Array.isArray(refs) ? refs : [refs];
  if (list.length === 0) fail(field, refs, 'non-empty', 'must name at least one collateral');
  const out = list.map((r, k) => resolveAsset(Array.isArray(refs) ? `${field}[${k}]` : field, r, 'collaterals', items));
  out.forEach((a, k) => {
    if (out.indexOf(a) !== k) fail(`${field}[${k}]`, list[k], 'distinct', 'repeats an earlier collateral');
  });
  return out;
}
