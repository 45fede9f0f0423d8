// Regression tests for the lending bugs found by a fresh tester (one describe per bug, named after it).
// Expected values:
// - bug 1: hand algebra checked with python3 + mpmath (40 digits): repaid = 1500/1.05 = 1428.571428571428…,
//   HF after = 1400·0.8/(2400 − 1500/1.05) = 1176/1020 = 1.152941176470588…, v3.0 with debt 2500:
//   1176/1125 = 1.045333…; close-factor recompute case: HF0 = 3320/3570 = 0.929971988…, leg 1 repays
//   1150/1.05 = 1095.238095…, HF 0.969790263… > 0.95 so leg 2 may cover 50% = 1237.380952…, seizing
//   1299.25 LINK, HF after 1.099580527…; the integer values (1428571429, 1.152941176979238755e18,
//   1237380953, 1299250001) come from an independent python replication of Aave's percentMul/percentDiv
//   and GenericLogic (half-up, aave-v3-core @ 782f5191), and are cross-checked against liquidateExact.
// - bug 2: limits 1e100 (DESIGN unit-error guard, as src/options/validate.ts MAX_LEVEL); at the limit
//   HF = 1e200·0.83/1e200 = 0.83 and the liquidation price 1e200/(1e100·0.83) = 1.2048192771084337e100
//   (closed form, mpmath).
// - bugs 3–5: the contract rules cited inline (AaveOracle, PoolConfigurator, ValidationLogic).
import { describe, expect, it } from 'vitest';
import {
  MAX_UINT256, Status, accountData, customRuleSet, availableBorrows, calculateAvailableCollateralToLiquidate, healthFactor, healthFactorBatch,
  liquidate, liquidateExact, liquidationPrice, liquidationPriceBatch, previewAction,
} from '../../src/index.js';
import type { Account, ExactAccount } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('bug 1: liquidate kept seizing after the account was healthy again (multi-collateral)', () => {
  const acc = (debt: number): Account => ({
    collaterals: [
      { symbol: 'WBTC', amount: 1500, price: 1, liquidationThreshold: 0.8, liquidationBonus: 0.05 },
      { symbol: 'LINK', amount: 1400, price: 1, liquidationThreshold: 0.8, liquidationBonus: 0.05 },
    ],
    debts: [{ symbol: 'USDC', amount: debt, price: 1 }],
  });

  it('v3.3: WBTC runs out after 1428.5714… repaid, HF 1.15294 ≥ 1, so LINK is not touched', () => {
    const r = liquidate(acc(2400), { ruleSet: 'aave-v3.3', debtAsset: 0 });
    expect(rel(r.debtRepaid, 1428.5714285714286)).toBeLessThan(1e-14);
    expect(r.seized.map((s) => [s.symbol, s.amount])).toEqual([['WBTC', 1500]]);
    expect(r.account.collaterals[1]!.amount).toBe(1400);
    expect(rel(r.healthFactorAfter, 1.1529411764705883)).toBeLessThan(1e-14);
    expect(r.badDebtValue).toBe(0);
  });

  it('v3.0, debt 2500 (HF 0.928 ≤ 0.95): one call repays 1428.57 and leaves HF 1.04533; no LINK seized', () => {
    const r = liquidate(acc(2500), { ruleSet: 'aave-v3.0', debtAsset: 0 });
    expect(rel(r.healthFactorBefore, 0.928)).toBeLessThan(1e-15);
    expect(rel(r.debtRepaid, 1428.5714285714286)).toBeLessThan(1e-14);
    expect(r.seized).toHaveLength(1);
    expect(rel(r.healthFactorAfter, 1.0453333333333332)).toBeLessThan(1e-14);
  });

  it('matches liquidateExact, which refuses the second call (HF ≥ 1)', () => {
    const u = 10n ** 6n;
    const reserve = (symbol: string, collateral: bigint, debt: bigint, lt: bigint, bonus: bigint) => ({
      symbol, decimals: 6, price: 10n ** 8n, liquidationThresholdBps: lt, liquidationBonusBps: bonus, collateral, debt,
    });
    const exact: ExactAccount = { reserves: [reserve('WBTC', 1500n * u, 0n, 8000n, 10500n), reserve('LINK', 1400n * u, 0n, 8000n, 10500n), reserve('USDC', 0n, 2400n * u, 0n, 0n)] };
    const first = liquidateExact(exact, { ruleSet: 'aave-v3.3', debtAsset: 'USDC', collateralAsset: 'WBTC', debtToCover: MAX_UINT256 });
    expect(first.debtRepaid).toBe(1428571429n); // percentDiv(1500e6, 10500), python replication
    expect(first.healthFactorAfter).toBe(1152941176979238755n);
    expectInvalid(() => liquidateExact(first.account, { ruleSet: 'aave-v3.3', debtAsset: 'USDC', collateralAsset: 'LINK', debtToCover: MAX_UINT256 }), 'healthFactor', undefined);
    const float = liquidate(acc(2400), { ruleSet: 'aave-v3.3', debtAsset: 0 });
    expect(Math.abs(float.debtRepaid * 1e6 - Number(first.debtRepaid))).toBeLessThanOrEqual(1); // 1 raw unit of rounding
    expect(rel(float.healthFactorAfter, Number(first.healthFactorAfter) / 1e18)).toBeLessThan(1e-9);
  });

  it('each leg recomputes the close-factor limit as its own call (v3.0: 100% at HF 0.93, then 50% at HF 0.9698)', () => {
    const a: Account = {
      collaterals: [
        { symbol: 'WBTC', amount: 1150, price: 1, liquidationThreshold: 0.8, liquidationBonus: 0.05 },
        { symbol: 'LINK', amount: 3000, price: 1, liquidationThreshold: 0.8, liquidationBonus: 0.05 },
      ],
      debts: [{ symbol: 'USDC', amount: 3570, price: 1 }],
    };
    const r = liquidate(a, { ruleSet: 'aave-v3.0', debtAsset: 0, collateralAsset: ['WBTC', 'LINK'] });
    expect(rel(r.healthFactorBefore, 0.9299719887955182)).toBeLessThan(1e-15);
    expect(r.maxDebtToCover).toBe(3570); // first call: HF ≤ 0.95 → the whole reserve debt
    expect(r.seized.map((s) => s.symbol)).toEqual(['WBTC', 'LINK']);
    expect(rel(r.seized[1]!.amount, 1299.25)).toBeLessThan(1e-13); // 50% of 2474.7619… · 1.05 (the old code took 2598.5)
    expect(rel(r.debtRepaid, 2332.6190476190477)).toBeLessThan(1e-14);
    expect(rel(r.healthFactorAfter, 1.0995805272272465)).toBeLessThan(1e-13);
    // the same two calls on the integer path
    const u = 10n ** 6n;
    const reserve = (symbol: string, collateral: bigint, debt: bigint, lt: bigint, bonus: bigint) => ({
      symbol, decimals: 6, price: 10n ** 8n, liquidationThresholdBps: lt, liquidationBonusBps: bonus, collateral, debt,
    });
    const exact: ExactAccount = { reserves: [reserve('WBTC', 1150n * u, 0n, 8000n, 10500n), reserve('LINK', 3000n * u, 0n, 8000n, 10500n), reserve('USDC', 0n, 3570n * u, 0n, 0n)] };
    const one = liquidateExact(exact, { ruleSet: 'aave-v3.0', debtAsset: 'USDC', collateralAsset: 'WBTC', debtToCover: MAX_UINT256 });
    expect(one.debtRepaid).toBe(1095238095n);
    const two = liquidateExact(one.account, { ruleSet: 'aave-v3.0', debtAsset: 'USDC', collateralAsset: 'LINK', debtToCover: MAX_UINT256 });
    expect(two.maxLiquidatableDebt).toBe(1237380953n);
    expect(two.collateralToLiquidator).toBe(1299250001n);
    expect(Math.abs(r.debtRepaid * 1e6 - Number(one.debtRepaid + two.debtRepaid))).toBeLessThanOrEqual(2);
  });
});

