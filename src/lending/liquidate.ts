/**
 * Liquidation of an account under a named rule set (floating point; the bit-exact integer path for
 * Aave is `liquidateExact`).
 *
 * Fixed-spread rule sets (Aave v3.0, v3.3, custom) follow `LiquidationLogic.executeLiquidationCall`
 * and `_calculateAvailableCollateralToLiquidate` [aave/aave-v3-core @ 782f5191 LiquidationLogic.sol
 * L96-242, L363-386, L466-526; aave-dao/aave-v3-origin v3.3.0 LiquidationLogic.sol L259-345, L640-690]:
 *   actualDebt  = min(debtToCover, max liquidatable debt by the close-factor rule)
 *   seized      = actualDebt·debtPrice/collateralPrice·(1 + bonus)
 *   if seized > collateral balance: seized = balance, debt repaid = balance·collateralPrice/debtPrice/(1 + bonus)
 *   protocol fee = (seized − seized/(1 + bonus))·fee  (a share of the bonus part), liquidator gets seized − fee
 * v3.3 adds the $1,000 dust rule and books the remaining debt as a deficit (bad debt) once no
 * collateral is left. Compound v3 absorbs instead (see `absorb.ts`).
 *
 * Seize order (a modelling parameter; Aave takes one collateral per call): each collateral of the order
 * is treated like one protocol call on the account as it stands after the previous legs. Every leg
 * after the first requires HF < 1 again (HEALTH_FACTOR_NOT_BELOW_THRESHOLD: once the account is
 * healthy the liquidation stops), recomputes the close-factor limit from that state (v3.0: reserve
 * debt and HF; v3.3: that collateral's and the debt reserve's value, total debt and HF), and seizes
 * with that collateral's bonus, fee and balance cap; the dust rule is checked per leg. The next leg
 * starts only once a collateral's balance is exhausted, and `debtToCover` bounds the total repaid over
 * all legs. Default order: collaterals with LT > 0 and a balance, largest value first.
 */
import { checkObject, checkPositive, fail } from '../options/validate.js';
import { absorb } from './absorb.js';
import { healthOf } from './healthFactor.js';
import { resolveRuleSet } from './ruleSets.js';
import type {
  Account, BadDebt, DustPolicy, FixedSpreadRuleSet, LiquidateParams, LiquidationResult, SeizedCollateral,
} from './types.js';
import { MAX_AMOUNT, checkAccount, resolveAsset, resolveAssets } from './validate.js';

/**
 * Liquidates an account (HF < 1) under a rule set.
 * @param account as in `healthFactor`; collaterals need `liquidationBonus` (unless the rule set
 *   overrides it) and optionally `liquidationProtocolFee`; compound-v3 needs `liquidationFactor` and
 *   reads `liquidationThreshold` as Comet's liquidateCollateralFactor.
 * @param params `{ ruleSet: 'aave-v3.0' | 'aave-v3.3' | 'compound-v3' | rule set object (customRuleSet),
 *   debtAsset: index or symbol in debts, collateralAsset?: index, symbol or an array = seize order,
 *   debtToCover?: tokens in (0, 1e100] (default Infinity = as much as allowed), dust?: 'revert' | 'cover-all' }`.
 * @returns `{ ruleSet, debtAsset, debtRepaid, debtRepaidValue, maxDebtToCover, seized: [{ asset, symbol,
 *   amount, toLiquidator, toProtocol, value }], collateralSeizedValue, toLiquidatorValue, toProtocolValue,
 *   collateralCapped, badDebt: [{ asset, symbol, amount, value }], badDebtValue, surplusToAccount,
 *   healthFactorBefore, healthFactorAfter, lowersHealth, account }` (amounts in tokens, values in the
 *   base currency; the input account is not modified). `maxDebtToCover` is the close-factor limit of
 *   the first protocol call (later legs recompute theirs, see the file comment).
 * @throws InvalidInputError naming the field and value: a bad account (amounts and prices limited to
 *   [0, 1e100], see `MAX_AMOUNT`) or parameter, `debtToCover` ≤ 0 (Aave `INVALID_AMOUNT`), HF ≥ 1
 *   (field `healthFactor`, Aave `HEALTH_FACTOR_NOT_BELOW_THRESHOLD`), a debt asset without debt, a
 *   collateral without balance or with LT 0 (Aave `COLLATERAL_CANNOT_BE_LIQUIDATED`), a missing
 *   bonus, or (dust 'revert') a partial liquidation leaving less than the rule set's minimum leftover
 *   (field `debtToCover`, rule `MustNotLeaveDust`).
 */
