// Protective put, collar, put spread, covered call: prices, floor/cap/break-even, Greeks, outcomes on common
// random numbers. Expected prices: scripts/strategies/closedForms.py (mpmath, 30 digits, BSM closed form);
// floors, caps and break-evens by hand from the payoff diagrams (Hull 2018 ch. 12).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';
import { blackScholes, mertonJumpDiffusion } from '../../src/index.js';
import {
  collar, compareStrategies, coveredCall, optionPackage, protectivePut, putSpread, terminalPrices,
} from '../../src/strategies/index.js';

useWasm();

const model = { vol: 0.6, rate: 0.03, dividendYield: 0.01 };
const holding = { quantity: 2, spot: 100 };
const T = 0.5;
// mpmath (scripts/strategies/closedForms.py)
const PUT90 = 10.955829173224732328, PUT80 = 6.7926812328183783462, CALL120 = 10.392859610454498331;
const G = Math.exp(0.03 * T);

describe('package prices, floor, cap and break-even (hand computations)', () => {
  it('protective put: cost 2·P(90), floor 2·90 − cost·e^{rT}, cap ∞, break-even 100 + cost·e^{rT}/2', () => {
    const s = protectivePut({ holding, expiryYears: T, model, put: { strike: 90 } });
    expect(s.cost).toBeCloseTo(2 * PUT90, 10);
    expect(s.floor).toBeCloseTo(180 - 2 * PUT90 * G, 10);
    expect(s.cap).toBe(Infinity);
    expect(s.maxLoss).toBeCloseTo(200 - 180 + 2 * PUT90 * G, 10);
    expect(s.breakEven).toHaveLength(1);
    expect(s.breakEven[0]).toBeCloseTo(100 + PUT90 * G, 10);
    expect(s.pnl(s.breakEven[0]!)).toBeCloseTo(0, 10);
  });

  it('collar 90/120: cost 2(P − C), floor 180 − cost·e^{rT}, cap 240 − cost·e^{rT}', () => {
    const s = collar({ holding, expiryYears: T, model, put: { strike: 90 }, call: { strike: 120 } });
    const cost = 2 * (PUT90 - CALL120);
    expect(s.cost).toBeCloseTo(cost, 10);
    expect(s.floor).toBeCloseTo(180 - cost * G, 10);
    expect(s.cap).toBeCloseTo(240 - cost * G, 10);
    expect(s.breakEven[0]).toBeCloseTo(100 + (cost * G) / 2, 10);
  });

  it('put spread 90/80: protection only between the strikes, floor at S_T → 0 is 2·(90 − 80) − cost·e^{rT}', () => {
    const s = putSpread({ holding, expiryYears: T, model, put: { strike: 90 }, soldPut: { strike: 80 } });
    const cost = 2 * (PUT90 - PUT80);
    expect(s.cost).toBeCloseTo(cost, 10);
    expect(s.floor).toBeCloseTo(20 - cost * G, 10); // V(0) = 0 + 2·10
    expect(s.payoff(85)).toBeCloseTo(180, 12); // flat between the strikes
    expect(s.payoff(70)).toBeCloseTo(140 + 20, 12);
    expect(s.cap).toBe(Infinity);
  });

  it('covered call 120: credit, cap 240 − cost·e^{rT}, floor −cost·e^{rT}', () => {
    const s = coveredCall({ holding, expiryYears: T, model, call: { strike: 120 } });
    expect(s.cost).toBeCloseTo(-2 * CALL120, 10);
    expect(s.cap).toBeCloseTo(240 + 2 * CALL120 * G, 10);
    expect(s.floor).toBeCloseTo(2 * CALL120 * G, 10);
    expect(s.breakEven[0]).toBeCloseTo(100 - CALL120 * G, 10);
  });

  it('a short call beyond the holding has no floor (−∞) and an exact cap', () => {
    const s = optionPackage({ holding: { quantity: 0, spot: 100 }, expiryYears: T, model, legs: [{ type: 'call', strike: 120, quantity: -1 }] });
    expect(s.floor).toBe(-Infinity);
    expect(s.maxLoss).toBe(Infinity);
    expect(s.cap).toBeCloseTo(CALL120 * G, 10); // the premium received, carried
    expect(s.breakEven[0]).toBeCloseTo(120 + CALL120 * G, 10);
  });

  it('Greeks: holding delta q plus the legs\' BSM Greeks (src/options)', () => {
    const s = collar({ holding, expiryYears: T, model, put: { strike: 90 }, call: { strike: 120 } });
    const p = blackScholes({ type: 'put', spot: 100, strike: 90, expiryYears: T, vol: 0.6, rate: 0.03, dividendYield: 0.01 });
    const c = blackScholes({ type: 'call', spot: 100, strike: 120, expiryYears: T, vol: 0.6, rate: 0.03, dividendYield: 0.01 });
    expect(s.greeks.delta).toBeCloseTo(2 + 2 * p.delta - 2 * c.delta, 12);
    expect(s.greeks.gamma).toBeCloseTo(2 * (p.gamma - c.gamma), 12);
    expect(s.greeks.vega).toBeCloseTo(2 * (p.vega - c.vega), 10);
  });

  it('a market premium is used as given and its implied vol reproduces it', () => {
    const s = protectivePut({ holding: { quantity: 1, spot: 100 }, expiryYears: T, model, put: { strike: 90, premium: 12, name: 'X-90-P' } });
    expect(s.cost).toBe(12);
    expect(s.legs[0]!.source).toBe('market');
    expect(s.legs[0]!.name).toBe('X-90-P');
    const back = blackScholes({ type: 'put', spot: 100, strike: 90, expiryYears: T, vol: s.legs[0]!.vol, rate: 0.03, dividendYield: 0.01 });
    expect(back.price).toBeCloseTo(12, 9);
  });

  it('Black-76 with a forward: spot delta = forward delta × F/S', () => {
    const s = protectivePut({ holding: { quantity: 1, spot: 100 }, expiryYears: T, model: { vol: 0.6, forward: 101 }, put: { strike: 90 } });
    // Black-76 = BSM with q = r − ln(F/S)/T at r = 0 (Black 1976)
    const q = -Math.log(1.01) / T;
    const b = blackScholes({ type: 'put', spot: 100, strike: 90, expiryYears: T, vol: 0.6, dividendYield: q });
    expect(s.cost).toBeCloseTo(b.price, 10);
    expect(s.greeks.delta).toBeCloseTo(1 + b.delta, 10);
  });
});

