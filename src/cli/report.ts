/**
 * The `tailguard report` content as one plain object (what `--json` prints and the text renderer
 * reads): snapshot facts, the IV check, smiles with the ATM term structure, and the protection table.
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
}

/**
 * Computes the report for one currency of a loaded snapshot (the library must be initialised).
 * @param all the whole file ({@link loadSnapshot})
 * @param currency e.g. 'BTC'.
 * @param exotic Monte Carlo settings and progress of the exotic section.
 * @throws SnapshotError when the file has no option of that currency.
 */
export async function buildReport(all: OptionChain, currency: string, exotic: ExoticOptions = {}): Promise<Report> {
  const chain = selectCurrency(all, currency);
  const solved = solveChain(chain);
  const check = ivCheck(chain, solved);
  const protection = protectionTable(chain, solved);
  const ccy = currency.toUpperCase();
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
    smiles: buildSmiles(chain, solved),
    protection,
    exotic: await exoticProtection(chain, solved, protection.spot, exotic),
    lending: lending(all),
  };
}

/** The lending section: the shipped loan book, ETH/USD on its day, and the snapshot's ETH options if any. */
function lending(all: OptionChain): LendingSection {
  const book = loadLoanBook(DEFAULT_LOAN_BOOK);
  const ethUsd = openOnDay(loadCandles(ETH_DAILY), LOAN_BOOK_DAY_MS);
  let eth = null;
  if (all.currency.includes('ETH')) {
    const chain = selectCurrency(all, 'ETH');
    eth = { chain, solved: solveChain(chain) };
  }
  return lendingSection(book, ethUsd, eth);
}
