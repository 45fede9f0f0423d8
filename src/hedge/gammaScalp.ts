/**
 * Gamma scalping backtest (issue #6 §3): buy an at-the-money straddle at the entry bar's close at the
 * entry implied vol, delta-hedge it on the real bars every `rebalanceEvery` bars at that implied vol, hold
 * to expiry. The P&L of a delta-hedged option is, to second order and with r = 0,
 *   P&L ≈ Σ_t ½Γ_t S_t² (r_t² − σ_imp² Δt)
 * (the gamma + theta terms of assembly/hedge/kernel.ts's attribution, r_t = ΔS/S the bar's simple return;
 * e.g. Sinclair, Volatility Trading, 2nd ed. 2013, ch. 6; Bergomi, Stochastic Volatility Modeling 2016,
 * ch. 1): positive when the realised moves beat the implied vol the straddle was bought at.
 */
import { checkInteger, checkObject, checkPositive, checkRange, checkVol, fail } from '../options/validate.js';
import { toColumn } from '../options/columns.js';
import { realizedVol } from '../volatility/realizedVol.js';
import { mergeHedgeBlocks, planHedge, runHedgeBlocks } from './simulate.js';
import type { HedgeCosts, HedgeResult } from './types.js';

/** Input of {@link gammaScalpBacktest}. */
export interface GammaScalpInput {
  /** Bars, oldest first: `close` prices (USD); `openTime` epoch ms optional (reported back). */
  candles: { close: ArrayLike<number>; openTime?: ArrayLike<number> };
  /** Bar whose close is the entry (integer index into `close`). */
  entryIndex: number;
  /** Bars to expiry: the straddle expires at the close of bar entryIndex + expiryBars. */
  expiryBars: number;
  /** Implied vol the straddle is bought at and hedged with (annualised decimal). */
  impliedVol: number;
  /** Rebalance every this many bars (default 1). */
  rebalanceEvery?: number;
  /** Bars per year (default 365: daily crypto bars; 8760 for hourly). */
  periodsPerYear?: number;
  /** Strike (default the entry close: at the money). */
  strike?: number;
  /** Straddles bought (default 1). */
  quantity?: number;
  /** Trading costs of the hedge (as simulateHedge; default none). */
  costs?: HedgeCosts;
}

/** Result of {@link gammaScalpBacktest} (USD unless stated). */
export interface GammaScalpResult {
  entrySpot: number;
  expirySpot: number;
  strike: number;
  expiryYears: number;
  /** Entry bar's open time (epoch ms) when given. */
  entryTime?: number;
  impliedVol: number;
  /**
   * Close-to-close realised vol over the holding bars (src/volatility, annualised by periodsPerYear); `null`
   * when expiryBars = 1: one return has no sample (ddof 1) variance, so there is no realised vol to report.
   */
  realizedVol: number | null;
  /** Straddle cost at entry (per straddle × quantity). */
  premium: number;
  /** Straddle payoff at expiry (× quantity). */
  payoff: number;
  /** Realised hedged P&L (costs included). */
  pnl: number;
  /** Σ ½ΓS²(r² − σ_imp²Δt) over the bars (= gamma + theta of the attribution when the rate is 0). */
  decomposition: number;
  /** pnl − decomposition: discrete-hedge lag (deltaMismatch), costs, Taylor remainder. */
  residual: number;
  /** The attribution's other terms: the lag between rebalances, costs, Taylor remainder. */
  deltaMismatch: number;
  costs: number;
  taylorResidual: number;
  trades: number;
  /** The full single-path hedging result. */
  hedge: HedgeResult;
}

/**
 * Delta-hedged long straddle on real bars against the entry implied vol, with the decomposition
 * P&L ≈ Σ ½ΓS²(r_t² − σ_imp²Δt). Runs synchronously (one path; needs `init()`).
 * @param input {@link GammaScalpInput}.
 * @returns {@link GammaScalpResult}.
 * @throws InvalidInputError naming the field: a bad close price (`candles.close[12]`), an entryIndex or
 *   expiryBars outside the bars, a bad impliedVol, rebalanceEvery or periodsPerYear, bad costs, a
 *   `candles.openTime` whose length differs from `candles.close`.
 */
export function gammaScalpBacktest(input: GammaScalpInput): GammaScalpResult {
  const o = checkObject('input', input);
  const c = checkObject('candles', o.candles);
  const close = toColumn('candles.close', c.close);
  if (close.length < 2) fail('candles.close', c.close, '>= 2 bars', 'must hold at least 2 bars');
  if (c.openTime !== undefined) {
    const t = toColumn('candles.openTime', c.openTime);
    if (t.length !== close.length) {
      fail('candles.openTime', c.openTime, `length ${close.length}`, `must have one entry per bar (length ${close.length}, as candles.close)`);
    }
  }
  const entry = checkInteger('entryIndex', o.entryIndex, 0, close.length - 2);
  const bars = checkInteger('expiryBars', o.expiryBars, 1, close.length - 1 - entry);
  const iv = checkPositive('impliedVol', o.impliedVol);
  checkVol('impliedVol', iv);
  const every = o.rebalanceEvery === undefined ? 1 : checkInteger('rebalanceEvery', o.rebalanceEvery, 1, bars);
  const ppy = o.periodsPerYear === undefined ? 365 : checkRange('periodsPerYear', o.periodsPerYear, 0, 1e8, true);
  const prices = close.slice(entry, entry + bars + 1);
  const strike = o.strike === undefined ? prices[0]! : checkPositive('strike', o.strike);
  const quantity = o.quantity === undefined ? 1 : checkPositive('quantity', o.quantity);
  const T = bars / ppy;
  const plan = planHedge({
    option: { type: 'straddle', strike, expiryYears: T, position: 'long', quantity },
    hedgeVol: iv, model: { type: 'path', prices }, rebalance: { type: 'interval', every },
    ...(o.costs === undefined ? {} : { costs: o.costs as HedgeCosts }),
  });
  const hedge = mergeHedgeBlocks(plan, runHedgeBlocks(plan, 0, plan.blockCount));
  const a = hedge.attribution;
  const pnl = hedge.pnl.mean;
  const decomposition = a.gamma + a.theta;
  const expirySpot = prices[prices.length - 1]!;
  const openTime = c.openTime === undefined ? undefined : toColumn('candles.openTime', c.openTime);
  // One holding bar gives one return: no sample variance (documented null, never NaN).
  const rv = prices.length >= 3 ? realizedVol({ close: prices }, { estimator: 'close-to-close', periodsPerYear: ppy }) : null;
  return {
    entrySpot: prices[0]!, expirySpot, strike, expiryYears: T,
    ...(openTime ? { entryTime: openTime[entry]! } : {}),
    impliedVol: iv, realizedVol: rv,
    premium: hedge.premium * quantity,
    payoff: (Math.max(expirySpot - strike, 0) + Math.max(strike - expirySpot, 0)) * quantity,
    pnl, decomposition, residual: pnl - decomposition,
    deltaMismatch: a.deltaMismatch, costs: a.costs, taylorResidual: a.residual, trades: hedge.trades, hedge,
  };
}
