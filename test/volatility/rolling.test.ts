// Rolling windows are O(n) running statistics; they must agree with a naive recomputation of every
// window (the whole-sample call on that window's bars) — including after a crash day leaves the window,
// where a plain running sum would keep the crash's rounding error (cancellation).
import { describe, expect, it } from 'vitest';
import { ESTIMATORS, realizedVol } from '../../src/index.js';

/** Deterministic OHLC bars: a calm regime, a few huge bars, then a very calm regime. */
function regimeBars(n: number, seed: number): { open: number[]; high: number[]; low: number[]; close: number[] } {
  let s = seed >>> 0;
  const u = (): number => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return (s + 0.5) / 4294967296; };
  const open: number[] = [], high: number[] = [], low: number[] = [], close: number[] = [];
  let prev = 30_000;
  for (let i = 0; i < n; i++) {
    const scale = i < n / 3 ? 0.02 : i < n / 3 + 5 ? 0.4 : 1e-5; // crash bars, then near-flat prices
    const o = prev * Math.exp(scale * (u() - 0.5) * 0.2);
    const c = o * Math.exp(scale * (u() - 0.5));
    const h = Math.max(o, c) * Math.exp(scale * u() * 0.5);
    const l = Math.min(o, c) * Math.exp(-scale * u() * 0.5);
    open.push(o); high.push(h); low.push(l); close.push(c);
    prev = c;
  }
  return { open, high, low, close };
}

function slice(b: ReturnType<typeof regimeBars>, from: number, to: number): ReturnType<typeof regimeBars> {
  return { open: b.open.slice(from, to), high: b.high.slice(from, to), low: b.low.slice(from, to), close: b.close.slice(from, to) };
}

describe('rolling realised vol equals a naive recomputation of every window', () => {
  const bars = regimeBars(600, 7);
  for (const estimator of ESTIMATORS) {
    for (const w of [2, 10, 60]) {
      it(`${estimator}, window ${w} (crash bars then near-flat prices)`, () => {
        const series = realizedVol(bars, { estimator, periodsPerYear: 365, window: w });
        let worst = 0;
        for (let i = w; i < bars.close.length; i++) {
          const naive = realizedVol(slice(bars, i - w, i + 1), { estimator, periodsPerYear: 365 });
          const rel = Math.abs(series[i]! - naive) / naive;
          worst = Math.max(worst, rel);
        }
        // the calm regime's vol is ~4 orders of magnitude below the crash's; a plain running sum would be
        // off by ~1e-16 · (0.4/1e-5)² ≈ 1e-7 relative there
        expect(worst).toBeLessThan(1e-10);
        for (let i = 0; i < w; i++) expect(Number.isNaN(series[i]!)).toBe(true);
        for (let i = w; i < series.length; i++) expect(Number.isFinite(series[i]!)).toBe(true);
      });
    }
  }

  it('constant prices give exactly 0, also after volatile bars leave the window', () => {
    const close = [100, 120, 90, 100, 100, 100, 100, 100, 100];
    const series = realizedVol({ close }, { estimator: 'close-to-close', periodsPerYear: 365, window: 3 });
    expect(series[8]).toBe(0);
    const flat = { open: close, high: close, low: close, close };
    expect(realizedVol(flat, { estimator: 'yang-zhang', periodsPerYear: 365, window: 2 })[8]).toBe(0);
  });
});
