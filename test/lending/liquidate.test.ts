// liquidate (src/lending/liquidate.ts, absorb.ts) under the named rule sets, case C16, liquidationLowersHealth,
// and properties. Expected values: case C16 (shared/cases/README.md), PROTOCOLS.md §1's worked example (exact
// integers 4.478778240295117809 WETH seized, fee 0.021327515429976752, liquidator 4.457450724865141057, HF after
// 1.07434), PROTOCOLS.md §2 (Comet absorb / quoteCollateral, cUSDCv3 WETH 0.895 / 0.95, storeFront 0.5), and hand
// arithmetic shown inline.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AAVE_V3_0, AAVE_V3_3, COMPOUND_V3, InvalidInputError, LIQUIDATION_RULE_SETS, compoundQuoteCollateral, customRuleSet, healthFactor,
  liquidate, liquidationLowersHealth,
} from '../../src/index.js';

const rel = (a: number, b: number) => Math.abs(a / b - 1);
const WETH = { symbol: 'WETH', price: 1816.85499606, liquidationThreshold: 0.83, ltv: 0.805, liquidationBonus: 0.05, liquidationProtocolFee: 0.1 };
const USDC = { symbol: 'USDC', price: 0.99997427 };
const worked = { collaterals: [{ ...WETH, amount: 10 }], debts: [{ ...USDC, amount: 15_500 }] };

describe('case C16: a liquidation that lowers the HF', () => {
  const rules = customRuleSet({ closeFactor: 0.5 });
  const account = (collateral: number) => ({ collaterals: [{ amount: collateral, price: 1, liquidationThreshold: 0.5, liquidationBonus: 0.1 }], debts: [{ amount: 100, price: 1 }] });

  it('collateral $105, debt $100 (HF 0.525), cover $50 → HF 0.5 (lower)', () => {
    const r = liquidate(account(105), { ruleSet: rules, debtAsset: 0, debtToCover: 50 });
    expect(r.healthFactorBefore).toBeCloseTo(0.525, 15);
    expect(r.seized[0]!.amount).toBeCloseTo(55, 12);
    expect(r.healthFactorAfter).toBeCloseTo(0.5, 14);
    expect(r.lowersHealth).toBe(true);
    expect(liquidationLowersHealth({ healthFactor: 0.525, liquidationThreshold: 0.5, liquidationBonus: 0.1 })).toBe(true);
  });

  it('control: collateral $120 (HF 0.6) → 0.65 (higher)', () => {
    const r = liquidate(account(120), { ruleSet: rules, debtAsset: 0, debtToCover: 50 });
    expect(r.healthFactorBefore).toBeCloseTo(0.6, 15);
    expect(r.healthFactorAfter).toBeCloseTo(0.65, 14);
    expect(r.lowersHealth).toBe(false);
    expect(liquidationLowersHealth({ healthFactor: 0.6, liquidationThreshold: 0.5, liquidationBonus: 0.1 })).toBe(false);
  });

  it('the same under aave-v3.0 (HF ≤ 0.95: close factor 100%)', () => {
    expect(liquidate(account(105), { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: 50 }).healthFactorAfter).toBeCloseTo(0.5, 14);
  });

  it('property: liquidationLowersHealth agrees with the HF change of any partial liquidation', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 0, max: 0.2, noNaN: true }),
      fc.double({ min: 0.3, max: 0.999, noNaN: true }), fc.double({ min: 0.01, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }),
      (debt, lt, bonus, hf, share, fee) => {
        const collateral = hf * debt / lt;
        const acc = { collaterals: [{ amount: collateral, price: 1, liquidationThreshold: lt, liquidationBonus: bonus, liquidationProtocolFee: fee }], debts: [{ amount: debt, price: 1 }] };
        const r = liquidate(acc, { ruleSet: customRuleSet({ closeFactor: 1 }), debtAsset: 0, debtToCover: debt * share });
        fc.pre(!r.collateralCapped && Math.abs(hf / ((1 + bonus) * lt) - 1) > 1e-9);
        expect(r.lowersHealth).toBe(liquidationLowersHealth({ healthFactor: r.healthFactorBefore, liquidationThreshold: lt, liquidationBonus: bonus }));
      }), { seed: 16, numRuns: 400 });
  });
});

