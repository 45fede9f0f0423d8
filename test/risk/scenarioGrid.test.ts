// scenarioGrid: full revaluation against the plain-JS oracle (src/reference closed forms), exact zero at the
// unshocked cell, agreement with the Greeks' Taylor expansion for small shocks, health factors, bad input.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPOT_SHOCKS, DEFAULT_VOL_SHOCKS, portfolioRisk, scenarioGrid, type Portfolio } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';
import { MIXED } from './portfolioFixtures.js';
import { referenceValue } from './portfolioReference.js';

useWasm();

describe('scenarioGrid: the default Deribit-style grid on the mixed book', () => {
  const g = () => scenarioGrid(MIXED);
  it('11 spot moves (−50%…+50%) × 5 vol shifts (−20…+20 vol points); legs = 5 option legs × 56 scenarios', () => {
    expect(Array.from(g().spotShocks)).toEqual(DEFAULT_SPOT_SHOCKS);
    expect(Array.from(g().volShocks)).toEqual(DEFAULT_VOL_SHOCKS);
    expect(g().pnlUsd.length).toBe(55);
    expect(g().legsRevalued).toBe(4 * 56);
  });
  it('the unshocked cell (spot 0, vol 0) has P&L exactly 0', () => {
    const grid = g();
    expect(grid.pnlUsd[5 * 5 + 2]).toBe(0);
    expect(grid.valueUsd[5 * 5 + 2]).toBe(grid.baseValueUsd);
  });
  it('the base value equals portfolioRisk.valueUsd (same kernels, greeks level none vs first)', () => {
    expect(Math.abs(g().baseValueUsd - portfolioRisk(MIXED).valueUsd)).toBeLessThan(1e-9);
  });
  it('every cell equals the plain-JS oracle (src/reference) within 1e-9 USD per 1e5 USD of value', () => {
    const grid = g();
    const base = referenceValue(MIXED, {});
    for (let i = 0; i < 11; i++) {
      for (let j = 0; j < 5; j++) {
        const s = grid.spotShocks[i]!, dv = grid.volShocks[j]!;
        const ref = referenceValue(MIXED, { BTC: s, ETH: s }, dv) - base;
        expect(Math.abs(grid.pnlUsd[i * 5 + j]! - ref), `cell ${s}, ${dv}`).toBeLessThan(1e-8);
      }
    }
  });
  it('min health factor per cell = 10·3000·(1 + s)·0.83/15000 (the ETH loan)', () => {
    const grid = g();
    for (let i = 0; i < 11; i++) expect(grid.minHealthFactor[i * 5]!).toBeCloseTo((10 * 3000 * (1 + grid.spotShocks[i]!) * 0.83) / 15000, 13);
  });
  it('a long put: P&L strictly decreases as the spot shock rises', () => {
    const p: Portfolio = { market: { BTC: { spot: 100, vol: 0.5 } }, positions: [{ kind: 'option', underlying: 'BTC', type: 'put', strike: 100, expiryYears: 0.1, quantity: 1 }] };
    const grid = scenarioGrid(p, { volShocks: [0] });
    for (let i = 1; i < 11; i++) expect(grid.pnlUsd[i]!).toBeLessThan(grid.pnlUsd[i - 1]!);
  });
});