describe('bug 2: product overflow gave a silent NaN (amounts and prices now limited to 1e100)', () => {
  const huge: Account = { collaterals: [{ amount: 1e200, price: 1e200, liquidationThreshold: 0.83 }], debts: [{ amount: 1e200, price: 1e200 }] };

  it('scalar entry points throw InvalidInputError naming the field', () => {
    expectInvalid(() => healthFactor(huge), 'collaterals[0].amount', 1e200);
    expectInvalid(() => accountData(huge), 'collaterals[0].amount', 1e200);
    expectInvalid(() => availableBorrows(huge, 0), 'collaterals[0].amount', 1e200);
    expectInvalid(() => liquidationPrice(huge, 0), 'collaterals[0].amount', 1e200);
    expectInvalid(() => previewAction(huge, { type: 'deposit', asset: 0, amount: 1 }), 'collaterals[0].amount', 1e200);
    const cheap = { collaterals: [{ amount: 1, price: 1e200, liquidationThreshold: 0.83, liquidationBonus: 0.05 }], debts: [{ amount: 1, price: 1 }] };
    expectInvalid(() => liquidate(cheap, { ruleSet: 'aave-v3.3', debtAsset: 0 }), 'collaterals[0].price', 1e200);
    expectInvalid(() => healthFactor({ collaterals: [], debts: [{ amount: 1, price: 1.7e308 }] }), 'debts[0].price', 1.7e308);
  });

  it('at the limit every result is finite: HF 0.83, liquidation price 1.2048e100', () => {
    const edge: Account = { collaterals: [{ amount: 1e100, price: 1e100, liquidationThreshold: 0.83 }], debts: [{ amount: 1e100, price: 1e100 }] };
    expect(rel(healthFactor(edge), 0.83)).toBeLessThan(1e-15);
    expect(accountData(edge).liquidationThreshold).toBeCloseTo(0.83, 15);
    const lp = liquidationPrice(edge, 0);
    expect(lp.side).toBe('below');
    expect(rel(lp.price, 1.2048192771084337e100)).toBeLessThan(1e-15);
  });

  it('previews that would take an amount past 1e100 throw naming action.amount', () => {
    const a: Account = { collaterals: [{ amount: 6e99, price: 1, liquidationThreshold: 0.8, ltv: 0.7 }], debts: [{ amount: 6e99, price: 1 }] };
    expectInvalid(() => previewAction(a, { type: 'deposit', asset: 0, amount: 6e99 }), 'action.amount', 6e99);
    expectInvalid(() => previewAction(a, { type: 'borrow', asset: 0, amount: 6e99 }), 'action.amount', 6e99);
    expectInvalid(() => previewAction(a, { type: 'deposit', asset: 0, amount: 1.7e308 }), 'action.amount', 1.7e308);
    expect(previewAction(a, { type: 'deposit', asset: 0, amount: 4e99 }).account.collaterals[0]!.amount).toBe(1e100);
  });

  it('batch kernel marks elements above 1e100 INVALID_INPUT and goes on', () => {
    const input = {
      collateralAmounts: Float64Array.of(1e200, 10, 1e100, 10),
      collateralPrices: Float64Array.of(1e200, 2000, 1e100, 1e101),
      liquidationThresholds: 0.83,
      debtAmounts: Float64Array.of(1e200, 1000, 1e100, 1),
      debtPrices: Float64Array.of(1e200, 1, 1e100, 1),
    };
    const hf = healthFactorBatch(input);
    expect(Array.from(hf.status)).toEqual([Status.INVALID_INPUT, Status.OK, Status.OK, Status.INVALID_INPUT]);
    expect(hf.healthFactor[0]).toBeNaN();
    expect(hf.healthFactor[1]).toBeCloseTo(16.6, 14); // 10·2000·0.83/1000
    expect(rel(hf.healthFactor[2]!, 0.83)).toBeLessThan(1e-15);
    const lp = liquidationPriceBatch(input);
    expect(Array.from(lp.status)).toEqual([Status.INVALID_INPUT, Status.OK, Status.OK, Status.INVALID_INPUT]);
    expect(rel(lp.liquidationPrice[2]!, 1.2048192771084337e100)).toBeLessThan(1e-15);
  });
});

