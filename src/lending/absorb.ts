/**
 * Compound v3 (Comet) liquidation: absorb, then the protocol sells the collateral at a discount.
 *
 * `absorbInternal` [compound-finance/comet @ d5a30b0a, contracts/Comet.sol L1183-1232]: every collateral
 * of the account is seized by the protocol; the account is credited Σ valueᵢ·liquidationFactorᵢ in
 * the base asset against its debt; "New balance will not be negative, all excess debt absorbed by
 * reserves" (a shortfall is a loss of the reserves, i.e. bad debt), and a credit above the debt stays
 * with the account as a base supply. The absorber (liquidator) receives no collateral, only points.
 * `quoteCollateral` [L1274-1285]: buyers pay assetPrice·(1 − storeFrontPriceFactor·(1 − liquidationFactor)).
 */
import { checkFraction, checkNonNegative, checkObject, checkPositive, fail } from '../options/validate.js';
import type { AbsorbRuleSet, Account, BadDebt, LiquidationResult, SeizedCollateral } from './types.js';
import { resolveAsset } from './validate.js';

/** Absorbs a validated, liquidatable account (called by `liquidate`). */
export function absorb(a: Account, debtAsset: unknown, rules: AbsorbRuleSet, healthFactorBefore: number): LiquidationResult {
  const owed = a.debts.map((d, k) => (d.amount > 0 ? k : -1)).filter((k) => k >= 0);
  if (owed.length !== 1) fail('debts', a.debts, 'exactly one borrowed (base) asset', `must hold exactly one borrowed asset for ${rules.name} (Comet has one base asset; got ${owed.length})`);
  const j = owed[0]!;
  if (debtAsset !== undefined && resolveAsset('debtAsset', debtAsset, 'debts', a.debts) !== j) {
    fail('debtAsset', debtAsset, 'the borrowed asset', 'is not the borrowed (base) asset');
  }
  const debt = a.debts[j]!;
  if (debt.price === 0) fail(`debts[${j}].price`, 0, '> 0', 'must be > 0 to liquidate');
  const seized: SeizedCollateral[] = [];
  let credit = 0;
  let seizedValue = 0;
  a.collaterals.forEach((c, i) => {
    if (c.amount === 0) return;
    if (c.liquidationFactor === undefined) fail(`collaterals[${i}].liquidationFactor`, undefined, 'given', `must be given for rule set ${JSON.stringify(rules.name)}`);
    const value = c.amount * c.price;
    credit += value * c.liquidationFactor;
    seizedValue += value;
    const entry: SeizedCollateral = {
      asset: i, amount: c.amount, toLiquidator: 0, toProtocol: c.amount, value,
      storeFrontPrice: c.price * (1 - rules.storeFrontPriceFactor * (1 - c.liquidationFactor)),
    };
    if (c.symbol !== undefined) entry.symbol = c.symbol;
    seized.push(entry);
  });
  const debtValue = debt.amount * debt.price;
  const covered = credit >= debtValue;
  const debtRepaid = covered ? debt.amount : credit / debt.price;
  const badDebt: BadDebt[] = [];
  if (!covered) {
    const entry: BadDebt = { asset: j, amount: debt.amount - debtRepaid, value: debtValue - credit };
    if (debt.symbol !== undefined) entry.symbol = debt.symbol;
    badDebt.push(entry);
  }
  const account: Account = {
    collaterals: a.collaterals.map((c) => ({ ...c, amount: 0 })),
    debts: a.debts.map((d, k) => (k === j ? { ...d, amount: 0 } : { ...d })),
  };
  return {
    ruleSet: rules.name,
    debtAsset: j,
    debtRepaid,
    debtRepaidValue: covered ? debtValue : credit,
    maxDebtToCover: debt.amount,
    seized,
    collateralSeizedValue: seizedValue,
    toLiquidatorValue: 0,
    toProtocolValue: seizedValue,
    collateralCapped: false,
    badDebt,
    badDebtValue: covered ? 0 : debtValue - credit,
    surplusToAccount: covered ? (credit - debtValue) / debt.price : 0,
    healthFactorBefore,
    healthFactorAfter: Infinity,
    lowersHealth: false,
    account,
  };
}

/** Inputs of {@link compoundQuoteCollateral} (Comet `quoteCollateral`). */
export interface QuoteCollateralInput {
  /** Base tokens the buyer pays, ≥ 0. */
  baseAmount: number;
  /** Base asset price (USD), > 0. */
  basePrice: number;
  /** Collateral asset price (USD), > 0. */
  assetPrice: number;
  /** The collateral's liquidationFactor, fraction. */
  liquidationFactor: number;
  /** Comet storeFrontPriceFactor, fraction (cUSDCv3: 0.5). */
  storeFrontPriceFactor: number;
}

/**
 * Collateral tokens a buyer gets from Comet for `baseAmount` base tokens: basePrice·baseAmount /
 * (assetPrice·(1 − storeFrontPriceFactor·(1 − liquidationFactor))) [Comet.sol L1274-1285]. E.g. WETH on
 * cUSDCv3 (liquidationFactor 0.95, storeFrontPriceFactor 0.5) sells at a 2.5% discount.
 * @throws InvalidInputError naming the field (negative amount, prices ≤ 0, fractions outside [0, 1]).
 */
export function compoundQuoteCollateral(input: QuoteCollateralInput): number {
  const o = checkObject('input', input);
  const baseAmount = checkNonNegative('baseAmount', o.baseAmount);
  const basePrice = checkPositive('basePrice', o.basePrice);
  const assetPrice = checkPositive('assetPrice', o.assetPrice);
  const lf = checkFraction('liquidationFactor', o.liquidationFactor);
  const sf = checkFraction('storeFrontPriceFactor', o.storeFrontPriceFactor);
  const discounted = assetPrice * (1 - sf * (1 - lf));
  return basePrice * baseAmount / discounted;
}
