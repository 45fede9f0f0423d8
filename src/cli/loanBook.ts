/**
 * Loading the shipped Euler v1 borrower book (data/loanbook/, one snapshot of 2022-10-30) as lending
 * accounts exposed to the ETH/USD price.
 *
 * The source gives, per (account, market), Euler's risk-adjusted collateral and liability values in
 * ETH (collateral = collateral factor × value, liability = value / borrow factor; data/loanbook/README.md);
 * the account's health score = Σ collateral / Σ liability, liquidatable below 1. Both values of a market
 * are linear in that market's price, so each account becomes a two-asset lending account in units of
 * "ETH at the snapshot's price": an `ETH` leg (the ETH-like markets: WETH, stETH, wstETH, rETH, cbETH,
 * whose USD prices moved with ETH/USD within a few percent in 2022) and an `OTHER` leg (every other
 * market, fixed in USD), liquidation threshold 1 because the values are already risk-adjusted. The
 * `ETH` price is then the ETH/USD move factor (1 = the snapshot), and the library's `healthFactor` and
 * `liquidationPrice` give, exactly, the score after a move and the move that liquidates the account.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Account } from '../index.js';

/** Tokens whose USD price is taken to move one for one with ETH/USD. */
export const ETH_LIKE: ReadonlySet<string> = new Set(['WETH', 'stETH', 'wstETH', 'rETH', 'cbETH']);

/**
 * Euler v1 collateral factors of the ETH-like tokens (docs-v1.euler.finance, "Risk Factors", Table 1:
 * WETH 0.88, stETH 0.87, wstETH 0.85); rETH and cbETH are not listed there and take the lowest, 0.85
 * (an assumption). They turn risk-adjusted collateral back into token value for the cascades.
 */
export const ETH_COLLATERAL_FACTORS: Readonly<Record<string, number>> = { WETH: 0.88, stETH: 0.87, wstETH: 0.85, rETH: 0.85, cbETH: 0.85 };

/** Flag of the account the source README calls an oracle artefact (a 222,749.5 ETH FLX liability on 0.66 ETH). */
export const EXCLUDED_FLAG = 'flx_liability_outlier';

/** One borrower of the book. */
export interface LoanAccount {
  borrower: string;
  /** Health score given by the source (Σ collateral / Σ liability, 1e-6 resolution). */
  healthScore: number;
  /** Risk-adjusted values in ETH: collaterals `ETH`, `OTHER` and debts `ETH`, `OTHER`, all at price 1. */
  account: Account;
  /** Value of the ETH-like collateral in ETH (risk-adjusted value / collateral factor, {@link ETH_COLLATERAL_FACTORS}). */
  ethCollateralValue: number;
  /** Symbol of the account's largest liability (token address when the source has no symbol). */
  largestLiability: string;
}

/** The book: accounts in file order (the flagged outlier removed) and what was left out. */
export interface LoanBook {
  file: string;
  accounts: LoanAccount[];
  /** Borrowers removed (flag `flx_liability_outlier`). */
  excluded: string[];
}

type Row = Record<string, string>;

const parseRows = (text: string): Row[] => parse(text, { columns: true, skip_empty_lines: true }) as Row[];

const amount = (s: string | undefined, where: string): number => {
  const v = Number(s);
  if (s === undefined || s.trim() === '' || !Number.isFinite(v) || v < 0) {
    throw new Error(`loan book: ${where} (${JSON.stringify(s ?? '')}) must be a number >= 0`);
  }
  return v;
};

/**
 * Reads the accounts file and its per-market companion in the same folder (`euler_v1_account_markets_…`).
 * @param accountsFile path of `euler_v1_accounts_20221030.csv`.
 * @throws Error naming the file, row and column of the first malformed value, or a market row whose
 *   borrower is not in the accounts file.
 */
export function loadLoanBook(accountsFile: string): LoanBook {
  const marketsFile = accountsFile.replace('euler_v1_accounts_', 'euler_v1_account_markets_');
  return parseLoanBook(readFileSync(accountsFile, 'utf8'), readFileSync(marketsFile, 'utf8'), accountsFile, marketsFile);
}

/**
 * The same book from the two CSV texts already in memory (a browser's fetched files), as {@link loadLoanBook}.
 * @param accountsText `euler_v1_accounts_…` CSV; @param marketsText `euler_v1_account_markets_…` CSV;
 * @param accountsFile, marketsFile the names the messages use.
 * @throws Error as {@link loadLoanBook}.
 */
export function parseLoanBook(accountsText: string, marketsText: string, accountsFile: string, marketsFile: string): LoanBook {
  const byBorrower = new Map<string, LoanAccount>();
  const excluded = new Set<string>();
  parseRows(accountsText).forEach((r, i) => {
    const borrower = r.borrower ?? '';
    if ((r.flag ?? '').split(';').includes(EXCLUDED_FLAG)) { excluded.add(borrower); return; }
    byBorrower.set(borrower, {
      borrower,
      healthScore: amount(r.health_score, `${accountsFile} row ${i + 1} health_score`),
      account: {
        collaterals: [
          { symbol: 'ETH', amount: 0, price: 1, liquidationThreshold: 1 },
          { symbol: 'OTHER', amount: 0, price: 1, liquidationThreshold: 1 },
        ],
        debts: [{ symbol: 'ETH', amount: 0, price: 1 }, { symbol: 'OTHER', amount: 0, price: 1 }],
      },
      ethCollateralValue: 0,
      largestLiability: r.largest_liability ?? '',
    });
  });
  parseRows(marketsText).forEach((r, i) => {
    const borrower = r.borrower ?? '';
    if (excluded.has(borrower)) return;
    const loan = byBorrower.get(borrower);
    if (!loan) throw new Error(`loan book: ${marketsFile} row ${i + 1}: borrower ${borrower} is not in ${accountsFile}`);
    const symbol = r.symbol ?? '';
    const leg = ETH_LIKE.has(symbol) ? 0 : 1;
    const collateral = amount(r.risk_adj_collateral_eth, `${marketsFile} row ${i + 1} risk_adj_collateral_eth`);
    loan.account.collaterals[leg]!.amount += collateral;
    if (leg === 0) loan.ethCollateralValue += collateral / ETH_COLLATERAL_FACTORS[symbol]!;
    loan.account.debts[leg]!.amount += amount(r.risk_adj_liability_eth, `${marketsFile} row ${i + 1} risk_adj_liability_eth`);
  });
  return { file: accountsFile, accounts: [...byBorrower.values()], excluded: [...excluded] };
}

/** The account with the ETH leg's price set to `move` (the ETH/USD move factor; 1 = the snapshot). */
export function atEthMove(a: Account, move: number): Account {
  return {
    collaterals: a.collaterals.map((c) => (c.symbol === 'ETH' ? { ...c, price: move } : c)),
    debts: a.debts.map((d) => (d.symbol === 'ETH' ? { ...d, price: move } : d)),
  };
}
