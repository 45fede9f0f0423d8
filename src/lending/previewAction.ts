/**
 * What an account looks like after a deposit, withdrawal, borrow or repayment, and whether the
 * protocol would accept it.
 *
 * Rules from Aave v3 `ValidationLogic` [aave/aave-v3-core @ 782f5191, ValidationLogic.sol]: a borrow
 * needs collateral (L242), a non-zero LTV (L243), HF > 1 before it (L246) and the debt after it within
 * Σ collateral·LTV (`COLLATERAL_CANNOT_COVER_NEW_BORROW`, L260-265); a withdrawal must leave
 * HF ≥ 1 (`validateHealthFactor`, L572). A repayment larger than the debt repays the debt only
 * (`BorrowLogic.executeRepay`: paybackAmount = min(amount, debt)), so the debt clamps to 0 and HF
 * becomes +∞ (case C15); HF never decreases as the repaid amount grows.
 */
import { checkAmount, checkObject, fail } from '../options/validate.js';
import { accountDataOf, healthOf } from './healthFactor.js';
import type { Account, Action, ActionPreview } from './types.js';
import { MAX_AMOUNT, checkAccount, resolveAsset } from './validate.js';

const TYPES = ['deposit', 'withdraw', 'borrow', 'repay'] as const;

/**
 * Previews an action on an account.
 * @param account as in `healthFactor`.
 * @param action `{ type: 'deposit' | 'withdraw' | 'borrow' | 'repay', asset: index or symbol (in
 *   collaterals for deposit/withdraw, in debts for borrow/repay), amount: tokens in [0, 1e100] }`;
 *   repay and withdraw accept Infinity ("all").
 * @returns `{ account, amountApplied, healthFactorBefore, healthFactor, accountData, allowed, reason? }`
 *   (the input is not modified).
 * @throws InvalidInputError naming the field and value: a bad account, an unknown type or asset, a
 *   negative or NaN amount, an amount above 1e100 (`MAX_AMOUNT`), Infinity for deposit/borrow, a deposit
 *   or borrow that would take the position's amount above 1e100 (field `action.amount`), a withdrawal
 *   above the balance.
 */
export function previewAction(account: Account, action: Action): ActionPreview {
  const a = checkAccount(account);
  const o = checkObject('action', action);
  const type = o.type as Action['type'];
  if (!TYPES.includes(type)) fail('action.type', o.type, TYPES.join(' | '), `must be one of ${TYPES.map((t) => `'${t}'`).join(', ')}`);
  const onCollateral = type === 'deposit' || type === 'withdraw';
  const list = onCollateral ? 'collaterals' : 'debts';
  const i = resolveAsset('action.asset', o.asset, list, onCollateral ? a.collaterals : a.debts);
  const all = o.amount === Infinity && (type === 'repay' || type === 'withdraw');
  const amount = all ? Infinity : checkAmount('action.amount', o.amount);

  const after: Account = { collaterals: a.collaterals.map((c) => ({ ...c })), debts: a.debts.map((d) => ({ ...d })) };
  const healthFactorBefore = healthOf(a);
  let amountApplied = amount;
  if (type === 'deposit' || type === 'borrow') {
    const position = type === 'deposit' ? after.collaterals[i]! : after.debts[i]!;
    const total = position.amount + amount;
    if (total > MAX_AMOUNT) {
      fail('action.amount', amount, `${list}[${i}].amount + amount <= ${MAX_AMOUNT}`,
        `would make ${list}[${i}].amount ${total} > ${MAX_AMOUNT} (the amount limit, see MAX_AMOUNT)`);
    }
    position.amount = total;
  } else if (type === 'withdraw') {
    const c = after.collaterals[i]!;
    if (all) amountApplied = c.amount;
    else if (amount > c.amount) fail('action.amount', amount, '<= balance', `must be <= the balance of collaterals[${i}] (${c.amount})`);
    c.amount = amountApplied === c.amount ? 0 : c.amount - amountApplied;
  } else {
    const d = after.debts[i]!;
    amountApplied = Math.min(amount, d.amount);
    d.amount = amountApplied === d.amount ? 0 : d.amount - amountApplied;
  }

  const data = accountDataOf(after);
  const reason = refusal(type, a, data, healthFactorBefore);
  const preview: ActionPreview = {
    account: after, amountApplied, healthFactorBefore, healthFactor: data.healthFactor, accountData: data, allowed: reason === undefined,
  };
  if (reason !== undefined) preview.reason = reason;
  return preview;
}

function refusal(type: Action['type'], before: Account, after: ReturnType<typeof accountDataOf>, hfBefore: number): string | undefined {
  if (type === 'borrow') {
    if (after.totalCollateralValue === 0) return 'no collateral (COLLATERAL_BALANCE_IS_ZERO)';
    if (after.ltv === 0) return 'collateral LTV is 0 (LTV_VALIDATION_FAILED)';
    if (!(hfBefore > 1)) return `health factor ${hfBefore} is not above 1 (HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD)`;
    if (after.totalDebtValue > after.borrowingPower) {
      return `debt ${after.totalDebtValue} would exceed the borrowing power ${after.borrowingPower} (COLLATERAL_CANNOT_COVER_NEW_BORROW)`;
    }
  }
  if (type === 'withdraw' && after.healthFactor < 1 && before.debts.some((d) => d.amount > 0)) {
    return `health factor would drop to ${after.healthFactor} < 1 (HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD)`;
  }
  return undefined;
}