describe('properties (fast-check)', () => {
  it('protective put: every outcome ≥ floor; collar outcomes within [floor, cap]', () => {
    fc.assert(fc.property(
      fc.double({ min: 50, max: 100, noNaN: true }), fc.double({ min: 100, max: 200, noNaN: true }),
      fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0.05, max: 2, noNaN: true }),
      (kp, kc, sT, vol) => {
        const m = { vol, rate: 0.02 };
        const p = protectivePut({ holding, expiryYears: 0.25, model: m, put: { strike: kp } });
        const c = collar({ holding, expiryYears: 0.25, model: m, put: { strike: kp }, call: { strike: kc } });
        const tol = 1e-9 * (1 + sT);
        expect(p.payoff(sT) - p.cost * Math.exp(0.02 * 0.25)).toBeGreaterThanOrEqual(p.floor - tol);
        const v = c.payoff(sT) - c.cost * Math.exp(0.02 * 0.25);
        expect(v).toBeGreaterThanOrEqual(c.floor - tol);
        expect(v).toBeLessThanOrEqual(c.cap + tol);
      }), { seed: 6, numRuns: 200 });
  });

  it('break-evens are roots of the P&L', () => {
    fc.assert(fc.property(fc.double({ min: 60, max: 99, noNaN: true }), fc.double({ min: 101, max: 180, noNaN: true }), (kp, kc) => {
      const c = collar({ holding, expiryYears: T, model, put: { strike: kp }, call: { strike: kc } });
      for (const b of c.breakEven) expect(Math.abs(c.pnl(b))).toBeLessThan(1e-9);
    }), { seed: 7, numRuns: 100 });
  });
});

