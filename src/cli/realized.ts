/**
 * Report section 8 (issue #6 §7): realised against implied volatility at the snapshot. 30-day realised vol
 * of the coin's daily Binance candles (data/ohlc/, provenance in its README) by close-to-close, Parkinson and
 * Yang–Zhang, from the bars closed before the snapshot's timestamp (`impliedRealizedSpread`,
 * src/volatility/impliedSpread.ts), against the snapshot's ATM IV of the expiry nearest 30 days (section 2's
 * figure); and a volatility cone (`volCone`, Burghardt & Lane 1990) of the last two years before the snapshot.
 */
import { type Estimator, TailguardError, impliedRealizedSpread, volCone } from '../index.js';
import { type CandleColumns, loadCandles } from './candles.js';
import { type Column, fitLine, numCell, table, wrapText } from './format.js';
import { fixed, percent } from './numbers.js';
import { BTC_DAILY, ETH_DAILY } from './paths.js';
import type { ExpirySmile } from './smile.js';
import { isoSeconds } from './time.js';

/** Daily candle file per currency. */
export const DAILY_CANDLES: Readonly<Record<string, string>> = { BTC: BTC_DAILY, ETH: ETH_DAILY };
/** Realised-vol window (daily returns) and the annualisation of crypto's 365 trading days a year. */
export const REALIZED_WINDOW = 30;
export const PERIODS_PER_YEAR = 365;
/** Estimators compared with the implied vol. */
export const REALIZED_ESTIMATORS: readonly Estimator[] = ['close-to-close', 'parkinson', 'yang-zhang'];
/** The cone: window lengths (days), percentiles, and its sample (daily bars before the snapshot). */
export const CONE_WINDOWS = [7, 30, 90] as const;
export const CONE_PERCENTILES = [0.1, 0.5, 0.9] as const;
export const CONE_BARS = 731;

/** Section 8. */
export interface RealizedSection {
  currency: string;
  candles: string;
  /** Snapshot instant (ISO) and the last daily bar closed before it (its open day, ISO). */
  asOf: string;
  lastBar: string;
  implied: { vol: number; expiry: string; days: number };
  window: number;
  periodsPerYear: number;
  rows: { estimator: Estimator; realized: number; spread: number }[];
  cone: {
    estimator: Estimator; from: string; to: string; bars: number; percentiles: number[];
    rows: { window: number; count: number; values: number[]; latest: number }[];
  };
}

/** The smile of the expiry nearest `days` with an ATM IV (null if none). */
export function nearestAtm(smiles: readonly ExpirySmile[], days: number): ExpirySmile | null {
  let best: ExpirySmile | null = null;
  for (const s of smiles) {
    if (!(s.days > 0) || !Number.isFinite(s.atmIv)) continue;
    if (best === null || Math.abs(s.days - days) < Math.abs(best.days - days)) best = s;
  }
  return best;
}

/** The bars whose close is at or before `t` (typed-array views). */
export function closedBy(c: CandleColumns, t: number, last = Infinity): CandleColumns {
  let end = 0;
  while (end < c.n && c.closeTime[end]! <= t) end++;
  const start = Math.max(0, end - last);
  const cut = (x: Float64Array) => x.subarray(start, end);
  return {
    file: c.file, n: end - start, openTime: cut(c.openTime), closeTime: cut(c.closeTime), open: cut(c.open), high: cut(c.high),
    low: cut(c.low), close: cut(c.close), volume: cut(c.volume),
  };
}

/**
 * Computes section 8 (pure JS; no WASM needed).
 * @param currency 'BTC' or 'ETH' (null for another coin); @param asOfMs the snapshot's timestamp (epoch ms).
 * @param atm the smile nearest 30 days with an ATM IV. @returns null without candles or ATM IV, or too few bars.
 */
