// Protection optimiser and the CLI's protection menu. Expected values: a hand-checkable chain whose every
// package (but the spread) has its whole 95% tail at its floor (P(S_T < 80) ≈ 0.19 > 0.05 under GBM σ 0.5,
// T 0.25), so CVaR = spot − floor by hand; and the shipped Deribit snapshot for structural sanity.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';
import { expectedShortfall, valueAtRisk } from '../../src/index.js';
import { loadSnapshot } from '../../src/cli/snapshot.js';
import {
  chainExpiries, collar, efficientFrontier, legFromChain, optimizeProtection, protectionMenu, samplePayoff, type ProtectionInstrument,
} from '../../src/strategies/index.js';
import { sortedTailRisk } from '../../src/strategies/compare.js';

useWasm();

const instruments: ProtectionInstrument[] = [
  { name: 'P90', type: 'put', strike: 90, askPremium: 2, bidPremium: 1.8 },
  { name: 'P80', type: 'put', strike: 80, askPremium: 0.8, bidPremium: 0.6 },
  { name: 'C110', type: 'call', strike: 110, askPremium: 2, bidPremium: 1.5 },
  { name: 'C120', type: 'call', strike: 120, askPremium: 0.7, bidPremium: 0.5 },
];
const base = {
  holding: { quantity: 1, spot: 100 }, expiryYears: 0.25, instruments, forward: 100, lotSize: 1, hedgeRatios: [1],
  simulation: { vol: 0.5, paths: 20_000, seed: 3 },
};

