// Liquidation cascade (issue #5 §3): WASM sorted sweep vs the plain-JS re-scan reference on random books,
// invariants, the hand-computed two-position cascade, C16, bad input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareCascadeBook, simulateCascade, Status } from '../../src/index.js';
import type { CascadeOptions } from '../../src/index.js';
import { referenceCascade } from '../../src/reference/cascade.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('two-position cascade through a constant-product pool (hand-computed)', () => {
  // Expected values: test/lending/cascadeTwoPositions.py (mpmath, 50 digits), the same rules stated there.
  const book = { collateral: [10, 10], debt: [15_000, 14_000], liquidationThreshold: 0.8, liquidationBonus: 0.05 };
  const options: CascadeOptions = { venue: { type: 'constantProduct', reserveRisky: 100, reserveStable: 200_000, fee: 0.003 }, shock: { drop: 0.075 } };
  it('rounds, oracle prices, final price, repaid, sold, positions', () => {
    const r = simulateCascade(book, options);
    expect(r.converged).toBe(true);
    expect(r.rounds).toBe(4);
    const oracle = [1850, 1707.5421487068737554, 1579.5969637155068296, 1511.9760292446959289];
    for (let i = 0; i < 4; i++) expect(rel(r.perRound.oraclePrice[i]!, oracle[i]!)).toBeLessThan(1e-13);
    expect(rel(r.finalPrice, 1450.1387533742403654)).toBeLessThan(1e-13);
    expect(rel(r.debtRepaid, 21_750)).toBeLessThan(1e-15);
    expect(rel(r.collateralSold, 13.484507860348494937)).toBeLessThan(1e-13);
    expect(rel(r.positions!.collateral[0]!, 3.2505187758966707243)).toBeLessThan(1e-12);
    expect(rel(r.positions!.collateral[1]!, 3.2649733637548343389)).toBeLessThan(1e-12);
    expect([...r.positions!.debt]).toEqual([3750, 3500]);
    expect(r.badDebt).toBe(0);
    expect(r.positionsLiquidated).toBe(2);
    expect(r.liquidations).toBe(4); // A in rounds 0 and 2, B in rounds 1 and 3 (the script's trace)
  });
  it('maxRounds bounds the rounds: stopped after 2 of 4, flagged not converged (never a hang)', () => {
    const r = simulateCascade(book, { ...options, maxRounds: 2 });
    expect(r.converged).toBe(false);
    expect(r.rounds).toBe(2);
    expect(r.perRound.oraclePrice[1]).toBeCloseTo(1707.5421487068737554, 9);
  });
  it('with partials re-visited from the heap: the same as the re-scan reference, bit for bit', () => {
    const r = simulateCascade(book, options);
    const ref = referenceCascade(book, options);
    expect(Array.from(r.perRound.priceEnd)).toEqual(ref.perRound.priceEnd);
    expect(Array.from(r.positions!.collateral)).toEqual(Array.from(ref.positions.collateral));
    expect(r.collateralSold).toBe(ref.collateralSold);
  });
});

describe('one liquidation step: the Aave v3 worked example (PROTOCOLS §1)', () => {
  // PROTOCOLS §1 "Worked example": 10 WETH at 1816.85499606 USD, 15,500 USDC debt at 0.99997427 USD, LT 0.83,
  // bonus 5 %, protocol fee 10 %: HF 0.972921579549 → close factor 50 % → 7,750 USDC covered, 4.478778240295117809
  // WETH seized, protocol fee 0.021327515429976752, liquidator receives 4.457450724865141057; HF after 1.07434.
  // A pool 1e12 deep with no fee, so the sale moves the price by < 1e-8 and nothing else happens.
  const price = 1816.85499606;
  const debtUsd = 15_500 * 0.99997427;
  it('seized, protocol fee, liquidator share, debt repaid, HF after', () => {
    const r = simulateCascade({ collateral: [10], debt: [debtUsd], liquidationThreshold: 0.83, liquidationBonus: 0.05 },
      { venue: { type: 'constantProduct', reserveRisky: 1e12, reserveStable: 1e12 * price, fee: 0 }, shock: { drop: 0 }, protocolFee: 0.1 });
    expect(r.rounds).toBe(1);
    expect(r.liquidations).toBe(1);
    expect(rel(r.collateralSeized, 4.478778240295117809)).toBeLessThan(1e-13);
    expect(rel(r.collateralToProtocol, 0.021327515429976752)).toBeLessThan(1e-12);
    expect(rel(r.collateralSold, 4.457450724865141057)).toBeLessThan(1e-13);
    expect(rel(r.debtRepaid, 7750 * 0.99997427)).toBeLessThan(1e-14);
    const hfAfter = (r.positions!.collateral[0]! * price * 0.83) / r.positions!.debt[0]!;
    expect(hfAfter).toBeCloseTo(1.07434, 5);
  });
});

