// healthFactorBatch / liquidationPriceBatch (WASM kernel assembly/lending/positions.ts) against the scalar
// TypeScript healthFactor / liquidationPrice: bit-identical on random books, per-element statuses, broadcast
// columns, chunking and structural errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, Status, healthFactor, healthFactorBatch, liquidationPrice, liquidationPriceBatch } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

describe('batch equals the scalar functions bit for bit', () => {
  it('random single-collateral books', () => {
    fc.assert(fc.property(fc.array(fc.record({
      a: fc.double({ min: 0, max: 1e9, noNaN: true }), p: fc.double({ min: 0, max: 1e6, noNaN: true }),
      t: fc.double({ min: 0, max: 1, noNaN: true }), d: fc.double({ min: 0, max: 1e9, noNaN: true }), q: fc.double({ min: 0, max: 1e5, noNaN: true }),
    }), { minLength: 1, maxLength: 60 }), (rows) => {
      const col = (f: (r: (typeof rows)[number]) => number) => Float64Array.from(rows, f);
      const input = { collateralAmounts: col((r) => r.a), collateralPrices: col((r) => r.p), liquidationThresholds: col((r) => r.t), debtAmounts: col((r) => r.d), debtPrices: col((r) => r.q) };
      const hf = healthFactorBatch(input);
      const lp = liquidationPriceBatch(input);
      rows.forEach((r, i) => {
        const account = { collaterals: [{ amount: r.a, price: r.p, liquidationThreshold: r.t }], debts: [{ amount: r.d, price: r.q }] };
        expect(hf.status[i]).toBe(Status.OK);
        expect(lp.status[i]).toBe(Status.OK);
        expect(Object.is(hf.healthFactor[i], healthFactor(account))).toBe(true);
        expect(Object.is(lp.liquidationPrice[i], liquidationPrice(account, 0).price)).toBe(true);
      });
    }), { seed: 6, numRuns: 100 });
  });

  it('broadcast columns; no debt → HF +∞ and price 0; zero weight with debt → price +∞', () => {
    const out = healthFactorBatch({
      collateralAmounts: Float64Array.from([10, 1, 0]), collateralPrices: 2000, liquidationThresholds: 0.8,
      debtAmounts: Float64Array.from([8000, 0, 5]), debtPrices: 1,
    });
    expect(Array.from(out.healthFactor)).toEqual([2, Infinity, 0]);
    const lp = liquidationPriceBatch({
      collateralAmounts: Float64Array.from([10, 1, 0]), collateralPrices: 2000, liquidationThresholds: 0.8,
      debtAmounts: Float64Array.from([8000, 0, 5]), debtPrices: 1,
    });
    expect(Array.from(lp.liquidationPrice)).toEqual([1000, 0, Infinity]);
  });
});

describe('per-element status and structural errors', () => {
  it('a bad element gets NaN and INVALID_INPUT, the others go on', () => {
    const out = healthFactorBatch({
      collateralAmounts: Float64Array.from([1, -1, 1, 1, NaN]), collateralPrices: Float64Array.from([100, 100, 100, Infinity, 100]),
      liquidationThresholds: Float64Array.from([0.5, 0.5, 1.5, 0.5, 0.5]), debtAmounts: Float64Array.from([10, 10, 10, 10, 10]), debtPrices: 1,
    });
    expect(Array.from(out.status)).toEqual([Status.OK, Status.INVALID_INPUT, Status.INVALID_INPUT, Status.INVALID_INPUT, Status.INVALID_INPUT]);
    expect(out.healthFactor[0]).toBe(5);
    expect(out.healthFactor.slice(1).every(Number.isNaN)).toBe(true);
  });

  it('empty batch; missing or unequal columns throw', () => {
    expect(healthFactorBatch({ collateralAmounts: new Float64Array(0), collateralPrices: 1, liquidationThresholds: 0.5, debtAmounts: new Float64Array(0), debtPrices: 1 }).healthFactor.length).toBe(0);
    expect(() => healthFactorBatch({ collateralAmounts: new Float64Array(2), collateralPrices: 1, liquidationThresholds: 0.5, debtAmounts: new Float64Array(3), debtPrices: 1 })).toThrow(InvalidInputError);
    expect(() => liquidationPriceBatch({ collateralAmounts: [1] as unknown as Float64Array, collateralPrices: 1, liquidationThresholds: 0.5, debtAmounts: new Float64Array(1), debtPrices: 1 })).toThrow(/collateralAmounts must be a Float64Array/);
  });

  it('a book of 200,000 positions (liquidation prices = D/(a·LT))', () => {
    const n = 200_000;
    const a = Float64Array.from({ length: n }, (_, i) => 1 + (i % 97));
    const d = Float64Array.from({ length: n }, (_, i) => 1000 + i);
    const lp = liquidationPriceBatch({ collateralAmounts: a, collateralPrices: 2000, liquidationThresholds: 0.83, debtAmounts: d, debtPrices: 1 });
    for (const i of [0, 1234, n - 1]) expect(lp.liquidationPrice[i]).toBe(d[i]! / (a[i]! * 0.83));
  });
});
