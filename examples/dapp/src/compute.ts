/**
 * What the dApp computes, with no DOM: the page (main.ts) renders these results and the real-browser
 * test (test/dapp/) runs the same functions in Node to check that the page's numbers are the same bits.
 *
 * Imports the BUILT library (dist/, as an installed `tailguard` would be) and the report's pure modules
 * (dist/cli/: the snapshot and loan-book parsers, recomputed IVs, smiles, the protection table and the
 * cascade loans of the Euler book), so the page shows exactly what `tailguard report` computes.
 * Conventions (those of the report, README "The main job"): Deribit inverse options, USD price = mark ×
 * F, Black-76 on the expiry's forward F with r = 0, T = days / 365 from the row's timestamp.
 */
import {
  type Account, type CascadeMonteCarloSpec, type CascadeResult, type HedgeSpec, type LiquidationPriceResult,
  type MonteCarloSpec, type OptimizeProtectionInput, type PreparedCascadeBook, type ProtectionPoint, Status, black76, black76Batch,
  healthFactor, liquidationPrice, liquidationProbability, optimizeProtection, prepareCascadeBook, simulateCascade, thetaPerDay,
  vegaPerVolPoint, yearsFromDays,
} from '../../../dist/index.js';
import { type ChainIv, solveChain } from '../../../dist/cli/chainIv.js';
import { parseCandles } from '../../../dist/cli/candles.js';
import { DEFAULT_CASCADE, cascadeLoans, openOnDay } from '../../../dist/cli/lending.js';
import { type LoanBook, parseLoanBook } from '../../../dist/cli/loanBook.js';
import { type Protection, type ProtectionRow, protectionTable } from '../../../dist/cli/protection.js';
import { type ExpirySmile, buildSmiles } from '../../../dist/cli/smile.js';
import { type OptionChain, parseSnapshot, selectCurrency } from '../../../dist/cli/snapshot.js';
import { median } from '../../../dist/cli/stats.js';

export { parseSnapshot, type OptionChain };

/** The shipped files the page fetches (paths from the repository root; data/README.md has their provenance). */
export const SHIPPED = {
  snapshot: 'data/deribit/deribit_options_snapshot_20251231T091828Z.csv',
  accounts: 'data/loanbook/euler_v1_accounts_20221030.csv',
  markets: 'data/loanbook/euler_v1_account_markets_20221030.csv',
  ethDaily: 'data/ohlc/ETHUSDT_1d.csv',
} as const;

/** The loan book's snapshot day (UTC midnight): ETH/USD is that day's Binance open (as the report). */
export const LOAN_BOOK_DAY_MS = Date.UTC(2022, 9, 30);

/** Fixed seeds of the page's Monte Carlo runs (the test re-runs them in Node). */
export const SEEDS = { protection: 20251231, cascade: 20221030, hedge: 7 } as const;

/** Greeks of every option at its recomputed IV (Black-76 on F, r = 0): USD per 1 coin, trader units. */
export interface ChainGreeks {
  /** Black-76 price at the recomputed IV, USD (equals the mark × F to the solver's accuracy). */
  price: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  /** USD per vol point (0.01). */
  vegaPerVolPt: Float64Array;
  /** USD per calendar day. */
  thetaPerDay: Float64Array;
  status: Uint8Array;
}

/** One currency of a snapshot, priced. */
export interface Market {
  currency: string;
  chain: OptionChain;
  solved: ChainIv;
  greeks: ChainGreeks;
  smiles: ExpirySmile[];
  protection: Protection;
  /** Median index price, USD. */
  spot: number;
}

/** Currencies present in a parsed snapshot, sorted. */
export function currencies(all: OptionChain): string[] {
  return [...new Set(all.currency)].sort();
}

/**
 * Recomputes the IVs of one currency's options (one `impliedVolBatch` call), their Greeks (one
 * `black76Batch` call), the smiles with the ATM term structure and the protection table.
 * @throws SnapshotError when the snapshot has no option of `currency`; WasmInitError before `init()`.
 */
export function priceMarket(all: OptionChain, currency: string): Market {
  const chain = selectCurrency(all, currency);
  const solved = solveChain(chain);
  const b = black76Batch({
    isCall: chain.isCall, forwards: chain.forward, strikes: chain.strike, expiriesYears: solved.expiryYears,
    vols: solved.vol, rates: 0,
  });
  const n = chain.n;
  const greeks: ChainGreeks = {
    price: b.price, delta: b.delta, gamma: b.gamma,
    // the unit helpers reject NaN (an option whose IV did not solve): keep it NaN in the column
    vegaPerVolPt: Float64Array.from({ length: n }, (_, i) => (Number.isFinite(b.vega[i]!) ? vegaPerVolPoint(b.vega[i]!) : Number.NaN)),
    thetaPerDay: Float64Array.from({ length: n }, (_, i) => (Number.isFinite(b.theta[i]!) ? thetaPerDay(b.theta[i]!) : Number.NaN)),
    status: b.status,
  };
  const protection = protectionTable(chain, solved);
  return { currency: currency.toUpperCase(), chain, solved, greeks, smiles: buildSmiles(chain, solved), protection, spot: protection.spot };
}

