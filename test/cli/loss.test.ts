// Report sections 6-9 (issue #6 §7) on the shipped 2025-12-31 snapshot: each section equals the direct
// library calls it is made of, and key figures are checked against independent closed forms.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  black76, horizonLogReturns, liquidationProbability, portfolioRisk, portfolioVaR, preventLiquidation, protectionMenu,
  realizedVol, scenarioGrid, simulateHedge, stressTest, volCone, yearsFromDays,
} from '../../src/index.js';
import { loadCandles } from '../../src/cli/candles.js';
import { solveChain } from '../../src/cli/chainIv.js';
import { HEDGE_GAS_USD, HEDGE_RULES, hedgeSpec, hedgingSection, renderHedging } from '../../src/cli/hedging.js';
import { cascadeLoans, openOnDay } from '../../src/cli/lending.js';
import { loadLoanBook } from '../../src/cli/loanBook.js';
import { BORROWER_COLLATERAL_ETH, chainSpot, menuSection, renderMenu } from '../../src/cli/menu.js';
import { BTC_DAILY, DEFAULT_LOAN_BOOK, DEFAULT_SNAPSHOT, ETH_DAILY, LOAN_BOOK_DAY_MS } from '../../src/cli/paths.js';
import { GRID_SPOT_SHOCKS, GRID_VOL_SHOCKS, portfolioSection, renderPortfolio } from '../../src/cli/portfolio.js';
import { closedBy, nearestAtm, realizedSection, renderRealized } from '../../src/cli/realized.js';
import { buildSmiles } from '../../src/cli/smile.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { normCdf } from '../../src/reference/normal.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const all = loadSnapshot(DEFAULT_SNAPSHOT);
const btc = selectCurrency(all, 'BTC');
const eth = selectCurrency(all, 'ETH');
const asOfMs = Math.min(...btc.timestampMs);
const book = loadLoanBook(DEFAULT_LOAN_BOOK);
const bookEthUsd = openOnDay(loadCandles(ETH_DAILY), LOAN_BOOK_DAY_MS);
const MENU_PATHS = 4000;
const narrow = (lines: string[]) => lines.filter((l) => l.length > 100);

/** Reflection-principle first passage of ln HF below 0 under driftless GBM (Shreve II §7.2), as in lending.test.ts. */
function firstPassage(hf: number, vol: number, years: number): number {
  const b = Math.log(hf), nu = -vol * vol / 2, sd = vol * Math.sqrt(years);
  return normCdf((-b - nu * years) / sd) + Math.exp(-2 * nu * b / (vol * vol)) * normCdf((-b + nu * years) / sd);
}

