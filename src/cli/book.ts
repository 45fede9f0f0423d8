/**
 * Sanity of the quoted book: rows whose bid is above their ask (a crossed book) are kept, since the
 * report prices marks, but are counted and named so that a reader can judge the quotes.
 */
import type { OptionChain } from './snapshot.js';

/** How many rows to name in {@link CrossedBooks.rows}. */
const EXAMPLES = 5;

/** One row quoted with bid > ask, prices in coin. */
export interface CrossedRow {
  instrument: string;
  row: number;
  bid: number;
  ask: number;
}

/** The rows of a chain with bid > ask: how many, and the first few in file order. */
export interface CrossedBooks {
  count: number;
  rows: CrossedRow[];
}

/**
 * Finds the options quoted with a bid above the ask (both present).
 * @param chain one currency's options.
 * @returns the count and up to 5 of them; the rows stay in the chain (only the ask is used, as a price).
 */
export function crossedBooks(chain: OptionChain): CrossedBooks {
  const rows: CrossedRow[] = [];
  let count = 0;
  for (let i = 0; i < chain.n; i++) {
    const bid = chain.bid[i]!;
    const ask = chain.ask[i]!;
    if (!(bid > ask)) continue; // false when either is NaN (no quote)
    count++;
    if (rows.length < EXAMPLES) rows.push({ instrument: chain.instrument[i]!, row: chain.row[i]!, bid, ask });
  }
  return { count, rows };
}
