/**
 * Named liquidation rule sets (issue #5 §1). Every constant cites the contract it models.
 *
 * - `aave-v3.0` [aave/aave-v3-core @ 782f5191, LiquidationLogic.sol L54-68, L363-386]: close factor
 *   50% of the debt reserve (`DEFAULT_LIQUIDATION_CLOSE_FACTOR` 0.5e4), 100% when HF ≤ 0.95
 *   (`CLOSE_FACTOR_HF_THRESHOLD` 0.95e18); no dust rule; no bad-debt write-off.
 * - `aave-v3.3` [aave-dao/aave-v3-origin tag v3.3.0 (same logic at fd1fbd91), LiquidationLogic.sol
 *   L43-64, L259-282, L300-324; docs/3.3 §1-2]: the whole reserve debt by default; capped to 50% of
 *   the user's total debt value only if HF > 0.95 and both the debt and the collateral reserve are
 *   ≥ $2,000 (`MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD` 2000e8); a partial liquidation must leave ≥ $1,000
 *   (`MIN_LEFTOVER_BASE`) of both debt and collateral (else `MustNotLeaveDust`); when no collateral is
 *   left, every remaining debt is burned and booked as a reserve deficit.
 * - `compound-v3` [compound-finance/comet @ d5a30b0a, Comet.sol L1183-1232 `absorbInternal`,
 *   L1247-1285 `buyCollateral`/`quoteCollateral`]: the protocol absorbs all collateral, credits
 *   Σ value·liquidationFactor against the debt (excess debt absorbed by reserves), and sells the
 *   collateral at a store-front discount storeFrontPriceFactor·(1 − liquidationFactor); cUSDCv3
 *   mainnet storeFrontPriceFactor 0.5 [deployments/mainnet/usdc/configuration.json].
 * - `custom`: build one with {@link customRuleSet}.
 */
import { checkFraction, checkKnownFields, checkNonNegative, checkObject, fail } from '../options/validate.js';
import type { AbsorbRuleSet, FixedSpreadRuleSet, LiquidationRuleSet } from './types.js';

/** Aave v3.0–v3.2 rules (see the file comment). */
export const AAVE_V3_0: Readonly<FixedSpreadRuleSet> = Object.freeze({
  kind: 'fixed-spread',
  name: 'aave-v3.0',
  closeFactor: 0.5,
  fullLiquidationHealthFactor: 0.95,
  closeFactorBasis: 'reserve-debt',
  minCloseFactorValue: 0,
  minLeftoverValue: 0,
  badDebt: 'keep',
});

/** Aave v3.3+ rules (see the file comment); $ thresholds assume USD prices. */
export const AAVE_V3_3: Readonly<FixedSpreadRuleSet> = Object.freeze({
  kind: 'fixed-spread',
  name: 'aave-v3.3',
  closeFactor: 0.5,
  fullLiquidationHealthFactor: 0.95,
  closeFactorBasis: 'total-debt',
  minCloseFactorValue: 2000,
  minLeftoverValue: 1000,
  badDebt: 'deficit',
});

/** Compound v3 (Comet) absorb rules with the cUSDCv3 mainnet store-front price factor 0.5. */
export const COMPOUND_V3: Readonly<AbsorbRuleSet> = Object.freeze({
  kind: 'absorb',
  name: 'compound-v3',
  storeFrontPriceFactor: 0.5,
});

/** The built-in rule sets by name. */
export const LIQUIDATION_RULE_SETS: Readonly<Record<'aave-v3.0' | 'aave-v3.3' | 'compound-v3', Readonly<LiquidationRuleSet>>> = Object.freeze({
  'aave-v3.0': AAVE_V3_0,
  'aave-v3.3': AAVE_V3_3,
  'compound-v3': COMPOUND_V3,
});

/** Options of {@link customRuleSet}; omitted fields take the defaults shown. */
export interface CustomRuleSetOptions {
  /** Share of the debt reserve one liquidation may repay, in (0, 1]. Required. */
  closeFactor: number;
  /** Overrides every collateral's liquidationBonus (fraction); default: each collateral's own. */
  liquidationBonus?: number;
  /** Overrides every collateral's liquidationProtocolFee (fraction of the bonus); default: each collateral's own. */
  liquidationProtocolFee?: number;
  /** At or below this HF 100% may be repaid; default 0 (never). */
  fullLiquidationHealthFactor?: number;
  /** Leftover debt and collateral value a partial liquidation must leave; default 0 (no dust rule). */
  minLeftoverValue?: number;
  /** 'deficit' writes off remaining debt once no collateral is left; default 'keep'. */
  badDebt?: 'deficit' | 'keep';
  /** Name reported in results; default 'custom'. */
  name?: string;
}

