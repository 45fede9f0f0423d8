/**
 * Loading OHLC candle CSVs (the shipped `data/ohlc/` files, provenance in data/ohlc/README.md) into
 * typed columns for `realizedVol`, `volCone` and `impliedRealizedSpread`.
 *
 * Two layouts are recognised by their header:
 * - Binance klines (`BTCUSDT_1d.csv`): `open_time` and `close_time` in epoch ms, `open, high, low, close, volume`;
 * - the cleaned hourly files (`Binance_BTCUSDT_1h.clean.csv`): `open_time_ms`, `open, high, low, close`,
 *   `volume_base`; there is no close time, so closeTime = open time + bar length − 1 ms (Binance's
 *   convention), the bar length being the smallest gap between consecutive open times.
 * Rows must be in strictly increasing time order.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { excerpt } from './escape.js';

/** A candle-file fault; the message names the file and, for a bad cell, the row and column. */
export class CandleFileError extends Error {
  readonly file: string;
  readonly row: number | undefined;
  readonly column: string | undefined;

  constructor(message: string, file: string, row?: number, column?: string) {
    super(message);
    this.name = 'CandleFileError';
    this.file = file;
    this.row = row;
    this.column = column;
  }
}

/** OHLC bars as typed columns, oldest first; prices in the file's quote currency (USDT). */
export interface CandleColumns {
  file: string;
  n: number;
  /** Bar open instant, epoch ms (UTC). */
  openTime: Float64Array;
  /** Bar close instant, epoch ms (the last millisecond of the bar). */
  closeTime: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  /** Volume in the base coin. */
  volume: Float64Array;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a candle CSV (either layout above).
 * @throws CandleFileError naming the file (and row/column) for an unreadable file, an unknown header,
 *   a cell that is not a number (prices must be > 0, volume ≥ 0), or times that do not increase.
 */
export function loadCandles(file: string): CandleColumns {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CandleFileError(`cannot read candles ${file}: ${(err as Error).message}`, file);
  }
  return parseCandles(text, file);
}

/**
 * Parses a candle CSV already in memory (a browser's fetched file), as {@link loadCandles}.
 * @param text the CSV text. @param file the name the messages use.
 * @throws CandleFileError as {@link loadCandles} (except the unreadable-file case).
 */
export function parseCandles(text: string, file: string): CandleColumns {
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, bom: true, trim: true, relax_column_count: true }) as string[][];
  } catch (err) {
    throw new CandleFileError(`${file}: not a valid CSV: ${excerpt(String((err as Error).message), 120)}`, file);
  }
  const header = records[0];
  if (header === undefined) throw new CandleFileError(`${file}: empty file`, file);
  const col = (name: string): number => header.indexOf(name);
  const kline = col('open_time') >= 0 && col('close_time') >= 0;
  const clean = col('open_time_ms') >= 0;
  if (!kline && !clean) {
    throw new CandleFileError(`${file}: unknown layout: the header has neither open_time/close_time nor open_time_ms`, file);
  }
  const names = {
    openTime: kline ? 'open_time' : 'open_time_ms', open: 'open', high: 'high', low: 'low', close: 'close',
    volume: kline ? 'volume' : 'volume_base',
  };
  for (const name of Object.values(names)) {
    if (col(name) < 0) throw new CandleFileError(`${file}: missing column "${name}" in the header`, file, undefined, name);
  }
  const n = records.length - 1;
  if (n === 0) throw new CandleFileError(`${file}: no data rows`, file);
  const out: CandleColumns = {
    file, n, openTime: new Float64Array(n), closeTime: new Float64Array(n), open: new Float64Array(n),
    high: new Float64Array(n), low: new Float64Array(n), close: new Float64Array(n), volume: new Float64Array(n),
  };
  const read = (rec: string[], row: number, name: string, min: 'positive' | 'nonNegative'): number => {
    const raw = rec[col(name)] ?? '';
    const v = Number(raw);
    if (!NUMBER.test(raw) || !Number.isFinite(v) || (min === 'positive' ? v <= 0 : v < 0)) {
      const expected = min === 'positive' ? 'a number > 0' : 'a number >= 0';
      throw new CandleFileError(`${file}: row ${row}, column "${name}": expected ${expected}, got ${raw === '' ? 'an empty cell' : excerpt(raw)}`, file, row, name);
    }
    return v;
  };
  for (let i = 0; i < n; i++) {
    const rec = records[i + 1]!;
    const row = i + 1;
    out.openTime[i] = read(rec, row, names.openTime, 'nonNegative');
    if (kline) out.closeTime[i] = read(rec, row, 'close_time', 'nonNegative');
    out.open[i] = read(rec, row, 'open', 'positive');
    out.high[i] = read(rec, row, 'high', 'positive');
    out.low[i] = read(rec, row, 'low', 'positive');
    out.close[i] = read(rec, row, 'close', 'positive');
    out.volume[i] = read(rec, row, names.volume, 'nonNegative');
    if (i > 0 && !(out.openTime[i]! > out.openTime[i - 1]!)) {
      throw new CandleFileError(`${file}: row ${row}, column "${names.openTime}": times must increase (${out.openTime[i]} after ${out.openTime[i - 1]})`, file, row, names.openTime);
    }
  }
  if (!kline) {
    let bar = Infinity;
    for (let i = 1; i < n; i++) bar = Math.min(bar, out.openTime[i]! - out.openTime[i - 1]!);
    if (!Number.isFinite(bar)) throw new CandleFileError(`${file}: one row: the bar length cannot be inferred`, file);
    for (let i = 0; i < n; i++) out.closeTime[i] = out.openTime[i]! + bar - 1;
  }
  return out;
}
