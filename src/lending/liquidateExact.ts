/**
 * Aave v3 liquidation on raw integers, bit for bit with the contracts (given balances with the
 * indexes applied and the oracle prices).
 *
 * Sources:
 * - account data: `GenericLogic.calculateUserAccountData` [aave/aave-v3-core @ 782f5191,
 *   GenericLogic.sol L64-185; identical in aave-v3-origin v3.3.0]: collateral and debt in base
 *   currency floor(balance·price/10^decimals) (only reserves with LT ≠ 0 enabled as collateral count as
 *   collateral), avgLT = floor(Σ base·LT / totalCollateral), HF = wadDiv(percentMul(totalCollateral,
 *   avgLT), totalDebt), type(uint256).max without debt.
 * - v3.0: `_calculateDebt` [LiquidationLogic.sol L363-386]: maxLiquidatableDebt =
 *   percentMul(reserveDebt, HF > 0.95e18 ? 5000 : 10000).
 * - v3.3: [aave-dao/aave-v3-origin tag v3.3.0, LiquidationLogic.sol L270-345, L540-590]: whole reserve
 *   debt unless collateral and debt reserves ≥ 2000e8 and HF > 0.95e18, then
 *   floor(percentMul(totalDebtBase, 5000)·10^dec/price) if the reserve debt exceeds that; dust rule
 *   (leftovers ≥ 1000e8 unless all debt or all collateral goes); hasNoCollateralLeft =
 *   (totalCollateralBase == collateralToLiquidateInBaseCurrency) burns every remaining debt into deficits.
 * - both: `_calculateAvailableCollateralToLiquidate` [v3.0 L466-526; v3.3 L640-690] (see
 *   {@link calculateAvailableCollateralToLiquidate}).
 * Not modelled: eMode, isolation/siloed modes, the price-oracle sentinel and grace periods, GHO's
 * interest special case, the 1-wei fee cap at index ≠ 1 RAY (balances are taken as given).
 */
import { checkObject, fail } from '../options/validate.js';
import type {
  CollateralToLiquidate, CollateralToLiquidateInput, ExactAccount, ExactAccountData, ExactLiquidationResult,
  ExactReserve, LiquidateExactParams,
} from './exactTypes.js';
import { resolveAsset } from './validate.js';
import {
  MAX_UINT256, PERCENTAGE_FACTOR, checkUint256, percentDiv, percentDivCeil, percentDivFloor, percentMul, percentMulCeil,
  percentMulFloor, wadDiv,
} from './wadRayMath.js';

/** 0.95e18 (`CLOSE_FACTOR_HF_THRESHOLD`). */
export const CLOSE_FACTOR_HF_THRESHOLD = 95n * 10n ** 16n;
/** 1e18 (`HEALTH_FACTOR_LIQUIDATION_THRESHOLD`). */
export const HEALTH_FACTOR_LIQUIDATION_THRESHOLD = 10n ** 18n;
/** 2000e8 (v3.3 `MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD`, USD with 8 decimals). */
export const MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD = 2000n * 10n ** 8n;
/** 1000e8 (v3.3 `MIN_LEFTOVER_BASE`). */
export const MIN_LEFTOVER_BASE = MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD / 2n;

function checkDecimals(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 77) fail(field, value, 'integer in [0, 77]', 'must be an integer in [0, 77]');
  return value;
}

function checkBps(field: string, value: unknown, max?: bigint): bigint {
  const v = checkUint256(field, value);
  if (max !== undefined && v > max) fail(field, v, `<= ${max}n`, `must be <= ${max}n bps`);
  return v;
}

