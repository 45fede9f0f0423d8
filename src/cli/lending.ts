/**
 * The report's lending section (issue #5 §6): the shipped Euler v1 book's health-score distribution,
 * the ETH/USD falls that liquidate its accounts, liquidation cascades of its ETH-collateral loans through
 * a stated venue under −10/−20/−30/−50 % ETH shocks, and P(liquidation within 30 days) at the snapshot's
 * ETH implied vol. Account model and its exactness: loanBook.ts. Cascade rules: Aave v3.0 (close factor
 * 50 %, 100 % at HF ≤ 0.95), PROTOCOLS.md §1; the liquidation bonus is an assumption (Euler v1's discount
 * was dynamic and is not in the data).
 */
import {
  type Account, type CascadeResult, atmImpliedVol, healthFactor, liquidationPrice, liquidationProbability,
  prepareCascadeBook, simulateCascade, yearsFromDays,
} from '../index.js';
import type { ChainIv } from './chainIv.js';
import type { CandleColumns } from './candles.js';
import { type LoanBook, atEthMove } from './loanBook.js';
import { groupByExpiry, nearestIndex } from './select.js';
import type { OptionChain } from './snapshot.js';
import { median, quantile } from './stats.js';
import { expiryLabel } from './time.js';

/** ETH/USD shocks of the section (fractions of the price). */
export const SHOCKS = [0.1, 0.2, 0.3, 0.5] as const;
/** Health-score bucket edges (those of data/loanbook/README.md's distribution). */
export const HF_EDGES = [1, 1.02, 1.05, 1.1, 1.2, 1.5, 2, 3, 5] as const;
/** Health factors of the P(liquidation) table (plus the book's median among ETH-exposed accounts). */
export const PLIQ_HEALTH_FACTORS = [1.05, 1.1, 1.25, 1.5, 2] as const;
/** Horizon of P(liquidation), calendar days. */
export const PLIQ_DAYS = 30;

/** Stated venue and liquidator assumptions of the cascades. */
export interface CascadeAssumptions {
  /** ETH reserve of the constant-product ETH/USD pool liquidators sell into (the USD side at the snapshot's price). */
  venueEth: number;
  /** Pool fee (fraction). */
  fee: number;
  /** Gas per liquidation, USD. */
  gasUsd: number;
  /** Liquidation bonus (fraction). */
  liquidationBonus: number;
}

/** Defaults: a 20,000 ETH pool (≈ $32M a side at $1,619.55), 0.3 % fee, $20 gas, 5 % bonus (Aave v3 WETH). */
export const DEFAULT_CASCADE: CascadeAssumptions = { venueEth: 20_000, fee: 0.003, gasUsd: 20, liquidationBonus: 0.05 };

/** One health-score bucket: [low, high). */
export interface HfBucket { low: number; high: number; accounts: number; liabilityShare: number }

/** One shock: accounts liquidatable at the shocked price (no feedback), and the cascade of the ETH-collateral loans. */
export interface ShockRow {
  drop: number;
  /** Accounts with HF < 1 after the ETH move alone, and their liability (ETH, risk-adjusted, at the snapshot's price). */
  liquidatableAccounts: number;
  liquidatableLiabilityEth: number;
  cascade: Pick<CascadeResult, 'rounds' | 'converged' | 'positionsLiquidated' | 'collateralSold' | 'debtRepaid' |
    'badDebt' | 'insolventDebt' | 'totalBadDebt' | 'finalPrice' | 'minPrice'>;
  /** Venue price right after the shock, before any liquidation, USD. */
  shockedPrice: number;
}

/** One row of the P(liquidation) table. */
export interface PLiqRow { label: string; healthFactor: number; probability: number; distanceToLiquidation: number }