describe('section 6: protection menu and the sample borrower', () => {
  let s: ReturnType<typeof menuSection>;
  const ethVol = 0.55;
  beforeAll(() => {
    s = menuSection(btc, 'BTC', { book, bookEthUsd, liquidationBonus: 0.05, eth: { spot: chainSpot(eth), vol: ethVol, expiry: 'X' } },
      { paths: MENU_PATHS });
  });

  it('the frontiers are protectionMenu\'s on the same chain, settings and paths', () => {
    const m = protectionMenu(btc, { currency: 'BTC', targetDays: 30, budgetFraction: 0.02, confidence: 0.95, paths: MENU_PATHS, seed: 1, lotSize: 0.1 });
    const menu = s.menu!;
    expect(menu.spot).toBe(m.spot);
    expect(menu.vol).toBe(m.vol);
    expect(menu.candidates).toBe(m.result.candidates);
    expect(menu.frontier.map((p) => [p.cost, p.expectedShortfall])).toEqual(m.result.frontier.map((p) => [p.cost, p.expectedShortfall]));
    expect(menu.frontierPuts.map((p) => p.expectedShortfall)).toEqual(m.result.frontierByKind.put!.map((p) => p.expectedShortfall));
    expect(menu.best!.cost).toBe(m.result.best!.cost);
    expect(menu.expiry).toBe('30JAN26');
    // A frontier: cost ascending, CVaR strictly descending (definition of efficientFrontier).
    for (let i = 1; i < menu.frontierPuts.length; i++) {
      expect(menu.frontierPuts[i]!.cost).toBeGreaterThanOrEqual(menu.frontierPuts[i - 1]!.cost);
      expect(menu.frontierPuts[i]!.expectedShortfall).toBeLessThan(menu.frontierPuts[i - 1]!.expectedShortfall);
    }
    // A bought put's leg premium is its ask in USD: ask (coin) x the row's forward (PROTOCOLS §7).
    const put = menu.frontierPuts.at(-1)!.legs[0]!;
    const i = btc.instrument.indexOf(put.name);
    expect(put.premium).toBeCloseTo(btc.ask[i]! * btc.forward[i]!, 9);
  });

  it('the borrower is the median-HF cascade loan, rescaled with its HF and threshold kept', () => {
    const b = s.borrower!;
    const loans = cascadeLoans(book, bookEthUsd);
    const hf = Array.from(loans.collateral, (c, i) => c * bookEthUsd * loans.liquidationThreshold[i]! / loans.debt[i]!).sort((x, y) => x - y);
    expect(b.healthFactor).toBe(hf[Math.floor((hf.length - 1) / 2)]);
    expect(b.collateralEth).toBe(BORROWER_COLLATERAL_ETH);
    expect(b.collateralEth * b.ethSpot * b.liquidationThreshold / b.debtUsd).toBeCloseTo(b.healthFactor, 12);
    // liquidation price S* = D / (c LT) (HF proportional to price for a stable debt)
    expect(b.baseline.liquidationPrice).toBeCloseTo(b.debtUsd / (b.collateralEth * b.liquidationThreshold), 9);
    const direct = preventLiquidation({
      loan: { collateralAmount: b.collateralEth, debtValue: b.debtUsd, liquidationThreshold: b.liquidationThreshold, liquidationBonus: 0.05 },
      spot: b.ethSpot, vol: ethVol, horizonYears: yearsFromDays(30),
    });
    expect(b.baseline).toEqual(direct.baseline);
    expect(b.remedies).toEqual(direct.remedies);
    expect(b.frontier.map((i) => [b.baseline, ...b.remedies][i])).toEqual(direct.frontierByProbability);
    expect(b.baseline.probability).toBeCloseTo(firstPassage(b.healthFactor, ethVol, yearsFromDays(30)), 12);
    expect(b.baseline.probability).toBe(liquidationProbability({ healthFactor: b.ethSpot / b.baseline.liquidationPrice, vol: ethVol,
      horizonYears: yearsFromDays(30) }).probability);
  });

  it('renders within 100 columns', () => {
    expect(narrow(renderMenu(s, 'BTC'))).toEqual([]);
    expect(renderMenu({ menu: null, borrower: null }, 'BTC').join('\n')).toContain('n/a');
  });
});