function checkReserve(i: number, input: unknown): ExactReserve {
  const at = `reserves[${i}]`;
  const o = checkObject(at, input);
  const r: ExactReserve = {
    decimals: checkDecimals(`${at}.decimals`, o.decimals),
    price: checkUint256(`${at}.price`, o.price),
    liquidationThresholdBps: checkBps(`${at}.liquidationThresholdBps`, o.liquidationThresholdBps, PERCENTAGE_FACTOR),
    liquidationBonusBps: checkBps(`${at}.liquidationBonusBps`, o.liquidationBonusBps),
    liquidationProtocolFeeBps: o.liquidationProtocolFeeBps === undefined ? 0n : checkBps(`${at}.liquidationProtocolFeeBps`, o.liquidationProtocolFeeBps, PERCENTAGE_FACTOR),
    ltvBps: o.ltvBps === undefined ? 0n : checkBps(`${at}.ltvBps`, o.ltvBps, PERCENTAGE_FACTOR),
    collateral: checkUint256(`${at}.collateral`, o.collateral),
    debt: checkUint256(`${at}.debt`, o.debt),
    usedAsCollateral: o.usedAsCollateral === undefined ? true : o.usedAsCollateral === true,
  };
  // PoolConfigurator.configureReserveAsCollateral [aave-v3-core @ 782f5191 L101-130]: a reserve with
  // LT ≠ 0 needs liquidationBonus > PERCENTAGE_FACTOR (INVALID_RESERVE_PARAMS); the bonus includes the 100%.
  if (r.liquidationThresholdBps !== 0n && r.liquidationBonusBps <= PERCENTAGE_FACTOR) {
    fail(`${at}.liquidationBonusBps`, r.liquidationBonusBps, `> ${PERCENTAGE_FACTOR}n`,
      `must be > ${PERCENTAGE_FACTOR}n for a reserve with a liquidation threshold (includes the 100%: 10500n is a 5% bonus; PoolConfigurator INVALID_RESERVE_PARAMS)`);
  }
  if (o.usedAsCollateral !== undefined && typeof o.usedAsCollateral !== 'boolean') fail(`${at}.usedAsCollateral`, o.usedAsCollateral, 'boolean', 'must be a boolean');
  if (o.symbol !== undefined) {
    if (typeof o.symbol !== 'string') fail(`${at}.symbol`, o.symbol, 'string', 'must be a string');
    r.symbol = o.symbol;
  }
  return r;
}

/** Validates an exact account; returns a copy with defaults filled in. */
function checkExactAccount(input: unknown): ExactAccount {
  const o = checkObject('account', input);
  if (!Array.isArray(o.reserves)) fail('reserves', o.reserves, 'array', 'must be an array');
  return { reserves: o.reserves.map((r, i) => checkReserve(i, r)) };
}

const unit = (r: ExactReserve): bigint => 10n ** BigInt(r.decimals);
const isCollateral = (r: ExactReserve): boolean => r.liquidationThresholdBps !== 0n && r.usedAsCollateral !== false;

function dataOf(a: ExactAccount): ExactAccountData {
  let totalCollateralBase = 0n;
  let totalDebtBase = 0n;
  let ltvSum = 0n;
  let ltSum = 0n;
  for (const r of a.reserves) {
    if (isCollateral(r) && r.collateral !== 0n) {
      const base = r.collateral * r.price / unit(r);
      totalCollateralBase += base;
      ltvSum += base * r.ltvBps!;
      ltSum += base * r.liquidationThresholdBps;
    }
    if (r.debt !== 0n) totalDebtBase += r.debt * r.price / unit(r);
  }
  const avgLtvBps = totalCollateralBase === 0n ? 0n : ltvSum / totalCollateralBase;
  const avgLiquidationThresholdBps = totalCollateralBase === 0n ? 0n : ltSum / totalCollateralBase;
  const healthFactor = totalDebtBase === 0n ? MAX_UINT256 : wadDiv(percentMul(totalCollateralBase, avgLiquidationThresholdBps), totalDebtBase);
  const power = percentMul(totalCollateralBase, avgLtvBps);
  return {
    totalCollateralBase, totalDebtBase, avgLtvBps, avgLiquidationThresholdBps, healthFactor,
    availableBorrowsBase: power > totalDebtBase ? power - totalDebtBase : 0n,
  };
}

