// Cases C13 and C14 (/work/shared/cases/README.md) and the Gaussian VaR / ES against mpmath.
import { describe, expect, it } from 'vitest';
import { expectedShortfall, maxDrawdown, valueAtRisk } from '../../src/index.js';

describe('case C13: max drawdown from the initial wealth', () => {
  it('returns −0.10 then −1/6 → wealth 0.9, 0.75 → −0.25 (the start is the peak)', () => {
    expect(maxDrawdown([-0.1, -1 / 6])).toBeCloseTo(-0.25, 15);
  });
  it('a new peak resets the reference: +100%, −50%, +10%, −20% → −0.56', () => {
    // wealth 1 → 2 → 1 → 1.1 → 0.88: worst from peak 2 is 0.88/2 − 1 = −0.56 (hand-checked)
    expect(maxDrawdown([1, -0.5, 0.1, -0.2])).toBeCloseTo(-0.56, 15);
  });
  it('only gains → 0; a total loss → −1', () => {
    expect(maxDrawdown([0.1, 0.2, 0])).toBe(0);
    expect(maxDrawdown([0.5, -1, 0.3])).toBe(-1);
  });
  it('accepts a Float64Array and survives 10⁶ periods without overflow', () => {
    const r = new Float64Array(1_000_000).fill(0.01);
    r[999_999] = -0.3; // wealth 1.01^999999 ≈ 1e4321 would overflow; the ratio to the peak does not
    expect(maxDrawdown(r)).toBeCloseTo(-0.3, 12);
  });
});

describe('case C14: CVaR at a non-integer tail (Rockafellar–Uryasev)', () => {
  const returns = [0, -1, -2, -3, -4]; // losses 0, 1, 2, 3, 4 with equal weight
  it('VaR 0.75 = 3 (the smallest loss with F ≥ 0.75: F(3) = 0.8)', () => {
    expect(valueAtRisk({ returns, confidence: 0.75, method: 'historical' })).toBe(3);
  });
  it('CVaR 0.75 = 3.8, not 3.5: (0.05·3 + 0.2·4)/0.25', () => {
    expect(expectedShortfall({ returns, confidence: 0.75, method: 'historical' })).toBeCloseTo(3.8, 14);
  });
  it('at α exactly on a step (0.8 = 4/5): VaR 3, CVaR = 4 (only the worst loss remains)', () => {
    expect(valueAtRisk({ returns, confidence: 0.8, method: 'historical' })).toBe(3);
    expect(expectedShortfall({ returns, confidence: 0.8, method: 'historical' })).toBeCloseTo(4, 14);
  });
  it('the same with explicit equal weights (summed in floating point) and in shuffled order', () => {
    const w = [0.2, 0.2, 0.2, 0.2, 0.2];
    expect(valueAtRisk({ returns: [-3, 0, -4, -1, -2], confidence: 0.8, method: 'historical', weights: w })).toBe(3);
    expect(expectedShortfall({ returns: [-3, 0, -4, -1, -2], confidence: 0.75, method: 'historical', weights: w })).toBeCloseTo(3.8, 14);
  });
  it('weights: losses 0…4 with weights 1,1,1,1,4 (normalised /8), α = 0.75 → VaR 4, CVaR 4', () => {
    // F(3) = 4/8 = 0.5 < 0.75, F(4) = 1 → VaR 4; the tail is all at 4 (hand-checked)
    const weights = [1, 1, 1, 1, 4];
    expect(valueAtRisk({ returns, confidence: 0.75, method: 'historical', weights })).toBe(4);
    expect(expectedShortfall({ returns, confidence: 0.75, method: 'historical', weights })).toBe(4);
  });
  it('weights 4,1,1,1,1 (/8), α = 0.7: F(2) = 6/8 ≥ 0.7 → VaR 2, CVaR (0.05·2 + 0.125·3 + 0.125·4)/0.3', () => {
    const weights = [4, 1, 1, 1, 1];
    expect(valueAtRisk({ returns, confidence: 0.7, method: 'historical', weights })).toBe(2);
    expect(expectedShortfall({ returns, confidence: 0.7, method: 'historical', weights }))
      .toBeCloseTo((0.05 * 2 + 0.125 * 3 + 0.125 * 4) / 0.3, 14);
  });
});

describe('Gaussian VaR and ES (expected values: scripts/risk/gaussian_var.py, mpmath 40 digits)', () => {
  const returns = [-0.021, 0.013, 0.034, -0.047, 0.008, 0.019, -0.012, 0.027, -0.033, 0.005];
  const table: [number, number, number][] = [
    [0.95, 0.044501381102505515, 0.055628699007767338],
    [0.975, 0.052892564753092712, 0.062954166185898977],
    [0.99, 0.062649129173712550, 0.071672919336018115],
  ];
  for (const [confidence, v, es] of table) {
    it(`α = ${confidence}: VaR ${v.toFixed(10)}, ES ${es.toFixed(10)}`, () => {
      expect(Math.abs(valueAtRisk({ returns, confidence, method: 'gaussian' }) - v)).toBeLessThan(1e-15);
      expect(Math.abs(expectedShortfall({ returns, confidence, method: 'gaussian' }) - es)).toBeLessThan(1e-15);
    });
  }
});

describe('historical VaR on real data: BTC daily simple returns', () => {
  it('the 2020-03-12 day is the worst loss, so VaR at α ≥ 1 − 1/n is that loss', async () => {
    const { loadCandles } = await import('../../src/cli/candles.js');
    const { fileURLToPath } = await import('node:url');
    const c = loadCandles(fileURLToPath(new URL('../../data/ohlc/BTCUSDT_1d.csv', import.meta.url)));
    const r = new Float64Array(c.n - 1);
    for (let i = 1; i < c.n; i++) r[i - 1] = c.close[i]! / c.close[i - 1]! - 1;
    const worst = 1 - Math.exp(-0.5026069427414592); // simple loss of the −0.5026 log return (vectors.json)
    expect(valueAtRisk({ returns: r, confidence: 1 - 0.5 / r.length, method: 'historical' })).toBeCloseTo(worst, 12);
    expect(expectedShortfall({ returns: r, confidence: 1 - 0.5 / r.length, method: 'historical' })).toBeCloseTo(worst, 12);
  });
});