describe('optimizeProtection on a hand-checkable chain', () => {
  it('enumerates 2 puts, 1 spread, 4 collars and the unhedged holding; costs and floors by hand', () => {
    const r = optimizeProtection({ ...base, budget: 1 });
    expect(r.candidates).toBe(8);
    // frontier: collar 80/110 (cost 0.8 − 1.5 = −0.7, CVaR 100 − 80.7 = 19.3), then collar 90/110 (0.5, 10.5)
    expect(r.frontier.map((p) => p.instruments.map((x) => x.name).join('+'))).toEqual(['P80+C110', 'P90+C110']);
    expect(r.frontier[0]!.cost).toBeCloseTo(-0.7, 12);
    expect(r.frontier[0]!.expectedShortfall).toBeCloseTo(19.3, 9);
    expect(r.frontier[1]!.cost).toBeCloseTo(0.5, 12);
    expect(r.frontier[1]!.floor).toBeCloseTo(89.5, 12);
    expect(r.frontier[1]!.expectedShortfall).toBeCloseTo(10.5, 9);
    expect(r.best!.instruments.map((x) => x.name)).toEqual(['P90', 'C110']);
  });

  it('budget 0.4 → collar 80/110; floor ≥ 88 at least cost → collar 90/110 (cost 0.5)', () => {
    expect(optimizeProtection({ ...base, budget: 0.4 }).best!.instruments.map((x) => x.name)).toEqual(['P80', 'C110']);
    const r = optimizeProtection({ ...base, floor: 88 });
    expect(r.objective).toBe('cost');
    expect(r.best!.cost).toBeCloseTo(0.5, 12);
    expect(r.best!.floor).toBeGreaterThanOrEqual(88);
    expect(optimizeProtection({ ...base, floor: 95 }).best).toBeNull();
  });

  it('puts only: frontier unhedged → put 80 (0.8, 20.8) → put 90 (2, 12)', () => {
    const r = optimizeProtection({ ...base, budget: 5, kinds: ['put'] });
    expect(r.frontier.map((p) => p.kind)).toEqual(['none', 'put', 'put']);
    expect(r.frontier[1]!.expectedShortfall).toBeCloseTo(20.8, 9);
    expect(r.frontier[2]!.expectedShortfall).toBeCloseTo(12, 9);
    // unhedged CVaR from the risk module on the same prices
    expect(r.frontier[0]!.expectedShortfall).toBeGreaterThan(20.8);
  });

  it('model strikes: BSM-priced instruments, the unhedged point first', () => {
    const r = optimizeProtection({
      holding: { quantity: 2, spot: 100 }, expiryYears: 0.25, modelStrikes: { strikes: [80, 90, 100, 110, 120], model: { vol: 0.5 } },
      budget: 3, simulation: { vol: 0.5, paths: 5000 },
    });
    expect(r.frontier[0]!.cost).toBeLessThanOrEqual(0);
    for (const p of r.frontier) for (const x of p.instruments) expect(Math.abs(x.quantity) === 1 || Math.abs(x.quantity) === 2).toBe(true);
  });

  it('efficientFrontier keeps the non-dominated points sorted by cost', () => {
    const pts = [{ cost: 3, expectedShortfall: 5 }, { cost: 1, expectedShortfall: 9 }, { cost: 2, expectedShortfall: 9 }, { cost: 0, expectedShortfall: 10 }, { cost: 4, expectedShortfall: 5 }];
    expect(efficientFrontier(pts)).toEqual([{ cost: 0, expectedShortfall: 10 }, { cost: 1, expectedShortfall: 9 }, { cost: 3, expectedShortfall: 5 }]);
  });

  it('property: the frontier is sorted, non-dominated, and every point is weakly dominated by a frontier point', () => {
    const pt = fc.record({ cost: fc.integer({ min: -5, max: 5 }), expectedShortfall: fc.integer({ min: 0, max: 9 }) });
    fc.assert(fc.property(fc.array(pt, { minLength: 1, maxLength: 30 }), (pts) => {
      const f = efficientFrontier(pts);
      for (let i = 1; i < f.length; i++) {
        expect(f[i]!.cost).toBeGreaterThan(f[i - 1]!.cost);
        expect(f[i]!.expectedShortfall).toBeLessThan(f[i - 1]!.expectedShortfall);
      }
      for (const p of pts) expect(f.some((q) => q.cost <= p.cost && q.expectedShortfall <= p.expectedShortfall)).toBe(true);
    }), { seed: 12, numRuns: 300 });
  });

  it('sortedTailRisk equals the risk functions on the whole sample (monotone and not)', () => {
    const n = 10_001;
    const inc = new Float64Array(n).map((_, i) => Math.max(i - 300, 0) * 0.01 - 7 + (i % 7 === 0 ? 0 : 0));
    const mixed = inc.map((v, i) => (i % 2 === 0 ? v : -v));
    for (const a of [inc, mixed]) for (const confidence of [0.9, 0.95, 0.99, 0.975]) {
      const fast = sortedTailRisk(a, confidence);
      expect(fast.expectedShortfall).toBeCloseTo(expectedShortfall({ returns: a, confidence, method: 'historical' }), 10);
      expect(fast.valueAtRisk).toBeCloseTo(valueAtRisk({ returns: a, confidence, method: 'historical' }), 10);
    }
  });

  it('bad input names the field', () => {
    expectInvalid(() => optimizeProtection({ ...base }), 'budget', undefined);
    expectInvalid(() => optimizeProtection({ ...base, budget: 1, hedgeRatios: [1.5] }), 'hedgeRatios[0]', 1.5);
    expectInvalid(() => optimizeProtection({ ...base, budget: 1, instruments: [{ ...instruments[0]!, strike: -1 }] }), 'instruments[0].strike', -1);
    expectInvalid(() => optimizeProtection({ ...base, budget: 1, modelStrikes: { strikes: [90], model: { vol: 0.5 } } }), 'instruments/modelStrikes', 'both');
    expectInvalid(() => optimizeProtection({ ...base, budget: 1, simulation: { vol: -1 } }), 'simulation.vol', -1);
  });
});