export function liquidate(account: Account, params: LiquidateParams): LiquidationResult {
  const a = checkAccount(account);
  const p = checkObject('params', params);
  const rules = resolveRuleSet(p.ruleSet);
  const healthFactorBefore = healthOf(a);
  if (!(healthFactorBefore < 1)) fail('healthFactor', healthFactorBefore, '< 1', 'must be < 1 to liquidate (HEALTH_FACTOR_NOT_BELOW_THRESHOLD)');
  if (rules.kind === 'absorb') return absorb(a, p.debtAsset, rules, healthFactorBefore);
  return fixedSpread(a, p, rules, healthFactorBefore);
}

interface Leg { i: number; seized: number; fee: number; repaid: number; capped: boolean }

function checkDebtToCover(value: unknown): number {
  if (value === undefined || value === Infinity) return Infinity;
  // Aave ValidationLogic.validateLiquidationCall reverts on 0 (INVALID_AMOUNT).
  const v = checkPositive('debtToCover', value);
  if (v > MAX_AMOUNT) fail('debtToCover', v, `<= ${MAX_AMOUNT} or Infinity`, `must be <= ${MAX_AMOUNT} tokens, or Infinity for as much as allowed`);
  return v;
}

function fixedSpread(a: Account, p: Record<string, unknown>, rules: FixedSpreadRuleSet, healthFactorBefore: number): LiquidationResult {
  const j = resolveAsset('debtAsset', p.debtAsset, 'debts', a.debts);
  const debt = a.debts[j]!;
  if (debt.amount === 0) fail('debtAsset', p.debtAsset, 'asset with debt', 'has no debt to cover');
  if (debt.price === 0) fail(`debts[${j}].price`, debt.price, '> 0', 'must be > 0 to liquidate');
  const order = p.collateralAsset === undefined ? defaultOrder(a) : resolveAssets('collateralAsset', p.collateralAsset as never, a.collaterals);
  if (order.length === 0) fail('collaterals', a.collaterals, 'a collateral with balance and LT > 0', 'has nothing to seize');
  for (const i of order) checkSeizable(a, i, rules);
  const debtToCover = checkDebtToCover(p.debtToCover);
  const dust = (p.dust ?? 'revert') as DustPolicy;
  if (dust !== 'revert' && dust !== 'cover-all') fail('dust', dust, "'revert' | 'cover-all'", "must be 'revert' or 'cover-all'");

  // One protocol call per collateral of the order, on the account as it stands (see the file comment).
  const state: Account = { collaterals: a.collaterals.map((c) => ({ ...c })), debts: a.debts.map((d) => ({ ...d })) };
  const legs: Leg[] = [];
  let maxDebtToCover = NaN;
  let remaining = debtToCover;
  let hf = healthFactorBefore;
  for (const i of order) {
    if (legs.length > 0 && !(hf < 1)) break; // HEALTH_FACTOR_NOT_BELOW_THRESHOLD for this call
    const cap = maxLiquidatableDebt(state, j, i, rules, hf);
    if (legs.length === 0) maxDebtToCover = cap;
    let leg = seizeOne(state, j, i, Math.min(remaining, cap), rules);
    if (leavesDust(state, j, leg, rules)) {
      if (dust === 'cover-all') leg = seizeOne(state, j, i, cap, rules);
      if (dust === 'revert' || leavesDust(state, j, leg, rules)) {
        fail('debtToCover', debtToCover, 'MustNotLeaveDust',
          `would leave less than ${rules.minLeftoverValue} of debt or collateral value (MustNotLeaveDust): cover all ${state.debts[j]!.amount} or leave more`);
      }
    }
    legs.push(leg);
    apply(state, j, leg);
    if (!leg.capped) break; // the call was limited by debtToCover or the close factor, not by the balance
    remaining -= leg.repaid;
    if (!(remaining > 0)) break;
    hf = healthOf(state);
  }
  return settle(a, j, legs, rules, healthFactorBefore, maxDebtToCover);
}

