/**
 * Report section 7 (issue #6 §7): a short 30-day ATM call on 1 coin, delta-hedged daily, hourly, or within a
 * Whalley–Wilmott band checked hourly, through a stated constant-product pool with a proportional fee and a
 * gas cost per trade (`simulateHedge`, src/hedge/simulate.ts; method in assembly/hedge/kernel.ts). The three
 * strategies run on the same seeded GBM paths (path i depends only on the seed and i).
 */
import { type HedgeRebalance, type HedgeResult, type McProgress, TailguardError, simulateHedge, yearsFromDays } from '../index.js';
import { type Column, numCell, table, wrapText } from './format.js';
import { grouped, percent } from './numbers.js';

/** Horizon of the hedged option, days; hedging grid steps per day (hourly). */
export const HEDGE_DAYS = 30;
export const STEPS_PER_DAY = 24;
/** Paths per strategy (every strategy on the same paths) and the seed. */
export const HEDGE_PATHS = 2_000;
export const HEDGE_SEED = 20251231;
/** Fee in bps of the traded notional (booked as `fees`): Uniswap v2's 30 bps pool fee (PROTOCOLS §4). */
export const HEDGE_FEE_BPS = 30;
/** Gas per hedge trade, USD (an assumption: a swap on Ethereum mainnet at a few gwei). */
export const HEDGE_GAS_USD = 5;
/**
 * The venue: a constant-product coin/USD pool holding this many coins a side, its curve fee-free so that
 * `slippage` is price impact alone (the fee is charged as {@link HEDGE_FEE_BPS}); re-centred on the market
 * price by arbitrage before each trade.
 */
export const HEDGE_POOL_COINS = 1_000;
/** Whalley–Wilmott risk aversion γ (1/USD) for a 1-coin position. */
export const BAND_RISK_AVERSION = 1e-4;
/** Bins of the P&L histogram (HTML chart). */
export const HISTOGRAM_BINS = 40;

/** The three rebalancing rules, in the order shown. */
export const HEDGE_RULES: readonly { key: string; label: string; rebalance: HedgeRebalance }[] = [
  { key: 'daily', label: 'daily', rebalance: { type: 'interval', every: STEPS_PER_DAY } },
  { key: 'hourly', label: 'hourly', rebalance: { type: 'interval', every: 1 } },
  { key: 'band', label: 'Whalley-Wilmott band', rebalance: { type: 'band', riskAversion: BAND_RISK_AVERSION } },
];

/** One strategy's outcome (USD per path; CVaR as a positive loss). */
export interface HedgeRow {
  key: string;
  label: string;
  rebalance: HedgeRebalance;
  meanPnl: number;
  standardError: number;
  sd: number;
  valueAtRisk95: number;
  expectedShortfall95: number;
  costs: HedgeResult['costs'];
  trades: number;
  turnover: number;
  unfilledPaths: number;
  hash: string;
}

/** Section 7 (null figures when the inputs are outside the simulator's ranges). */
export interface HedgingSection {
  currency: string;
  spot: number;
  strike: number;
  vol: number;
  volSource: string;
  days: number;
  steps: number;
  paths: number;
  seed: number;
  premium: number;
  feeBps: number;
  gasUsd: number;
  venue: { type: 'constantProduct'; reserveRisky: number; reserveStable: number; fee: number };
  rows: HedgeRow[];
  /** P&L histogram over common bin edges (HISTOGRAM_BINS + 1 edges), counts per row. */
  histogram: { edges: number[]; counts: number[][] };
}

/** Options of {@link hedgingSection}. */
export interface HedgingOptions {
  paths?: number;
  progress?: (label: string) => ((p: McProgress) => void) | undefined;
}

/** The spec of one strategy (exported for the tests: the section is exactly these library calls). */
export function hedgeSpec(spot: number, vol: number, rebalance: HedgeRebalance, paths: number) {
  return {
    option: { type: 'call' as const, strike: spot, expiryYears: yearsFromDays(HEDGE_DAYS), position: 'short' as const },
    spot, hedgeVol: vol, model: { type: 'gbm' as const, vol }, steps: HEDGE_DAYS * STEPS_PER_DAY, rebalance,
    costs: {
      feeBps: HEDGE_FEE_BPS, gasUsd: HEDGE_GAS_USD,
      venue: { type: 'constantProduct' as const, reserveRisky: HEDGE_POOL_COINS, reserveStable: HEDGE_POOL_COINS * spot, fee: 0 },
    },
    paths, seed: HEDGE_SEED,
  };
}

function histogram(samples: Float64Array[]): { edges: number[]; counts: number[][] } {
  let lo = Infinity, hi = -Infinity;
  for (const s of samples) for (const v of s) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!(hi > lo)) return { edges: [], counts: samples.map(() => []) };
  const w = (hi - lo) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => lo + k * w);
  const counts = samples.map((s) => {
    const c = new Array<number>(HISTOGRAM_BINS).fill(0);
    for (const v of s) if (Number.isFinite(v)) c[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - lo) / w))]! += 1;
    return c;
  });
  return { edges, counts };
}