describe('aave-v3.0', () => {
  it('PROTOCOLS.md §1 worked example in floating point', () => {
    const r = liquidate(worked, { ruleSet: 'aave-v3.0', debtAsset: 'USDC', collateralAsset: 'WETH', debtToCover: 7750 });
    expect(r.maxDebtToCover).toBe(7750); // HF 0.9729 > 0.95 → 50%
    expect(r.debtRepaid).toBe(7750);
    const s = r.seized[0]!;
    expect(rel(s.amount, 4.478778240295117809)).toBeLessThan(1e-14);
    expect(rel(s.toProtocol, 0.021327515429976752)).toBeLessThan(1e-13);
    expect(rel(s.toLiquidator, 4.457450724865141057)).toBeLessThan(1e-14);
    expect(rel(r.toLiquidatorValue / r.debtRepaidValue, 1 + 0.05 * 0.9)).toBeLessThan(1e-14); // 1.045
    expect(r.healthFactorAfter).toBeCloseTo(1.0743431590985, 11);
    expect(r.account.collaterals[0]!.amount).toBeCloseTo(10 - 4.478778240295117809, 13);
    expect(r.account.debts[0]!.amount).toBe(7750);
  });

  it('close factor: 50% of the debt reserve above HF 0.95, 100% at or below; debtToCover is capped', () => {
    expect(liquidate(worked, { ruleSet: AAVE_V3_0, debtAsset: 0 }).maxDebtToCover).toBe(7750);
    const deep = { ...worked, debts: [{ ...USDC, amount: 16_500 }] }; // HF 0.91396
    const r = liquidate(deep, { ruleSet: AAVE_V3_0, debtAsset: 0, debtToCover: 1e9 });
    expect(r.maxDebtToCover).toBe(16_500);
    expect(r.debtRepaid).toBe(16_500);
    expect(r.healthFactorAfter).toBe(Infinity);
  });

  it('collateral cap: not enough collateral → all of it is seized and the debt repaid is reduced (no write-off)', () => {
    const under = { collaterals: [{ ...WETH, amount: 1 }], debts: [{ ...USDC, amount: 2500 }] };
    const r = liquidate(under, { ruleSet: 'aave-v3.0', debtAsset: 0 });
    expect(r.collateralCapped).toBe(true);
    expect(r.seized[0]!.amount).toBe(1);
    expect(r.debtRepaid).toBeCloseTo(1816.85499606 / 0.99997427 / 1.05, 9); // exact path: 1730.382613 USDC
    expect(r.badDebt).toEqual([]);
    expect(r.account.collaterals[0]!.amount).toBe(0);
    expect(r.healthFactorAfter).toBe(0);
  });
});

