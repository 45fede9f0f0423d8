// Real data: the shipped Binance candles (data/ohlc/, provenance in data/ohlc/README.md) loaded by the
// CLI loader, against the reference numbers of the shared data README (3 decimals) and against
// test/volatility/vectors.json (scripts/risk/generate.py: mpmath over the same CSVs, independent code).
// Window definitions that reproduce the README: "full sample" = all 3,291 daily log returns;
// "last 365 days" = the last 365 returns (the last 366 daily bars; Parkinson over the last 365 bars);
// the 2020-03-12 return = ln(close 2020-03-12 / close 2020-03-11), daily bars opening 00:00 UTC.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realizedVol, volCone, type Estimator } from '../../src/index.js';
import { CandleFileError, loadCandles, type CandleColumns } from '../../src/cli/candles.js';

const vectors = JSON.parse(readFileSync(new URL('./vectors.json', import.meta.url), 'utf8')) as {
  real: Record<'BTC' | 'ETH', { bars: number; fullCloseToClose: number; last365: Record<Estimator, number>; logReturn20200312: number; crashIndex: number }>;
};
const file = (name: string): string => fileURLToPath(new URL(`../../data/ohlc/${name}`, import.meta.url));
const lastBars = (c: CandleColumns, k: number) => ({
  open: c.open.subarray(c.n - k), high: c.high.subarray(c.n - k), low: c.low.subarray(c.n - k), close: c.close.subarray(c.n - k),
});

// README figures: full-sample close-to-close (√365), last 365 days close-to-close and Parkinson, 2020-03-12 log return
const readme = {
  BTC: { full: 0.678, last: 0.444, parkinson: 0.463, crash: -0.5026 },
  ETH: { full: 0.877, last: 0.660, parkinson: 0.673, crash: -0.5905 },
} as const;

describe.each(['BTC', 'ETH'] as const)('%s daily candles (Binance, 2017-08-17 → 2026-08-21)', (coin) => {
  const c = loadCandles(file(`${coin}USDT_1d.csv`));
  const v = vectors.real[coin];

  it('loads 3,292 daily bars with open and close times one day apart', () => {
    expect(c.n).toBe(3292);
    expect(c.openTime[0]).toBe(1502928000000); // 2017-08-17T00:00Z
    for (let i = 1; i < c.n; i++) expect(c.openTime[i]! - c.openTime[i - 1]!).toBe(86_400_000);
    expect(c.closeTime[0]).toBe(1502928000000 + 86_400_000 - 1);
  });

  it(`full-sample close-to-close vol ${readme[coin].full} (all returns, ddof 1, √365)`, () => {
    const vol = realizedVol(c, { estimator: 'close-to-close', periodsPerYear: 365 });
    expect(vol.toFixed(3)).toBe(readme[coin].full.toFixed(3));
    expect(Math.abs(vol - v.fullCloseToClose)).toBeLessThan(1e-12);
  });

  it(`last 365 days: close-to-close ${readme[coin].last}, Parkinson ${readme[coin].parkinson}`, () => {
    const last = lastBars(c, 366);
    const cc = realizedVol(last, { estimator: 'close-to-close', periodsPerYear: 365 });
    const pk = realizedVol(last, { estimator: 'parkinson', periodsPerYear: 365 });
    expect(cc.toFixed(3)).toBe(readme[coin].last.toFixed(3));
    expect(pk.toFixed(3)).toBe(readme[coin].parkinson.toFixed(3));
    // the same figures as the last point of a rolling 365-bar series over the whole file
    expect(realizedVol(c, { estimator: 'parkinson', periodsPerYear: 365, window: 365 })[c.n - 1]).toBeCloseTo(pk, 12);
  });

  it('all six estimators over the last 365 days match the independent mpmath computation', () => {
    const last = lastBars(c, 366);
    for (const [estimator, expected] of Object.entries(v.last365) as [Estimator, number][]) {
      expect(Math.abs(realizedVol(last, { estimator, periodsPerYear: 365 }) - expected)).toBeLessThan(1e-12);
    }
  });

  it(`log return on 2020-03-12: ${readme[coin].crash}`, () => {
    const i = v.crashIndex;
    expect(new Date(c.openTime[i]!).toISOString()).toBe('2020-03-12T00:00:00.000Z');
    const r = Math.log(c.close[i]! / c.close[i - 1]!);
    expect(r.toFixed(4)).toBe(readme[coin].crash.toFixed(4));
    expect(r).toBeCloseTo(v.logReturn20200312, 14);
  });

  it('volatility cone: percentiles ordered, medians between min and max, latest inside the cone', () => {
    const cone = volCone(c, { windows: [7, 14, 30, 60, 90], percentiles: [0, 0.25, 0.5, 0.75, 1], estimator: 'close-to-close', periodsPerYear: 365 });
    for (const row of cone.rows) {
      expect(row.count).toBe(c.n - row.window);
      for (let p = 1; p < row.values.length; p++) expect(row.values[p]!).toBeGreaterThanOrEqual(row.values[p - 1]!);
      expect(row.latest).toBeGreaterThanOrEqual(row.values[0]!);
      expect(row.latest).toBeLessThanOrEqual(row.values[4]!);
    }
    // longer windows average more: the cone narrows (max − min shrinks from 7 to 90 bars)
    const width = (r: { values: Float64Array }) => r.values[4]! - r.values[0]!;
    expect(width(cone.rows[4]!)).toBeLessThan(width(cone.rows[0]!));
  });
});

describe('hourly candles (derived clean files, 2017-08-17 → 2021-06-10)', () => {
  it.each(['BTC', 'ETH'])('%s: 33,412 hourly bars, close time = open + 1 h − 1 ms, estimators run over all of them', (coin) => {
    const c = loadCandles(file(`Binance_${coin}USDT_1h.clean.csv`));
    expect(c.n).toBe(33_412);
    expect(c.closeTime[0]! - c.openTime[0]!).toBe(3_600_000 - 1);
    const series = realizedVol(c, { estimator: 'yang-zhang', periodsPerYear: 8760, window: 720 });
    expect(series.length).toBe(c.n);
    for (let i = 720; i < c.n; i++) expect(Number.isFinite(series[i]!)).toBe(true);
  });
});

describe('loadCandles errors', () => {
  it('names the file for a missing file', () => {
    expect(() => loadCandles('/nonexistent/x.csv')).toThrow(CandleFileError);
    expect(() => loadCandles('/nonexistent/x.csv')).toThrow(/x\.csv/);
  });
});
