// Covered-call vault. Expected values: strike K/S = 1.06130158324743067 at delta 0.25, weekly, vol 0.6, r = q = 0
// (scripts/strategies/closedForms.py, mpmath); exercise probability per period N(d₂) = 0.22435101230969764602 (mpmath, d₂ = d₁ − σ√τ,
// d₁ = N⁻¹(0.25)); a call sold at its fair (risk-neutral) price adds 0 in expectation (within 4 SE).
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';
import { blackScholes } from '../../src/index.js';
import { coveredCallVault } from '../../src/strategies/index.js';

useWasm();

const base = { holding: { quantity: 1, spot: 100 }, roll: 'weekly' as const, periods: 26, deltaTarget: 0.25, vol: 0.6, simulation: { paths: 20_000, seed: 8 } };

describe('coveredCallVault', () => {
  it('strike by delta: K/S matches mpmath and the BSM delta there is the target', () => {
    const r = coveredCallVault(base);
    expect(r.moneyness).toBeCloseTo(1.06130158324743067, 12);
    const g = blackScholes({ type: 'call', spot: 100, strike: 100 * r.moneyness, expiryYears: 7 / 365, vol: 0.6 });
    expect(g.delta).toBeCloseTo(0.25, 12);
    expect(r.premiumFraction).toBeCloseTo(g.price / 100, 14);
    expect(r.annualisedPremiumYield).toBeCloseTo(r.premiumFraction * 365 / 7, 12);
  });

  it('fairly priced calls: E[vault − hold] = 0 within 4 SE; exercise frequency = N(d₂) within 4 SE', () => {
    const r = coveredCallVault(base);
    expect(Math.abs(r.difference.mean)).toBeLessThan(4 * r.difference.standardError);
    const p = 0.22435101230969764602, n = 20_000 * 26;
    expect(Math.abs(r.exerciseFrequency - p)).toBeLessThan(4 * Math.sqrt(p * (1 - p) / n) + 1e-5);
    // the vault's tail is lighter (premiums cushion the fall) and its upside capped
    expect(r.vault.expectedShortfall).toBeLessThan(r.hold.expectedShortfall);
    expect(r.vault.maxPnl).toBeLessThan(r.hold.maxPnl);
  });

  it('calls sold above the realised vol (0.6 implied, 0.4 realised) earn a positive mean (> 4 SE)', () => {
    const r = coveredCallVault({ ...base, simulation: { ...base.simulation, vol: 0.4 } });
    expect(r.difference.mean).toBeGreaterThan(4 * r.difference.standardError);
  });

  it('deterministic and validated', () => {
    expect(coveredCallVault({ ...base, simulation: { paths: 500, seed: 2 } })).toEqual(coveredCallVault({ ...base, simulation: { paths: 500, seed: 2 } }));
    expectInvalid(() => coveredCallVault({ ...base, deltaTarget: 1.2 }), 'deltaTarget', 1.2);
    expectInvalid(() => coveredCallVault({ ...base, roll: 'daily' as 'weekly' }), 'roll', 'daily');
    expectInvalid(() => coveredCallVault({ ...base, periods: 0 }), 'periods', 0);
    expectInvalid(() => coveredCallVault({ ...base, simulation: { vol: -0.1 } }), 'simulation.vol', -0.1);
  });
});
