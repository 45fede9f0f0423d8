/**
 * Report section 9 (issue #6 §7): risk of a sample portfolio, 1 coin held plus the protection menu's best
 * package (section 6; Deribit inverse options priced by Black-76 on each leg's forward at its mark IV), or,
 * when the menu has none, a model 30-day put struck at 90 % of spot. Aggregated Greeks in trader units
 * (`portfolioRisk`), a Deribit-style spot × vol grid (`scenarioGrid`), 1-day 99 % historical VaR and CVaR on
 * the daily candles before the snapshot (`portfolioVaR`, src/risk/portfolioVar.ts: loss = −P&L, lower
 * quantile L₍⌈αn⌉₎), and the named stress days 2020-03-12 and 2021-05-19 (`stressTest`, src/risk/stressScenarios.ts).
 */
import {
  type Portfolio, type OptionPosition, type StressResult, TailguardError, horizonLogReturns, portfolioRisk, portfolioVaR,
  scenarioGrid, stressTest, yearsFromDays,
} from '../index.js';
import { loadCandles } from './candles.js';
import { type Column, numCell, table, wrapText } from './format.js';
import type { MenuPoint } from './menu.js';
import { grouped, percent } from './numbers.js';
import { DAILY_CANDLES, closedBy } from './realized.js';
import type { OptionChain } from './snapshot.js';

/** Grid of the section: relative spot moves and additive vol shifts (decimals: 0.1 = +10 vol points). */
export const GRID_SPOT_SHOCKS = [-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3] as const;
export const GRID_VOL_SHOCKS = [-0.1, 0, 0.1] as const;
/** VaR: confidence and horizon (one day of the daily candles). */
export const VAR_CONFIDENCE = 0.99;
export const VAR_HORIZON_DAYS = 1;
/** The fallback protection: a model put of this many days, struck at this fraction of spot. */
export const FALLBACK_PUT = { days: 30, moneyness: 0.9 } as const;

/** Section 9. */
export interface PortfolioSection {
  currency: string;
  spot: number;
  vol: number;
  /** What the portfolio holds, one line per position. */
  holdings: string[];
  portfolio: Portfolio;
  greeks: {
    valueUsd: number; deltaCoins: number; deltaUsd: number; gammaUsdPer1Pct: number; vegaPerVolPoint: number;
    thetaPerDay: number; coinAdjustedDelta: number | null;
  };
  grid: { spotShocks: number[]; volShocks: number[]; baseValueUsd: number; pnlUsd: number[] };
  var: { confidence: number; horizonDays: number; returns: number; from: string; to: string; valueAtRisk: number; expectedShortfall: number } | null;
  stress: StressResult[] | null;
}

/** The portfolio: 1 coin + the menu's best package (listed legs) or a model put. */
export function samplePortfolio(chain: OptionChain, currency: string, spot: number, vol: number, best: MenuPoint | null):
  { portfolio: Portfolio; holdings: string[] } {
  const positions: Portfolio['positions'] = [{ kind: 'spot', underlying: currency, quantity: 1 }];
  const holdings = [`1 ${currency} spot`];
  const legs = best === null || best.kind === 'none' ? [] : best.legs;
  for (const leg of legs) {
    const i = chain.instrument.indexOf(leg.name);
    if (i < 0) continue;
    const p: OptionPosition = {
      kind: 'option', underlying: currency, type: leg.type, strike: leg.strike, quantity: leg.quantity,
      expiryYears: (chain.expiryMs[i]! - chain.timestampMs[i]!) / (365 * 86_400_000), model: 'black76', settlement: 'inverse',
      forward: chain.forward[i]!, vol: chain.markIv[i]!,
    };
    positions.push(p);
    holdings.push(`${leg.quantity > 0 ? 'long' : 'short'} ${Math.abs(leg.quantity)} ${leg.name} (inverse, Black-76 on F ` +
      `${grouped(p.forward!, 2)} at its mark IV ${percent(p.vol!, 1)})`);
  }
  if (positions.length === 1) {
    const strike = FALLBACK_PUT.moneyness * spot;
    positions.push({ kind: 'option', underlying: currency, type: 'put', strike, quantity: 1, expiryYears: yearsFromDays(FALLBACK_PUT.days) });
    holdings.push(`long 1 model put K ${grouped(strike, 2)} (${percent(FALLBACK_PUT.moneyness, 0)} of spot), ` +
      `${FALLBACK_PUT.days} days, BSM at the ATM vol`);
  }
  return { portfolio: { positions, market: { [currency]: { spot, vol } } }, holdings };
}

/**
 * Computes section 9 (the library must be initialised).
 * @param spot the report's spot (median index price), USD; @param vol ATM IV near 30 days; @param asOfMs snapshot time.
 * @returns null when the portfolio cannot be priced (inputs outside the pricers' ranges).
 */