describe('aave-v3.3', () => {
  it('50% cap applies to the total debt value (two debts) when HF > 0.95 and both reserves ≥ $2,000', () => {
    const two = { collaterals: [{ ...WETH, amount: 10 }], debts: [{ ...USDC, amount: 15_500 }, { symbol: 'DAI', amount: 1000, price: 1 }] };
    // With 10 WETH, HF = 15079.8965/16499.60 = 0.914 ≤ 0.95 (whole reserve); 10.6 WETH gives HF 0.969 in (0.95, 1).
    const acc = { ...two, collaterals: [{ ...WETH, amount: 10.6 }] };
    expect(healthFactor(acc)).toBeGreaterThan(0.95);
    expect(healthFactor(acc)).toBeLessThan(1);
    const total = 15_500 * 0.99997427 + 1000;
    const r = liquidate(acc, { ruleSet: 'aave-v3.3', debtAsset: 'USDC' });
    expect(r.maxDebtToCover).toBeCloseTo(total * 0.5 / 0.99997427, 8); // > 50% of the USDC reserve (7,750)
    expect(liquidate(acc, { ruleSet: 'aave-v3.0', debtAsset: 'USDC' }).maxDebtToCover).toBe(7750);
  });

  it('100% when a reserve is below $2,000 even if HF > 0.95', () => {
    const small = { collaterals: [{ ...WETH, amount: 1 }], debts: [{ ...USDC, amount: 1540 }] }; // HF 0.979
    expect(liquidate(small, { ruleSet: AAVE_V3_3, debtAsset: 0, debtToCover: 1 }).maxDebtToCover).toBe(1540);
    expect(liquidate(small, { ruleSet: AAVE_V3_0, debtAsset: 0, debtToCover: 1 }).maxDebtToCover).toBe(770);
  });

  it('dust rule: a partial liquidation leaving < $1,000 of debt reverts (typed error) or, with dust: cover-all, takes all', () => {
    const small = { collaterals: [{ ...WETH, amount: 1 }], debts: [{ ...USDC, amount: 1600 }] };
    let error: unknown;
    try { liquidate(small, { ruleSet: 'aave-v3.3', debtAsset: 0, debtToCover: 1000 }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toMatchObject({ field: 'debtToCover', value: 1000, rule: 'MustNotLeaveDust' });
    const all = liquidate(small, { ruleSet: 'aave-v3.3', debtAsset: 0, debtToCover: 1000, dust: 'cover-all' });
    expect(all.debtRepaid).toBe(1600);
    expect(all.healthFactorAfter).toBe(Infinity);
    // v3.0 has no dust rule
    expect(liquidate(small, { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: 1000 }).debtRepaid).toBe(1000);
  });

  it('bad debt: when no collateral is left every remaining debt is booked as deficit', () => {
    const under = { collaterals: [{ ...WETH, amount: 1 }], debts: [{ ...USDC, amount: 2000 }, { symbol: 'WBTC', amount: 0.03, price: 34_500 }] };
    const r = liquidate(under, { ruleSet: 'aave-v3.3', debtAsset: 'USDC' });
    const repaid = 1816.85499606 / 0.99997427 / 1.05;
    expect(r.debtRepaid).toBeCloseTo(repaid, 9);
    expect(r.badDebt.map((b) => b.symbol)).toEqual(['USDC', 'WBTC']);
    expect(r.badDebt[0]!.amount).toBeCloseTo(2000 - repaid, 9); // exact path: 269.617387 USDC
    expect(r.badDebt[1]!.value).toBeCloseTo(1035, 9);
    expect(r.account.debts.every((d) => d.amount === 0)).toBe(true);
    expect(r.healthFactorAfter).toBe(Infinity);
    // v3.0 keeps it on the account
    const k = liquidate(under, { ruleSet: 'aave-v3.0', debtAsset: 'USDC' });
    expect(k.badDebtValue).toBe(0);
    expect(k.healthFactorAfter).toBe(0);
  });
});

describe('seize order across collaterals', () => {
  const acc = {
    collaterals: [
      { symbol: 'WBTC', amount: 0.1, price: 30_000, liquidationThreshold: 0.78, liquidationBonus: 0.05 },
      { symbol: 'WETH', amount: 5, price: 2000, liquidationThreshold: 0.83, liquidationBonus: 0.075 },
    ],
    debts: [{ symbol: 'USDC', amount: 12_000, price: 1 }], // HF (2340 + 8300)/12000 = 0.8867
  };

  it('the covered debt is seized from the first collateral until exhausted, then the next', () => {
    const r = liquidate(acc, { ruleSet: 'aave-v3.0', debtAsset: 0, collateralAsset: ['WBTC', 'WETH'], debtToCover: 6000 });
    expect(r.seized.map((s) => s.symbol)).toEqual(['WBTC', 'WETH']);
    expect(r.seized[0]!.amount).toBe(0.1);
    const fromBtc = 3000 / 1.05;
    expect(r.seized[1]!.amount).toBeCloseTo((6000 - fromBtc) / 2000 * 1.075, 12);
    expect(r.debtRepaid).toBeCloseTo(6000, 9);
    expect(r.collateralCapped).toBe(true);
  });

  it('default order: largest value first (WETH $10,000 before WBTC $3,000)', () => {
    const r = liquidate(acc, { ruleSet: 'aave-v3.0', debtAsset: 0, debtToCover: 1000 });
    expect(r.seized.map((s) => s.symbol)).toEqual(['WETH']);
    expect(r.seized[0]!.amount).toBeCloseTo(1000 / 2000 * 1.075, 14);
  });
});

describe('compound-v3 (absorb)', () => {
  const cweth = { symbol: 'WETH', amount: 1, price: 2000, liquidationThreshold: 0.895, liquidationFactor: 0.95 };

  it('absorb seizes all collateral, credits value·liquidationFactor, and returns the excess to the account', () => {
    const r = liquidate({ collaterals: [cweth], debts: [{ symbol: 'USDC', amount: 1800, price: 1 }] }, { ruleSet: 'compound-v3' });
    expect(r.healthFactorBefore).toBeCloseTo(1790 / 1800, 15); // 0.99444 < 1
    expect(r.seized[0]).toMatchObject({ amount: 1, toLiquidator: 0, toProtocol: 1, value: 2000 });
    expect(r.seized[0]!.storeFrontPrice).toBeCloseTo(2000 * (1 - 0.5 * 0.05), 12); // 1950: 2.5% discount
    expect(r.debtRepaid).toBe(1800);
    expect(r.surplusToAccount).toBeCloseTo(100, 12); // 1900 − 1800
    expect(r.badDebtValue).toBe(0);
    expect(r.account.debts[0]!.amount).toBe(0);
  });

  it('shortfall is absorbed by reserves (bad debt)', () => {
    const r = liquidate({ collaterals: [cweth], debts: [{ amount: 1950, price: 1 }] }, { ruleSet: COMPOUND_V3 });
    expect(r.badDebtValue).toBeCloseTo(50, 12);
    expect(r.debtRepaid).toBeCloseTo(1900, 12);
  });

  it('quoteCollateral: 1,950 USDC buys 1 WETH at the store-front price', () => {
    expect(compoundQuoteCollateral({ baseAmount: 1950, basePrice: 1, assetPrice: 2000, liquidationFactor: 0.95, storeFrontPriceFactor: 0.5 })).toBeCloseTo(1, 14);
  });

  it('rule set constants', () => {
    expect(LIQUIDATION_RULE_SETS['compound-v3']).toBe(COMPOUND_V3);
    expect(AAVE_V3_3).toMatchObject({ closeFactor: 0.5, fullLiquidationHealthFactor: 0.95, minCloseFactorValue: 2000, minLeftoverValue: 1000, badDebt: 'deficit' });
  });
});

describe('custom rule set', () => {
  it('close factor, bonus and fee override the collaterals', () => {
    const rules = customRuleSet({ closeFactor: 0.25, liquidationBonus: 0.1, liquidationProtocolFee: 0.2 });
    const r = liquidate(worked, { ruleSet: rules, debtAsset: 0 });
    expect(r.maxDebtToCover).toBe(15_500 * 0.25);
    const seized = 3875 * 0.99997427 / 1816.85499606 * 1.1;
    expect(rel(r.seized[0]!.amount, seized)).toBeLessThan(1e-14);
    expect(rel(r.seized[0]!.toProtocol, (seized - seized / 1.1) * 0.2)).toBeLessThan(1e-13);
    expect(r.ruleSet).toBe('custom');
  });

  it('a plain rule-set object is accepted and checked', () => {
    const mine = { ...AAVE_V3_0, name: 'mine', closeFactor: 0.3 };
    expect(liquidate(worked, { ruleSet: mine, debtAsset: 0 }).maxDebtToCover).toBeCloseTo(15_500 * 0.3, 9);
    expect(() => liquidate(worked, { ruleSet: { ...mine, closeFactorBasis: 'half' as never }, debtAsset: 0 })).toThrow(/ruleSet.closeFactorBasis/);
  });
});

describe('properties', () => {
  const arbAccount = fc.record({
    a1: fc.double({ min: 0.001, max: 1e5, noNaN: true }), p1: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    a2: fc.double({ min: 0, max: 1e5, noNaN: true }), p2: fc.double({ min: 0.01, max: 1e5, noNaN: true }),
    lt: fc.double({ min: 0.3, max: 0.95, noNaN: true }), bonus: fc.double({ min: 0, max: 0.15, noNaN: true }), fee: fc.double({ min: 0, max: 0.5, noNaN: true }),
    hf: fc.double({ min: 0.2, max: 0.999, noNaN: true }), cover: fc.double({ min: 1e-9, max: 1.2, noNaN: true }), // no subnormal covers
  });

  it('seized ≤ collateral; liquidator + protocol = seized; value conserved when not capped; HF finite or +∞', () => {
    fc.assert(fc.property(arbAccount, fc.constantFrom('aave-v3.0', 'aave-v3.3'), (x, ruleSet) => {
      const weighted = x.a1 * x.p1 * x.lt + x.a2 * x.p2 * x.lt;
      const debt = weighted / x.hf;
      const acc = {
        collaterals: [
          { amount: x.a1, price: x.p1, liquidationThreshold: x.lt, liquidationBonus: x.bonus, liquidationProtocolFee: x.fee },
          { amount: x.a2, price: x.p2, liquidationThreshold: x.lt, liquidationBonus: x.bonus, liquidationProtocolFee: x.fee },
        ],
        debts: [{ amount: debt, price: 1 }],
      };
      let r;
      try {
        r = liquidate(acc, { ruleSet, debtAsset: 0, debtToCover: debt * x.cover, dust: 'cover-all' });
      } catch (e) {
        expect((e as InvalidInputError).details.rule).toBe('MustNotLeaveDust'); // only possible refusal here
        return;
      }
      for (const s of r.seized) {
        const c = acc.collaterals[s.asset]!;
        expect(s.amount).toBeLessThanOrEqual(c.amount);
        expect(s.toLiquidator + s.toProtocol).toBeCloseTo(s.amount, 9);
        expect(r.account.collaterals[s.asset]!.amount).toBeGreaterThanOrEqual(0);
      }
      expect(r.debtRepaid).toBeLessThanOrEqual(r.maxDebtToCover * (1 + 1e-12));
      if (!r.collateralCapped && r.debtRepaid > 0) {
        expect(rel(r.collateralSeizedValue, r.debtRepaidValue * (1 + x.bonus))).toBeLessThan(1e-12);
      }
      expect(Number.isNaN(r.healthFactorAfter)).toBe(false);
    }), { seed: 4, numRuns: 400 });
  });
});
