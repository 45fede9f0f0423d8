// Tiny snapshot CSVs for the CLI tests, written to a fresh temp directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The header of the shipped Deribit snapshots (data/README.md). */
export const HEADER =
  'timestamp,instrument_name,underlying,underlying_name,option_type,strike,expiry_datetime,time_to_maturity,' +
  'bid_price,ask_price,mark_price,mid_price,futures_price,futures_instrument_name,implied_volatility,delta,vega,' +
  'open_interest,volume,bid_ask_spread,currency,index_price,volume_usd';

/** Two real rows of the 2025-12-31 snapshot (lines 2 and 3 of the file). */
export const ROWS = [
  '2025-12-31T09:18:28.589807+00:00,BTC-3JAN26-88000-C,88535.51428571428,SYN.BTC-3JAN26,call,88000.0,' +
    '2026-01-03T08:00:00+00:00,0.008064346154111847,0.0155,0.0165,0.01611722,0.016,88535.51428571428,' +
    'SYN.BTC-3JAN26,0.3601,0.58048,31.08267,42.1,43.0,0.0010000000000000009,BTC,88482.42,51346.93',
  '2025-12-31T09:18:28.589807+00:00,BTC-16JAN26-82000-C,88696.00666666667,SYN.BTC-16JAN26,call,82000.0,' +
    '2026-01-16T08:00:00+00:00,0.04365640638682916,0.0545,0.118,0.0850143,0.08625,88696.00666666667,' +
    'SYN.BTC-16JAN26,0.4375,0.817,49.15144,0.3,0.0,0.0635,BTC,88482.42,0.0',
];

/** Writes `text` to a new temp directory and returns the file's path. */
export function writeCsv(text: string, name = 'snap.csv'): string {
  const dir = mkdtempSync(join(tmpdir(), 'tailguard-cli-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** Replaces the cell of `column` in a CSV line that has the standard {@link HEADER}. */
export function withCell(line: string, column: string, value: string): string {
  const j = HEADER.split(',').indexOf(column);
  const cells = line.split(',');
  cells[j] = value;
  return cells.join(',');
}
