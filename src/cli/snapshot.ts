/**
 * Loading a Deribit option-chain snapshot CSV (format: data/README.md) into typed columns, with
 * validation that names the file, the row and the column of the first fault.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { MAX_VOL } from '../index.js';
import { escapeText, excerpt, hasUnprintable } from './escape.js';
import { MAX_YEAR, MIN_YEAR, parseIsoUtc } from './time.js';

/** A snapshot fault: unreadable file, missing columns or a malformed value. The message says where. */
export class SnapshotError extends Error {
  /** The file as given on the command line. */
  readonly file: string;
  /** 1-based data row (the header is not counted), when the fault is in a row. */
  readonly row: number | undefined;
  /** The offending column, when one is known. */
  readonly column: string | undefined;

  constructor(message: string, file: string, row?: number, column?: string) {
    super(message);
    this.name = 'SnapshotError';
    this.file = file;
    this.row = row;
    this.column = column;
  }
}

/**
 * One snapshot's options as structure-of-arrays columns, in file order. Prices of options are in
 * coin (BTC or ETH per option on 1 coin); `forward`, `strike` and `indexPrice` are USD; times are
 * epoch milliseconds (UTC); `markIv` is a decimal (0.45 = 45%). Empty bid/ask cells are NaN.
 */
export interface OptionChain {
  /** The file the rows came from (as given). */
  file: string;
  /** Number of options (length of every column). */
  n: number;
  /** 1-based data row of each option in the file (header not counted). */
  row: Uint32Array;
  /** 1-based line of each option in the file (the header is line 1). */
  line: Uint32Array;
  instrument: string[];
  /** Upper-case currency of each row, e.g. `BTC`. */
  currency: string[];
  /** 1 = call, 0 = put. */
  isCall: Uint8Array;
  strike: Float64Array;
  /** The row's `underlying`: Deribit's forward for that expiry, USD. */
  forward: Float64Array;
  /** `index_price`: Deribit's spot index, USD. */
  indexPrice: Float64Array;
  /** `timestamp`: when the collector run started. */
  timestampMs: Float64Array;
  /** `expiry_datetime` (08:00 UTC). */
  expiryMs: Float64Array;
  /** `mark_price`, coin. */
  mark: Float64Array;
  /** `bid_price`, coin; NaN when there is no bid. */
  bid: Float64Array;
  /** `ask_price`, coin; NaN when there is no ask. */
  ask: Float64Array;
  /** `implied_volatility`: the exchange's mark IV as a decimal. */
  markIv: Float64Array;
}

type Kind = 'text' | 'type' | 'time' | 'usd' | 'nonNegative' | 'optionalNonNegative' | 'vol';

/** The columns the report needs, and how each cell is validated. Other columns are ignored. */
export const REQUIRED_COLUMNS: Readonly<Record<string, Kind>> = {
  timestamp: 'time',
  instrument_name: 'text',
  underlying: 'usd',
  option_type: 'type',
  strike: 'usd',
  expiry_datetime: 'time',
  bid_price: 'optionalNonNegative',
  ask_price: 'optionalNonNegative',
  mark_price: 'nonNegative',
  implied_volatility: 'vol',
  currency: 'text',
  index_price: 'usd',
};

/**
 * Largest USD amount (strike, underlying, index price) accepted: 1e12 USD per coin is far beyond any
 * real price, so a larger cell is almost surely corrupt (a unit or parsing error).
 */
export const MAX_USD = 1e12;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String((err as Error).message);
    throw new SnapshotError(`cannot read snapshot ${file}: ${why}`, file);
  }
}

function parseRecords(text: string, file: string): ParsedRecord[] {
  try {
    return parse(text, { info: true, skip_empty_lines: true, bom: true, trim: true, relax_column_count: true }) as unknown as ParsedRecord[];
  } catch (err) {
    // the parser's message may quote the offending bytes: keep its first clause, escaped and short
    const message = String((err as Error).message).split(/, value is|\n/)[0] ?? '';
    throw new SnapshotError(`${file}: not a valid CSV: ${escapeText(message.slice(0, 120))}`, file);
  }
}