/**
 * Runs section 7 (the library must be initialised): a short ATM call (strike = spot) on 1 coin, hedged with
 * BSM deltas at `vol`, spot following GBM at the same `vol` (so the P&L is the cost of discrete hedging).
 * @param spot USD; @param vol the ATM IV near 30 days; @returns null when the simulator rejects the inputs.
 */
export async function hedgingSection(currency: string, spot: number, vol: number, volSource: string,
  opts: HedgingOptions = {}): Promise<HedgingSection | null> {
  const paths = opts.paths ?? HEDGE_PATHS;
  if (!(spot > 0) || !(vol > 0)) return null;
  const rows: HedgeRow[] = [];
  const pnl: Float64Array[] = [];
  let premium = Number.NaN;
  try {
    for (const rule of HEDGE_RULES) {
      const cb = opts.progress?.(`hedge ${rule.label}`);
      const r = await simulateHedge(hedgeSpec(spot, vol, rule.rebalance, paths), cb ? { onProgress: (p) => cb(p) } : {});
      premium = r.premium;
      pnl.push(r.outcomes.pnl);
      rows.push({
        key: rule.key, label: rule.label, rebalance: rule.rebalance, meanPnl: r.pnl.mean, standardError: r.pnl.standardError,
        sd: r.pnl.sd, valueAtRisk95: r.pnl.valueAtRisk95, expectedShortfall95: r.pnl.expectedShortfall95, costs: r.costs,
        trades: r.trades, turnover: r.turnover, unfilledPaths: r.unfilledPaths, hash: r.manifest.hash,
      });
    }
  } catch (err) {
    if (err instanceof TailguardError) return null;
    throw err;
  }
  const spec = hedgeSpec(spot, vol, HEDGE_RULES[0]!.rebalance, paths);
  return {
    currency, spot, strike: spot, vol, volSource, days: HEDGE_DAYS, steps: spec.steps, paths, seed: HEDGE_SEED, premium,
    feeBps: HEDGE_FEE_BPS, gasUsd: HEDGE_GAS_USD, venue: spec.costs.venue, rows, histogram: histogram(pnl),
  };
}

/** Section 7 as text lines (≤ 100 columns). */
export function renderHedging(h: HedgingSection | null, ccy: string): string[] {
  const out = [`7. Hedging a short ${HEDGE_DAYS}-day ATM call on 1 ${ccy}: daily vs hourly vs band, with fees, slippage and gas`, ''];
  if (h === null) return [...out, '  n/a: no ATM vol near 30 days, or inputs outside the simulator\'s ranges'];
  out.push(...wrapText(`Sold 1 call struck at spot ${grouped(h.spot, 2)} USD for ${grouped(h.premium, 2)} USD (BSM, r = 0, ` +
    `vol ${percent(h.vol, 1)} = ${h.volSource}); delta-hedged with BSM deltas at that vol while spot follows GBM at the ` +
    `same vol, ${grouped(h.paths)} paths (seed ${h.seed}, the same for all three), ${h.steps} hourly steps. Every hedge ` +
    `trade (the initial one included) pays a fee of ${h.feeBps} bps of notional, the price impact of a constant-product ` +
    `${ccy}/USD pool of ${grouped(h.venue.reserveRisky)} ${ccy} a side (about ${grouped(h.venue.reserveStable / 1e6)} M USD; ` +
    're-centred on the market before each trade, its curve fee-free so the fee is counted once) and ' +
    `${h.gasUsd} USD of gas. Band: Whalley-Wilmott, risk aversion ${BAND_RISK_AVERSION} per USD, checked hourly. ` +
    'P&L at expiry per path, USD, gains positive; CVaR95 = mean loss in the worst 5% of paths.', 100, 2));
  const cols: Column[] = [
    { header: 'rebalancing' }, { header: 'mean P&L', align: 'right' }, { header: '+-SE', align: 'right' },
    { header: 'SD', align: 'right' }, { header: 'CVaR95', align: 'right' }, { header: 'fees', align: 'right' },
    { header: 'slippage', align: 'right' }, { header: 'gas', align: 'right' }, { header: 'trades', align: 'right' },
  ];
  const usd = (x: number) => numCell(x, { digits: 0, group: true, significant: true });
  out.push(...table(cols, h.rows.map((r) => [
    r.label, usd(r.meanPnl), numCell(r.standardError, { digits: 0 }), usd(r.sd), usd(r.expectedShortfall95),
    usd(r.costs.fees), usd(r.costs.slippage), usd(r.costs.gas), numCell(r.trades, { digits: 1 }),
  ]), 2));
  const unfilled = h.rows.filter((r) => r.unfilledPaths > 0);
  if (unfilled.length > 0) {
    out.push(...wrapText(`Paths the pool could not fill (left out): ${unfilled.map((r) => `${r.label} ${r.unfilledPaths}`).join(', ')}.`, 100, 2));
  }
  out.push(...wrapText('fees, slippage, gas: mean cost per path; trades: mean per path. The mean P&L of a frictionless ' +
    `hedge is 0 (the premium is the BSM price at the simulated vol): what it loses here is the costs, what its SD ` +
    `shows is the discreteness. Mean turnover per path: ${h.rows.map((r) => `${r.label} ${grouped(r.turnover)} USD`).join(', ')}.`, 100, 2));
  return out;
}
