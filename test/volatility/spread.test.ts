// Implied-minus-realised spread on synthetic input with hand-checked values, and ATM interpolation.
import { describe, expect, it } from 'vitest';
import { atmImpliedVol, impliedRealizedSpread } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';

const DAY = 86_400_000;

describe('impliedRealizedSpread', () => {
  // closes alternate 100, 100e^a: log returns +a, −a, +a, …; daily bars closing at the end of day d
  const a = 0.01;
  const close = Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? 100 : 100 * Math.exp(a)));
  const closeTime = close.map((_, i) => (i + 1) * DAY - 1);

  it('window 2: realised = a·√(2·365) (sample variance of {+a, −a} is 2a²), spread = IV − realised', () => {
    const out = impliedRealizedSpread({
      times: [3.5 * DAY, 7.5 * DAY], impliedVols: [0.3, 0.25], candles: { close, closeTime }, window: 2, periodsPerYear: 365,
    });
    const realised = a * Math.sqrt(730); // 0.270185122 (hand: √730 = 27.0185122)
    expect(realised).toBeCloseTo(0.270185122, 9);
    expect(Array.from(out.lastBar)).toEqual([2, 6]); // bar 3 closes at 4·DAY − 1 > 3.5·DAY: not yet closed
    expect(out.realized[0]).toBeCloseTo(realised, 14);
    expect(out.spread[0]).toBeCloseTo(0.3 - 0.270185122, 9);
    expect(out.spread[1]).toBeCloseTo(0.25 - 0.270185122, 9);
  });

  it('window 3 at a bar close uses that bar: returns {−a, +a, −a} → variance 4a²/3', () => {
    const out = impliedRealizedSpread({
      times: [4 * DAY - 1], impliedVols: [0.5], candles: { close, closeTime }, window: 3, periodsPerYear: 365,
    });
    expect(out.lastBar[0]).toBe(3);
    expect(out.realized[0]).toBeCloseTo(a * Math.sqrt((4 / 3) * 365), 14);
  });

  it('rejects a time with fewer than `window` returns closed before it, naming times[k]', () => {
    expectInvalid(() => impliedRealizedSpread({
      times: [1.5 * DAY], impliedVols: [0.3], candles: { close, closeTime }, window: 2, periodsPerYear: 365,
    }), 'times[0]', 1.5 * DAY);
    expectInvalid(() => impliedRealizedSpread({
      times: [5 * DAY], impliedVols: [45], candles: { close, closeTime }, window: 2, periodsPerYear: 365,
    }), 'impliedVols[0]', 45);
    expectInvalid(() => impliedRealizedSpread({
      times: [5 * DAY], impliedVols: [0.4], candles: { close, closeTime: [...closeTime].reverse() }, window: 2, periodsPerYear: 365,
    }), 'candles.closeTime[1]', closeTime[6]);
  });
});

describe('atmImpliedVol: linear in log-moneyness at K = F', () => {
  it('between strikes 90 and 110 at F = 100: t = ln(100/90)/ln(110/90)', () => {
    const t = Math.log(100 / 90) / Math.log(110 / 90); // 0.525032…
    const expected = 0.6 + t * (0.5 - 0.6);
    expect(atmImpliedVol({ strikes: [110, 90, 90], vols: [0.5, 0.62, 0.58], forward: 100 })).toBeCloseTo(expected, 15);
  });
  it('a strike at the forward gives its own vol; no extrapolation', () => {
    expect(atmImpliedVol({ strikes: [90, 100, 110], vols: [0.6, 0.55, 0.5], forward: 100 })).toBe(0.55);
    expectInvalid(() => atmImpliedVol({ strikes: [90, 100], vols: [0.6, 0.55], forward: 120 }), 'forward', 120);
  });
});
