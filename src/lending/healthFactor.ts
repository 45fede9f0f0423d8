/**
 * Health factor, account aggregates and borrowing power of a lending account (floating point).
 *
 * Source: Aave v3 `GenericLogic.calculateUserAccountData` [aave/aave-v3-core @ 782f5191,
 * contracts/protocol/libraries/logic/GenericLogic.sol L64-185]: HF = Σ collateralValueᵢ·LTᵢ /
 * totalDebtValue (type(uint256).max, i.e. +∞, without debt; the contract forms the value-weighted
 * average LT first, which is the same quantity), and `calculateAvailableBorrows` [L195-208]:
 * available = max(totalCollateral·avgLTV − totalDebt, 0). Liquidatable iff HF < 1
 * (`HEALTH_FACTOR_LIQUIDATION_THRESHOLD`, ValidationLogic L523). Compound v3's `isLiquidatable`
 * [compound-finance/comet @ d5a30b0a, contracts/Comet.sol L566-600] is the same test with
 * LT = liquidateCollateralFactor. Exact on-chain integer versions: `accountDataExact`. Note: on chain the
 * value-weighted LT is floored to whole bps (GenericLogic L167-169), so for a multi-collateral account the
 * contract's HF can sit up to 1 bp of LT (≈1.2e-4 relative at LT 0.83) below this exact-real value
 * (measured against the integer path in test/lending/exact.test.ts); with one collateral they agree to 1e-9.
 */
import { fail } from '../options/validate.js';
import type { Account, AccountData, AssetRef } from './types.js';
import { checkAccount, resolveAsset } from './validate.js';

/** HF of an already validated account: Σ amount·price·LT / Σ amount·price (debts); +∞ without debt. */
export function healthOf(account: Account): number {
  let weighted = 0;
  for (const c of account.collaterals) weighted += c.amount * c.price * c.liquidationThreshold;
  let debt = 0;
  for (const d of account.debts) debt += d.amount * d.price;
  return debt === 0 ? Infinity : weighted / debt;
}

/** Aggregates of an already validated account (see {@link accountData}). */
export function accountDataOf(account: Account): AccountData {
  let collateral = 0;
  let weighted = 0;
  let power = 0;
  for (const c of account.collaterals) {
    const value = c.amount * c.price;
    collateral += value;
    weighted += value * c.liquidationThreshold;
    power += value * (c.ltv ?? 0);
  }
  let debt = 0;
  for (const d of account.debts) debt += d.amount * d.price;
  return {
    totalCollateralValue: collateral,
    totalDebtValue: debt,
    liquidationThreshold: collateral === 0 ? 0 : weighted / collateral,
    ltv: collateral === 0 ? 0 : power / collateral,
    borrowingPower: power,
    availableBorrowsValue: Math.max(power - debt, 0),
    healthFactor: healthOf(account),
  };
}

/**
 * Health factor of an account.
 * @param account `{ collaterals: [{ amount, price, liquidationThreshold, symbol?, ltv?, … }], debts:
 *   [{ amount, price, symbol? }] }`: amounts in tokens, prices in the base currency (USD) per token,
 *   liquidationThreshold a fraction (0.83).
 * @returns Σ amount·price·liquidationThreshold / Σ debt amount·price; +Infinity when the debt is 0
 *   (not an error); 0 when there is debt and no collateral value. Liquidatable iff < 1.
 * @throws InvalidInputError naming the field and value: non-finite or negative amounts and prices,
 *   amounts or prices above 1e100 (`MAX_AMOUNT`, `MAX_PRICE`: unit-error guards that keep every value
 *   and sum finite, so the result is never NaN), thresholds outside [0, 1], ltv > liquidationThreshold, repeated symbols, one symbol with two prices.
 */
export function healthFactor(account: Account): number {
  return healthOf(checkAccount(account));
}

/**
 * Aggregates of an account in the base currency, as Aave's `getUserAccountData` reports them.
 * @returns `{ totalCollateralValue, totalDebtValue, liquidationThreshold (value-weighted average),
 *   ltv (value-weighted average; a collateral without ltv counts 0), borrowingPower = Σ value·ltv,
 *   availableBorrowsValue = max(borrowingPower − totalDebtValue, 0), healthFactor }`.
 * @throws InvalidInputError as {@link healthFactor}.
 */
export function accountData(account: Account): AccountData {
  return accountDataOf(checkAccount(account));
}

/**
 * How many tokens of a debt asset the account can still borrow: availableBorrowsValue / price
 * (Aave: new debt must keep total debt ≤ Σ collateral·LTV, `ValidationLogic.validateBorrow`).
 * @param debtAsset index or symbol in `debts` (add a line with amount 0 for a new asset).
 * @returns tokens ≥ 0 (+Infinity only if the value divided by a tiny price exceeds the double range).
 * @throws InvalidInputError for a bad account (as {@link healthFactor}, incl. the 1e100 limits), an
 *   unknown asset, or a debt price of 0.
 */
export function availableBorrows(account: Account, debtAsset: AssetRef): number {
  const a = checkAccount(account);
  const j = resolveAsset('debtAsset', debtAsset, 'debts', a.debts);
  const price = a.debts[j]!.price;
  if (price === 0) fail(`debts[${j}].price`, price, '> 0', 'must be > 0 to convert a value into tokens');
  return accountDataOf(a).availableBorrowsValue / price;
}