/**
 * Reads and validates a snapshot CSV with a header row (the shipped files' format; extra columns are
 * ignored, column order is free). Every row is checked, whatever its currency.
 * @param file path of the CSV.
 * @returns all rows as typed columns.
 * @throws SnapshotError naming the file (and the row, line and column for a bad cell) when the file
 *   cannot be read, is not CSV, has no data rows, has a row with more or fewer cells than the header, lacks one of {@link REQUIRED_COLUMNS}, or has a cell
 *   that is not a number (or not > 0 / ≥ 0 as required), not an ISO date-time, or an option type other
 *   than call/put.
 */
export function loadSnapshot(file: string): OptionChain {
  return parseSnapshot(readText(file), file);
}

/**
 * Parses and validates a snapshot CSV already in memory (a browser's fetched or dropped file): the same
 * checks and result as {@link loadSnapshot}, without touching the file system.
 * @param text the CSV text. @param file the name the messages use.
 * @throws SnapshotError as {@link loadSnapshot} (except the unreadable-file case).
 */
export function parseSnapshot(text: string, file: string): OptionChain {
  const records = parseRecords(text, file);
  const header = records[0]?.record;
  if (header === undefined) throw new SnapshotError(`${file}: empty file (no header row)`, file);
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name) && name in REQUIRED_COLUMNS) {
      const first = (index.get(name) as number) + 1;
      throw new SnapshotError(
        `${file}: column "${name}" appears twice in the header (line 1, columns ${first} and ${i + 1}): which one to read is ambiguous`,
        file, undefined, name);
    }
    if (!index.has(name)) index.set(name, i);
  });
  const missing = Object.keys(REQUIRED_COLUMNS).filter((c) => !index.has(c));
  if (missing.length > 0) {
    const list = missing.map((c) => `"${c}"`).join(', ');
    throw new SnapshotError(`${file}: missing column${missing.length > 1 ? 's' : ''} ${list} in the header (line 1)`, file, undefined, missing[0]);
  }
  const n = records.length - 1;
  if (n === 0) throw new SnapshotError(`${file}: no data rows after the header`, file);
  const chain: OptionChain = {
    file,
    n,
    row: new Uint32Array(n),
    line: new Uint32Array(n),
    instrument: new Array<string>(n),
    currency: new Array<string>(n),
    isCall: new Uint8Array(n),
    strike: new Float64Array(n),
    forward: new Float64Array(n),
    indexPrice: new Float64Array(n),
    timestampMs: new Float64Array(n),
    expiryMs: new Float64Array(n),
    mark: new Float64Array(n),
    bid: new Float64Array(n),
    ask: new Float64Array(n),
    markIv: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const rec = records[i + 1] as ParsedRecord;
    const row = i + 1;
    const line = rec.info.lines;
    if (rec.record.length !== header.length) {
      throw new SnapshotError(`${file}: row ${row} (line ${line}) has ${rec.record.length} cells, expected ${header.length} (as the header)`, file, row);
    }
    const cell = (column: string): string => rec.record[index.get(column) as number] ?? '';
    const fail = (column: string, expected: string): never => {
      const raw = cell(column);
      const got = raw === '' ? 'an empty cell' : excerpt(raw);
      throw new SnapshotError(`${file}: row ${row} (line ${line}), column "${column}": expected ${expected}, got ${got}`, file, row, column);
    };
    const num = (column: string, kind: Kind): number => {
      const raw = cell(column);
      if (raw === '' && kind === 'optionalNonNegative') return Number.NaN;
      const what = kind === 'usd' ? 'a number > 0' : kind === 'optionalNonNegative' ? 'a number >= 0 or an empty cell' : 'a number >= 0';
      if (!NUMBER.test(raw)) return fail(column, what);
      const v = Number(raw);
      if (!Number.isFinite(v) || (kind === 'usd' ? v <= 0 : v < 0)) return fail(column, what);
      if (kind === 'usd' && v > MAX_USD) return fail(column, `a USD amount <= ${MAX_USD.toExponential()} (a larger one is almost surely corrupt)`);
      if (kind === 'vol' && v > MAX_VOL) {
        return fail(column, `a decimal vol <= ${MAX_VOL} (0.3601 for 36.01%; the column must be a decimal, not percent)`);
      }
      return v;
    };
    const time = (column: string): number =>
      parseIsoUtc(cell(column)) ??
      fail(column, `an ISO-8601 date-time such as 2026-01-30T08:00:00+00:00 (year ${MIN_YEAR}-${MAX_YEAR}, ` +
        'UTC offset Z or -12:00 to +14:00)');
    const text = (column: string): string => {
      const v = cell(column);
      if (hasUnprintable(v)) return fail(column, 'text without control characters (a NUL, a tab, ...)');
      return v === '' ? fail(column, 'a non-empty value') : v;
    };
    const type = text('option_type').toLowerCase();
    if (type !== 'call' && type !== 'put') fail('option_type', '"call" or "put"');
    chain.row[i] = row;
    chain.line[i] = line;
    chain.instrument[i] = text('instrument_name');
    chain.currency[i] = text('currency').toUpperCase();
    chain.isCall[i] = type === 'call' ? 1 : 0;
    chain.strike[i] = num('strike', 'usd');
    chain.forward[i] = num('underlying', 'usd');
    chain.indexPrice[i] = num('index_price', 'usd');
    chain.timestampMs[i] = time('timestamp');
    chain.expiryMs[i] = time('expiry_datetime');
    chain.mark[i] = num('mark_price', 'nonNegative');
    chain.bid[i] = num('bid_price', 'optionalNonNegative');
    chain.ask[i] = num('ask_price', 'optionalNonNegative');
    chain.markIv[i] = num('implied_volatility', 'vol');
  }
  return chain;
}

