// Bad input for realizedVol / volCone (DESIGN §5): InvalidInputError naming the field and the value.
import { describe, expect, it } from 'vitest';
import { InvalidInputError, realizedVol, volCone } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { v1 } from './fixtures.js';

const ok = { estimator: 'yang-zhang', periodsPerYear: 252 } as const;
const withCol = (field: 'open' | 'high' | 'low' | 'close', i: number, value: unknown) => {
  const col: unknown[] = [...v1[field]];
  col[i] = value;
  return { ...v1, [field]: col };
};

describe('realizedVol rejects', () => {
  it('high < low, naming high[i] and its value', () => {
    expectInvalid(() => realizedVol(withCol('high', 3, 98), ok), 'high[3]', 98);
  });
  it('open or close outside [low, high]', () => {
    expectInvalid(() => realizedVol(withCol('close', 2, 102.5), ok), 'close[2]', 102.5);
    expectInvalid(() => realizedVol(withCol('open', 4, 100.9), ok), 'open[4]', 100.9);
  });
  it('non-positive or non-finite prices, and non-numbers', () => {
    expectInvalid(() => realizedVol(withCol('close', 1, 0), ok), 'close[1]', 0);
    expectInvalid(() => realizedVol(withCol('low', 0, -1), ok), 'low[0]', -1);
    expectInvalid(() => realizedVol(withCol('close', 5, NaN), ok), 'close[5]', NaN);
    expectInvalid(() => realizedVol(withCol('open', 5, Infinity), ok), 'open[5]', Infinity);
    expectInvalid(() => realizedVol(withCol('close', 0, '100'), ok), 'close[0]', '100');
  });
  it('a missing column the estimator needs, and columns of different lengths', () => {
    expectInvalid(() => realizedVol({ close: v1.close }, { estimator: 'parkinson', periodsPerYear: 252 }), 'high', undefined);
    expectInvalid(() => realizedVol({ high: v1.high, low: v1.low, close: v1.close }, ok), 'open', undefined);
    expectInvalid(() => realizedVol({ ...v1, low: v1.low.slice(1) }, ok), 'low.length', 5);
    expectInvalid(() => realizedVol({ ...v1, close: 5 } as never, ok), 'close', 5);
  });
  it('window > returns, window < minimum, fractional window', () => {
    expectInvalid(() => realizedVol(v1, { ...ok, window: 6 }), 'window', 6);
    expectInvalid(() => realizedVol(v1, { ...ok, window: 1 }), 'window', 1); // a ddof-1 variance needs 2
    expectInvalid(() => realizedVol(v1, { estimator: 'parkinson', periodsPerYear: 252, window: 0 }), 'window', 0);
    expectInvalid(() => realizedVol(v1, { ...ok, window: 2.5 }), 'window', 2.5);
  });
  it('too few bars, bad periodsPerYear, unknown estimator, λ outside (0, 1)', () => {
    expectInvalid(() => realizedVol({ close: [100, 101] }, { estimator: 'close-to-close', periodsPerYear: 365 }), 'close.length', 2);
    expectInvalid(() => realizedVol({ close: [] }, { estimator: 'ewma', periodsPerYear: 365 }), 'close.length', 0);
    expectInvalid(() => realizedVol(v1, { ...ok, periodsPerYear: 0 }), 'periodsPerYear', 0);
    expectInvalid(() => realizedVol(v1, { ...ok, periodsPerYear: NaN }), 'periodsPerYear', NaN);
    expectInvalid(() => realizedVol(v1, { estimator: 'garch', periodsPerYear: 252 } as never), 'estimator', 'garch');
    expectInvalid(() => realizedVol(v1, { estimator: 'ewma', periodsPerYear: 252, lambda: 1 }), 'lambda', 1);
    expectInvalid(() => realizedVol(v1, { estimator: 'ewma', periodsPerYear: 252, lambda: 94 }), 'lambda', 94);
  });
  it('the error carries code INVALID_INPUT and details { field, value, rule }', () => {
    let e: unknown;
    try { realizedVol(withCol('high', 3, 98), ok); } catch (err) { e = err; }
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).details).toMatchObject({ field: 'high[3]', value: 98 });
    expect((e as Error).message).toBe('high[3] (98) must be >= low[3] (98.8)');
  });
});

describe('volCone rejects', () => {
  const opt = { windows: [2, 3], percentiles: [0.5], estimator: 'parkinson', periodsPerYear: 365 } as const;
  it('a window longer than the sample, naming windows[i]', () => {
    expectInvalid(() => volCone(v1, { ...opt, windows: [2, 9] }), 'windows[1]', 9);
  });
  it('percentiles outside [0, 1] (percent by mistake) and empty lists', () => {
    expectInvalid(() => volCone(v1, { ...opt, percentiles: [0.5, 90] }), 'percentiles[1]', 90);
    expectInvalid(() => volCone(v1, { ...opt, percentiles: [] }), 'percentiles', []);
    expectInvalid(() => volCone(v1, { ...opt, windows: [] }), 'windows', []);
  });
});