/** Collaterals that can be seized (LT > 0, balance > 0, price > 0), largest value first (stable). */
function defaultOrder(a: Account): number[] {
  return a.collaterals
    .map((c, i) => ({ i, value: c.amount * c.price, ok: c.liquidationThreshold > 0 && c.amount > 0 && c.price > 0 }))
    .filter((x) => x.ok)
    .sort((x, y) => y.value - x.value || x.i - y.i)
    .map((x) => x.i);
}

function checkSeizable(a: Account, i: number, rules: FixedSpreadRuleSet): void {
  const c = a.collaterals[i]!;
  const at = `collaterals[${i}]`;
  if (c.liquidationThreshold === 0) fail(`${at}.liquidationThreshold`, 0, '> 0', 'must be > 0 for the collateral to be liquidated (COLLATERAL_CANNOT_BE_LIQUIDATED)');
  if (c.amount === 0) fail(`${at}.amount`, 0, '> 0', 'must be > 0 for the collateral to be seized');
  if (c.price === 0) fail(`${at}.price`, 0, '> 0', 'must be > 0 to liquidate');
  if (rules.liquidationBonus === undefined && c.liquidationBonus === undefined) {
    fail(`${at}.liquidationBonus`, undefined, 'given', `must be given for rule set ${JSON.stringify(rules.name)}`);
  }
}

/** The close-factor limit of one call seizing collateral i, in tokens of debt asset j (Aave v3.0 L375-383; v3.3 L259-282). */
function maxLiquidatableDebt(a: Account, j: number, i: number, rules: FixedSpreadRuleSet, hf: number): number {
  const debt = a.debts[j]!;
  if (rules.closeFactorBasis === 'reserve-debt') {
    return hf <= rules.fullLiquidationHealthFactor ? debt.amount : debt.amount * rules.closeFactor;
  }
  const c = a.collaterals[i]!;
  const reserveDebtValue = debt.amount * debt.price;
  if (c.amount * c.price >= rules.minCloseFactorValue && reserveDebtValue >= rules.minCloseFactorValue && hf > rules.fullLiquidationHealthFactor) {
    let totalDebtValue = 0;
    for (const d of a.debts) totalDebtValue += d.amount * d.price;
    const cap = totalDebtValue * rules.closeFactor;
    if (reserveDebtValue > cap) return cap / debt.price;
  }
  return debt.amount;
}

/** One protocol call: seizes collateral i for `cover` tokens of debt j (capped by the balance). */
function seizeOne(a: Account, j: number, i: number, cover: number, rules: FixedSpreadRuleSet): Leg {
  const debtPrice = a.debts[j]!.price;
  const c = a.collaterals[i]!;
  const bonus = rules.liquidationBonus ?? c.liquidationBonus!;
  const feeShare = rules.liquidationProtocolFee ?? c.liquidationProtocolFee ?? 0;
  const wanted = cover * debtPrice / c.price * (1 + bonus);
  const capped = wanted > c.amount;
  const seized = capped ? c.amount : wanted;
  const repaid = capped ? c.amount * c.price / debtPrice / (1 + bonus) : cover;
  const fee = (seized - seized / (1 + bonus)) * feeShare;
  return { i, seized, fee, repaid, capped };
}