const wethUsdc = (wethPrice: bigint, bonus: bigint, fee = 1000n): ExactAccount => ({
  reserves: [
    { symbol: 'WETH', decimals: 18, price: wethPrice, liquidationThresholdBps: 8300n, liquidationBonusBps: bonus, liquidationProtocolFeeBps: fee, collateral: 10n * 10n ** 18n, debt: 0n },
    { symbol: 'USDC', decimals: 6, price: 99997427n, liquidationThresholdBps: 0n, liquidationBonusBps: 0n, collateral: 0n, debt: 17_000n * 10n ** 6n },
  ],
});

describe('bug 3: liquidateExact threw an untyped RangeError for a collateral price of 0n', () => {
  it('typed InvalidInputError naming reserves[0].price (oracle prices must be > 0n)', () => {
    expectInvalid(() => liquidateExact(wethUsdc(0n, 10500n), { ruleSet: 'aave-v3.3', debtAsset: 'USDC', collateralAsset: 'WETH', debtToCover: MAX_UINT256 }), 'reserves[0].price', undefined);
    const debtZero = wethUsdc(181685499606n, 10500n);
    debtZero.reserves[1]!.price = 0n;
    expectInvalid(() => liquidateExact(debtZero, { ruleSet: 'aave-v3.0', debtAsset: 'USDC', collateralAsset: 'WETH', debtToCover: MAX_UINT256 }), 'reserves[1].price', undefined);
  });
});