/**
 * Aave v3 account data on raw integers (`getUserAccountData`).
 * @param account `{ reserves: [{ decimals, price (8-dec base), liquidationThresholdBps, liquidationBonusBps,
 *   liquidationProtocolFeeBps?, ltvBps?, collateral, debt (raw bigint), usedAsCollateral?, symbol? }] }`.
 * @returns `{ totalCollateralBase, totalDebtBase, avgLtvBps, avgLiquidationThresholdBps, healthFactor (WAD),
 *   availableBorrowsBase }`.
 * @throws InvalidInputError naming the field: non-bigint or negative integers, decimals outside 0…77,
 *   bps above 10000 (LT, LTV, fee), `reserves[i].liquidationBonusBps` ≤ 10000n on a reserve with LT ≠ 0
 *   (PoolConfigurator.configureReserveAsCollateral requires bonus > PERCENTAGE_FACTOR).
 */
export function accountDataExact(account: ExactAccount): ExactAccountData {
  return dataOf(checkExactAccount(account));
}

/**
 * `_calculateAvailableCollateralToLiquidate`, bit for bit:
 *   base = debtPrice·debtToCover·10^collDec / (collPrice·10^debtDec)            (truncating)
 *   max  = percentMul(base, bonus)                     [3.7: percentMulFloor]
 *   max > balance → amount = balance, debtNeeded = percentDiv(collPrice·balance·10^debtDec /
 *                   (debtPrice·10^collDec), bonus)       [3.7: percentDivCeil]
 *   fee  = percentMul(amount − percentDiv(amount, bonus), feeBps)   [3.7: percentDivFloor, percentMulCeil]
 *   liquidator gets amount − fee.
 * Sources: aave-v3-core @ 782f5191 LiquidationLogic.sol L466-526 (v3.0); aave-v3-origin v3.3.0 L640-690
 * (same rounding, plus collateralToLiquidateInBaseCurrency); aave-v3-origin @ fd1fbd91 L583-625 (3.7).
 * @throws InvalidInputError naming the field (non-bigint or negative values, zero prices, a bonus
 *   ≤ 10000n: Aave's configurator requires bonus > PERCENTAGE_FACTOR).
 */
export function calculateAvailableCollateralToLiquidate(input: CollateralToLiquidateInput): CollateralToLiquidate {
  const o = checkObject('input', input);
  const collateralPrice = checkUint256('collateralPrice', o.collateralPrice);
  const debtPrice = checkUint256('debtPrice', o.debtPrice);
  if (collateralPrice === 0n) fail('collateralPrice', 0n, '> 0n', 'must be > 0n');
  if (debtPrice === 0n) fail('debtPrice', 0n, '> 0n', 'must be > 0n');
  const bonus = checkUint256('liquidationBonusBps', o.liquidationBonusBps);
  if (bonus <= PERCENTAGE_FACTOR) fail('liquidationBonusBps', bonus, `> ${PERCENTAGE_FACTOR}n`, `must be > ${PERCENTAGE_FACTOR}n (includes the 100%: 10500n is a 5% bonus; PoolConfigurator INVALID_RESERVE_PARAMS)`);
  const rounding = o.rounding ?? 'half-up';
  if (rounding !== 'half-up' && rounding !== 'directed') fail('rounding', rounding, "'half-up' | 'directed'", "must be 'half-up' or 'directed'");
  return collateralToLiquidate(
    collateralPrice, 10n ** BigInt(checkDecimals('collateralDecimals', o.collateralDecimals)),
    debtPrice, 10n ** BigInt(checkDecimals('debtDecimals', o.debtDecimals)),
    checkUint256('debtToCover', o.debtToCover), checkUint256('userCollateralBalance', o.userCollateralBalance),
    bonus, checkBps('liquidationProtocolFeeBps', o.liquidationProtocolFeeBps, PERCENTAGE_FACTOR), rounding === 'directed',
  );
}

