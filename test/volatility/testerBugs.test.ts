// Regression: prices whose ratio overflows (1e300/1e-300) gave NaN; every estimator now validates the price
// range [1e-100, 1e100] (the options' spot limit), inside which every ln(a/b) is finite.
import { describe, expect, it } from 'vitest';
import { realizedVol } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';

describe('realizedVol price range', () => {
  it('close [1e-300, 1e300, 1e-300] is rejected naming close[0] (was NaN)', () => {
    expectInvalid(() => realizedVol({ close: [1e-300, 1e300, 1e-300] }, { estimator: 'close-to-close', periodsPerYear: 365 }), 'close[0]', 1e-300);
  });
  it('every estimator applies the same rule to every column it reads', () => {
    const ok = { open: [1, 1, 1], high: [2, 2, 2], low: [0.5, 0.5, 0.5], close: [1, 1.5, 1] };
    expectInvalid(() => realizedVol({ ...ok, high: [2, 1e300, 2] }, { estimator: 'parkinson', periodsPerYear: 365 }), 'high[1]', 1e300);
    expectInvalid(() => realizedVol({ ...ok, low: [0.5, 1e-200, 0.5] }, { estimator: 'garman-klass', periodsPerYear: 365 }), 'low[1]', 1e-200);
    expectInvalid(() => realizedVol({ ...ok, open: [1, 1e101, 1] }, { estimator: 'yang-zhang', periodsPerYear: 365 }), 'open[1]', 1e101);
    expectInvalid(() => realizedVol({ close: [1, 1e101, 1] }, { estimator: 'ewma', periodsPerYear: 365 }), 'close[1]', 1e101);
  });
  it('at the limits the result is finite: [1e-100, 1e100, 1e-100] → ln(1e200)·√2·√365 = 12442.484672522977 (mpmath, ddof-1 sd of ±ln 1e200)', () => {
    const v = realizedVol({ close: [1e-100, 1e100, 1e-100] }, { estimator: 'close-to-close', periodsPerYear: 365 });
    expect(Math.abs(v / 12442.48467252297730988 - 1)).toBeLessThan(1e-14);
  });
});