describe('bug 4: liquidateExact accepted a liquidation bonus ≤ 10000n and reported internal names', () => {
  const params = { ruleSet: 'aave-v3.3', debtAsset: 'USDC', collateralAsset: 'WETH', debtToCover: 1000n * 10n ** 6n } as const;
  it.each([0n, 9500n, 10000n])('bonus %sn → reserves[0].liquidationBonusBps (PoolConfigurator: bonus > PERCENTAGE_FACTOR)', (bonus) => {
    expectInvalid(() => liquidateExact(wethUsdc(150000000000n, bonus), params), 'reserves[0].liquidationBonusBps', undefined);
    expectInvalid(() => liquidateExact(wethUsdc(150000000000n, bonus, 0n), params), 'reserves[0].liquidationBonusBps', undefined);
    expectInvalid(() => calculateAvailableCollateralToLiquidate({
      collateralPrice: 150000000000n, collateralDecimals: 18, debtPrice: 99997427n, debtDecimals: 6, debtToCover: 10n ** 9n,
      userCollateralBalance: 10n ** 19n, liquidationBonusBps: bonus, liquidationProtocolFeeBps: 0n,
    }), 'liquidationBonusBps', undefined);
  });
  it('10001n (the smallest valid bonus) and a debt-only reserve with LT 0 and bonus 0n are accepted', () => {
    const r = liquidateExact(wethUsdc(150000000000n, 10001n, 0n), params);
    // 1000e6 USDC at 0.99997427 → base = 99997427·1e9·1e18/(1.5e11·1e6) = 666649513333333333 wei; ·1.0001 half-up
    expect(r.collateralToLiquidator).toBe((666649513333333333n * 10001n + 5000n) / 10000n);
  });
});

describe('bug 5: liquidate with debtToCover 0 was a silent no-op (Aave reverts INVALID_AMOUNT)', () => {
  it('throws InvalidInputError naming debtToCover', () => {
    const a: Account = { collaterals: [{ amount: 10, price: 1816.85499606, liquidationThreshold: 0.83, liquidationBonus: 0.05 }], debts: [{ amount: 15_500, price: 0.99997427 }] };
    expectInvalid(() => liquidate(a, { ruleSet: 'aave-v3.3', debtAsset: 0, debtToCover: 0 }), 'debtToCover', 0);
    expectInvalid(() => liquidate(a, { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: -1 }), 'debtToCover', -1);
    expectInvalid(() => liquidate(a, { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: 1e101 }), 'debtToCover', 1e101);
    expect(liquidate(a, { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: 1 }).debtRepaid).toBe(1);
  });
});

describe('customRuleSet rejects a misspelt field (fresh tester: closefactor was silently ignored)', () => {
  it('names the unknown field and suggests the known one', () => {
    expectInvalid(() => customRuleSet({ closeFactor: 0.5, closefactor: 1 } as never), 'closefactor', 1);
    expect(() => customRuleSet({ closeFactor: 0.5, closefactor: 1 } as never)).toThrow(/did you mean closeFactor/);
  });
});