/** The rows of `chain` whose index is listed in `keep`, in that order, as a new chain. */
export function subsetChain(chain: OptionChain, keep: ArrayLike<number>): OptionChain {
  const idx = Array.from(keep);
  const f64 = (col: Float64Array): Float64Array => Float64Array.from(idx, (i) => col[i] ?? Number.NaN);
  return {
    file: chain.file,
    n: idx.length,
    row: Uint32Array.from(idx, (i) => chain.row[i] ?? 0),
    line: Uint32Array.from(idx, (i) => chain.line[i] ?? 0),
    instrument: idx.map((i) => chain.instrument[i] ?? ''),
    currency: idx.map((i) => chain.currency[i] ?? ''),
    isCall: Uint8Array.from(idx, (i) => chain.isCall[i] ?? 0),
    strike: f64(chain.strike),
    forward: f64(chain.forward),
    indexPrice: f64(chain.indexPrice),
    timestampMs: f64(chain.timestampMs),
    expiryMs: f64(chain.expiryMs),
    mark: f64(chain.mark),
    bid: f64(chain.bid),
    ask: f64(chain.ask),
    markIv: f64(chain.markIv),
  };
}

/**
 * The options of one currency (case-insensitive), in file order.
 * @throws SnapshotError when the file has no row of that currency (the message lists those it has).
 */
export function selectCurrency(chain: OptionChain, currency: string): OptionChain {
  const want = currency.toUpperCase();
  const keep: number[] = [];
  for (let i = 0; i < chain.n; i++) if (chain.currency[i] === want) keep.push(i);
  if (keep.length === 0) {
    const present = [...new Set(chain.currency)].sort().join(', ');
    throw new SnapshotError(`${chain.file}: no ${want} options (currencies in the file: ${present})`, chain.file, undefined, 'currency');
  }
  return subsetChain(chain, keep);
}