/** Everything the section shows. */
export interface LendingSection {
  file: string;
  accounts: number;
  excluded: string[];
  /** ETH/USD at the book's snapshot: Binance ETHUSDT daily open of 2022-10-30 (data/ohlc). */
  ethUsd: number;
  collateralEth: number;
  liabilityEth: number;
  buckets: HfBucket[];
  /** Accounts by how an ETH move liquidates them (`liquidationPrice(account, 'ETH').side`). */
  sides: Record<'below' | 'above' | 'never' | 'always', number>;
  /** ETH falls that liquidate the 'below' accounts: quartiles of the fall, and liability-weighted median. */
  fallQuartiles: [number, number, number];
  fallLiabilityMedian: number;
  cascadeBook: {
    positions: number; collateralEth: number; debtUsd: number;
    /** Σ max(debt − collateral value, 0) at the snapshot's price, USD: debt already under water. */
    underwaterUsd: number;
    assumptions: CascadeAssumptions;
  };
  shocks: ShockRow[];
  /** Null when the snapshot has no ETH options near 30 days. */
  pLiq: { expiryLabel: string; days: number; vol: number; rows: PLiqRow[] } | null;
}

const liability = (a: Account): number => a.debts.reduce((s, d) => s + d.amount * d.price, 0);

/** ETH/USD open of the UTC day `dayMs` from daily candles. @throws Error when the day is not in the file. */
export function openOnDay(candles: CandleColumns, dayMs: number): number {
  const i = candles.openTime.indexOf(dayMs);
  if (i < 0) throw new Error(`${candles.file}: no bar opening at ${new Date(dayMs).toISOString()}`);
  return candles.open[i]!;
}

/** The book's single-collateral loans as cascade columns, with the borrower of each row. */
export interface CascadeLoans {
  borrowers: string[];
  /** ETH (token value). */
  collateral: Float64Array;
  /** USD. */
  debt: Float64Array;
  liquidationThreshold: Float64Array;
}

/**
 * The single-collateral loans of the book a cascade can take: accounts whose collateral is all ETH-like
 * and whose liabilities are all other assets. Collateral = its token value in ETH (risk-adjusted value /
 * collateral factor), debt = the risk-adjusted liability in USD at `ethUsd` (borrow factor taken as 1),
 * liquidation threshold = risk-adjusted / token value of the collateral, so that each loan's HF equals
 * its Euler health score exactly while seizures and insolvency are measured on the collateral's value.
 */
export function cascadeLoans(book: LoanBook, ethUsd: number): CascadeLoans {
  const pure = book.accounts.filter(({ account: a }) =>
    a.collaterals[1]!.amount === 0 && a.debts[0]!.amount === 0 && a.collaterals[0]!.amount > 0 && a.debts[1]!.amount > 0);
  return {
    borrowers: pure.map((l) => l.borrower),
    collateral: Float64Array.from(pure, (l) => l.ethCollateralValue),
    debt: Float64Array.from(pure, (l) => l.account.debts[1]!.amount * ethUsd),
    liquidationThreshold: Float64Array.from(pure, (l) => l.account.collaterals[0]!.amount / l.ethCollateralValue),
  };
}

/** ATM implied vol of the expiry nearest `days`, from recomputed IVs (null without a usable expiry). */
function ethAtmVol(chain: OptionChain, solved: ChainIv, days: number): { expiryLabel: string; days: number; vol: number } | null {
  const groups = groupByExpiry(chain).filter((g) => g.days > 0);
  const gi = nearestIndex(groups.map((g) => g.days), days);
  if (gi < 0) return null;
  const g = groups[gi]!;
  const ok = g.indices.filter((i) => solved.vol[i]! > 0 && Number.isFinite(solved.vol[i]!));
  try {
    const vol = atmImpliedVol({ strikes: ok.map((i) => chain.strike[i]!), vols: ok.map((i) => solved.vol[i]!), forward: g.forward });
    return { expiryLabel: expiryLabel(g.expiryMs), days: g.days, vol };
  } catch {
    return null; // the forward outside the listed strikes
  }
}

/**
 * Computes the section (the library must be initialised).
 * @param book the loan book ({@link loadLoanBook}); @param ethUsd ETH/USD at the book's snapshot.
 * @param eth the snapshot's ETH options with their recomputed IVs, or null (then `pLiq` is null).
 */
