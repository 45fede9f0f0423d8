/**
 * Historical stress moves measured on candles (issue #6 §5): the worst peak-to-trough move within a UTC day.
 * Pure functions on columns (no file access), used by the committed constants' check
 * (test/risk/stress.test.ts recomputes {@link STRESS_SCENARIOS} from data/ohlc/) and by anyone with other candles.
 */
import { fail } from '../options/validate.js';
import { checkPrices } from '../volatility/validate.js';

/** The worst fall from a running peak: min over i ≤ j of troughs[j] / peaks[i] − 1. */
export interface PeakToTrough {
  /** Simple return, ≤ 0 (0 when prices never fall below an earlier peak). */
  move: number;
  /** ln(1 + move). */
  logMove: number;
  /** Index of the peak element and of the trough element (troughIndex ≥ peakIndex). */
  peakIndex: number;
  troughIndex: number;
  peak: number;
  trough: number;
}

/**
 * Worst peak-to-trough move: min over i ≤ j of troughs[j] / peaks[i] − 1, in one pass (running maximum of peaks).
 * With peaks = highs and troughs = lows of consecutive bars this is the worst high-to-later-low fall (a bar's own
 * high and low count as a pair only when i = j, whose intrabar order is unknown; name it when you report it);
 * with peaks = troughs = a price path it is the path's maximum drawdown.
 * @throws InvalidInputError for empty or unequal columns or a price that is not finite and > 0.
 */
export function peakToTrough(peaks: ArrayLike<number>, troughs: ArrayLike<number>): PeakToTrough {
  const p = checkPrices('peaks', peaks);
  const t = checkPrices('troughs', troughs);
  if (p.length === 0) fail('peaks', peaks, 'non-empty', 'must not be empty');
  if (t.length !== p.length) fail('troughs.length', t.length, `= ${p.length}`, `must equal peaks.length (${p.length})`);
  let pk = 0;
  let best = { ratio: t[0]! / p[0]!, i: 0, j: 0 };
  for (let j = 0; j < p.length; j++) {
    if (p[j]! > p[pk]!) pk = j;
    const ratio = t[j]! / p[pk]!;
    if (ratio < best.ratio) best = { ratio, i: pk, j };
  }
  const move = Math.min(best.ratio - 1, 0);
  return { move, logMove: Math.log1p(move), peakIndex: best.i, troughIndex: best.j, peak: p[best.i]!, trough: t[best.j]! };
}

/** Hourly (or any intraday) bars of one market: open times in epoch ms (UTC) and OHLC columns. */
export interface IntradayBars {
  openTime: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
}

/** The stress figures of one UTC day (see {@link dayStress}). */
export interface DayStress {
  /** Worst fall from a bar's high to the low of the same or a later bar within the day. */
  highLow: PeakToTrough;
  /** Worst fall along the path (the day's first open, then each bar's close). */
  close: PeakToTrough;
  /** ln(last close of the day / last close before the day): the daily close-to-close log return. */
  closeToCloseLogReturn: number;
  /** Number of bars in the day. */
  bars: number;
}

const DAY_MS = 86_400_000;

/**
 * Stress figures of the UTC day starting at `dayStartMs` (00:00 UTC) from intraday bars: the bars whose open
 * time falls in [dayStartMs, dayStartMs + 24 h).
 * @throws InvalidInputError when the day has no bars or no bar before it, or for a bad price.
 */
export function dayStress(bars: IntradayBars, dayStartMs: number): DayStress {
  if (!Number.isFinite(dayStartMs) || dayStartMs % DAY_MS !== 0) fail('dayStartMs', dayStartMs, 'a UTC midnight', 'must be a UTC midnight in epoch ms');
  let first = -1, last = -1;
  for (let i = 0; i < bars.openTime.length; i++) {
    const t = bars.openTime[i]!;
    if (t >= dayStartMs && t < dayStartMs + DAY_MS) { if (first < 0) first = i; last = i; }
  }
  if (first < 0) fail('dayStartMs', dayStartMs, 'covered', 'has no bars in the data');
  if (first === 0) fail('dayStartMs', dayStartMs, 'a previous bar', 'needs a bar before the day (for the close-to-close return)');
  const slice = (c: ArrayLike<number>): Float64Array => Float64Array.from({ length: last - first + 1 }, (_, k) => c[first + k]!);
  const high = slice(bars.high), low = slice(bars.low), close = slice(bars.close);
  const path = new Float64Array(close.length + 1);
  path[0] = bars.open[first]!;
  path.set(close, 1);
  return {
    highLow: peakToTrough(high, low),
    close: peakToTrough(path, path),
    closeToCloseLogReturn: Math.log(bars.close[last]! / bars.close[first - 1]!),
    bars: last - first + 1,
  };
}