export function portfolioSection(chain: OptionChain, currency: string, spot: number, vol: number, asOfMs: number,
  best: MenuPoint | null): PortfolioSection | null {
  if (!(spot > 0) || !(vol > 0)) return null;
  try {
    const { portfolio, holdings } = samplePortfolio(chain, currency, spot, vol, best);
    const u = portfolioRisk(portfolio).underlyings[0]!;
    const g = scenarioGrid(portfolio, { spotShocks: [...GRID_SPOT_SHOCKS], volShocks: [...GRID_VOL_SHOCKS] });
    let v: PortfolioSection['var'] = null;
    const file = DAILY_CANDLES[currency];
    if (file !== undefined) {
      const bars = closedBy(loadCandles(file), asOfMs);
      if (bars.n > 1 / (1 - VAR_CONFIDENCE) + 1) {
        const returns = horizonLogReturns(bars.close, VAR_HORIZON_DAYS);
        const r = portfolioVaR(portfolio, {
          method: 'historical', confidence: VAR_CONFIDENCE, horizonYears: yearsFromDays(VAR_HORIZON_DAYS), returns: { [currency]: returns },
        });
        const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
        v = {
          confidence: VAR_CONFIDENCE, horizonDays: VAR_HORIZON_DAYS, returns: returns.length, from: day(bars.openTime[0]!),
          to: day(bars.openTime[bars.n - 1]!), valueAtRisk: r.valueAtRisk, expectedShortfall: r.expectedShortfall,
        };
      }
    }
    let stress: StressResult[] | null = null;
    try {
      stress = stressTest(portfolio);
    } catch (err) {
      if (!(err instanceof TailguardError)) throw err; // a coin the named scenarios do not cover
    }
    return {
      currency, spot, vol, holdings, portfolio,
      greeks: {
        valueUsd: u.valueUsd, deltaCoins: u.deltaCoins, deltaUsd: u.deltaUsd, gammaUsdPer1Pct: u.gammaUsdPer1Pct,
        vegaPerVolPoint: u.vegaPerVolPoint, thetaPerDay: u.thetaPerDay, coinAdjustedDelta: u.inverse?.coinAdjustedDelta ?? null,
      },
      grid: { spotShocks: Array.from(g.spotShocks), volShocks: Array.from(g.volShocks), baseValueUsd: g.baseValueUsd, pnlUsd: Array.from(g.pnlUsd) },
      var: v, stress,
    };
  } catch (err) {
    if (err instanceof TailguardError) return null;
    throw err;
  }
}

/** Section 9 as text lines (≤ 100 columns). */
export function renderPortfolio(s: PortfolioSection | null, ccy: string): string[] {
  const out = [`9. Portfolio risk: 1 ${ccy} with the menu's best protection`, ''];
  if (s === null) return [...out, '  n/a: no ATM vol near 30 days, or the portfolio is outside the pricers\' ranges'];
  out.push(...wrapText(`Holdings: ${s.holdings.join('; ')}. Spot ${grouped(s.spot, 2)} USD (median index price), market vol ` +
    `${percent(s.vol, 1)} (the ATM IV near 30 days, for legs without their own); r = 0.`, 100, 2));
  const g = s.greeks;
  const u = (x: number, d = 0) => numCell(x, { digits: d, group: true, significant: true });
  out.push(...table([
    { header: 'value $', align: 'right' }, { header: `delta ${ccy}`, align: 'right' }, { header: 'delta $', align: 'right' },
    { header: 'gamma $/1%', align: 'right' }, { header: 'vega $/vp', align: 'right' }, { header: 'theta $/d', align: 'right' },
    { header: `coin-adj delta ${ccy}`, align: 'right' },
  ], [[u(g.valueUsd), numCell(g.deltaCoins, { digits: 4 }), u(g.deltaUsd), u(g.gammaUsdPer1Pct), u(g.vegaPerVolPoint, 2),
    u(g.thetaPerDay, 2), g.coinAdjustedDelta === null ? '-' : numCell(g.coinAdjustedDelta, { digits: 4 })]], 2));
  out.push(...wrapText('gamma $/1% = change of delta $ for a 1% spot move; vega per vol point (0.01); theta per calendar ' +
    'day; coin-adj delta = the options\' premium-adjusted delta in coins (what Deribit adds to an account\'s delta).', 100, 2));
  out.push('', '  Scenario grid: P&L in USD by full revaluation, spot move (rows) x vol shift (columns), no time:');
  const cols: Column[] = [{ header: 'spot' }, ...s.grid.volShocks.map((v): Column => ({
    header: v === 0 ? 'vol +0 vp' : `vol ${v > 0 ? '+' : ''}${Math.round(v * 100)} vp`, align: 'right' }))];
  const nv = s.grid.volShocks.length;
  out.push(...table(cols, s.grid.spotShocks.map((sh, i) => [`${sh > 0 ? '+' : ''}${percent(sh, 0)}`,
    ...s.grid.volShocks.map((_, j) => numCell(s.grid.pnlUsd[i * nv + j]!, { digits: 0, group: true }))]), 2));
  out.push('');
  if (s.var === null) out.push('  VaR: n/a (no daily candles for this coin before the snapshot)');
  else {
    const v = s.var;
    out.push(...wrapText(`${v.horizonDays}-day ${percent(v.confidence, 0)} historical VaR ${grouped(v.valueAtRisk)} USD, CVaR ` +
      `${grouped(v.expectedShortfall)} USD: the portfolio revalued (options one day older) under each of the ${v.returns} ` +
      `daily log returns of ${ccy} from ${v.from} to ${v.to}; losses positive, VaR the lower quantile L(ceil(an)).`, 100, 2));
  }
  if (s.stress === null) return [...out, '  Stress scenarios: n/a (the named days cover BTC and ETH only)'];
  out.push(...table([{ header: 'stress day' }, { header: 'spot move', align: 'right' }, { header: 'P&L $', align: 'right' },
    { header: 'value after $', align: 'right' }],
  s.stress.map((x) => [`${x.name}`, numCell((x.spotShocks[ccy] ?? NaN) * 100, { digits: 1, suffix: '%' }), u(x.pnlUsd), u(x.valueUsd)]), 2));
  out.push(...wrapText('Spot move = the day\'s worst fall from an hourly high to a later low (Binance hourly candles), ' +
    'applied at once with vols unchanged.', 100, 2));
  return out;
}
