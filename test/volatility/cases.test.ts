// Case C12 (/work/shared/cases/README.md, bars "V1"): the six estimators on five returns, 252 periods
// per year, to 1e-8; and rolling windows over V1 against the same formulas at 40 digits.
// Expected values: the case table (close-to-close … Yang–Zhang), and test/volatility/vectors.json written
// by scripts/risk/generate.py (mpmath, 40 digits, an independent implementation of the formulas).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ESTIMATORS, realizedVol, type Estimator } from '../../src/index.js';
import { yangZhangK } from '../../src/volatility/terms.js';
import { V1, v1 } from './fixtures.js';

const vectors = JSON.parse(readFileSync(new URL('./vectors.json', import.meta.url), 'utf8')) as {
  c12: { k: number; whole: Record<Estimator, number>; rolling: Record<string, Record<Estimator, (number | null)[]>> };
};

describe('case C12: estimator formulas and annualisation (V1, n = 5, 252 per year)', () => {
  // Values as printed in the case table (8 decimals), tolerance 1e-8 as the task asks.
  const table: [Estimator, number][] = [
    ['close-to-close', 0.21391563],
    ['parkinson', 0.18791254],
    ['garman-klass', 0.19942126],
    ['rogers-satchell', 0.19630124],
    ['yang-zhang', 0.20493850],
  ];
  for (const [estimator, expected] of table) {
    it(`${estimator} = ${expected}`, () => {
      const vol = realizedVol(v1, { estimator, periodsPerYear: 252 });
      expect(Math.abs(vol - expected)).toBeLessThan(1e-8);
      // and to ~1e-15 of the 40-digit value
      expect(Math.abs(vol - vectors.c12.whole[estimator])).toBeLessThan(5e-15);
    });
  }

  it('Yang–Zhang k = 0.34/(1.34 + (n+1)/(n−1)) = 0.11971831 for n = 5', () => {
    expect(Math.abs(yangZhangK(5) - 0.11971831)).toBeLessThan(1e-8);
    expect(yangZhangK(5)).toBeCloseTo(vectors.c12.k, 15);
  });

  it('EWMA (λ = 0.94) equals the normalised-weight formula at 40 digits', () => {
    const vol = realizedVol(v1, { estimator: 'ewma', periodsPerYear: 252 });
    expect(Math.abs(vol - vectors.c12.whole.ewma)).toBeLessThan(5e-15);
  });

  it('close-to-close and EWMA need only the closes', () => {
    expect(realizedVol({ close: v1.close }, { estimator: 'close-to-close', periodsPerYear: 252 })).toBeCloseTo(0.21391563, 8);
    expect(realizedVol({ high: v1.high, low: v1.low, close: v1.close }, { estimator: 'parkinson', periodsPerYear: 252 }))
      .toBeCloseTo(0.18791254, 8);
  });

  it('accepts Float64Array columns with the same result', () => {
    const typed = { open: Float64Array.from(v1.open), high: Float64Array.from(v1.high), low: Float64Array.from(v1.low), close: Float64Array.from(v1.close) };
    for (const estimator of ESTIMATORS) {
      expect(realizedVol(typed, { estimator, periodsPerYear: 252 })).toBe(realizedVol(v1, { estimator, periodsPerYear: 252 }));
    }
  });
});

describe('EWMA by hand', () => {
  it('two returns: σ² = (λ r1² + r2²)/(1 + λ) per period', () => {
    // closes 100 → 110 → 99: r1 = ln 1.1, r2 = ln 0.9; λ = 0.9; 1 period per year
    const r1 = Math.log(1.1), r2 = Math.log(0.9);
    const expected = Math.sqrt((0.9 * r1 * r1 + r2 * r2) / 1.9);
    expect(realizedVol({ close: [100, 110, 99] }, { estimator: 'ewma', periodsPerYear: 1, lambda: 0.9 })).toBeCloseTo(expected, 15);
  });

  it('constant |returns| give exactly that vol whatever λ (weights sum to 1, no seed bias)', () => {
    const close = [100];
    for (let i = 0; i < 50; i++) close.push(close[i]! * Math.exp(i % 2 === 0 ? 0.02 : -0.02));
    for (const lambda of [0.5, 0.94, 0.999]) {
      expect(realizedVol({ close }, { estimator: 'ewma', periodsPerYear: 1, lambda })).toBeCloseTo(0.02, 14);
    }
  });
});

describe('rolling windows over V1 (vectors.json, mpmath 40 digits)', () => {
  for (const [w, series] of Object.entries(vectors.c12.rolling)) {
    for (const [estimator, expected] of Object.entries(series) as [Estimator, (number | null)[]][]) {
      it(`${estimator}, window ${w}: first ${w} entries NaN, then the window's value`, () => {
        const out = realizedVol(v1, { estimator, periodsPerYear: 252, window: Number(w) });
        expect(out).toBeInstanceOf(Float64Array);
        expect(out.length).toBe(V1.length);
        for (let i = 0; i < out.length; i++) {
          if (i < Number(w)) expect(Number.isNaN(out[i]!)).toBe(true);
          else expect(Math.abs(out[i]! - expected[i]!)).toBeLessThan(1e-14);
        }
      });
    }
  }

  it('window = all returns ends with the whole-sample value', () => {
    for (const estimator of ESTIMATORS) {
      const series = realizedVol(v1, { estimator, periodsPerYear: 252, window: 5 });
      expect(series[5]).toBeCloseTo(realizedVol(v1, { estimator, periodsPerYear: 252 }), 15);
    }
  });
});
