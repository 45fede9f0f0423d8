// Regressions: misspelt option fields of simulateCascade / cascadeMonteCarlo / liquidationProbability are rejected
// by the shared checkKnownFields (src/options/validate.ts); cascadeMonteCarlo's tail statistics from one sort per
// column equal the former valueAtRisk / expectedShortfall (index sort) results bit for bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cascadeMonteCarlo, expectedShortfall, InvalidInputError, liquidationProbability, simulateCascade, valueAtRisk } from '../../src/index.js';
import type { CascadeMonteCarloSpec, CascadeOptions } from '../../src/index.js';
import { tailStats } from '../../src/lending/cascadeMonteCarlo.js';
import { ascendingOrder, lowerQuantileIndex } from '../../src/risk/quantile.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const book = { collateral: [10, 10], debt: [15_000, 14_000], liquidationThreshold: 0.8, liquidationBonus: 0.05 };
const options: CascadeOptions = { venue: { type: 'constantProduct', reserveRisky: 100, reserveStable: 200_000, fee: 0.003 }, shock: { drop: 0.075 } };
const spec = (): CascadeMonteCarloSpec => ({
  book, venue: options.venue, model: { type: 'gbm', vol: 0.8 }, horizonYears: 1 / 365, steps: 4, paths: 20, seed: 1,
});

function message(fn: () => unknown): InvalidInputError {
  try { fn(); } catch (e) { return e as InvalidInputError; }
  throw new Error('accepted');
}

describe('unknown fields are rejected, the known name suggested when only the case differs', () => {
  it('simulateCascade closefactor: 0.1 (was run with closeFactor 0.5)', () => {
    const e = message(() => simulateCascade(book, { ...options, closefactor: 0.1 } as never));
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.details.field).toBe('closefactor');
    expect(e.message).toContain('(0.1)');
    expect(e.message).toContain('did you mean closeFactor?');
    expectInvalid(() => simulateCascade(book, { ...options, shock: { drop: 0.075, moves: undefined, Drop: 0.5 } } as never), 'shock.Drop', 0.5);
    expectInvalid(() => simulateCascade(book, { ...options, venue: { ...options.venue, Fee: 0.01 } } as never), 'venue.Fee', 0.01);
  });
  it('cascadeMonteCarlo shock: { drop: 0.5 } (not a Monte Carlo field) and a model field of another type', async () => {
    await expect(cascadeMonteCarlo({ ...spec(), shock: { drop: 0.5 } } as never)).rejects.toThrow(/shock/);
    await expect(cascadeMonteCarlo({ ...spec(), model: { type: 'gbm', vol: 0.8, jumpIntensity: 3 } } as never)).rejects.toThrow(/model\.jumpIntensity/);
    const r = await cascadeMonteCarlo(spec());
    expect(r.paths).toBe(20);
  });
  it('liquidationProbability uses the same helper: healthfactor → did you mean healthFactor?', () => {
    const e = message(() => liquidationProbability({ healthfactor: 1.5, vol: 0.8, horizonYears: 1 } as never));
    expect(e.details.field).toBe('healthfactor');
    expect(e.message).toContain('did you mean healthFactor?');
  });
});

describe('tailStats: one sort per column, results unchanged', () => {
  // The former computation: valueAtRisk / expectedShortfall's index sort (ties by index) and the RU formula.
  const indexSortTail = (losses: Float64Array, alpha: number): [number, number] => {
    const n = losses.length;
    const order = ascendingOrder(losses);
    const { k, cumulative } = lowerQuantileIndex(order, undefined, alpha);
    const v = losses[order[k]!]!;
    let sum = Math.max(cumulative - alpha, 0) * v;
    for (let j = k + 1; j < n; j++) sum += (1 / n) * losses[order[j]!]!;
    return [v, Math.max(sum / (1 - alpha), v)];
  };
  it('equals the former index-sort VaR / ES and valueAtRisk / expectedShortfall of −x bit for bit (fast-check, ties and zeros)', () => {
    const value = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 }).map((x) => x * 125), fc.double({ min: 0, max: 1e9, noNaN: true }));
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), (xs) => {
      const x = Float64Array.from(xs, (v) => v + 0);
      const returns = x.map((v) => -v);
      const s = tailStats(x);
      const at = (confidence: number) => [
        valueAtRisk({ returns, confidence, method: 'historical' }), expectedShortfall({ returns, confidence, method: 'historical' }),
      ];
      const [q95, es95] = at(0.95);
      const [q99, es99] = at(0.99);
      const [r95, e95] = indexSortTail(x, 0.95);
      const [r99, e99] = indexSortTail(x, 0.99);
      return Object.is(s.q95, q95) && Object.is(s.es95, es95) && Object.is(s.q99, q99) && Object.is(s.es99, es99)
        && Object.is(s.q95, r95) && Object.is(s.es95, e95) && Object.is(s.q99, r99) && Object.is(s.es99, e99);
    }), { numRuns: 200 });
  });
  it('a non-finite outcome is still reported by the validating path', () => {
    expect(() => tailStats(Float64Array.of(1, NaN, 2))).toThrow(InvalidInputError);
  });
});