describe('scenarioGrid agrees with the Greeks for small shocks (Taylor)', () => {
  it('spot ±0.1%: P&L = Σ_u (δ_u S_u s + ½ Γ_u S_u² s²) + O(s³)', () => {
    const risk = portfolioRisk(MIXED);
    const s = 1e-3;
    const grid = scenarioGrid(MIXED, { spotShocks: [-s, s], volShocks: [0] });
    for (const [k, sh] of [[0, -s], [1, s]] as const) {
      let taylor = 0, third = 0;
      for (const u of risk.underlyings) {
        taylor += u.delta * u.spot * sh + 0.5 * u.gamma * u.spot * u.spot * sh * sh;
        third += Math.abs(u.gamma * u.spot * u.spot) * Math.abs(sh) ** 3;
      }
      // the remainder is third order: bounded here by a generous 50·|Γ S²|·|s|³ (about 0.5 USD on a 120 USD move)
      expect(Math.abs(grid.pnlUsd[k]! - taylor)).toBeLessThan(50 * third + 1e-9);
      expect(Math.abs(grid.pnlUsd[k]! - taylor) / Math.abs(taylor)).toBeLessThan(1e-2);
    }
  });
  it('vol ±0.01 vol point: P&L = Σ vega·Δσ within 1e-3 relative', () => {
    const risk = portfolioRisk(MIXED);
    const dv = 1e-4;
    const grid = scenarioGrid(MIXED, { spotShocks: [0], volShocks: [-dv, dv] });
    const vega = risk.underlyings.reduce((a, u) => a + u.vega, 0);
    expect(Math.abs(grid.pnlUsd[1]! - vega * dv) / Math.abs(vega * dv)).toBeLessThan(1e-3);
    expect(Math.abs(grid.pnlUsd[0]! + vega * dv) / Math.abs(vega * dv)).toBeLessThan(1e-3);
    // the symmetric difference cancels the volga term: (P&L(+) − P&L(−))/2 = vega·Δσ + O(Δσ³)
    expect(Math.abs((grid.pnlUsd[1]! - grid.pnlUsd[0]!) / 2 - vega * dv) / Math.abs(vega * dv)).toBeLessThan(1e-6);
  });
  it('a linear book (spot, perp, loan) is exactly linear: P&L = delta·S·s', () => {
    const p: Portfolio = {
      market: { ETH: { spot: 2_000 } },
      positions: [{ kind: 'spot', underlying: 'ETH', quantity: 3 }, { kind: 'perpetual', underlying: 'ETH', quantity: -5, entryPrice: 1_900 }, { kind: 'loan', underlying: 'ETH', collateral: 4, debt: 3_000, liquidationThreshold: 0.8 }],
    };
    const grid = scenarioGrid(p, { spotShocks: [-0.5, 0.25], volShocks: [0] });
    expect(grid.pnlUsd[0]).toBeCloseTo(2 * 2_000 * -0.5, 9); // delta 3 − 5 + 4 = 2 coins
    expect(grid.pnlUsd[1]).toBeCloseTo(2 * 2_000 * 0.25, 9);
  });
  it('a vol shock below 0 floors the vol: an option at vol 0 is worth its discounted intrinsic value', () => {
    const p: Portfolio = { market: { BTC: { spot: 100, vol: 0.1, rate: 0.05 } }, positions: [{ kind: 'option', underlying: 'BTC', type: 'call', strike: 90, expiryYears: 1, quantity: 1 }] };
    const grid = scenarioGrid(p, { spotShocks: [0], volShocks: [-0.5] });
    expect(grid.valueUsd[0]).toBeCloseTo(100 - 90 * Math.exp(-0.05), 10);
  });
});

describe('scenarioGrid: bad input', () => {
  it('shocks: spot ≤ −1, not finite, empty, not an array; vol out of range', () => {
    expectInvalid(() => scenarioGrid(MIXED, { spotShocks: [-1] }), 'spotShocks[0]', -1);
    expectInvalid(() => scenarioGrid(MIXED, { spotShocks: [0, Number.NaN] }), 'spotShocks[1]', Number.NaN);
    expectInvalid(() => scenarioGrid(MIXED, { spotShocks: [] }), 'spotShocks', undefined);
    expectInvalid(() => scenarioGrid(MIXED, { volShocks: 'x' as unknown as number[] }), 'volShocks', 'x');
    expectInvalid(() => scenarioGrid(MIXED, { volShocks: [20] }), 'volShocks[0]', 20);
  });
  it('portfolio: missing market, bad strike, unknown kind, inverse BSM, missing vol, bad loan threshold', () => {
    const one = (pos: unknown, market: unknown = { BTC: { spot: 100 } }) => () => scenarioGrid({ market, positions: [pos] } as Portfolio);
    expectInvalid(one({ kind: 'spot', underlying: 'SOL', quantity: 1 }), 'positions[0].underlying', 'SOL');
    expectInvalid(one({ kind: 'option', underlying: 'BTC', type: 'call', strike: -5, expiryYears: 1, quantity: 1, vol: 0.5 }), 'positions[0].strike', -5);
    expectInvalid(one({ kind: 'future', underlying: 'BTC', quantity: 1 }), 'positions[0].kind', 'future');
    expectInvalid(one({ kind: 'option', underlying: 'BTC', type: 'call', strike: 100, expiryYears: 1, quantity: 1, vol: 0.5, settlement: 'inverse' }), 'positions[0].settlement', 'inverse');
    expectInvalid(one({ kind: 'option', underlying: 'BTC', type: 'call', strike: 100, expiryYears: 1, quantity: 1 }), 'positions[0].vol', undefined);
    expectInvalid(one({ kind: 'loan', underlying: 'BTC', collateral: 1, debt: 1, liquidationThreshold: 83 }), 'positions[0].liquidationThreshold', 83);
    expectInvalid(one({ kind: 'spot', underlying: 'BTC', quantity: Infinity }), 'positions[0].quantity', Infinity);
    expectInvalid(one({ kind: 'spot', underlying: 'BTC', quantity: 1 }, { BTC: { spot: 0 } }), 'market.BTC.spot', 0);
    expectInvalid(one({ kind: 'option', underlying: 'BTC', type: 'call', strike: 100, expiryYears: 1, quantity: 1, vol: 65 }), 'positions[0].vol', 65);
    expectInvalid(() => scenarioGrid({ market: { BTC: { spot: 1 } }, positions: [] }), 'positions', undefined);
  });
});
