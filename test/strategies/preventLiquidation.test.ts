// Liquidation prevention. Loan: 10 ETH at $2,000 against $12,000, LT 0.8, bonus 5% (HF 1.3333, liquidation
// price $1,500). Sizing by hand for a 30% shock (S' = 1,400, gap 12,000 − 10·1,400·0.8 = 800); probabilities from
// scripts/strategies/closedForms.py (mpmath first passage, Shreve II eq. 7.2.2); put price mpmath BSM.
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';
import { liquidationMonteCarlo, preventLiquidation } from '../../src/strategies/index.js';

useWasm();

const T = 30 / 365;
const input = {
  loan: { collateralAmount: 10, debtValue: 12_000, liquidationThreshold: 0.8, liquidationBonus: 0.05 },
  spot: 2000, vol: 0.8, horizonYears: T, shocks: [0.3], putStrikes: [2000],
};

describe('preventLiquidation', () => {
  let cached: ReturnType<typeof preventLiquidation> | undefined;
  const result = (): ReturnType<typeof preventLiquidation> => (cached ??= preventLiquidation(input));

  it('baseline: HF 4/3, liquidation price 1,500, P(liq) = mpmath 0.24121734897475463409, loss 0.5·12,000·0.05', () => {
    expect(result().baseline.healthFactor).toBeCloseTo(4 / 3, 14);
    expect(result().baseline.liquidationPrice).toBeCloseTo(1500, 10);
    expect(result().baseline.probability).toBeCloseTo(0.24121734897475463409, 9);
    expect(result().baseline.lossGivenLiquidation).toBeCloseTo(300, 10);
    expect(result().baseline.expectedLoss).toBeCloseTo(300 * 0.24121734897475463409, 7);
  });

  it('each remedy sized for the 30% shock moves the liquidation price to 1,400 (P = mpmath 0.14269472258953513445)', () => {
    const puts = result().remedies.find((x) => x.action === 'puts')!;
    expect(puts.putQuantity).toBeCloseTo(800 / 600, 12);
    expect(puts.cost).toBeCloseTo((800 / 600) * 182.59681563692588101, 7);
    const delev = result().remedies.find((x) => x.action === 'deleverage')!;
    expect(delev.collateralSoldUsd).toBeCloseTo(800 / (0.997 - 0.56), 9);
    expect(delev.cost).toBeCloseTo((800 / 0.437) * 0.003, 9);
    const add = result().remedies.find((x) => x.action === 'addCollateral')!;
    expect(add.collateralAdded).toBeCloseTo(12_000 / 1120 - 10, 12);
    expect(add.cost).toBeCloseTo((12_000 / 1120 - 10) * 2000 * 0.05 * T, 9);
    for (const x of [puts, delev, add]) {
      expect(x.liquidationPrice).toBeCloseTo(1400, 8);
      expect(x.probability).toBeCloseTo(0.14269472258953513445, 8);
    }
    // deleveraging repays debt, so its loss given liquidation is smaller: 0.5·(12,000 − x·0.997)·0.05
    expect(delev.lossGivenLiquidation).toBeCloseTo(0.5 * (12_000 - (800 / 0.437) * 0.997) * 0.05, 8);
  });

  it('frontiers: cost ascending, probability / expected loss strictly descending, baseline first', () => {
    const full = preventLiquidation({ ...input, shocks: undefined, putStrikes: undefined });
    for (const [f, key] of [[full.frontierByProbability, 'probability'], [full.frontierByExpectedLoss, 'expectedLoss']] as const) {
      expect(f[0]!.action).toBe('none');
      for (let i = 1; i < f.length; i++) {
        expect(f[i]!.cost).toBeGreaterThan(f[i - 1]!.cost);
        expect(f[i]![key]).toBeLessThan(f[i - 1]![key]);
      }
    }
    // a deeper shock costs more and liquidates less often
    const d = full.remedies.filter((x) => x.action === 'deleverage');
    for (let i = 1; i < d.length; i++) {
      expect(d[i]!.cost).toBeGreaterThan(d[i - 1]!.cost);
      expect(d[i]!.probability).toBeLessThan(d[i - 1]!.probability);
    }
  });

  it('Monte Carlo P(liq) within 4 SE of the closed form (GBM, Brownian bridge)', async () => {
    const mc = await liquidationMonteCarlo(result(), { paths: 40_000, seed: 7 });
    for (const x of [mc.baseline, ...mc.remedies]) {
      expect(Math.abs(x.monteCarloProbability! - x.probability)).toBeLessThan(4 * x.monteCarloStandardError!);
    }
  });

  it('bad input names the field', () => {
    expectInvalid(() => preventLiquidation({ ...input, loan: { ...input.loan, debtValue: 20_000 } }), 'loan.debtValue', 20_000);
    expectInvalid(() => preventLiquidation({ ...input, putStrikes: [1000] }), 'putStrikes[0]', 1000);
    expectInvalid(() => preventLiquidation({ ...input, shocks: [1.5] }), 'shocks[0]', 1.5);
    expectInvalid(() => preventLiquidation({ ...input, vol: 80 }), 'vol', 80);
  });
});
