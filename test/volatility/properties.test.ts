// Properties of the realised-vol estimators (fast-check, fixed seed): invariant to the price level
// (only ratios enter), non-negative, a rolling series matches the whole-sample call on each window,
// and the cone's percentiles are ordered.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ESTIMATORS, realizedVol, volCone } from '../../src/index.js';

const SEED = 20260611;
const opts = { seed: SEED, numRuns: 200 };

/** Random consistent OHLC bars (3–40 bars), built from log moves so low ≤ open, close ≤ high. */
const bars = fc.array(
  fc.record({
    gap: fc.double({ min: -0.2, max: 0.2, noNaN: true }),
    body: fc.double({ min: -0.3, max: 0.3, noNaN: true }),
    up: fc.double({ min: 0, max: 0.2, noNaN: true }),
    down: fc.double({ min: 0, max: 0.2, noNaN: true }),
  }),
  { minLength: 3, maxLength: 40 },
).map((moves) => {
  const open: number[] = [], high: number[] = [], low: number[] = [], close: number[] = [];
  let prev = 100;
  for (const m of moves) {
    const o = prev * Math.exp(m.gap);
    const c = o * Math.exp(m.body);
    open.push(o); close.push(c);
    high.push(Math.max(o, c) * Math.exp(m.up));
    low.push(Math.min(o, c) * Math.exp(-m.down));
    prev = c;
  }
  return { open, high, low, close };
});

const scaled = (b: { open: number[]; high: number[]; low: number[]; close: number[] }, k: number) => ({
  open: b.open.map((x) => x * k), high: b.high.map((x) => x * k), low: b.low.map((x) => x * k), close: b.close.map((x) => x * k),
});

describe('realised-vol properties', () => {
  it('scale-invariant in the price level and non-negative, every estimator', () => {
    fc.assert(fc.property(bars, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (b, k) => {
      for (const estimator of ESTIMATORS) {
        const a = realizedVol(b, { estimator, periodsPerYear: 365 });
        const s = realizedVol(scaled(b, k), { estimator, periodsPerYear: 365 });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(Math.abs(s - a)).toBeLessThanOrEqual(1e-9 * Math.max(a, 1e-3));
      }
    }), opts);
  });

  it('rolling entry i equals the whole-sample value of bars i−w…i', () => {
    fc.assert(fc.property(bars, fc.integer({ min: 2, max: 10 }), (b, wRaw) => {
      const w = Math.min(wRaw, b.close.length - 1);
      for (const estimator of ESTIMATORS) {
        const series = realizedVol(b, { estimator, periodsPerYear: 252, window: w });
        for (let i = w; i < b.close.length; i++) {
          const win = { open: b.open.slice(i - w, i + 1), high: b.high.slice(i - w, i + 1), low: b.low.slice(i - w, i + 1), close: b.close.slice(i - w, i + 1) };
          const naive = realizedVol(win, { estimator, periodsPerYear: 252 });
          expect(Math.abs(series[i]! - naive)).toBeLessThanOrEqual(1e-10 * Math.max(naive, 1e-6));
        }
      }
    }), { seed: SEED, numRuns: 80 });
  });

  it('annualisation: vol scales with √periodsPerYear', () => {
    fc.assert(fc.property(bars, (b) => {
      const d = realizedVol(b, { estimator: 'yang-zhang', periodsPerYear: 1 });
      expect(realizedVol(b, { estimator: 'yang-zhang', periodsPerYear: 365 })).toBeCloseTo(d * Math.sqrt(365), 12);
    }), opts);
  });

  it('cone percentiles are non-decreasing and lie within [min, max] of the rolling series', () => {
    fc.assert(fc.property(bars, (b) => {
      const windows = [2, Math.max(2, b.close.length - 1)];
      const cone = volCone(b, { windows, percentiles: [0, 0.1, 0.5, 0.9, 1], estimator: 'parkinson', periodsPerYear: 365 });
      for (const row of cone.rows) {
        const series = realizedVol(b, { estimator: 'parkinson', periodsPerYear: 365, window: row.window }).filter((x) => !Number.isNaN(x));
        expect(row.values[0]).toBe(Math.min(...series));
        expect(row.values[4]).toBe(Math.max(...series));
        for (let p = 1; p < 5; p++) expect(row.values[p]!).toBeGreaterThanOrEqual(row.values[p - 1]!);
        expect(row.latest).toBe(series[series.length - 1]);
      }
    }), opts);
  });
});

describe('volCone by hand', () => {
  it('window 2 over four returns ±a: three equal values; percentile 0.5 of [1,2,3,4] interpolates (Hyndman–Fan 7)', () => {
    const a = 0.01;
    const close = [100, 100 * Math.exp(a), 100, 100 * Math.exp(a), 100];
    const cone = volCone({ close }, { windows: [2], percentiles: [0.5], estimator: 'close-to-close', periodsPerYear: 365 });
    // each window {+a, −a}: sample variance (a² + a²)/1 = 2a² → vol a·√730
    expect(cone.rows[0]!.count).toBe(3);
    expect(cone.rows[0]!.values[0]).toBeCloseTo(a * Math.sqrt(730), 14);
  });
});
