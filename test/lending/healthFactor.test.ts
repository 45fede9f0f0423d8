// Health factor, account data, borrowing power and liquidation prices (src/lending/healthFactor.ts,
// liquidationPrice.ts). Expected values: hand arithmetic (shown inline), PROTOCOLS.md §1's worked example
// (HF 0.972921579549 from the reserve CSV), and closed forms p* = D/(a·LT) and p* = (D − C)/(a·LT − d).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountData, availableBorrows, healthFactor, liquidationPrice, liquidationPrices } from '../../src/index.js';

const WETH_PRICE = 1816.85499606; // oracleLatestAnswer 181685499606 / 1e8 (data/aave/aave_v3_ethereum_reserves_20231031.csv)
const USDC_PRICE = 0.99997427;
const worked = {
  collaterals: [{ symbol: 'WETH', amount: 10, price: WETH_PRICE, liquidationThreshold: 0.83, ltv: 0.805 }],
  debts: [{ symbol: 'USDC', amount: 15_500, price: USDC_PRICE }],
};

describe('healthFactor', () => {
  it('PROTOCOLS.md §1 worked example: 10 WETH vs 15,500 USDC → HF 0.972921579549…', () => {
    // 18168.5499606·0.83 / 15499.601185 = 0.97292157954955… (exact decimal; on chain 972921579549661168 wei after rounding)
    expect(healthFactor(worked)).toBeCloseTo(0.9729215795495, 12);
  });

  it('multi-collateral: Σ value·LT / debt (hand arithmetic)', () => {
    const hf = healthFactor({
      collaterals: [
        { amount: 2, price: 2000, liquidationThreshold: 0.8 }, // 4000·0.8 = 3200
        { amount: 0.1, price: 30_000, liquidationThreshold: 0.7 }, // 3000·0.7 = 2100
      ],
      debts: [{ amount: 3000, price: 1 }, { amount: 1, price: 1000 }], // 4000
    });
    expect(hf).toBeCloseTo(5300 / 4000, 14);
  });

  it('no debt → +Infinity (not an error); debt without collateral → 0', () => {
    expect(healthFactor({ collaterals: [{ amount: 1, price: 1, liquidationThreshold: 0.8 }], debts: [] })).toBe(Infinity);
    expect(healthFactor({ collaterals: [], debts: [{ amount: 0, price: 5 }] })).toBe(Infinity);
    expect(healthFactor({ collaterals: [], debts: [{ amount: 1, price: 5 }] })).toBe(0);
  });

  it('property: HF is non-decreasing in a collateral price and non-increasing in a debt amount', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }),
      (amount, p1, p2, lt, debt, extra) => {
        const acc = (price: number, d: number) => ({
          collaterals: [{ amount, price, liquidationThreshold: lt }, { amount: 1, price: 100, liquidationThreshold: 0.5 }],
          debts: [{ amount: d, price: 1 }],
        });
        const [lo, hi] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(healthFactor(acc(hi, debt))).toBeGreaterThanOrEqual(healthFactor(acc(lo, debt)));
        expect(healthFactor(acc(lo, debt + extra))).toBeLessThanOrEqual(healthFactor(acc(lo, debt)));
      }), { seed: 5, numRuns: 300 });
  });
});

describe('accountData and availableBorrows', () => {
  it('borrowing power Σ value·LTV and available borrows (hand arithmetic)', () => {
    const d = accountData({
      collaterals: [{ amount: 10, price: 2000, liquidationThreshold: 0.83, ltv: 0.805 }, { amount: 1000, price: 1, liquidationThreshold: 0.8, ltv: 0.77 }],
      debts: [{ symbol: 'USDC', amount: 5000, price: 1 }],
    });
    expect(d.totalCollateralValue).toBe(21_000);
    expect(d.totalDebtValue).toBe(5000);
    expect(d.borrowingPower).toBeCloseTo(16_100 + 770, 9);
    expect(d.availableBorrowsValue).toBeCloseTo(16_870 - 5000, 9);
    expect(d.ltv).toBeCloseTo(16_870 / 21_000, 14);
    expect(d.liquidationThreshold).toBeCloseTo((16_600 + 800) / 21_000, 14);
    expect(d.healthFactor).toBeCloseTo(17_400 / 5000, 14);
  });

  it('available borrows in tokens; never negative; missing ltv counts 0', () => {
    const acc = { collaterals: [{ amount: 1, price: 2000, liquidationThreshold: 0.83, ltv: 0.8 }], debts: [{ symbol: 'WBTC', amount: 0, price: 40_000 }] };
    expect(availableBorrows(acc, 'WBTC')).toBeCloseTo(1600 / 40_000, 15);
    expect(availableBorrows({ ...acc, debts: [{ amount: 0.05, price: 40_000 }] }, 0)).toBe(0); // 2000 > 1600
    expect(accountData({ collaterals: [{ amount: 1, price: 2000, liquidationThreshold: 0.83 }], debts: [] }).borrowingPower).toBe(0);
  });
});

