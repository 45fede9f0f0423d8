/**
 * Liquidation price of a collateral asset: the price of that asset, every other price fixed, at which
 * the health factor (see `healthFactor.ts`, Aave v3 GenericLogic L164-176) equals 1.
 *
 * Derivation. Let collateral i have amount a and threshold t, and let the account owe d tokens of the
 * same asset (same symbol; 0 if none). With the other collaterals' weighted value C = Σ_{c≠i} a·p·LT
 * and the other debts' value D = Σ_{debts≠i} amount·price, HF(p) < 1 ⟺ M(p) = k·p + m < 0 with
 * k = a·t − d and m = C − D. So:
 *   k > 0, m < 0 → liquidatable below p* = −m/k ('below'); k > 0, m ≥ 0 → 'never' (even at price 0);
 *   k < 0, m > 0 → liquidatable above p* = m/(−k) ('above': the asset is net borrowed);
 *   k < 0, m ≤ 0 → 'always'; k = 0 → 'always' if m < 0, else 'never'.
 * A single collateral against another asset's debt gives the familiar p* = debtValue / (amount·LT).
 */
import type { Account, AssetRef, LiquidationPriceResult, LiquidationSide } from './types.js';
import { checkAccount, resolveAsset, sameAssetDebt } from './validate.js';

/** {@link liquidationPrice} of collateral `i` of an already validated account. */
export function liquidationPriceOf(account: Account, i: number): LiquidationPriceResult {
  const c = account.collaterals[i]!;
  const j = sameAssetDebt(account, i);
  const k = c.amount * c.liquidationThreshold - (j >= 0 ? account.debts[j]!.amount : 0);
  let weighted = 0;
  account.collaterals.forEach((o, n) => { if (n !== i) weighted += o.amount * o.price * o.liquidationThreshold; });
  let debt = 0;
  account.debts.forEach((o, n) => { if (n !== j) debt += o.amount * o.price; });
  const m = weighted - debt; // for the single-collateral case, (0 − D)/k below is bit-identical to D/(a·LT)
  let side: LiquidationSide;
  let price: number;
  if (k > 0) {
    if (m < 0) { side = 'below'; price = (debt - weighted) / k; } else { side = 'never'; price = 0; }
  } else if (k < 0) {
    if (m > 0) { side = 'above'; price = m / -k; } else { side = 'always'; price = Infinity; }
  } else if (m < 0) { side = 'always'; price = Infinity; } else { side = 'never'; price = 0; }
  const distance = c.price > 0 ? price / c.price - 1 : price === 0 ? 0 : Infinity;
  return { price, side, distance };
}

/**
 * The price of one collateral asset at which the account's HF reaches 1, all other prices fixed.
 * @param account as in `healthFactor`.
 * @param asset index or symbol in `collaterals`. If the same symbol is also borrowed, that debt moves
 *   with the price too.
 * @returns `{ price, side, distance }`: side 'below' — liquidatable when the price falls below `price`
 *   (the usual case); 'above' — when it rises above `price` (the account owes more of the asset than
 *   its thresholded balance, a net short); 'never' — no price of this asset makes HF < 1 (e.g. no debt,
 *   or the other collateral covers the debt; `price` 0); 'always' — HF < 1 whatever this price (the
 *   asset has no weight and the rest is underwater; `price` +Infinity). `distance` = price/current − 1.
 *   With amounts and prices ≤ 1e100 (the account limits) price is finite except when the true value
 *   exceeds the double range (≈1.8e308, e.g. a collateral with amount·LT < 1e-108 against $1e200 of
 *   debt): then `price` is +Infinity with side 'below', i.e. liquidatable at every finite price.
 * @throws InvalidInputError for a bad account (as `healthFactor`, incl. amounts and prices ≤ 1e100)
 *   or an unknown asset.
 */
export function liquidationPrice(account: Account, asset: AssetRef): LiquidationPriceResult {
  const a = checkAccount(account);
  return liquidationPriceOf(a, resolveAsset('asset', asset, 'collaterals', a.collaterals));
}

/** {@link liquidationPrice} of every collateral, in the order of `collaterals`. */
export function liquidationPrices(account: Account): LiquidationPriceResult[] {
  const a = checkAccount(account);
  return a.collaterals.map((_, i) => liquidationPriceOf(a, i));
}