/** Books a leg on `state` (in place): the collateral balance and the debt go down. */
function apply(state: Account, j: number, leg: Leg): void {
  const c = state.collaterals[leg.i]!;
  c.amount = leg.capped ? 0 : c.amount - leg.seized;
  const d = state.debts[j]!;
  d.amount = leg.repaid >= d.amount ? 0 : d.amount - leg.repaid;
}

/** Aave v3.3 `MustNotLeaveDust` [AO L300-324] for one call: a partial leg must leave ≥ min of both. */
function leavesDust(a: Account, j: number, leg: Leg, rules: FixedSpreadRuleSet): boolean {
  if (rules.minLeftoverValue === 0) return false;
  const debt = a.debts[j]!;
  const debtLeft = leg.repaid >= debt.amount ? 0 : debt.amount - leg.repaid;
  const c = a.collaterals[leg.i]!;
  const collateralLeft = leg.capped ? 0 : c.amount - leg.seized;
  return debtLeft > 0 && collateralLeft > 0
    && (debtLeft * debt.price < rules.minLeftoverValue || collateralLeft * c.price < rules.minLeftoverValue);
}

function settle(a: Account, j: number, legs: Leg[], rules: FixedSpreadRuleSet, healthFactorBefore: number, maxDebtToCover: number): LiquidationResult {
  const collaterals = a.collaterals.map((c) => ({ ...c }));
  const debts = a.debts.map((d) => ({ ...d }));
  const seized: SeizedCollateral[] = [];
  let repaid = 0;
  let seizedValue = 0;
  let toLiquidatorValue = 0;
  let toProtocolValue = 0;
  for (const leg of legs) {
    const c = collaterals[leg.i]!;
    c.amount = leg.capped ? 0 : c.amount - leg.seized;
    repaid += leg.repaid;
    const entry: SeizedCollateral = {
      asset: leg.i, amount: leg.seized, toLiquidator: leg.seized - leg.fee, toProtocol: leg.fee, value: leg.seized * c.price,
    };
    if (c.symbol !== undefined) entry.symbol = c.symbol;
    seized.push(entry);
    seizedValue += entry.value;
    toLiquidatorValue += entry.toLiquidator * c.price;
    toProtocolValue += entry.toProtocol * c.price;
  }
  const debt = debts[j]!;
  debt.amount = repaid >= debt.amount ? 0 : debt.amount - repaid;
  const badDebt: BadDebt[] = [];
  let badDebtValue = 0;
  // v3.3: hasNoCollateralLeft (only collateral with LT ≠ 0 counts, GenericLogic) → burn every debt as deficit.
  const collateralLeft = collaterals.reduce((s, c) => s + (c.liquidationThreshold > 0 ? c.amount * c.price : 0), 0);
  if (rules.badDebt === 'deficit' && collateralLeft === 0) {
    debts.forEach((d, k) => {
      if (d.amount === 0) return;
      const entry: BadDebt = { asset: k, amount: d.amount, value: d.amount * d.price };
      if (d.symbol !== undefined) entry.symbol = d.symbol;
      badDebt.push(entry);
      badDebtValue += entry.value;
      d.amount = 0;
    });
  }
  const account = { collaterals, debts };
  const healthFactorAfter = healthOf(account);
  return {
    ruleSet: rules.name,
    debtAsset: j,
    debtRepaid: repaid,
    debtRepaidValue: repaid * debt.price,
    maxDebtToCover,
    seized,
    collateralSeizedValue: seizedValue,
    toLiquidatorValue,
    toProtocolValue,
    collateralCapped: legs.some((l) => l.capped),
    badDebt,
    badDebtValue,
    surplusToAccount: 0,
    healthFactorBefore,
    healthFactorAfter,
    lowersHealth: healthFactorAfter < healthFactorBefore,
    account,
  };
}
