// Regressions for the tester's strategy findings: an arbitrage premium accepted (protectivePut), budget and floor
// together, crossed quotes, the K_put = K_call "collar" (a short forward), Strategy.pnl(NaN / −1), misspelt fields.
import { describe, expect, it } from 'vitest';
import { InvalidInputError, PriceOutOfBoundsError } from '../../src/index.js';
import { optimizeProtection, optionPackage, protectivePut, type ProtectionInstrument } from '../../src/strategies/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const holding = { quantity: 1, spot: 2000 };

describe('protectivePut with a premium below the discounted intrinsic value', () => {
  it('put 2500 on spot 2000 for 100 (intrinsic 500 at r = q = 0, Hull ch. 11 bound p ≥ K·e^{−rT} − S·e^{−qT}) → PriceOutOfBoundsError naming the leg', () => {
    let error: unknown;
    try { protectivePut({ holding, expiryYears: 0.25, model: { vol: 0.8 }, put: { strike: 2500, premium: 100 } }); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(PriceOutOfBoundsError);
    const e = error as PriceOutOfBoundsError;
    expect(e.code).toBe('PRICE_BELOW_INTRINSIC');
    expect(e.bound).toBeCloseTo(500, 10);
    expect(e.message).toContain('put 2500');
    expect(e.message).toContain('(100)');
  });
  it('a premium at or above intrinsic is still accepted (510 → finite Greeks)', () => {
    const s = protectivePut({ holding, expiryYears: 0.25, model: { vol: 0.8 }, put: { strike: 2500, premium: 510 } });
    expect(Number.isFinite(s.greeks.delta)).toBe(true);
    expect(s.maxLoss).toBeGreaterThan(0);
  });
});

describe('Strategy.pnl / payoff arguments', () => {
  const make = () => protectivePut({ holding, expiryYears: 0.25, model: { vol: 0.8 }, put: { strike: 1800 } });
  it('NaN and −1 are rejected naming spotAtExpiry (were NaN / accepted)', () => {
    const s = make();
    expectInvalid(() => s.pnl(NaN), 'spotAtExpiry', NaN);
    expectInvalid(() => s.pnl(-1), 'spotAtExpiry', -1);
    expectInvalid(() => s.payoff(Infinity), 'spotAtExpiry', Infinity);
  });
  it('0 is valid: payoff(0) = q·0 + (1800 − 0) = 1800 (by hand)', () => {
    const s = make();
    expect(s.payoff(0)).toBe(1800);
  });
});

const instruments: ProtectionInstrument[] = [
  { name: 'P90', type: 'put', strike: 90, askPremium: 2, bidPremium: 1.8 },
  { name: 'C110', type: 'call', strike: 110, askPremium: 2, bidPremium: 1.5 },
];
const base = {
  holding: { quantity: 1, spot: 100 }, expiryYears: 0.25, instruments, forward: 100, lotSize: 1, hedgeRatios: [1],
  simulation: { vol: 0.5, paths: 2000, seed: 3 },
};

describe('optimizeProtection', () => {
  it('budget and floor together are a typed error (was: silently objective cost)', () => {
    expectInvalid(() => optimizeProtection({ ...base, budget: 1, floor: 80 }), 'floor', 80);
  });
  it('a crossed quote (ask 1 < bid 1.8) is rejected naming the row', () => {
    const crossed = [{ ...instruments[0]!, askPremium: 1 }, instruments[1]!];
    expectInvalid(() => optimizeProtection({ ...base, instruments: crossed, budget: 1 }), 'instruments[0].askPremium', 1);
  });
  it('model strikes at r = 0 (F = 2000): no candidate collar has K_put ≥ K_call (the put-2000/call-2000 short forward)', () => {
    const r = optimizeProtection({
      holding: { quantity: 1, spot: 2000 }, expiryYears: 0.25, modelStrikes: { strikes: [1800, 1900, 2000, 2100, 2200], model: { vol: 0.6 } },
      budget: 0, simulation: { vol: 0.6, paths: 2000, seed: 1 }, lotSize: 1, hedgeRatios: [1],
    });
    const all = [r.best!, ...r.frontier, ...Object.values(r.frontierByKind).flat()].filter((p) => p && p.kind === 'collar');
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) {
      const put = p.instruments.find((x) => x.type === 'put')!;
      const call = p.instruments.find((x) => x.type === 'call')!;
      expect(put.strike).toBeLessThan(call.strike);
    }
    expect(r.best!.expectedShortfall).toBeGreaterThan(0); // the cost-0, ES-0 short forward is gone
  });
  it('a misspelt field is rejected with the known name suggested', () => {
    let error: unknown;
    try { optimizeProtection({ ...base, Budget: 1 } as never); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toContain('did you mean budget?');
  });
});

describe('misspelt strategy fields', () => {
  it('protectivePut, optionPackage legs, holding and model name the unknown field', () => {
    expectInvalid(() => protectivePut({ holding, expiryYears: 0.25, model: { vol: 0.8 }, Put: { strike: 1800 } } as never), 'Put', undefined);
    expectInvalid(() => protectivePut({ holding, expiryYears: 0.25, model: { vol: 0.8, Rate: 0.05 }, put: { strike: 1800 } } as never), 'model.Rate', 0.05);
    expectInvalid(() => protectivePut({ holding, expiryYears: 0.25, model: { vol: 0.8 }, put: { strike: 1800, premum: 20 } } as never), 'put.premum', 20);
    expectInvalid(() => optionPackage({ holding: { ...holding, Quantity: 2 }, expiryYears: 0.25, model: { vol: 0.8 }, legs: [] } as never), 'holding.Quantity', 2);
  });
});