function collateralToLiquidate(collateralPrice: bigint, collateralUnit: bigint, debtPrice: bigint, debtUnit: bigint,
  debtToCover: bigint, balance: bigint, bonus: bigint, feeBps: bigint, directed: boolean): CollateralToLiquidate {
  // Solidity 0.8 checked arithmetic: the product reverts beyond uint256 (e.g. debtToCover = type(uint256).max uncapped).
  const product = debtPrice * debtToCover * collateralUnit;
  if (product > MAX_UINT256) fail('debtToCover', debtToCover, 'no uint256 overflow', 'overflows uint256 in debtPrice·debtToCover·10^decimals (the contract reverts)');
  const base = product / (collateralPrice * debtUnit);
  const max = directed ? percentMulFloor(base, bonus) : percentMul(base, bonus);
  let amount: bigint;
  let debtAmountNeeded: bigint;
  if (max > balance) {
    amount = balance;
    const value = collateralPrice * amount * debtUnit / (debtPrice * collateralUnit);
    debtAmountNeeded = directed ? percentDivCeil(value, bonus) : percentDiv(value, bonus);
  } else {
    amount = max;
    debtAmountNeeded = debtToCover;
  }
  const collateralInBaseCurrency = amount * collateralPrice / collateralUnit;
  let protocolFee = 0n;
  if (feeBps !== 0n) {
    const bonusPart = amount - (directed ? percentDivFloor(amount, bonus) : percentDiv(amount, bonus));
    protocolFee = directed ? percentMulCeil(bonusPart, feeBps) : percentMul(bonusPart, feeBps);
  }
  return { collateralAmount: amount - protocolFee, debtAmountNeeded, protocolFee, collateralInBaseCurrency };
}

/**
 * One Aave v3 `liquidationCall` on raw integers under v3.0 or v3.3 rules (see the file comment).
 * @param account as {@link accountDataExact}.
 * @param params `{ ruleSet: 'aave-v3.0' | 'aave-v3.3', debtAsset, collateralAsset (index or symbol),
 *   debtToCover (raw bigint; MAX_UINT256 = as much as allowed) }`.
 * @returns `{ ruleSet, healthFactorBefore, maxLiquidatableDebt, debtRepaid, collateralToLiquidator,
 *   protocolFee, hasNoCollateralLeft, deficit[], healthFactorAfter, account }`.
 * @throws InvalidInputError where the contract reverts, naming the field: HF ≥ 1 (`healthFactor`,
 *   HEALTH_FACTOR_NOT_BELOW_THRESHOLD), collateral with LT 0 / not enabled / no balance
 *   (COLLATERAL_CANNOT_BE_LIQUIDATED), no debt in the reserve (SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER),
 *   v3.3 dust (`debtToCover`, MustNotLeaveDust); and for malformed input, incl. a collateral or debt
 *   reserve with price 0n (`reserves[i].price`) and a bonus ≤ 10000n on a reserve with LT ≠ 0
 *   (`reserves[i].liquidationBonusBps`).
 */