describe('the shipped Deribit snapshot (2025-12-31)', () => {
  const chain = loadSnapshot(new URL('../../data/deribit/deribit_options_snapshot_20251231T091828Z.csv', import.meta.url).pathname);

  it('chainExpiries: USD premiums = coin × forward; 30-day expiry 2026-01-30 with 37 puts', () => {
    const e = chainExpiries(chain, 'BTC');
    const jan30 = e.find((x) => new Date(x.expiryMs).toISOString().startsWith('2026-01-30'))!;
    expect(jan30.instruments.filter((x) => x.type === 'put')).toHaveLength(37);
    const i = chain.instrument.indexOf(jan30.instruments[0]!.name);
    expect(jan30.instruments[0]!.markUsd).toBe(chain.mark[i]! * chain.forward[i]!);
  });

  it('a strategy from chain rows: the Black-76 implied vol of the mark premium is the exchange mark IV (PROTOCOLS §7 data check)', () => {
    const e = chainExpiries(chain, 'BTC').find((x) => new Date(x.expiryMs).toISOString().startsWith('2026-01-30'))!;
    const put = e.instruments.find((x) => x.type === 'put' && x.strike === 80_000)!;
    const call = e.instruments.find((x) => x.type === 'call' && x.strike === 100_000)!;
    const s = collar({
      holding: { quantity: 1, spot: e.spot }, expiryYears: put.expiryYears, model: { vol: 0.5, forward: put.forward },
      put: legFromChain(put, 'buy', 'mark'), call: legFromChain(call, 'sell', 'mark'),
    });
    expect(Math.abs(s.legs[0]!.vol - put.markIv)).toBeLessThan(2e-3);
    expect(Math.abs(s.legs[1]!.vol - call.markIv)).toBeLessThan(2e-3);
    expect(s.cost).toBeCloseTo(put.markUsd - call.markUsd, 9);
    expect(s.floor).toBeCloseTo(80_000 - s.cost, 9);
    const ex = collar({
      holding: { quantity: 1, spot: e.spot }, expiryYears: put.expiryYears, model: { vol: 0.5, forward: put.forward },
      put: legFromChain(put, 'buy'), call: legFromChain(call, 'sell'),
    });
    expect(ex.cost).toBeGreaterThan(s.cost); // buying at the ask and selling at the bid costs the spread
    const curve = samplePayoff(ex, { points: 5 });
    expect(Array.from(curve.value)).toEqual(Array.from(curve.spots).map((x) => Math.min(Math.max(x, 80_000), 100_000)));
  });

  it('menu: frontier monotone (cost up, CVaR down), lots of 0.1, instruments from the chain, best within budget; deterministic', () => {
    const m = protectionMenu(chain, { paths: 10_000 });
    expect(m.days).toBeCloseTo(29.94, 1);
    const names = new Set(chain.instrument);
    for (const f of [m.result.frontier, m.result.frontierByKind.put!, m.result.frontierByKind.putSpread!]) {
      expect(f.length).toBeGreaterThan(2);
      for (let i = 1; i < f.length; i++) {
        expect(f[i]!.cost).toBeGreaterThan(f[i - 1]!.cost);
        expect(f[i]!.expectedShortfall).toBeLessThan(f[i - 1]!.expectedShortfall);
      }
      for (const p of f) for (const x of p.instruments) {
        expect(names.has(x.name)).toBe(true);
        expect(Math.abs(Math.round(x.quantity * 10) - x.quantity * 10)).toBeLessThan(1e-9);
      }
    }
    expect(m.result.best!.cost).toBeLessThanOrEqual(m.budget);
    expect(m.result.best!.expectedShortfall).toBeLessThan(m.result.unhedged.expectedShortfall);
    // a protective put's CVaR cannot exceed its max loss (spot − floor)
    for (const p of m.result.frontierByKind.put!) if (p.kind === 'put' && p.instruments[0]!.quantity === 1) {
      expect(p.expectedShortfall).toBeLessThanOrEqual(m.spot - p.floor + 1e-6);
    }
    expect(m.lines.length).toBeGreaterThan(10);
    expect(protectionMenu(chain, { paths: 10_000 }).lines).toEqual(m.lines);
  });
});