describe('section 7: hedging under fees, slippage and gas', () => {
  const spot = 88480.39, vol = 0.4031;
  let h: Awaited<ReturnType<typeof hedgingSection>>;
  beforeAll(async () => { h = await hedgingSection('BTC', spot, vol, 'test', { paths: 256 }); });

  it('each row is simulateHedge on the stated spec', async () => {
    for (const [k, rule] of HEDGE_RULES.entries()) {
      const r = await simulateHedge(hedgeSpec(spot, vol, rule.rebalance, 256));
      const row = h!.rows[k]!;
      expect(row.meanPnl).toBe(r.pnl.mean);
      expect(row.sd).toBe(r.pnl.sd);
      expect(row.expectedShortfall95).toBe(r.pnl.expectedShortfall95);
      expect(row.costs).toEqual(r.costs);
      expect(row.trades).toBe(r.trades);
      // gas is a fixed USD amount per trade: mean gas = gas x mean trades
      expect(row.costs.gas).toBeCloseTo(HEDGE_GAS_USD * row.trades, 9);
      expect(row.costs.fees + row.costs.slippage + row.costs.gas).toBeCloseTo(row.costs.total, 9);
    }
    // daily: 30 rebalancing dates (the initial hedge and 29 more; none at expiry); hourly checks 720 steps
    expect(h!.rows[0]!.trades).toBeLessThanOrEqual(30);
    expect(h!.rows[1]!.trades).toBeGreaterThan(h!.rows[0]!.trades);
    expect(h!.rows[1]!.costs.gas).toBeGreaterThan(h!.rows[0]!.costs.gas);
  });

  it('the premium is the Black-Scholes ATM call (r = 0) and the histogram counts every path', () => {
    const T = yearsFromDays(30), sd = vol * Math.sqrt(T);
    const bs = spot * (normCdf(sd / 2) - normCdf(-sd / 2)); // K = S, r = 0: S[N(d1) - N(d2)], d1 = -d2 = σ√T/2
    expect(h!.premium).toBeCloseTo(bs, 6);
    for (const c of h!.histogram.counts) expect(c.reduce((a, b) => a + b, 0)).toBe(256);
    expect(narrow(renderHedging(h, 'BTC'))).toEqual([]);
  });
});

describe('section 8: realised vs implied', () => {
  let atm: NonNullable<ReturnType<typeof nearestAtm>>;
  let r: NonNullable<ReturnType<typeof realizedSection>>;
  const bars = closedBy(loadCandles(BTC_DAILY), asOfMs);
  beforeAll(() => {
    atm = nearestAtm(buildSmiles(btc, solveChain(btc)), 30)!;
    r = realizedSection('BTC', asOfMs, atm)!;
  });

  it('uses the bars closed before the snapshot and equals realizedVol over the last 30 of them', () => {
    expect(atm.label).toBe('30JAN26');
    expect(r.lastBar).toBe('2025-12-30');
    for (const row of r.rows) {
      const tail = closedBy(bars, Infinity, 31);
      const v = realizedVol(tail, { estimator: row.estimator, periodsPerYear: 365 }) as number;
      expect(row.realized).toBeCloseTo(v, 11);
      expect(row.spread).toBe(atm.atmIv - row.realized);
    }
    // close-to-close by hand: sample SD (ddof 1) of the last 30 log returns, x sqrt(365)
    const c = bars.close, n = bars.n;
    const ret = Array.from({ length: 30 }, (_, k) => Math.log(c[n - 30 + k]! / c[n - 31 + k]!));
    const mean = ret.reduce((a, b) => a + b, 0) / 30;
    const sd = Math.sqrt(ret.reduce((a, b) => a + (b - mean) ** 2, 0) / 29);
    expect(r.rows[0]!.realized).toBeCloseTo(sd * Math.sqrt(365), 12);
  });

  it('the cone is volCone over the last 731 bars, its 30-day latest the close-to-close figure', () => {
    const cone = volCone(closedBy(bars, Infinity, 731), { windows: [7, 30, 90], percentiles: [0.1, 0.5, 0.9], estimator: 'close-to-close', periodsPerYear: 365 });
    expect(r.cone.rows.map((x) => x.values)).toEqual(cone.rows.map((x) => Array.from(x.values)));
    expect(r.cone.rows[1]!.latest).toBeCloseTo(r.rows[0]!.realized, 12);
    expect(r.cone.from).toBe('2023-12-31');
    expect(narrow(renderRealized(r, 'BTC'))).toEqual([]);
  });
});

