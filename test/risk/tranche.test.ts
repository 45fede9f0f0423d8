// trancheLosses and coverPremium: hand-computed cases, exact partition sums on dyadic data, properties
// (fast-check, fixed seed): partition conservation and monotone seniority; bad input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverPremium, trancheLosses } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';

const STACK = [
  { name: 'equity', attachment: 0, detachment: 0.05 },
  { name: 'mezzanine', attachment: 0.05, detachment: 0.25 },
  { name: 'senior', attachment: 0.25, detachment: 1 },
];

describe('trancheLosses: hand-computed case (pool 100 USD, losses 0, 10, 30, 60, 100, 150, equal weights)', () => {
  // ℓ = 0, 0.1, 0.3, 0.6, 1, 1 (150 capped at the pool). Tranche losses per scenario (fractions of the pool):
  // equity 0, .05, .05, .05, .05, .05 (Σ 0.25); mezzanine 0, .05, .2, .2, .2, .2 (Σ 0.85); senior 0, 0, .05, .35, .75, .75 (Σ 1.9)
  const r = () => trancheLosses({ losses: [0, 10, 30, 60, 100, 150], poolSize: 100, tranches: STACK, horizonYears: 0.5 });
  it('pool: E[min(L, 100)] = 50, uncapped E[L] = 350/6, P(L > 0) = 5/6', () => {
    expect(r().pool.expectedLossUsd).toBeCloseTo(50, 12);
    expect(r().pool.uncappedExpectedLossUsd).toBeCloseTo(350 / 6, 12);
    expect(r().pool.probabilityOfLoss).toBeCloseTo(5 / 6, 15);
    expect(r().coversPool).toBe(true);
  });
  it('expected loss (USD and fraction of tranche notional), impairment and exhaustion probabilities', () => {
    const [eq, mz, sr] = r().tranches as [ReturnType<typeof r>['tranches'][0], ReturnType<typeof r>['tranches'][0], ReturnType<typeof r>['tranches'][0]];
    expect(eq.expectedLossUsd).toBeCloseTo(25 / 6, 12);
    expect(eq.expectedLoss).toBeCloseTo(5 / 6, 12);
    expect(mz.expectedLossUsd).toBeCloseTo(85 / 6, 12);
    expect(mz.expectedLoss).toBeCloseTo(4.25 / 6, 12);
    expect(sr.expectedLossUsd).toBeCloseTo(190 / 6, 12);
    expect(sr.expectedLoss).toBeCloseTo(1.9 / 4.5, 12);
    expect([eq.probabilityOfImpairment, mz.probabilityOfImpairment, sr.probabilityOfImpairment].map((x) => x * 6)).toEqual([5, 5, 4].map((x) => expect.closeTo(x, 12)));
    expect([eq.probabilityOfExhaustion, mz.probabilityOfExhaustion, sr.probabilityOfExhaustion].map((x) => x * 6)).toEqual([5, 4, 2].map((x) => expect.closeTo(x, 12)));
    expect(sr.notionalUsd).toBe(75);
  });
  it('fair spread = expected loss fraction / horizon (zero rates, initial notional): senior 0.4222/0.5 = 0.8444 per year', () => {
    for (const t of r().tranches) expect(t.fairSpread).toBe(t.expectedLoss / 0.5);
    expect(r().tranches[2]!.fairSpread).toBeCloseTo((1.9 / 4.5) / 0.5, 12);
  });
  it('a distribution (values + probabilities) equals the sample it summarises', () => {
    const a = trancheLosses({ losses: [0, 0, 0, 40], poolSize: 100, tranches: STACK });
    const b = trancheLosses({ losses: [0, 40], weights: [3, 1], poolSize: 100, tranches: STACK });
    a.tranches.forEach((t, k) => expect(b.tranches[k]!.expectedLossUsd).toBeCloseTo(t.expectedLossUsd, 12));
  });
});