/**
 * A `custom` fixed-spread rule set: close factor on the debt reserve, optional bonus and fee
 * overrides, optional full-liquidation HF, dust rule and bad-debt write-off.
 * @throws InvalidInputError naming the option and value (closeFactor outside (0, 1], fractions outside
 *   [0, 1], negative minLeftoverValue, unknown badDebt).
 */
export function customRuleSet(options: CustomRuleSetOptions): Readonly<FixedSpreadRuleSet> {
  const o = checkObject('options', options);
  checkKnownFields('', o, ['name', 'closeFactor', 'fullLiquidationHealthFactor', 'minLeftoverValue', 'badDebt',
    'liquidationBonus', 'liquidationProtocolFee'], "customRuleSet's options");
  const closeFactor = checkFraction('closeFactor', o.closeFactor);
  if (closeFactor === 0) fail('closeFactor', closeFactor, '> 0', 'must be > 0');
  const badDebt = o.badDebt ?? 'keep';
  if (badDebt !== 'deficit' && badDebt !== 'keep') fail('badDebt', badDebt, "'deficit' | 'keep'", "must be 'deficit' or 'keep'");
  const name = o.name ?? 'custom';
  if (typeof name !== 'string') fail('name', name, 'string', 'must be a string');
  const rules: FixedSpreadRuleSet = {
    kind: 'fixed-spread',
    name,
    closeFactor,
    fullLiquidationHealthFactor: o.fullLiquidationHealthFactor === undefined ? 0 : checkNonNegative('fullLiquidationHealthFactor', o.fullLiquidationHealthFactor),
    closeFactorBasis: 'reserve-debt',
    minCloseFactorValue: 0,
    minLeftoverValue: o.minLeftoverValue === undefined ? 0 : checkNonNegative('minLeftoverValue', o.minLeftoverValue),
    badDebt,
  };
  if (o.liquidationBonus !== undefined) rules.liquidationBonus = checkFraction('liquidationBonus', o.liquidationBonus);
  if (o.liquidationProtocolFee !== undefined) rules.liquidationProtocolFee = checkFraction('liquidationProtocolFee', o.liquidationProtocolFee);
  return Object.freeze(rules);
}

/** Resolves `ruleSet` (a built-in name or a rule set object) and checks its fields. */
export function resolveRuleSet(value: unknown): Readonly<LiquidationRuleSet> {
  if (typeof value === 'string') {
    const named = (LIQUIDATION_RULE_SETS as Record<string, Readonly<LiquidationRuleSet>>)[value];
    if (named === undefined) fail('ruleSet', value, 'known name', "must be 'aave-v3.0', 'aave-v3.3', 'compound-v3' or a rule set object (customRuleSet)");
    return named;
  }
  const o = checkObject('ruleSet', value);
  if (o.kind === 'absorb') {
    return { kind: 'absorb', name: String(o.name ?? 'absorb'), storeFrontPriceFactor: checkFraction('ruleSet.storeFrontPriceFactor', o.storeFrontPriceFactor) };
  }
  if (o.kind !== 'fixed-spread') fail('ruleSet.kind', o.kind, "'fixed-spread' | 'absorb'", "must be 'fixed-spread' or 'absorb'");
  const basis = o.closeFactorBasis;
  if (basis !== 'reserve-debt' && basis !== 'total-debt') fail('ruleSet.closeFactorBasis', basis, "'reserve-debt' | 'total-debt'", "must be 'reserve-debt' or 'total-debt'");
  if (o.badDebt !== 'deficit' && o.badDebt !== 'keep') fail('ruleSet.badDebt', o.badDebt, "'deficit' | 'keep'", "must be 'deficit' or 'keep'");
  const closeFactor = checkFraction('ruleSet.closeFactor', o.closeFactor);
  if (closeFactor === 0) fail('ruleSet.closeFactor', closeFactor, '> 0', 'must be > 0');
  const rules: FixedSpreadRuleSet = {
    kind: 'fixed-spread',
    name: String(o.name ?? 'custom'),
    closeFactor,
    fullLiquidationHealthFactor: checkNonNegative('ruleSet.fullLiquidationHealthFactor', o.fullLiquidationHealthFactor),
    closeFactorBasis: basis,
    minCloseFactorValue: checkNonNegative('ruleSet.minCloseFactorValue', o.minCloseFactorValue),
    minLeftoverValue: checkNonNegative('ruleSet.minLeftoverValue', o.minLeftoverValue),
    badDebt: o.badDebt,
  };
  if (o.liquidationBonus !== undefined) rules.liquidationBonus = checkFraction('ruleSet.liquidationBonus', o.liquidationBonus);
  if (o.liquidationProtocolFee !== undefined) rules.liquidationProtocolFee = checkFraction('ruleSet.liquidationProtocolFee', o.liquidationProtocolFee);
  return rules;
}