describe('section 9: portfolio risk', () => {
  const spot = 88480.39, vol = 0.4031;
  const best = {
    kind: 'collar' as const, label: '', cost: 0, floor: 0, cap: 0, expectedShortfall: 0, valueAtRisk: 0, expectedPnl: 0,
    legs: [{ name: 'BTC-30JAN26-88000-P', type: 'put' as const, strike: 88000, quantity: 1, premium: 0 },
      { name: 'BTC-30JAN26-90000-C', type: 'call' as const, strike: 90000, quantity: -1, premium: 0 }],
  };
  let p: NonNullable<ReturnType<typeof portfolioSection>>;
  beforeAll(() => { p = portfolioSection(btc, 'BTC', spot, vol, asOfMs, best)!; });

  it('Greeks, grid, VaR and stress equal the library on the stated portfolio', () => {
    const u = portfolioRisk(p.portfolio).underlyings[0]!;
    expect(p.greeks.deltaUsd).toBe(u.deltaUsd);
    expect(p.greeks.gammaUsdPer1Pct).toBe(u.gammaUsdPer1Pct);
    expect(p.greeks.vegaPerVolPoint).toBe(u.vegaPerVolPoint);
    const g = scenarioGrid(p.portfolio, { spotShocks: [...GRID_SPOT_SHOCKS], volShocks: [...GRID_VOL_SHOCKS] });
    expect(p.grid.pnlUsd).toEqual(Array.from(g.pnlUsd));
    const bars = closedBy(loadCandles(BTC_DAILY), asOfMs);
    const v = portfolioVaR(p.portfolio, { method: 'historical', confidence: 0.99, horizonYears: yearsFromDays(1), returns: { BTC: horizonLogReturns(bars.close, 1) } });
    expect(p.var!.valueAtRisk).toBe(v.valueAtRisk);
    expect(p.var!.expectedShortfall).toBe(v.expectedShortfall);
    expect(p.stress).toEqual(stressTest(p.portfolio));
    expect(p.stress!.map((x) => x.date)).toEqual(['2020-03-12', '2021-05-19']);
  });

  it('a grid cell by hand: spot + inverse Black-76 legs (USD value = coin value x spot, PROTOCOLS §7)', () => {
    // independent Black-76 (Black 1976): c = F N(d1) - K N(d2), p = K N(-d2) - F N(-d1)
    const b76 = (type: 'call' | 'put', F: number, K: number, T: number, s: number) => {
      const d1 = (Math.log(F / K) + s * s * T / 2) / (s * Math.sqrt(T)), d2 = d1 - s * Math.sqrt(T);
      return type === 'call' ? F * normCdf(d1) - K * normCdf(d2) : K * normCdf(-d2) - F * normCdf(-d1);
    };
    const value = (shock: number, dv: number) => {
      let v = spot * (1 + shock);
      for (const pos of p.portfolio.positions) {
        if (pos.kind !== 'option') continue;
        const F = pos.forward! * (1 + shock);
        v += pos.quantity * b76(pos.type, F, pos.strike, pos.expiryYears, pos.vol! + dv) / F * spot * (1 + shock);
      }
      return v;
    };
    const nv = GRID_VOL_SHOCKS.length;
    GRID_SPOT_SHOCKS.forEach((s, i) => GRID_VOL_SHOCKS.forEach((dv, j) => {
      expect(p.grid.pnlUsd[i * nv + j]!).toBeCloseTo(value(s, dv) - value(0, 0), 6);
    }));
    const leg = p.portfolio.positions[1]!;
    if (leg.kind === 'option') {
      expect(b76('put', leg.forward!, 88000, leg.expiryYears, leg.vol!)).toBeCloseTo(black76({ type: 'put', forward: leg.forward!,
        strike: 88000, expiryYears: leg.expiryYears, vol: leg.vol!, rate: 0 }).price, 8);
    }
    expect(narrow(renderPortfolio(p, 'BTC'))).toEqual([]);
  });

  it('without a package, a model 90% put is held', () => {
    const q = portfolioSection(btc, 'BTC', spot, vol, asOfMs, null)!;
    const put = q.portfolio.positions[1]!;
    expect(put).toMatchObject({ kind: 'option', type: 'put', strike: 0.9 * spot, quantity: 1 });
  });
});