describe('tranche expected losses sum to the pool expected loss (a partition of [0, 1])', () => {
  it('exactly (===) on dyadic data: pool 64, losses 0…64 in 8 scenarios, tranches at 1/8 and 1/2', () => {
    const tranches = [
      { name: 'junior', attachment: 0, detachment: 0.125 },
      { name: 'mezz', attachment: 0.125, detachment: 0.5 },
      { name: 'senior', attachment: 0.5, detachment: 1 },
    ];
    const r = trancheLosses({ losses: [0, 3, 8, 13, 32, 40, 64, 64], poolSize: 64, tranches });
    const sum = r.tranches.reduce((s, t) => s + t.expectedLossUsd, 0);
    expect(sum).toBe(r.pool.expectedLossUsd);
    expect(r.pool.expectedLossUsd).toBe((0 + 3 + 8 + 13 + 32 + 40 + 64 + 64) / 8);
  });
  it('property: random samples and random partitions conserve the expected loss (to 1e-12 relative)', () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 2e6, noNaN: true }), { minLength: 1, maxLength: 60 }),
      fc.uniqueArray(fc.double({ min: 0.001, max: 0.999, noNaN: true }), { minLength: 0, maxLength: 6 }),
      (losses, cuts) => {
        const pts = [0, ...[...cuts].sort((a, b) => a - b), 1];
        const tranches = pts.slice(1).map((d, k) => ({ name: `t${k}`, attachment: pts[k]!, detachment: d })).filter((t) => t.detachment > t.attachment);
        const r = trancheLosses({ losses, poolSize: 1e6, tranches });
        const sum = r.tranches.reduce((s, t) => s + t.expectedLossUsd, 0);
        expect(Math.abs(sum - r.pool.expectedLossUsd)).toBeLessThanOrEqual(1e-12 * Math.max(r.pool.expectedLossUsd, 1e-300) + 1e-9);
        // monotone seniority: expected-loss fraction and impairment probability never rise with seniority
        for (let k = 1; k < r.tranches.length; k++) {
          expect(r.tranches[k]!.expectedLoss).toBeLessThanOrEqual(r.tranches[k - 1]!.expectedLoss + 1e-12);
          expect(r.tranches[k]!.probabilityOfImpairment).toBeLessThanOrEqual(r.tranches[k - 1]!.probabilityOfImpairment);
        }
      },
    ), { seed: 20261129, numRuns: 300 });
  });
});

describe('coverPremium (Kaas et al. 2008 §5.2 premium principles)', () => {
  // losses 0, 0, 100, 300: E = 100, SD (population) = √((1e4 + 1e4 + 0 + 4e4)/4) = √15000 = 122.4744871…
  it('expected-value principle: (1 + 0.25)·100 = 125', () => {
    const p = coverPremium({ losses: [0, 0, 100, 300], riskLoading: 0.25 });
    expect(p.premiumUsd).toBeCloseTo(125, 12);
    expect(p.principle).toBe('expected-value');
    expect(p.sdLossUsd).toBeCloseTo(Math.sqrt(15000), 12);
  });
  it('standard-deviation principle: 100 + 0.5·√15000 = 161.2372436', () => {
    expect(coverPremium({ losses: [0, 0, 100, 300], riskLoading: 0.5, principle: 'standard-deviation' }).premiumUsd).toBeCloseTo(100 + 0.5 * Math.sqrt(15000), 10);
  });
  it('a layer: deductible 50, limit 200 pays 0, 0, 50, 200 → E = 62.5; weights as probabilities', () => {
    expect(coverPremium({ losses: [0, 0, 100, 300], riskLoading: 0, deductibleUsd: 50, limitUsd: 200 }).premiumUsd).toBeCloseTo(62.5, 12);
    expect(coverPremium({ losses: [0, 100, 300], weights: [2, 1, 1], riskLoading: 0.25 }).premiumUsd).toBeCloseTo(125, 12);
  });
});

