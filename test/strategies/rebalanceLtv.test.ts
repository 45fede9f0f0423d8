// LTV band rebalancing. Expected values by hand: 10 ETH, $10,000 debt (LTV 0.5), LT 0.8, bonus 5%, band
// [0.4, 0.5, 0.6], fee 30 bps, gas $5. At 1,600 LTV = 0.625 > 0.6: sell x = (10,000 − 0.5·16,000)/(0.997 − 0.5)
// = 4,024.1449 USD; at 2,400 LTV = 0.33 < 0.4: borrow y = (0.5·C − D)/(1 − 0.5·0.997). Liquidation (PROTOCOLS §1):
// at 1,200 LTV 0.8333 ≥ 0.8 → repay 0.5·10,000, seize 5,250/1,200 = 4.375 ETH, bonus 250.
import { describe, expect, it } from 'vitest';
import { expectInvalid } from '../helpers/invalid.js';
import { rebalanceLtv } from '../../src/strategies/index.js';

const loan = { collateralAmount: 10, debtValue: 10_000, liquidationThreshold: 0.8, liquidationBonus: 0.05, band: { lower: 0.4, target: 0.5, upper: 0.6 }, gasUsd: 5 };

describe('rebalanceLtv', () => {
  it('trades back to the target when the band is left, with fees and gas by hand', () => {
    const r = rebalanceLtv({ ...loan, prices: [2000, 1800, 1600, 2400] });
    const x = 2000 / 0.497;
    const c2 = 10 - x / 1600, d2 = 10_000 - x * 0.997;
    const y = (0.5 * c2 * 2400 - d2) / (1 - 0.5 * 0.997);
    expect(r.rebalanced.trades).toBe(2);
    expect(r.rebalanced.fees).toBeCloseTo(0.003 * (x + y), 9);
    expect(r.rebalanced.gas).toBe(10);
    expect(r.rebalanced.ltv[0]).toBeCloseTo(0.5, 15);
    expect(r.rebalanced.ltv[1]).toBeCloseTo(10_000 / 18_000, 15);
    expect(r.rebalanced.ltv[2]).toBeCloseTo(0.5, 12);
    expect(r.rebalanced.ltv[3]).toBeCloseTo(0.5, 12);
    expect(r.rebalanced.finalDebt).toBeCloseTo(d2 + y, 8);
    expect(r.rebalanced.finalEquity).toBeCloseTo((c2 + y * 0.997 / 2400) * 2400 - d2 - y - 10, 8);
    expect(r.untouched.trades).toBe(0);
    expect(r.untouched.finalEquity).toBeCloseTo(10 * 2400 - 10_000, 9);
    expect(r.untouched.maxLtv).toBeCloseTo(0.625, 15);
  });

  it('a gap through the threshold liquidates: close factor 0.5, bonus 5%', () => {
    const r = rebalanceLtv({ ...loan, prices: [2000, 1200] });
    expect(r.untouched.liquidations).toBe(1);
    expect(r.untouched.bonusPaid).toBeCloseTo(250, 10);
    expect(r.untouched.finalCollateral).toBeCloseTo(10 - 4.375, 12);
    expect(r.untouched.finalDebt).toBeCloseTo(5000, 12);
    // the band strategy is liquidated too (the gap skips the band), then trades 5,000/6,750 = 0.74 back to 0.5
    expect(r.rebalanced.liquidations).toBe(1);
    expect(r.rebalanced.ltv[1]).toBeCloseTo(0.5, 12);
  });

  it('a band kept on a gradual decline avoids the liquidation the untouched loan suffers', () => {
    const prices = Array.from({ length: 41 }, (_, i) => 2000 * (1 - 0.5 * i / 40));
    const r = rebalanceLtv({ ...loan, prices });
    expect(r.untouched.liquidations).toBeGreaterThan(0);
    expect(r.rebalanced.liquidations).toBe(0);
    expect(r.rebalanced.maxLtv).toBeLessThan(0.8);
  });

  it('bad input names the field', () => {
    expectInvalid(() => rebalanceLtv({ ...loan, prices: [2000] }), 'prices', undefined);
    expectInvalid(() => rebalanceLtv({ ...loan, prices: [2000, -1] }), 'prices[1]', -1);
    expectInvalid(() => rebalanceLtv({ ...loan, prices: [2000, 1900], band: { lower: 0.4, target: 0.5, upper: 0.85 } }), 'band.upper', 0.85);
    expectInvalid(() => rebalanceLtv({ ...loan, prices: [2000, 1900], band: { lower: 0.6, target: 0.5, upper: 0.7 } }), 'band.target', 0.5);
  });
});