export function lendingSection(book: LoanBook, ethUsd: number, eth: { chain: OptionChain; solved: ChainIv } | null,
  assumptions: CascadeAssumptions = DEFAULT_CASCADE): LendingSection {
  const accounts = book.accounts;
  const hf = accounts.map((l) => healthFactor(l.account));
  const liab = accounts.map((l) => liability(l.account));
  const totalLiab = liab.reduce((a, b) => a + b, 0);
  const edges = [0, ...HF_EDGES, Infinity];
  const buckets = edges.slice(0, -1).map((low, k) => {
    const high = edges[k + 1]!;
    const idx = hf.map((h, i) => (h >= low && h < high ? i : -1)).filter((i) => i >= 0);
    return { low, high, accounts: idx.length, liabilityShare: idx.reduce((s, i) => s + liab[i]!, 0) / totalLiab };
  });

  const sides = { below: 0, above: 0, never: 0, always: 0 };
  const falls: { fall: number; liability: number }[] = [];
  const ethSide = accounts.map((l) => liquidationPrice(l.account, 'ETH'));
  ethSide.forEach((lp, i) => {
    sides[lp.side] += 1;
    if (lp.side === 'below') falls.push({ fall: 1 - lp.price, liability: liab[i]! });
  });
  const q = (p: number): number => quantile(falls.map((f) => f.fall), p);
  const byFall = [...falls].sort((a, b) => a.fall - b.fall);
  const half = byFall.reduce((s, f) => s + f.liability, 0) / 2;
  let acc = 0;
  const fallLiabilityMedian = byFall.find((f) => (acc += f.liability) >= half)?.fall ?? Number.NaN;

  const loans = cascadeLoans(book, ethUsd);
  const prepared = prepareCascadeBook({
    ...loans, liquidationBonus: assumptions.liquidationBonus,
  });
  const venue = { type: 'constantProduct' as const, reserveRisky: assumptions.venueEth, reserveStable: assumptions.venueEth * ethUsd, fee: assumptions.fee };
  const shocks = SHOCKS.map((drop): ShockRow => {
    const moved = accounts.map((l) => atEthMove(l.account, 1 - drop));
    const liq = moved.map((a, i) => (healthFactor(a) < 1 ? i : -1)).filter((i) => i >= 0);
    const r = simulateCascade(prepared, { venue, shock: { drop }, gasUsd: assumptions.gasUsd, positions: false });
    return {
      drop,
      liquidatableAccounts: liq.length,
      liquidatableLiabilityEth: liq.reduce((s, i) => s + liab[i]!, 0),
      shockedPrice: ethUsd * (1 - drop),
      cascade: {
        rounds: r.rounds, converged: r.converged, positionsLiquidated: r.positionsLiquidated, collateralSold: r.collateralSold,
        debtRepaid: r.debtRepaid, badDebt: r.badDebt, insolventDebt: r.insolventDebt, totalBadDebt: r.totalBadDebt,
        finalPrice: r.finalPrice, minPrice: r.minPrice,
      },
    };
  });

  let pLiq: LendingSection['pLiq'] = null;
  const atm = eth ? ethAtmVol(eth.chain, eth.solved, PLIQ_DAYS) : null;
  if (atm) {
    const medianHf = median(hf.filter((h, i) => ethSide[i]!.side === 'below' && h > 1));
    const row = (label: string, h: number): PLiqRow => {
      const r = liquidationProbability({ healthFactor: h, vol: atm.vol, horizonYears: yearsFromDays(PLIQ_DAYS) });
      return { label, healthFactor: h, probability: r.probability, distanceToLiquidation: r.distanceToLiquidation };
    };
    pLiq = {
      ...atm,
      rows: [...PLIQ_HEALTH_FACTORS.map((h) => row(`HF ${h}`, h)), row('book median (ETH-exposed, HF > 1)', medianHf)],
    };
  }

  return {
    file: book.file, accounts: accounts.length, excluded: book.excluded, ethUsd,
    collateralEth: accounts.reduce((s, l) => s + l.account.collaterals.reduce((t, c) => t + c.amount, 0), 0),
    liabilityEth: totalLiab,
    buckets, sides, fallQuartiles: [q(0.25), q(0.5), q(0.75)], fallLiabilityMedian,
    cascadeBook: {
      positions: loans.collateral.length,
      collateralEth: loans.collateral.reduce((a, b) => a + b, 0),
      debtUsd: loans.debt.reduce((a, b) => a + b, 0),
      underwaterUsd: loans.debt.reduce((sum, d, i) => sum + Math.max(d - loans.collateral[i]! * ethUsd, 0), 0),
      assumptions,
    },
    shocks, pLiq,
  };
}