export function liquidateExact(account: ExactAccount, params: LiquidateExactParams): ExactLiquidationResult {
  const a = checkExactAccount(account);
  const p = checkObject('params', params);
  const ruleSet = p.ruleSet;
  if (ruleSet !== 'aave-v3.0' && ruleSet !== 'aave-v3.3') fail('ruleSet', ruleSet, "'aave-v3.0' | 'aave-v3.3'", "must be 'aave-v3.0' or 'aave-v3.3'");
  const j = resolveAsset('debtAsset', p.debtAsset, 'reserves', a.reserves);
  const i = resolveAsset('collateralAsset', p.collateralAsset, 'reserves', a.reserves);
  const debtToCover = checkUint256('debtToCover', p.debtToCover);
  const d = a.reserves[j]!;
  const c = a.reserves[i]!;
  // Oracle prices must be > 0 (AaveOracle.getAssetPrice falls back on a price ≤ 0; the pool never sees 0),
  // else the seizure divides by zero.
  if (c.price === 0n) fail(`reserves[${i}].price`, 0n, '> 0n', 'must be > 0n (an oracle price; the collateral price divides the seizure)');
  if (d.price === 0n) fail(`reserves[${j}].price`, 0n, '> 0n', 'must be > 0n (an oracle price; the debt price converts the close-factor limit)');
  const before = dataOf(a);
  const hf = before.healthFactor;
  if (hf >= HEALTH_FACTOR_LIQUIDATION_THRESHOLD) fail('healthFactor', hf, '< 1e18', 'must be < 1e18 to liquidate (HEALTH_FACTOR_NOT_BELOW_THRESHOLD)');
  if (!isCollateral(c) || c.collateral === 0n) fail('collateralAsset', p.collateralAsset, 'enabled collateral with LT > 0 and a balance', 'cannot be liquidated (COLLATERAL_CANNOT_BE_LIQUIDATED)');
  if (d.debt === 0n) fail('debtAsset', p.debtAsset, 'borrowed', 'is not borrowed by the user (SPECIFIED_CURRENCY_NOT_BORROWED_BY_USER)');

  let maxLiquidatableDebt: bigint;
  if (ruleSet === 'aave-v3.0') {
    maxLiquidatableDebt = percentMul(d.debt, hf > CLOSE_FACTOR_HF_THRESHOLD ? 5000n : 10000n);
  } else {
    maxLiquidatableDebt = d.debt;
    const debtBase = d.debt * d.price / unit(d);
    const collateralBase = c.collateral * c.price / unit(c);
    if (collateralBase >= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD && debtBase >= MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD && hf > CLOSE_FACTOR_HF_THRESHOLD) {
      const half = percentMul(before.totalDebtBase, 5000n);
      if (debtBase > half) maxLiquidatableDebt = half * unit(d) / d.price;
    }
  }
  const wanted = debtToCover > maxLiquidatableDebt ? maxLiquidatableDebt : debtToCover;
  const seize = collateralToLiquidate(c.price, unit(c), d.price, unit(d), wanted, c.collateral,
    c.liquidationBonusBps, c.liquidationProtocolFeeBps!, false);
  const debtRepaid = seize.debtAmountNeeded;
  const taken = seize.collateralAmount + seize.protocolFee;

  if (ruleSet === 'aave-v3.3' && debtRepaid < d.debt && taken < c.collateral) {
    const debtLeftBase = (d.debt - debtRepaid) * d.price / unit(d);
    const collateralLeftBase = (c.collateral - taken) * c.price / unit(c);
    if (debtLeftBase < MIN_LEFTOVER_BASE || collateralLeftBase < MIN_LEFTOVER_BASE) {
      fail('debtToCover', debtToCover, 'MustNotLeaveDust', `would leave less than $1,000 of debt or collateral (MustNotLeaveDust): cover all ${d.debt}n or leave more`);
    }
  }

  const reserves = a.reserves.map((r) => ({ ...r }));
  const deficit = reserves.map(() => 0n);
  const hasNoCollateralLeft = ruleSet === 'aave-v3.3' && before.totalCollateralBase === seize.collateralInBaseCurrency;
  reserves[i]!.collateral -= taken;
  reserves[j]!.debt -= debtRepaid;
  if (hasNoCollateralLeft) {
    reserves.forEach((r, k) => {
      deficit[k] = r.debt;
      r.debt = 0n;
    });
  }
  const after = { reserves };
  return {
    ruleSet, healthFactorBefore: hf, maxLiquidatableDebt, debtRepaid, collateralToLiquidator: seize.collateralAmount,
    protocolFee: seize.protocolFee, hasNoCollateralLeft, deficit, healthFactorAfter: dataOf(after).healthFactor, account: after,
  };
}
