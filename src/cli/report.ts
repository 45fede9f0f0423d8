/**
 * The `tailguard report` content as one plain object (what `--json` prints, the text renderer and the
 * HTML page read): snapshot facts, the IV check, smiles with the ATM term structure, the protection table,
 * exotic protection, lending, and the loss-minimisation sections 6-9 (menu.ts, hedging.ts, realized.ts,
 * portfolio.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type CrossedBooks, crossedBooks } from './book.js';
import { solveChain } from './chainIv.js';
import { type ExoticOptions, type ExoticProtection, exoticProtection } from './exotic.js';
import { type IvCheckResult, ivCheck } from './ivCheck.js';
import { loadCandles } from './candles.js';
import { type LendingSection, lendingSection, openOnDay } from './lending.js';
import { loadLoanBook } from './loanBook.js';
import { DEFAULT_LOAN_BOOK, ETH_DAILY, LOAN_BOOK_DAY_MS } from './paths.js';
import { type Protection, protectionTable } from './protection.js';
import { type ExpirySmile, buildSmiles } from './smile.js';
import { type OptionChain, selectCurrency } from './snapshot.js';
import { isoSeconds } from './time.js';
import { type HedgingSection, hedgingSection } from './hedging.js';
import { type MenuSection, chainSpot, menuSection } from './menu.js';
import { type PortfolioSection, portfolioSection } from './portfolio.js';
import { type RealizedSection, nearestAtm, realizedSection } from './realized.js';
import { DEFAULT_CASCADE } from './lending.js';
import type { LoanBook } from './loanBook.js';

/** The acceptance threshold of the IV check: median |ΔIV| at most this many vol points. */
export const ACCEPT_MEDIAN_VOL_PTS = 0.01;

/** Everything the report shows. Units: USD, coin, decimals for vols, vol points where named `…VolPts`. */
export interface Report {
  snapshot: {
    /** The CSV as given (or the shipped default's path). */
    file: string;
    sha256: string;
    currency: string;
    /** Rows in the file (all currencies) and options of `currency`. */
    rowsInFile: number;
    options: number;
    /** Earliest `timestamp` of the currency's rows (ISO, UTC): when the collector run started. */
    timestamp: string;
    /** Median `index_price` of the currency's rows, USD. */
    spot: number;
    /** Rows of the currency quoted with bid > ask (kept; only the ask is used, as a price). */
    crossedBooks: CrossedBooks;
  };
  conventions: Record<string, string>;
  ivCheck: IvCheckResult & { acceptMedianVolPts: number; pass: boolean };
  smiles: ExpirySmile[];
  protection: Protection;
  /** Exotic protection at ~30 days (null when the chain has no suitable expiry). */
  exotic: ExoticProtection | null;
  /** The lending section on the shipped Euler v1 book (P(liquidation) at the snapshot's ETH vol, if it has ETH options). */
  lending: LendingSection;
  /** Section 6: the protection menu's frontier for the holder, and a sample borrower's remedies. */
  menu: MenuSection;
  /** Section 7: hedging a short 30-day ATM call under fees, slippage and gas (null without an ATM vol). */
  hedging: HedgingSection | null;
  /** Section 8: realised vs implied vol and the vol cone (null without candles or ATM vol). */
  realized: RealizedSection | null;
  /** Section 9: the sample portfolio's Greeks, scenario grid, VaR and stress days. */
  portfolio: PortfolioSection | null;
}

/** Options of {@link buildReport}: the exotic section's, plus path counts of sections 6 and 7. */
export interface ReportOptions extends ExoticOptions {
  /** Paths of the protection menu (default 20,000). */
  menuPaths?: number;
  /** Paths per hedging strategy (default 2,000). */
  hedgePaths?: number;
}

/** Days of the ATM vol that sections 7-9 use (the expiry nearest it). */
export const ATM_DAYS = 30;