/** The smile of the expiry nearest `days` with an ATM IV (null when none has one). */
export function smileNear(market: Market, days: number): ExpirySmile | null {
  const usable = market.smiles.filter((s) => s.days > 0 && Number.isFinite(s.atmIv));
  if (usable.length === 0) return null;
  return usable.reduce((best, s) => (Math.abs(s.days - days) < Math.abs(best.days - days) ? s : best));
}

/** The protection row the page prices by Monte Carlo: the put nearest 30 days and 90 % of spot. */
export function protectionPick(market: Market): ProtectionRow | null {
  const rows = market.protection.rows.filter((r) => r.targetDays.includes(30) && Number.isFinite(r.iv) && r.iv > 0);
  if (rows.length === 0) return null;
  return rows.reduce((best, r) => (Math.abs(r.moneyness - 0.9) < Math.abs(best.moneyness - 0.9) ? r : best));
}

/**
 * The Monte Carlo of the protection panel: that put under GBM on its forward at its recomputed IV, r = 0,
 * antithetic, fixed seed; and its Black-76 price, which the estimate must straddle within a few SE.
 */
export function protectionMcSpec(row: ProtectionRow, paths: number): { spec: MonteCarloSpec; closedForm: number } {
  const expiryYears = yearsFromDays(row.days);
  const spec: MonteCarloSpec = {
    model: { type: 'gbm', spot: row.forward, vol: row.iv, rate: 0 },
    payoff: { type: 'european', optionType: 'put', strike: row.strike },
    expiryYears, paths, seed: SEEDS.protection, antithetic: true,
  };
  const closedForm = black76({ type: 'put', forward: row.forward, strike: row.strike, expiryYears, vol: row.iv, rate: 0 }).price;
  return { spec, closedForm };
}

/**
 * The protection frontier's input (src/strategies optimizeProtection): 1 coin held, the listed puts
 * (and calls, for collars) of the expiry nearest 30 days at their ask/bid in USD (coin × F), simulated
 * under GBM at that expiry's ATM IV with the fixed seed. Null without a usable expiry.
 */
export function frontierInput(market: Market, paths: number): OptimizeProtectionInput | null {
  const smile = smileNear(market, 30);
  if (!smile) return null;
  const { chain } = market;
  const instruments: OptimizeProtectionInput['instruments'] = [];
  for (let i = 0; i < chain.n; i++) {
    if (Math.abs(market.solved.days[i]! - smile.days) > 1e-9) continue;
    const F = chain.forward[i]!;
    const K = chain.strike[i]!;
    if (K < 0.6 * market.spot || K > 1.4 * market.spot) continue; // the strikes a holder would consider
    instruments.push({
      name: chain.instrument[i]!, type: chain.isCall[i] === 1 ? 'call' : 'put', strike: K,
      askPremium: chain.ask[i]! * F, bidPremium: chain.bid[i]! * F,
    });
  }
  return {
    holding: { quantity: 1, spot: market.spot }, expiryYears: yearsFromDays(smile.days), instruments,
    forward: smile.forward, budget: 0.05 * market.spot, objective: 'cvar',
    simulation: { vol: smile.atmIv, paths, seed: SEEDS.protection },
  } as OptimizeProtectionInput;
}

/** One package of the frontier as the page shows it (signed quantities, premium per unit, USD). */
export interface FrontierPoint {
  kind: ProtectionPoint['kind'];
  legs: { name: string; quantity: number; premium: number }[];
  cost: number;
  expectedShortfall: number;
}

/** The frontier's figures (plain data: what the frontier worker sends back). */
export interface FrontierResult {
  candidates: number;
  paths: number;
  unhedged: FrontierPoint;
  best: FrontierPoint | null;
  frontier: FrontierPoint[];
}

const frontierPoint = (p: ProtectionPoint): FrontierPoint => ({
  kind: p.kind, cost: p.cost, expectedShortfall: p.expectedShortfall,
  legs: p.instruments.map((l) => ({ name: l.name, quantity: l.quantity, premium: l.premium })),
});

/** `optimizeProtection` reduced to {@link FrontierResult} (the page runs it in frontier.worker.ts). */
export function frontier(input: OptimizeProtectionInput): FrontierResult {
  const r = optimizeProtection(input);
  return {
    candidates: r.candidates, paths: r.paths, unhedged: frontierPoint(r.unhedged), best: r.best ? frontierPoint(r.best) : null,
    frontier: r.frontier.map(frontierPoint),
  };
}

/** A loan the user enters: ETH collateral, USD debt, liquidation threshold; priced at `ethUsd` and `vol`. */
export interface LoanInput {
  collateralEth: number;
  debtUsd: number;
  /** Fraction, e.g. 0.83 (Aave v3 WETH). */
  liquidationThreshold: number;
  ethUsd: number;
  /** Annualised ETH vol (decimal). */
  vol: number;
  /** Horizon of P(liquidation), calendar days. */
  days: number;
}