describe('liquidationPrice', () => {
  it('single collateral: p* = debt value / (amount·LT)', () => {
    const r = liquidationPrice(worked, 'WETH');
    expect(r.side).toBe('below');
    expect(r.price).toBeCloseTo(15_500 * USDC_PRICE / (10 * 0.83), 9); // 1867.4218…
    expect(r.distance).toBeCloseTo(r.price / WETH_PRICE - 1, 14);
    // HF at p* is 1
    expect(healthFactor({ ...worked, collaterals: [{ ...worked.collaterals[0]!, price: r.price }] })).toBeCloseTo(1, 14);
  });

  it('multi-collateral: the other collateral counts at its weighted value', () => {
    const acc = {
      collaterals: [{ symbol: 'ETH', amount: 2, price: 2000, liquidationThreshold: 0.8 }, { symbol: 'BTC', amount: 0.1, price: 30_000, liquidationThreshold: 0.7 }],
      debts: [{ amount: 4000, price: 1 }],
    };
    const eth = liquidationPrice(acc, 'ETH'); // (4000 − 2100) / (2·0.8) = 1187.5
    expect(eth.side).toBe('below');
    expect(eth.price).toBeCloseTo(1187.5, 10);
    const btc = liquidationPrice(acc, 1); // (4000 − 3200) / (0.1·0.7) = 11428.571…
    expect(btc.price).toBeCloseTo(800 / 0.07, 8);
    expect(liquidationPrices(acc).map((x) => x.price)).toEqual([eth.price, btc.price]);
  });

  it("'never': no debt, or the other collateral covers the debt at any price", () => {
    expect(liquidationPrice({ collaterals: [{ amount: 1, price: 10, liquidationThreshold: 0.8 }], debts: [] }, 0)).toEqual({ price: 0, side: 'never', distance: -1 });
    const covered = {
      collaterals: [{ amount: 1, price: 10, liquidationThreshold: 0.8 }, { amount: 1000, price: 1, liquidationThreshold: 0.9 }],
      debts: [{ amount: 500, price: 1 }],
    };
    expect(liquidationPrice(covered, 0).side).toBe('never');
  });

  it("'always': a zero-threshold asset when the rest is underwater", () => {
    const r = liquidationPrice({
      collaterals: [{ amount: 5, price: 10, liquidationThreshold: 0 }, { amount: 100, price: 1, liquidationThreshold: 0.8 }],
      debts: [{ amount: 100, price: 1 }],
    }, 0);
    expect(r).toEqual({ price: Infinity, side: 'always', distance: Infinity });
  });

  it("asset also borrowed: its debt moves with the price ('above' when net short)", () => {
    // 1 ETH collateral (LT 0.8) + 5000 USDC (LT 0.8), debt 2 ETH: M(p) = (0.8 − 2)·p + 4000 → liquidatable above p = 4000/1.2.
    const short = {
      collaterals: [{ symbol: 'ETH', amount: 1, price: 2000, liquidationThreshold: 0.8 }, { symbol: 'USDC', amount: 5000, price: 1, liquidationThreshold: 0.8 }],
      debts: [{ symbol: 'ETH', amount: 2, price: 2000 }],
    };
    const r = liquidationPrice(short, 'ETH');
    expect(r.side).toBe('above');
    expect(r.price).toBeCloseTo(4000 / 1.2, 9);
    expect(healthFactor({ ...short, collaterals: [{ ...short.collaterals[0]!, price: r.price }, short.collaterals[1]!], debts: [{ symbol: 'ETH', amount: 2, price: r.price }] })).toBeCloseTo(1, 13);
    // Same-asset debt smaller than the thresholded balance: still 'below', with k = a·LT − d.
    const long = { ...short, debts: [{ symbol: 'ETH', amount: 0.5, price: 2000 }, { amount: 4500, price: 1 }] };
    const l = liquidationPrice(long, 'ETH'); // (4500 − 4000) / (0.8 − 0.5)
    expect(l.side).toBe('below');
    expect(l.price).toBeCloseTo(500 / 0.3, 9);
  });
});