describe('tranche and cover: bad input', () => {
  it('names the field and value', () => {
    expectInvalid(() => trancheLosses({ losses: [1, -2], poolSize: 10, tranches: STACK }), 'losses[1]', -2);
    expectInvalid(() => trancheLosses({ losses: [], poolSize: 10, tranches: STACK }), 'losses', undefined);
    expectInvalid(() => trancheLosses({ losses: [1], poolSize: 0, tranches: STACK }), 'poolSize', 0);
    expectInvalid(() => trancheLosses({ losses: [1], poolSize: 10, tranches: [{ name: 'a', attachment: 0.5, detachment: 0.2 }] }), 'tranches[0].detachment', 0.2);
    expectInvalid(() => trancheLosses({ losses: [1], poolSize: 10, tranches: [{ name: 'a', attachment: 0, detachment: 5 }] }), 'tranches[0].detachment', 5);
    expectInvalid(() => trancheLosses({ losses: [1], poolSize: 10, tranches: [{ name: 'a', attachment: 0, detachment: 0.5 }, { name: 'b', attachment: 0.4, detachment: 1 }] }), 'tranches[1].attachment', 0.4);
    expectInvalid(() => trancheLosses({ losses: [1], poolSize: 10, tranches: [] }), 'tranches', undefined);
    expectInvalid(() => trancheLosses({ losses: [1], weights: [1, 2], poolSize: 10, tranches: STACK }), 'weights.length', 2);
    expectInvalid(() => coverPremium({ losses: [1], riskLoading: -0.1 }), 'riskLoading', -0.1);
    expectInvalid(() => coverPremium({ losses: [1], riskLoading: 0.1, principle: 'esscher' as 'expected-value' }), 'principle', 'esscher');
    expectInvalid(() => coverPremium({ losses: [1], riskLoading: 0.1, limitUsd: 0 }), 'limitUsd', 0);
  });
  it('partial stacks are allowed but flagged: coversPool false', () => {
    expect(trancheLosses({ losses: [1], poolSize: 10, tranches: [{ name: 'a', attachment: 0.1, detachment: 0.2 }] }).coversPool).toBe(false);
  });
});

describe('tranching the bad debt of a liquidation-cascade Monte Carlo (src/lending cascadeMonteCarlo)', () => {
  it('pool expected loss = the cascade’s own mean bad debt; tranches conserve it; the zero-loading premium is that mean', async () => {
    const { cascadeMonteCarlo, init } = await import('../../src/index.js');
    const { DEBUG_WASM } = await import('../helpers/wasm.js');
    await init({ wasm: DEBUG_WASM });
    const n = 300;
    const collateral = new Float64Array(n), debt = new Float64Array(n);
    for (let i = 0; i < n; i++) { collateral[i] = 1 + (i % 13); debt[i] = collateral[i]! * 2000 * 0.83 * (0.6 + (0.39 * ((i * 7919) % 1000)) / 1000); }
    const mc = await cascadeMonteCarlo({
      book: { collateral, debt, liquidationThreshold: 0.83, liquidationBonus: 0.05 },
      venue: { type: 'constantProduct', reserveRisky: 1500, reserveStable: 3e6, fee: 0.003 },
      model: { type: 'merton', vol: 0.9, jumpIntensity: 30, jumpMean: -0.15, jumpVol: 0.1 }, horizonYears: 2 / 365, steps: 48, paths: 400, seed: 5,
    });
    const losses = mc.outcomes.badDebt;
    expect(mc.badDebt.probabilityPositive).toBeGreaterThan(0.05); // the cascade does leave bad debt on some paths
    let poolSize = 0;
    for (const d of debt) poolSize += d;
    const r = trancheLosses({ losses, poolSize, tranches: [
      { name: 'first-loss', attachment: 0, detachment: 0.01 }, { name: 'mezzanine', attachment: 0.01, detachment: 0.05 }, { name: 'senior', attachment: 0.05, detachment: 1 },
    ], horizonYears: 2 / 365 });
    expect(r.pool.probabilityOfLoss).toBeCloseTo(mc.badDebt.probabilityPositive, 12);
    expect(r.pool.uncappedExpectedLossUsd).toBeCloseTo(mc.badDebt.mean, 6);
    expect(r.pool.expectedLossUsd).toBeCloseTo(mc.badDebt.mean, 6); // no path loses more than the whole book's debt
    const sum = r.tranches.reduce((s, t) => s + t.expectedLossUsd, 0);
    expect(Math.abs(sum - r.pool.expectedLossUsd)).toBeLessThanOrEqual(1e-12 * r.pool.expectedLossUsd);
    expect(coverPremium({ losses, riskLoading: 0 }).premiumUsd).toBeCloseTo(mc.badDebt.mean, 6);
  });
});