/**
 * Computes the report for one currency of a loaded snapshot (the library must be initialised).
 * @param all the whole file ({@link loadSnapshot})
 * @param currency e.g. 'BTC'.
 * @param exotic Monte Carlo settings and progress of the exotic section.
 * @throws SnapshotError when the file has no option of that currency.
 */
export async function buildReport(all: OptionChain, currency: string, exotic: ReportOptions = {}): Promise<Report> {
  const chain = selectCurrency(all, currency);
  const solved = solveChain(chain);
  const check = ivCheck(chain, solved);
  const protection = protectionTable(chain, solved);
  const ccy = currency.toUpperCase();
  const smiles = buildSmiles(chain, solved);
  const exoticSection = await exoticProtection(chain, solved, protection.spot, exotic);
  const { section: lendingPart, book, ethSpot } = lending(all);
  const pLiq = lendingPart.pLiq;
  const menu = menuSection(chain, ccy, {
    book, bookEthUsd: lendingPart.ethUsd, liquidationBonus: DEFAULT_CASCADE.liquidationBonus,
    eth: pLiq === null || ethSpot === null ? null : { spot: ethSpot, vol: pLiq.vol, expiry: pLiq.expiryLabel },
  }, exotic.menuPaths === undefined ? {} : { paths: exotic.menuPaths });
  const atm = nearestAtm(smiles, ATM_DAYS);
  const asOfMs = Math.min(...chain.timestampMs);
  const atmVol = atm?.atmIv ?? Number.NaN;
  const volSource = atm === null ? 'n/a' : `the ATM IV of ${atm.label}`;
  const hedging = await hedgingSection(ccy, protection.spot, atmVol, volSource, {
    ...(exotic.hedgePaths === undefined ? {} : { paths: exotic.hedgePaths }), ...(exotic.progress ? { progress: exotic.progress } : {}),
  });
  const realized = realizedSection(ccy, asOfMs, atm);
  const portfolio = portfolioSection(chain, ccy, protection.spot, atmVol, asOfMs, menu.menu?.best ?? null);
  return {
    snapshot: {
      file: all.file,
      sha256: createHash('sha256').update(readFileSync(all.file)).digest('hex'),
      currency: ccy,
      rowsInFile: all.n,
      options: chain.n,
      timestamp: isoSeconds(Math.min(...chain.timestampMs)),
      spot: protection.spot,
      crossedBooks: crossedBooks(chain),
    },
    conventions: {
      model: 'Black-76 on the expiry forward F (the row\'s underlying), r = 0',
      price: `USD price = mark_price (${ccy}) x F`,
      time: 'T = (expiry 08:00 UTC - row timestamp) in days / 365 (ACT/365)',
      volPoint: '1 vol point = 0.01 of vol',
      greeks: `USD Greeks per 1 ${ccy} of underlying; vega per vol point, theta per calendar day`,
    },
    ivCheck: { ...check, acceptMedianVolPts: ACCEPT_MEDIAN_VOL_PTS, pass: check.medianAbsVolPts <= ACCEPT_MEDIAN_VOL_PTS },
    smiles,
    protection,
    exotic: exoticSection,
    lending: lendingPart,
    menu, hedging, realized, portfolio,
  };
}

/** The lending section: the shipped loan book, ETH/USD on its day, and the snapshot's ETH options if any. */
function lending(all: OptionChain): { section: LendingSection; book: LoanBook; ethSpot: number | null } {
  const book = loadLoanBook(DEFAULT_LOAN_BOOK);
  const ethUsd = openOnDay(loadCandles(ETH_DAILY), LOAN_BOOK_DAY_MS);
  let eth = null;
  if (all.currency.includes('ETH')) {
    const chain = selectCurrency(all, 'ETH');
    eth = { chain, solved: solveChain(chain) };
  }
  return { section: lendingSection(book, ethUsd, eth), book, ethSpot: eth === null ? null : chainSpot(eth.chain) };
}