/** What the lending panel shows. */
export interface LoanMetrics {
  healthFactor: number;
  liquidationPrice: LiquidationPriceResult;
  /** P(HF ≤ 1 at some time within `days`), GBM first passage, zero drift. */
  probability: number;
  distanceToLiquidation: number;
}

/**
 * HF, liquidation price and P(liquidation within `days`) of a single-collateral loan.
 * @throws InvalidInputError naming the field (e.g. `collaterals[0].amount`) for a bad entry.
 */
export function loanMetrics(loan: LoanInput): LoanMetrics {
  const account: Account = {
    collaterals: [{ symbol: 'ETH', amount: loan.collateralEth, price: loan.ethUsd, liquidationThreshold: loan.liquidationThreshold }],
    debts: [{ symbol: 'USD', amount: loan.debtUsd, price: 1 }],
  };
  const hf = healthFactor(account);
  const p = liquidationProbability({ healthFactor: hf, vol: loan.vol, horizonYears: yearsFromDays(loan.days) });
  return { healthFactor: hf, liquidationPrice: liquidationPrice(account, 'ETH'), probability: p.probability, distanceToLiquidation: p.distanceToLiquidation };
}

/** The shipped Euler v1 book prepared for cascades, with ETH/USD on its day (as the report's lending section). */
export interface CascadeBook {
  book: LoanBook;
  ethUsd: number;
  prepared: PreparedCascadeBook;
  positions: number;
}

/** Parses the loan book and the ETH daily candles and prepares the cascade book (report defaults: 5 % bonus). */
export function loadCascadeBook(accountsText: string, marketsText: string, ethDailyText: string): CascadeBook {
  const book = parseLoanBook(accountsText, marketsText, SHIPPED.accounts, SHIPPED.markets);
  const ethUsd = openOnDay(parseCandles(ethDailyText, SHIPPED.ethDaily), LOAN_BOOK_DAY_MS);
  const loans = cascadeLoans(book, ethUsd);
  const prepared = prepareCascadeBook({ ...loans, liquidationBonus: DEFAULT_CASCADE.liquidationBonus });
  return { book, ethUsd, prepared, positions: loans.collateral.length };
}

/** The report's stated venue: a 20,000 ETH constant-product pool at the book's price, 0.3 % fee. */
function venue(ethUsd: number) {
  return { type: 'constantProduct' as const, reserveRisky: DEFAULT_CASCADE.venueEth, reserveStable: DEFAULT_CASCADE.venueEth * ethUsd, fee: DEFAULT_CASCADE.fee };
}

/** One cascade of the book after an instantaneous ETH fall `drop` (fraction), with per-round columns. */
export function cascadeOnce(book: CascadeBook, drop: number): CascadeResult {
  return simulateCascade(book.prepared, { venue: venue(book.ethUsd), shock: { drop }, gasUsd: DEFAULT_CASCADE.gasUsd, positions: false });
}

/** Cascade Monte Carlo over `days` daily GBM moves at `vol` (each move followed by its cascade). */
export function cascadeMcSpec(book: CascadeBook, vol: number, days: number, paths: number): CascadeMonteCarloSpec {
  return {
    book: book.prepared, venue: venue(book.ethUsd), gasUsd: DEFAULT_CASCADE.gasUsd,
    model: { type: 'gbm', vol }, horizonYears: yearsFromDays(days), steps: days, paths, seed: SEEDS.cascade,
  };
}

/**
 * The hedge-cost panel: a short ATM call on 1 coin at the expiry nearest 30 days, delta-hedged daily at
 * its ATM IV under GBM at the same vol, paying `feeBps` on each trade. Null without a usable expiry.
 */
export function hedgeSpec(market: Market, paths: number, feeBps: number): HedgeSpec | null {
  const smile = smileNear(market, 30);
  if (!smile) return null;
  return {
    option: { type: 'call', strike: smile.atmStrike, expiryYears: yearsFromDays(smile.days), position: 'short' },
    spot: smile.forward, rate: 0, hedgeVol: smile.atmIv, model: { type: 'gbm', vol: smile.atmIv },
    steps: Math.max(1, Math.round(smile.days)), rebalance: { type: 'interval', every: 1 },
    costs: { feeBps }, paths, seed: SEEDS.hedge,
  };
}

/** Spot of a market's ETH options (median index) and the ~30-day ATM IV: the lending panel's defaults. */
export function ethDefaults(market: Market | null): { ethUsd: number; vol: number } | null {
  if (!market) return null;
  const smile = smileNear(market, 30);
  return smile ? { ethUsd: market.spot, vol: smile.atmIv } : null;
}

/** Median of a column (re-exported for the page's summary line). */
export { median };

/** Whether a status is OK (for the table's formatting). */
export const isOk = (status: number): boolean => status === Status.OK;