describe('C16: a liquidation that would lower the HF books bad debt and terminates', () => {
  // Case C16 (shared/cases/README.md): LT 0.5, bonus 10 %, collateral $105, debt $100, HF 0.525 < (1 + 0.1)·0.5.
  // Price 1 (collateral units = USD), a pool so deep that the sale moves nothing at 1e-12, no fee.
  const venue = { type: 'constantProduct', reserveRisky: 1e15, reserveStable: 1e15, fee: 0 } as const;
  it('C16: taken whole: repay 105/1.1, bad debt 100 − 1050/11 = 50/11, one round', () => {
    const r = simulateCascade({ collateral: [105], debt: [100], liquidationThreshold: 0.5, liquidationBonus: 0.1 },
      { venue, shock: { drop: 0 }, maxRounds: 50 });
    expect(r.converged).toBe(true);
    expect(r.rounds).toBe(1);
    expect(r.liquidations).toBe(1);
    expect(r.badDebt).toBeCloseTo(50 / 11, 12);
    expect(r.debtRepaid).toBeCloseTo(1050 / 11, 12);
    expect(r.positions!.debt[0]).toBe(0);
    expect(r.positions!.collateral[0]).toBe(0);
    expect(r.positions!.badDebt[0]).toBeCloseTo(50 / 11, 12);
  });
  it('C16 control: collateral $120 (HF 0.6 ≥ 0.55): a 50 % liquidation raises HF to 0.65, no bad debt', () => {
    // HF' = (HF − f(1+bonus)LT)/(1 − f) = 2·HF − 0.55: 0.6 → 0.65 → 0.75 → 0.95 → 1.35 (four partial rounds)
    const r = simulateCascade({ collateral: [120], debt: [100], liquidationThreshold: 0.5, liquidationBonus: 0.1 },
      { venue, shock: { drop: 0 }, fullLiquidationHealthFactor: 0, closeFactor: 0.5 });
    expect(r.badDebt).toBe(0);
    expect(r.rounds).toBe(4);
    expect(r.perRound.debtRepaid[0]).toBeCloseTo(50, 9);
    const c = r.positions!.collateral[0]!, d = r.positions!.debt[0]!;
    expect(d).toBeCloseTo(100 / 16, 9);
    expect(c * 0.5 / d).toBeCloseTo(1.35, 9);
  });
});

describe('no shock, all healthy: nothing happens', () => {
  it('zero drop, every HF > 1', () => {
    const r = simulateCascade({ collateral: [1, 2, 3], debt: [1000, 1500, 100], liquidationThreshold: 0.8, liquidationBonus: 0.05 },
      { venue: { type: 'constantProduct', reserveRisky: 1000, reserveStable: 2e6 }, shock: { drop: 0 }, oracleLagRounds: 3 });
    expect(r.rounds).toBe(0);
    expect(r.liquidations).toBe(0);
    expect(r.finalPrice).toBe(2000);
    expect([...r.positions!.firstRound]).toEqual([-1, -1, -1]);
  });
});