describe('outcomes on common random numbers', () => {
  const sim = { vol: 0.6, rate: 0.03, dividendYield: 0.01, paths: 100_000, seed: 42 };

  it('terminal prices: mean within 4 SE of S₀e^{(r−q)T} (GBM and Merton jumps)', () => {
    for (const jumps of [undefined, { intensity: 3, mean: -0.1, vol: 0.15 }]) {
      const t = terminalPrices({ spot: 100, vol: 0.6, expiryYears: T, rate: 0.03, dividendYield: 0.01, paths: 100_000, seed: 5, jumps });
      expect(t.expected).toBeCloseTo(100 * Math.exp(0.02 * T), 12);
      expect(Math.abs(t.mean - t.expected)).toBeLessThan(4 * t.standardError);
    }
  });

  it('E[put payoff] on the simulated prices is within 4 SE of the BSM price × e^{rT} (mpmath)', () => {
    const t = terminalPrices({ spot: 100, vol: 0.6, expiryYears: T, rate: 0.03, dividendYield: 0.01, paths: 200_000, seed: 9 });
    let sum = 0, sumSq = 0;
    for (const s of t.spots) { const x = Math.max(90 - s, 0); sum += x; sumSq += x * x; }
    const n = t.spots.length, mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
    expect(Math.abs(mean - PUT90 * G)).toBeLessThan(4 * se);
  });

  it('Merton jumps: E[put payoff] within 4 SE of mertonJumpDiffusion × e^{rT} (Merton 1976 series, src/options/models)', () => {
    const jumps = { intensity: 2, mean: -0.15, vol: 0.2 };
    const t = terminalPrices({ spot: 100, vol: 0.4, expiryYears: T, rate: 0.03, paths: 200_000, seed: 10, jumps });
    let sum = 0, sumSq = 0;
    for (const s of t.spots) { const x = Math.max(90 - s, 0); sum += x; sumSq += x * x; }
    const n = t.spots.length, mean = sum / n, se = Math.sqrt((sumSq / n - mean * mean) / (n - 1));
    const closed = mertonJumpDiffusion({ type: 'put', spot: 100, strike: 90, expiryYears: T, vol: 0.4, rate: 0.03, jumpIntensity: 2, jumpMean: -0.15, jumpVol: 0.2 });
    expect(Math.abs(mean - closed.price * G)).toBeLessThan(4 * se);
  });

  it('risk-neutral expected P&L of each package is the holding\'s forward gain (within 4 SE); floors hold path by path', () => {
    const list = [
      protectivePut({ holding, expiryYears: T, model, put: { strike: 90 } }),
      collar({ holding, expiryYears: T, model, put: { strike: 90 }, call: { strike: 120 } }),
      putSpread({ holding, expiryYears: T, model, put: { strike: 90 }, soldPut: { strike: 80 } }),
      coveredCall({ holding, expiryYears: T, model, call: { strike: 120 } }),
      optionPackage({ name: 'unhedged', holding, expiryYears: T, model, legs: [{ type: 'put', strike: 1, quantity: 0 }] }),
    ];
    const r = compareStrategies({ strategies: list, simulation: sim, confidence: 0.95, lossThreshold: 10 });
    // E[q·S_T] − q·S₀ with S_T's risk-neutral mean; options are priced fairly, so each adds 0 in expectation.
    const forwardGain = 2 * 100 * (Math.exp(0.02 * T) - 1);
    for (const s of r.strategies) expect(Math.abs(s.expectedPnl - forwardGain), s.name).toBeLessThan(4 * s.standardError + 1e-9);
    const [pp, col, , , bare] = r.strategies;
    expect(-pp!.minPnl).toBeLessThanOrEqual(list[0]!.maxLoss + 1e-9);
    expect(-col!.minPnl).toBeLessThanOrEqual(list[1]!.maxLoss + 1e-9);
    expect(col!.maxPnl).toBeLessThanOrEqual(list[1]!.maxGain + 1e-9);
    // protection lowers the tail: CVaR(put) < CVaR(unhedged), and the put's CVaR is its max loss (the tail sits at the floor)
    expect(pp!.expectedShortfall).toBeLessThan(bare!.expectedShortfall);
    expect(pp!.expectedShortfall).toBeCloseTo(list[0]!.maxLoss, 8);
  });

  it('path i depends only on (seed, i): a smaller run is a prefix of a larger one', () => {
    const a = terminalPrices({ spot: 100, vol: 0.6, expiryYears: T, paths: 1000, seed: 77, jumps: { intensity: 5, mean: -0.05, vol: 0.1 } });
    const b = terminalPrices({ spot: 100, vol: 0.6, expiryYears: T, paths: 5000, seed: 77, jumps: { intensity: 5, mean: -0.05, vol: 0.1 } });
    expect(Array.from(b.spots.subarray(0, 1000))).toEqual(Array.from(a.spots));
  });

  it('seeded runs are bit-identical; another seed differs', () => {
    const s = [protectivePut({ holding, expiryYears: T, model, put: { strike: 90 } })];
    const a = compareStrategies({ strategies: s, simulation: { ...sim, paths: 5000 } });
    const b = compareStrategies({ strategies: s, simulation: { ...sim, paths: 5000 } });
    const c = compareStrategies({ strategies: s, simulation: { ...sim, paths: 5000, seed: 43 } });
    expect(b).toEqual(a);
    expect(c.strategies[0]!.expectedPnl).not.toBe(a.strategies[0]!.expectedPnl);
  });
});

