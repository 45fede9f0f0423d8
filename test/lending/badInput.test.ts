// Bad input: every lending entry point throws InvalidInputError naming the field (with its path) and the value
// (DESIGN §5); batch calls mark elements instead (test/lending/batch.test.ts).
import { describe, expect, it } from 'vitest';
import {
  InvalidInputError, MAX_UINT256, accountDataExact, availableBorrows, calculateAvailableCollateralToLiquidate, compoundQuoteCollateral, customRuleSet,
  healthFactor, liquidate, liquidateExact, liquidationLowersHealth, liquidationPrice, previewAction,
} from '../../src/index.js';
import type { Account } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';

const good = (): Account => ({
  collaterals: [
    { symbol: 'WETH', amount: 1, price: 2000, liquidationThreshold: 0.83, ltv: 0.8, liquidationBonus: 0.05 },
    { symbol: 'WBTC', amount: 0.1, price: 30_000, liquidationThreshold: 0.78, liquidationBonus: 0.05 },
  ],
  debts: [{ symbol: 'USDC', amount: 3000, price: 1 }],
});
const withCollateral = (i: number, patch: Record<string, unknown>): Account => {
  const a = good();
  a.collaterals[i] = { ...a.collaterals[i]!, ...patch } as never;
  return a;
};

describe('accounts', () => {
  it.each([
    ['collaterals[1].amount', { amount: -3 }, -3],
    ['collaterals[1].amount', { amount: NaN }, NaN],
    ['collaterals[1].price', { price: Infinity }, Infinity],
    ['collaterals[1].liquidationThreshold', { liquidationThreshold: 1.2 }, 1.2],
    ['collaterals[1].liquidationThreshold', { liquidationThreshold: -0.1 }, -0.1],
    ['collaterals[1].liquidationThreshold', { liquidationThreshold: '0.8' }, '0.8'],
    ['collaterals[1].ltv', { ltv: 0.9 }, 0.9],
    ['collaterals[1].liquidationBonus', { liquidationBonus: 5 }, 5],
    ['collaterals[1].liquidationProtocolFee', { liquidationProtocolFee: -1 }, -1],
    ['collaterals[1].symbol', { symbol: 'WETH' }, 'WETH'],
  ])('%s', (field, patch, value) => {
    expectInvalid(() => healthFactor(withCollateral(1, patch)), field, value);
  });

  it('debts, lists, shared symbols', () => {
    expectInvalid(() => healthFactor({ ...good(), debts: [{ amount: -1, price: 1 }] }), 'debts[0].amount', -1);
    expectInvalid(() => healthFactor({ ...good(), debts: undefined as never }), 'debts', undefined);
    expectInvalid(() => healthFactor(null as never), 'account', null);
    expectInvalid(() => healthFactor({ ...good(), debts: [{ symbol: 'WETH', amount: 1, price: 1999 }] }), 'debts[0].price', 1999);
    expect(() => healthFactor(withCollateral(1, { amount: -3 }))).toThrow('collaterals[1].amount (-3) must be >= 0');
  });

  it('asset references', () => {
    expectInvalid(() => liquidationPrice(good(), 'DOGE'), 'asset', 'DOGE');
    expectInvalid(() => liquidationPrice(good(), 2), 'asset', 2);
    expectInvalid(() => liquidationPrice(good(), 0.5), 'asset', 0.5);
    expectInvalid(() => availableBorrows(good(), 'WETH'), 'debtAsset', 'WETH');
    expectInvalid(() => previewAction(good(), { type: 'repay', asset: 'WETH', amount: 1 }), 'action.asset', 'WETH');
  });
});

describe('actions', () => {
  it('type, amount, withdraw above the balance', () => {
    expectInvalid(() => previewAction(good(), { type: 'lend' as never, asset: 0, amount: 1 }), 'action.type', 'lend');
    expectInvalid(() => previewAction(good(), { type: 'deposit', asset: 0, amount: -1 }), 'action.amount', -1);
    expectInvalid(() => previewAction(good(), { type: 'borrow', asset: 0, amount: Infinity }), 'action.amount', Infinity);
    expectInvalid(() => previewAction(good(), { type: 'withdraw', asset: 0, amount: 2 }), 'action.amount', 2);
  });
});

