// Properties of the risk measures (fast-check, fixed seed): maxDrawdown ∈ [−1, 0]; ES ≥ VaR; VaR and
// ES non-decreasing in the confidence level; historical VaR is one of the sample losses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedShortfall, maxDrawdown, valueAtRisk } from '../../src/index.js';

const SEED = 20260612;
const opts = { seed: SEED, numRuns: 300 };
const returns = fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 2, maxLength: 60 });
const confidence = fc.double({ min: 0.01, max: 0.995, noNaN: true });
const method = fc.constantFrom('historical' as const, 'gaussian' as const);

describe('risk properties', () => {
  it('maxDrawdown ∈ [−1, 0], and adding a loss never improves it', () => {
    fc.assert(fc.property(returns, fc.double({ min: -1, max: 0, noNaN: true }), (r, loss) => {
      const dd = maxDrawdown(r);
      expect(dd).toBeGreaterThanOrEqual(-1);
      expect(dd).toBeLessThanOrEqual(0);
      expect(maxDrawdown([...r, loss])).toBeLessThanOrEqual(dd);
    }), opts);
  });

  it('ES ≥ VaR at every confidence, both methods', () => {
    fc.assert(fc.property(returns, confidence, method, (r, c, m) => {
      const v = valueAtRisk({ returns: r, confidence: c, method: m });
      expect(expectedShortfall({ returns: r, confidence: c, method: m })).toBeGreaterThanOrEqual(v);
    }), opts);
  });

  it('VaR and ES are non-decreasing in the confidence level', () => {
    fc.assert(fc.property(returns, confidence, confidence, method, (r, c1, c2, m) => {
      const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
      expect(valueAtRisk({ returns: r, confidence: hi, method: m })).toBeGreaterThanOrEqual(valueAtRisk({ returns: r, confidence: lo, method: m }));
      // ES is monotone mathematically; allow rounding of a few ulps of the losses
      expect(expectedShortfall({ returns: r, confidence: hi, method: m }))
        .toBeGreaterThanOrEqual(expectedShortfall({ returns: r, confidence: lo, method: m }) - 1e-12);
    }), opts);
  });

  it('historical VaR is a sample loss; ES lies between VaR and the worst loss', () => {
    fc.assert(fc.property(returns, confidence, (r, c) => {
      const v = valueAtRisk({ returns: r, confidence: c, method: 'historical' });
      expect(r.map((x) => -x)).toContain(v);
      const worst = Math.max(...r.map((x) => -x));
      expect(expectedShortfall({ returns: r, confidence: c, method: 'historical' })).toBeLessThanOrEqual(worst + 1e-12);
    }), opts);
  });

  it('equal explicit weights give the same VaR and ES as no weights', () => {
    fc.assert(fc.property(returns, confidence, (r, c) => {
      const weights = r.map(() => 1);
      expect(valueAtRisk({ returns: r, confidence: c, method: 'historical', weights }))
        .toBe(valueAtRisk({ returns: r, confidence: c, method: 'historical' }));
      expect(expectedShortfall({ returns: r, confidence: c, method: 'historical', weights }))
        .toBeCloseTo(expectedShortfall({ returns: r, confidence: c, method: 'historical' }), 10);
    }), opts);
  });
});