export function realizedSection(currency: string, asOfMs: number, atm: ExpirySmile | null): RealizedSection | null {
  const file = DAILY_CANDLES[currency];
  if (file === undefined || atm === null) return null;
  const all = loadCandles(file);
  try {
    const rows = REALIZED_ESTIMATORS.map((estimator) => {
      const r = impliedRealizedSpread({
        times: [asOfMs], impliedVols: [atm.atmIv], candles: all, window: REALIZED_WINDOW, estimator, periodsPerYear: PERIODS_PER_YEAR,
      });
      return { estimator, realized: r.realized[0]!, spread: r.spread[0]!, lastBar: r.lastBar[0]! };
    });
    const recent = closedBy(all, asOfMs, CONE_BARS);
    const cone = volCone(recent, {
      windows: [...CONE_WINDOWS], percentiles: [...CONE_PERCENTILES], estimator: 'close-to-close', periodsPerYear: PERIODS_PER_YEAR,
    });
    const day = (ms: number) => isoSeconds(ms).slice(0, 10);
    return {
      currency, candles: file.replace(/^.*[\\/]data[\\/]/, 'data/'), asOf: isoSeconds(asOfMs), lastBar: day(all.openTime[rows[0]!.lastBar]!),
      implied: { vol: atm.atmIv, expiry: atm.label, days: atm.days }, window: REALIZED_WINDOW, periodsPerYear: PERIODS_PER_YEAR,
      rows: rows.map(({ estimator, realized, spread }) => ({ estimator, realized, spread })),
      cone: {
        estimator: cone.estimator, from: day(recent.openTime[0]!), to: day(recent.openTime[recent.n - 1]!), bars: recent.n,
        percentiles: cone.percentiles,
        rows: cone.rows.map((r) => ({ window: r.window, count: r.count, values: Array.from(r.values), latest: r.latest })),
      },
    };
  } catch (err) {
    if (err instanceof TailguardError) return null; // e.g. a snapshot dated before the candles have 30 returns
    throw err;
  }
}

/** Section 8 as text lines (≤ 100 columns). */
export function renderRealized(s: RealizedSection | null, ccy: string): string[] {
  const out = [`8. Realised vs implied volatility of ${ccy} at the snapshot`, ''];
  if (s === null) return [...out, '  n/a: no daily candles for this coin, no ATM IV near 30 days, or too few bars before the snapshot'];
  out.push(...wrapText(`${s.window}-day realised vol of the daily Binance candles (${s.candles}) closed before ${s.asOf}` +
    ` (last bar ${s.lastBar}), annualised with ${s.periodsPerYear} days a year, against the ATM implied vol ` +
    `${percent(s.implied.vol, 2)} of ${s.implied.expiry} (${fixed(s.implied.days, 1)} days; section 2). ` +
    'Spread = implied - realised, in vol points.', 100, 2));
  const vp = (x: number) => numCell(x * 100, { digits: 2 });
  out.push(...table([{ header: 'estimator' }, { header: 'realised', align: 'right' }, { header: 'implied', align: 'right' },
    { header: 'spread vp', align: 'right' }],
  s.rows.map((r) => [r.estimator, numCell(r.realized * 100, { digits: 2, suffix: '%' }),
    numCell(s.implied.vol * 100, { digits: 2, suffix: '%' }), vp(r.spread)]), 2));
  out.push('');
  const c = s.cone;
  out.push(...fitLine(`  Volatility cone (${c.estimator}, ${c.bars} daily bars ${c.from} to ${c.to}, overlapping windows):`));
  const cols: Column[] = [{ header: 'window' }, { header: 'windows', align: 'right' },
    ...c.percentiles.map((p): Column => ({ header: `p${Math.round(p * 100)}`, align: 'right' })),
    { header: 'latest', align: 'right' }, { header: 'implied', align: 'right' }];
  const pc = (x: number) => numCell(x * 100, { digits: 1, suffix: '%' });
  out.push(...table(cols, c.rows.map((r) => [`${r.window} d`, numCell(r.count, { digits: 0 }), ...r.values.map(pc), pc(r.latest),
    pc(s.implied.vol)]), 2));
  out.push(...wrapText('latest = the window ending with the last bar before the snapshot; implied = the ATM IV above, ' +
    'for the 30-day row the like-for-like comparison.', 100, 2));
  return out;
}