describe('bad input: typed errors naming the field and value', () => {
  it('rejects bad fields', () => {
    expectInvalid(() => protectivePut({ holding: { quantity: -1, spot: 100 }, expiryYears: T, model, put: { strike: 90 } }), 'holding.quantity', -1);
    expectInvalid(() => protectivePut({ holding, expiryYears: 0, model, put: { strike: 90 } }), 'expiryYears', 0);
    expectInvalid(() => protectivePut({ holding, expiryYears: T, model, put: { strike: -5 } }), 'put.strike', -5);
    expectInvalid(() => protectivePut({ holding, expiryYears: T, model: { vol: 60 }, put: { strike: 90 } }), 'model.vol', 60);
    expectInvalid(() => collar({ holding, expiryYears: T, model, put: { strike: 90 }, call: { strike: 80 } }), 'call.strike', 80);
    expectInvalid(() => putSpread({ holding, expiryYears: T, model, put: { strike: 90 }, soldPut: { strike: 95 } }), 'soldPut.strike', 95);
    expectInvalid(() => coveredCall({ holding, expiryYears: T, model, call: { strike: 120, premium: NaN } }), 'call.premium', NaN);
    expectInvalid(() => optionPackage({ holding, expiryYears: T, model, legs: [] }), 'legs', []);
    const s = [protectivePut({ holding, expiryYears: T, model, put: { strike: 90 } })];
    expectInvalid(() => compareStrategies({ strategies: s, simulation: { vol: 0.6, paths: 1 } }), 'simulation.paths', 1);
    expectInvalid(() => compareStrategies({ strategies: s, simulation: { vol: 0.6 }, confidence: 1 }), 'confidence', 1);
    const other = protectivePut({ holding, expiryYears: 0.25, model, put: { strike: 90 } });
    expectInvalid(() => compareStrategies({ strategies: [s[0]!, other], simulation: { vol: 0.6 } }), 'strategies[1].expiryYears', 0.25);
    expectInvalid(() => terminalPrices({ spot: 100, vol: 0.5, expiryYears: 1, jumps: { intensity: -1, mean: 0, vol: 0.1 } }), 'model.jumps.intensity', -1);
  });
});

describe('terminal prices with many jumps per step (review: the Poisson inversion stopped at its cap)', () => {
  it('rejects λ·Δt above the Monte Carlo engine bound of 50 instead of drawing ~10λΔt jumps', () => {
    // λ = 1000/year over 1 year in one step: 1000 expected jumps; e^{-1000} underflows to 0, so the
    // inversion would run to its cap (10·λΔt + 100 = 10,100 jumps) on every path.
    expectInvalid(() => terminalPrices({ spot: 100, vol: 0.5, expiryYears: 1, paths: 10, seed: 1,
      jumps: { intensity: 1000, mean: -0.01, vol: 0.01 } }), 'jumps.intensity', 1000);
    // λΔt = 50 exactly is still accepted.
    expect(terminalPrices({ spot: 100, vol: 0.5, expiryYears: 0.05, paths: 10, seed: 1,
      jumps: { intensity: 1000, mean: -0.001, vol: 0.01 } }).spots.length).toBe(10);
  });
});