describe('oracle lag', () => {
  it('the first k rounds see the pre-shock price; liquidations start at round k', () => {
    const book = { collateral: [10, 10], debt: [15_000, 14_000], liquidationThreshold: 0.8, liquidationBonus: 0.05 };
    const r = simulateCascade(book, { venue: { type: 'constantProduct', reserveRisky: 100, reserveStable: 200_000 }, shock: { drop: 0.075 }, oracleLagRounds: 2 });
    expect(r.perRound.oraclePrice[0]).toBe(2000);
    expect(r.perRound.oraclePrice[1]).toBe(2000);
    expect(r.perRound.liquidations[0]).toBe(0);
    expect(r.perRound.liquidations[1]).toBe(0);
    expect(r.perRound.oraclePrice[2]).toBeCloseTo(1850, 9);
    expect(r.perRound.liquidations[2]).toBe(1);
  });
});

// ---- random books: WASM vs reference, invariants ----
// positions around the liquidation line: HF at the pre-shock price 2000 in [0.4, 2.5] (debt derived), plus
// edge cases (no collateral, no debt)
const position = fc.record({
  collateral: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0.01, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(0) }),
  hf: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0.4, max: 2.5, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(Infinity) }),
  lt: fc.double({ min: 0.3, max: 0.95, noNaN: true }),
  bonus: fc.double({ min: 0, max: 0.15, noNaN: true }),
}).map((p) => ({ ...p, debt: p.collateral === 0 ? 500 : p.collateral * 2000 * p.lt / p.hf }));
const scenario = fc.record({
  positions: fc.array(position, { minLength: 1, maxLength: 40 }),
  depth: fc.double({ min: 20, max: 5000, noNaN: true }),
  fee: fc.constantFrom(0, 0.003, 0.01),
  depthCurve: fc.boolean(),
  moves: fc.array(fc.double({ min: 0.5, max: 1.1, noNaN: true }), { minLength: 1, maxLength: 4 }),
  lag: fc.integer({ min: 0, max: 3 }),
  gas: fc.constantFrom(0, 5, 200),
  closeFactor: fc.constantFrom(0.5, 1, 0.25),
  fullHf: fc.constantFrom(0.95, 0, 1),
  protocolFee: fc.constantFrom(0, 0.1),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { book: { collateral: number[]; debt: number[]; liquidationThreshold: number[]; liquidationBonus: number[] }; options: CascadeOptions } {
  const spot = 2000;
  return {
    book: {
      collateral: s.positions.map((p) => p.collateral), debt: s.positions.map((p) => p.debt),
      liquidationThreshold: s.positions.map((p) => p.lt), liquidationBonus: s.positions.map((p) => p.bonus),
    },
    options: {
      venue: s.depthCurve
        ? { type: 'depthCurve', spot, sizes: [s.depth * 0.01, s.depth * 0.1, s.depth], impacts: [0.001, 0.02, 0.3] }
        : { type: 'constantProduct', reserveRisky: s.depth, reserveStable: s.depth * spot, fee: s.fee },
      shock: { moves: s.moves }, oracleLagRounds: s.lag, gasUsd: s.gas, closeFactor: s.closeFactor,
      fullLiquidationHealthFactor: s.fullHf, protocolFee: s.protocolFee,
    },
  };
}

describe('WASM sorted sweep vs the plain-JS re-scan reference (fast-check)', () => {
  it('same rounds, prices, totals and per-position state on random books, venues, paths, lags, gas', () => {
    const seen = { skips: 0, badDebt: 0, revisits: 0, insolvent: 0, lagged: 0 };
    fc.assert(fc.property(scenario, (s) => {
      const { book, options } = build(s);
      const a = simulateCascade(book, options);
      const b = referenceCascade(book, options);
      if (a.skippedLiquidations > 0) seen.skips++;
      if (a.badDebt > 0) seen.badDebt++;
      if (a.liquidations > a.positionsLiquidated) seen.revisits++;
      if (a.insolventDebt > 0) seen.insolvent++;
      if (s.lag > 0 && a.liquidations > 0) seen.lagged++;
      expect(a.converged).toBe(b.converged);
      expect(a.rounds).toBe(b.rounds);
      expect(Array.from(a.perRound.oraclePrice)).toEqual(b.perRound.oraclePrice);
      expect(Array.from(a.perRound.priceEnd)).toEqual(b.perRound.priceEnd);
      expect(Array.from(a.perRound.liquidations)).toEqual(b.perRound.liquidations);
      for (const key of ['finalPrice', 'positionsLiquidated', 'liquidations', 'skippedLiquidations', 'debtRepaid', 'collateralSeized',
        'collateralSold', 'collateralToProtocol', 'proceedsUsd', 'liquidatedValueUsd', 'badDebt', 'insolventPositions'] as const) {
        expect(a[key], key).toBe(b[key]);
      }
      expect(Math.abs(a.insolventDebt - b.insolventDebt)).toBeLessThanOrEqual(1e-12 * Math.max(1, b.insolventDebt)); // summation order differs
      expect(Array.from(a.positions!.collateral)).toEqual(Array.from(b.positions.collateral));
      expect(Array.from(a.positions!.debt)).toEqual(Array.from(b.positions.debt));
      expect(Array.from(a.positions!.badDebt)).toEqual(Array.from(b.positions.badDebt));
      expect(Array.from(a.positions!.firstRound)).toEqual(Array.from(b.positions.firstRound));
    }), { seed: 20261129, numRuns: 300 });
    // the comparison covered every mechanism (skips, C16 bad debt, re-visited partials, insolvency, lag)
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThanOrEqual(what === 'revisits' ? 3 : 10);
  });

  it('invariants: collateral and debt conserved, price non-increasing under a drop, bounded rounds', () => {
    fc.assert(fc.property(scenario, fc.double({ min: 0, max: 0.6, noNaN: true }), (s, drop) => {
      const { book, options } = build(s);
      const r = simulateCascade(book, { ...options, shock: { drop } });
      const pos = r.positions!;
      let c0 = 0, d0 = 0, cLeft = 0, dLeft = 0;
      for (let i = 0; i < book.debt.length; i++) {
        c0 += book.collateral[i]!; d0 += book.debt[i]!; cLeft += pos.collateral[i]!; dLeft += pos.debt[i]!;
        // per position: seized + left = initial collateral (to rounding)
        expect(Math.abs(pos.collateral[i]! + pos.collateralSeized[i]! - book.collateral[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, book.collateral[i]!));
      }
      // collateral: sold + protocol's share + remaining = initial; debt: repaid + bad debt + remaining = initial
      expect(Math.abs(r.collateralSold + r.collateralToProtocol - r.collateralSeized)).toBeLessThanOrEqual(1e-10 * Math.max(1, r.collateralSeized));
      expect(Math.abs(r.collateralSeized + cLeft - c0)).toBeLessThanOrEqual(1e-10 * Math.max(1, c0));
      expect(Math.abs(r.debtRepaid + r.badDebt + dLeft - d0)).toBeLessThanOrEqual(1e-10 * Math.max(1, d0));
      // monotone price path: every round ends at or below where it started, and starts where the last ended
      for (let k = 0; k < r.rounds; k++) {
        expect(r.perRound.priceEnd[k]!).toBeLessThanOrEqual(r.perRound.priceStart[k]!);
        if (k > 0) expect(r.perRound.priceStart[k]).toBe(r.perRound.priceEnd[k - 1]);
      }
      // termination: a fixed point, within a bound far below maxRounds
      expect(r.converged).toBe(true);
      expect(r.rounds).toBeLessThanOrEqual(400);
    }), { seed: 7, numRuns: 200 });
  });
});

describe('prepared book', () => {
  it('sorting once and reusing it across shocks gives the same results as the raw columns', () => {
    const n = 2000;
    const collateral: number[] = [], debt: number[] = [];
    for (let i = 0; i < n; i++) { collateral.push(1 + (i % 17)); debt.push(1000 + ((i * 7919) % 30_000)); }
    const raw = { collateral, debt, liquidationThreshold: 0.83, liquidationBonus: 0.05 };
    const prepared = prepareCascadeBook(raw);
    expect(prepared.sorted).toBe(n);
    expect(prepared.invalid).toBe(0);
    for (const drop of [0.1, 0.2, 0.3, 0.5]) {
      const options: CascadeOptions = { venue: { type: 'constantProduct', reserveRisky: 5000, reserveStable: 1e7 }, shock: { drop } };
      const a = simulateCascade(prepared, options);
      const b = simulateCascade(raw, options);
      expect({ ...a, kernelMs: 0 }).toEqual({ ...b, kernelMs: 0 });
    }
  });
  it('a bad position is marked INVALID_INPUT and left out; the rest cascade', () => {
    const book = { collateral: [10, NaN, 10, -1], debt: [15_000, 1, 14_000, 5], liquidationThreshold: [0.8, 0.8, 0.8, 0.8], liquidationBonus: [0.05, 0.05, 1.5, 0.05] };
    const p = prepareCascadeBook(book);
    expect(Array.from(p.status)).toEqual([Status.OK, Status.INVALID_INPUT, Status.INVALID_INPUT, Status.INVALID_INPUT]);
    expect(p.sorted).toBe(1);
    const r = simulateCascade(p, { venue: { type: 'constantProduct', reserveRisky: 10_000, reserveStable: 2e7 }, shock: { drop: 0.2 } });
    expect(r.positionsLiquidated).toBe(1);
    expect(r.positions!.firstRound[0]).toBe(0);
    expect(r.positions!.firstRound[2]).toBe(-1);
  });
});

describe('bad input throws InvalidInputError naming the field', () => {
  const book = { collateral: [1], debt: [1000], liquidationThreshold: 0.8, liquidationBonus: 0.05 };
  const venue = { type: 'constantProduct', reserveRisky: 100, reserveStable: 200_000 } as const;
  const run = (o: unknown) => () => simulateCascade(book, o as CascadeOptions);
  it('options', () => {
    expectInvalid(run({ venue: { ...venue, type: 'orderbook' }, shock: { drop: 0.1 } }), 'venue.type', 'orderbook');
    expectInvalid(run({ venue: { ...venue, reserveRisky: -5 }, shock: { drop: 0.1 } }), 'venue.reserveRisky', -5);
    expectInvalid(run({ venue: { ...venue, fee: 1 }, shock: { drop: 0.1 } }), 'venue.fee', 1);
    expectInvalid(run({ venue, shock: { drop: 1 } }), 'shock.drop', 1);
    expectInvalid(run({ venue, shock: { moves: [0.9, 0] } }), 'shock.moves[1]', 0);
    expectInvalid(run({ venue, shock: { drop: 0.1 }, closeFactor: 0 }), 'closeFactor', 0);
    expectInvalid(run({ venue, shock: { drop: 0.1 }, oracleLagRounds: 1.5 }), 'oracleLagRounds', 1.5);
    expectInvalid(run({ venue, shock: { drop: 0.1 }, maxRounds: 0 }), 'maxRounds', 0);
    expectInvalid(run({ venue, shock: { drop: 0.1 }, gasUsd: -1 }), 'gasUsd', -1);
    expectInvalid(run({ venue: { type: 'depthCurve', spot: 2000, sizes: [10, 5], impacts: [0.01, 0.02] }, shock: { drop: 0.1 } }), 'venue.sizes[1]', 5);
    expectInvalid(run({ venue: { type: 'depthCurve', spot: 2000, sizes: [10, 20], impacts: [0.05, 0.02] }, shock: { drop: 0.1 } }), 'venue.impacts[1]', 0.02);
  });
  it('book structure', () => {
    expectInvalid(() => simulateCascade({ ...book, debt: [1, 2] }, { venue, shock: { drop: 0.1 } }), 'book.debt', undefined);
    expectInvalid(() => prepareCascadeBook({ ...book, collateral: 'x' as unknown as number[] }), 'book.collateral', 'x');
  });
});
