// Snapshot CSVs generated from the shipped 2025-12-31 file: subsets of its rows with some columns
// transformed (scaled prices, shifted dates), for the width and robustness tests.
import { readFileSync } from 'node:fs';
import { DEFAULT_SNAPSHOT } from '../../src/cli/paths.js';
import { writeCsv } from './fixtures.js';

const LINES = readFileSync(DEFAULT_SNAPSHOT, 'utf8').trim().split('\n');

/** The shipped file's header cells. */
export const SHIPPED_HEADER = LINES[0]!.split(',');

/** Number of data rows in the shipped file. */
export const SHIPPED_ROWS = LINES.length - 1;

/** A change to one row, given its cells (by column name); returns nothing, edits in place. */
export type RowEdit = (cell: Record<string, string>) => void;

/**
 * Writes a snapshot made of the shipped file's data rows `rows` (0-based), each edited by `edit`.
 * @returns the path of the new CSV (in a fresh temp directory).
 */
export function generatedSnapshot(rows: readonly number[], edit: RowEdit = () => {}): string {
  const out = [LINES[0]!];
  for (const r of rows) {
    const cells = LINES[r + 1]!.split(',');
    const rec: Record<string, string> = {};
    SHIPPED_HEADER.forEach((h, j) => { rec[h] = cells[j]!; });
    edit(rec);
    out.push(SHIPPED_HEADER.map((h) => rec[h]).join(','));
  }
  return writeCsv(`${out.join('\n')}\n`);
}

/** The first `n` data rows' indices. */
export const first = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** Multiplies the USD columns (strike, underlying, index price) by `k`: the same options in another unit. */
export const scaleUsd = (k: number): RowEdit => (c) => {
  for (const col of ['strike', 'underlying', 'index_price']) c[col] = String(Number(c[col]) * k);
};

/** Moves every expiry to the same day and month of `year`. */
export const expiryYear = (year: number): RowEdit => (c) => {
  c.expiry_datetime = c.expiry_datetime!.replace(/^\d{4}/, String(year));
};
