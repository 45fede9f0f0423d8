import { beforeAll, describe, expect, it } from 'vitest';
import { healthFactor, liquidationPrice, simulateCascade, yearsFromDays } from '../../src/index.js';
import { loadCandles } from '../../src/cli/candles.js';
import { solveChain } from '../../src/cli/chainIv.js';
import { DEFAULT_CASCADE, cascadeLoans, lendingSection, openOnDay } from '../../src/cli/lending.js';
import { atEthMove, loadLoanBook } from '../../src/cli/loanBook.js';
import { DEFAULT_LOAN_BOOK, DEFAULT_SNAPSHOT, ETH_DAILY, LOAN_BOOK_DAY_MS } from '../../src/cli/paths.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { normCdf } from '../../src/reference/normal.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const book = loadLoanBook(DEFAULT_LOAN_BOOK);
const ethUsd = openOnDay(loadCandles(ETH_DAILY), LOAN_BOOK_DAY_MS);

describe('the shipped Euler v1 loan book', () => {
  it('reproduces the data README totals (FLX outlier excluded)', () => {
    // Expected values: data/loanbook/README.md, "Checks we ran": without FLX 877 accounts, liability
    // 202,598.7 ETH, collateral 319,796.6 ETH; ETH 1,619.55 = Binance open of 2022-10-30.
    expect(book.accounts).toHaveLength(877);
    expect(book.excluded).toEqual(['borrower-00118']);
    const sum = (f: (a: (typeof book.accounts)[number]) => number) => book.accounts.reduce((s, a) => s + f(a), 0);
    expect(sum((a) => a.account.debts[0]!.amount + a.account.debts[1]!.amount)).toBeCloseTo(202_598.7, 1);
    expect(sum((a) => a.account.collaterals[0]!.amount + a.account.collaterals[1]!.amount)).toBeCloseTo(319_796.6, 1);
    expect(ethUsd).toBe(1619.55);
  });

  it('health factor of each account equals the source health score (1e-6 resolution of the source)', () => {
    for (const a of book.accounts) {
      const hf = healthFactor(a.account);
      if (a.healthScore < 1e6) expect(Math.abs(hf - a.healthScore)).toBeLessThanOrEqual(1e-6 * Math.max(1, a.healthScore));
    }
  });

  it('the ETH liquidation price brings the account to HF 1 exactly', () => {
    for (const a of book.accounts) {
      const lp = liquidationPrice(a.account, 'ETH');
      if (lp.side !== 'below' || lp.price === 0) continue;
      expect(healthFactor(atEthMove(a.account, lp.price))).toBeCloseTo(1, 9);
    }
  });

  it('cascade loans keep each account\'s health score and value collateral by the Euler collateral factors', () => {
    const loans = cascadeLoans(book, ethUsd);
    expect(loans.collateral.length).toBeGreaterThan(100);
    const pure = book.accounts.filter(({ account: x }) =>
      x.collaterals[1]!.amount === 0 && x.debts[0]!.amount === 0 && x.collaterals[0]!.amount > 0 && x.debts[1]!.amount > 0);
    pure.forEach((a, i) => {
      const hf = loans.collateral[i]! * ethUsd * loans.liquidationThreshold[i]! / loans.debt[i]!;
      expect(Math.abs(hf / healthFactor(a.account) - 1)).toBeLessThan(1e-12);
      // Thresholds lie between the lowest and highest collateral factor (0.85 wstETH … 0.88 WETH, Euler docs).
      expect(loans.liquidationThreshold[i]!).toBeGreaterThanOrEqual(0.85 - 1e-12);
      expect(loans.liquidationThreshold[i]!).toBeLessThanOrEqual(0.88 + 1e-12);
    });
  });
});

describe('the report\'s lending section', () => {
  let section: ReturnType<typeof lendingSection>;
  beforeAll(() => {
    const chain = selectCurrency(loadSnapshot(DEFAULT_SNAPSHOT), 'ETH');
    section = lendingSection(book, ethUsd, { chain, solved: solveChain(chain) });
  });

  it('health-score buckets equal the data README distribution', () => {
    // data/loanbook/README.md: "<1: 38, 0.18 %; [1,1.02): 97, 17.3 %; [1.02,1.05): 29, 23.1 %; [1.05,1.1): 28, 19.1 %;
    // [1.1,1.2): 107, 20.8 %; [1.2,1.5): 254, 7.0 %; [1.5,2): 105, 7.2 %; [2,3): 68, 1.3 %; [3,5): 41, 1.8 %; ≥5: 110, 2.2 %"
    expect(section.buckets.map((b) => b.accounts)).toEqual([38, 97, 29, 28, 107, 254, 105, 68, 41, 110]);
    const shares = [0.18, 17.3, 23.1, 19.1, 20.8, 7.0, 7.2, 1.3, 1.8, 2.2];
    section.buckets.forEach((b, i) => expect(Math.abs(b.liabilityShare * 100 - shares[i]!)).toBeLessThanOrEqual(0.051));
  });

  it('shock rows: accounts under 1 grow with the shock, and the cascade is the library\'s on the same book', () => {
    const n = section.shocks.map((s) => s.liquidatableAccounts);
    expect(n).toEqual([...n].sort((a, b) => a - b));
    const loans = cascadeLoans(book, ethUsd);
    const venue = { type: 'constantProduct' as const, reserveRisky: DEFAULT_CASCADE.venueEth, reserveStable: DEFAULT_CASCADE.venueEth * ethUsd, fee: DEFAULT_CASCADE.fee };
    const r = simulateCascade({ ...loans, liquidationBonus: DEFAULT_CASCADE.liquidationBonus },
      { venue, shock: { drop: 0.3 }, gasUsd: DEFAULT_CASCADE.gasUsd });
    const row = section.shocks[2]!;
    expect(row.drop).toBe(0.3);
    expect(row.cascade.finalPrice).toBe(r.finalPrice);
    expect(row.cascade.totalBadDebt).toBe(r.totalBadDebt);
    // The cascade only pushes the price further down from the shocked level.
    for (const s of section.shocks) expect(s.cascade.finalPrice).toBeLessThanOrEqual(s.shockedPrice * (1 + 1e-12));
  });

  it('P(liquidation in 30 days) matches the first-passage closed form at the ETH ATM vol', () => {
    // Reflection principle for ln HF_t = ln HF0 + νt + σW_t, ν = −σ²/2 (no drift), barrier 0 (Shreve II §7.2):
    // P = Φ((−b − νT)/(σ√T)) + e^{−2νb/σ²} Φ((−b + νT)/(σ√T)), b = ln HF0.
    const p = section.pLiq!;
    expect(p.expiryLabel).toBe('30JAN26');
    const T = yearsFromDays(30);
    for (const row of p.rows) {
      const s = p.vol, b = Math.log(row.healthFactor), nu = -s * s / 2, sd = s * Math.sqrt(T);
      const expected = normCdf((-b - nu * T) / sd) + Math.exp(-2 * nu * b / (s * s)) * normCdf((-b + nu * T) / sd);
      expect(row.probability).toBeCloseTo(expected, 12);
    }
  });
});