describe('liquidations', () => {
  const under = (): Account => ({ ...good(), debts: [{ symbol: 'USDC', amount: 5000, price: 1 }] }); // HF 0.7 … (1660 + 2340)/5000 = 0.8
  it('healthy account, unknown rule set, bad params', () => {
    expectInvalid(() => liquidate(good(), { ruleSet: 'aave-v3.0', debtAsset: 0 }), 'healthFactor', 4000 / 3000);
    expectInvalid(() => liquidate(under(), { ruleSet: 'aave-v2' as never, debtAsset: 0 }), 'ruleSet', 'aave-v2');
    expectInvalid(() => liquidate(under(), { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: -5 }), 'debtToCover', -5);
    expectInvalid(() => liquidate(under(), { ruleSet: 'aave-v3.0', debtAsset: 0, collateralAsset: ['WETH', 'WETH'] }), 'collateralAsset[1]', 'WETH');
    expectInvalid(() => liquidate(under(), { ruleSet: 'aave-v3.0', debtAsset: 0, dust: 'ignore' as never }), 'dust', 'ignore');
  });

  it('missing bonus / liquidation factor, LT 0 collateral, absorb with two debts', () => {
    const noBonus = under();
    delete noBonus.collaterals[0]!.liquidationBonus;
    expectInvalid(() => liquidate(noBonus, { ruleSet: 'aave-v3.3', debtAsset: 0, collateralAsset: 'WETH' }), 'collaterals[0].liquidationBonus', undefined);
    expectInvalid(() => liquidate(under(), { ruleSet: 'compound-v3' }), 'collaterals[0].liquidationFactor', undefined);
    const zero = under();
    zero.collaterals.push({ symbol: 'X', amount: 1, price: 1, liquidationThreshold: 0, liquidationBonus: 0.1 });
    expectInvalid(() => liquidate(zero, { ruleSet: 'aave-v3.0', debtAsset: 0, collateralAsset: 'X' }), 'collaterals[2].liquidationThreshold', 0);
    const two = { ...under(), debts: [{ amount: 5000, price: 1 }, { amount: 1, price: 1 }] };
    expect(() => liquidate(two, { ruleSet: 'compound-v3' })).toThrow(InvalidInputError);
  });

  it('custom rule sets and helpers', () => {
    expectInvalid(() => customRuleSet({ closeFactor: 0 }), 'closeFactor', 0);
    expectInvalid(() => customRuleSet({ closeFactor: 1.5 }), 'closeFactor', 1.5);
    expectInvalid(() => customRuleSet({ closeFactor: 0.5, badDebt: 'forgive' as never }), 'badDebt', 'forgive');
    expectInvalid(() => liquidationLowersHealth({ healthFactor: NaN, liquidationThreshold: 0.5, liquidationBonus: 0.1 }), 'healthFactor', NaN);
    expectInvalid(() => liquidationLowersHealth({ healthFactor: 0.5, liquidationThreshold: 2, liquidationBonus: 0.1 }), 'liquidationThreshold', 2);
    expectInvalid(() => compoundQuoteCollateral({ baseAmount: 1, basePrice: 0, assetPrice: 1, liquidationFactor: 0.9, storeFrontPriceFactor: 0.5 }), 'basePrice', 0);
  });
});

describe('exact path', () => {
  const reserve = { decimals: 18, price: 1n, liquidationThresholdBps: 8000n, liquidationBonusBps: 10500n, collateral: 1n, debt: 0n };
  it('bigint fields, decimals, bps, revert conditions', () => {
    expect(() => accountDataExact({ reserves: [{ ...reserve, price: 1 as never }] })).toThrow('reserves[0].price (1) must be a bigint');
    expect(() => accountDataExact({ reserves: [{ ...reserve, collateral: -1n }] })).toThrow('reserves[0].collateral (-1n) must be >= 0n');
    expectInvalid(() => accountDataExact({ reserves: [{ ...reserve, decimals: 1.5 }] }), 'reserves[0].decimals', 1.5);
    expect(() => accountDataExact({ reserves: [{ ...reserve, liquidationThresholdBps: 10001n }] })).toThrow(/liquidationThresholdBps \(10001n\)/);
    expectInvalid(() => liquidateExact({ reserves: [reserve] }, { ruleSet: 'aave-v3.1' as never, debtAsset: 0, collateralAsset: 0, debtToCover: 1n }), 'ruleSet', 'aave-v3.1');
    expect(() => liquidateExact({ reserves: [reserve] }, { ruleSet: 'aave-v3.0', debtAsset: 0, collateralAsset: 0, debtToCover: 1n })).toThrow(/HEALTH_FACTOR_NOT_BELOW_THRESHOLD/);
    expect(() => calculateAvailableCollateralToLiquidate({
      collateralPrice: 0n, collateralDecimals: 18, debtPrice: 1n, debtDecimals: 6, debtToCover: 1n, userCollateralBalance: 1n, liquidationBonusBps: 10500n, liquidationProtocolFeeBps: 0n,
    })).toThrow('collateralPrice (0n) must be > 0n');
    expect(() => calculateAvailableCollateralToLiquidate({
      collateralPrice: 1n, collateralDecimals: 18, debtPrice: 10n ** 8n, debtDecimals: 6, debtToCover: MAX_UINT256, userCollateralBalance: 1n, liquidationBonusBps: 10500n, liquidationProtocolFeeBps: 0n,
    })).toThrow(/debtToCover .* overflows uint256/);
  });
});
