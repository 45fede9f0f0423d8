// portfolioVaR: historical on the shipped hourly candles (full revaluation), delta-normal and delta-gamma
// against their closed forms, Monte Carlo against the lognormal quantile (within 4 SE), determinism, bad input.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCandles } from '../../src/cli/candles.js';
import { horizonLogReturns, portfolioRisk, portfolioVaR, type Portfolio } from '../../src/index.js';
import { normPdf } from '../../src/reference/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';
import { MIXED } from './portfolioFixtures.js';
import { referenceValue } from './portfolioReference.js';

useWasm();

const file = (coin: string) => fileURLToPath(new URL(`../../data/ohlc/Binance_${coin}USDT_1h.clean.csv`, import.meta.url));
const btc = loadCandles(file('BTC'));
const eth = loadCandles(file('ETH'));
const Z99 = 2.3263478740408411009; // Φ⁻¹(0.99), mpmath 30 digits
const ES99 = 2.6652142203458048132; // φ(Φ⁻¹(0.99))/0.01, mpmath

const spotOnly = (q: number, S: number, vol?: number): Portfolio => ({
  market: { BTC: { spot: S, ...(vol === undefined ? {} : { vol }) } }, positions: [{ kind: 'spot', underlying: 'BTC', quantity: q }],
});

describe('horizonLogReturns', () => {
  it('non-overlapping windows counted back from the newest bar; overlapping = every window', () => {
    const c = [100, 110, 121, 100, 50, 60, 66];
    expect(horizonLogReturns(c, 2).length).toBe(3); // ⌊6/2⌋: ends at bars 6, 4, 2
    expect(Array.from(horizonLogReturns(c, 2))).toEqual([Math.log(121 / 100), Math.log(50 / 121), Math.log(66 / 50)]);
    expect(horizonLogReturns(c, 3, { overlapping: true }).length).toBe(4);
    expectInvalid(() => horizonLogReturns(c, 0), 'horizonBars', 0);
    expectInvalid(() => horizonLogReturns([1, -2], 1), 'close[1]', -2);
  });
});

describe('historical VaR on BTC/ETH hourly candles (daily horizon, 24-bar windows)', () => {
  const rb = horizonLogReturns(btc.close, 24);
  const re = horizonLogReturns(eth.close, 24);
  it('the two files are aligned (same open times), so rows are joint scenarios', () => {
    expect(btc.n).toBe(eth.n);
    expect(btc.openTime[0]).toBe(eth.openTime[0]);
    expect(btc.openTime[btc.n - 1]).toBe(eth.openTime[eth.n - 1]);
  });
  it('1 BTC spot: VaR 99% = −S·(e^{r₍k₎} − 1), r₍k₎ the ⌈0.01·n⌉-th smallest return (order statistic by hand)', () => {
    const S = 60_000;
    const v = portfolioVaR(spotOnly(1, S), { method: 'historical', confidence: 0.99, horizonYears: 1 / 365, returns: { BTC: rb } });
    const sorted = Float64Array.from(rb).sort();
    const n = sorted.length; // 1392 daily windows
    const k = n - Math.ceil(0.99 * n); // losses ascending ↔ returns descending: the ⌈αn⌉-th loss is the (n − ⌈αn⌉ + 1)-th smallest return
    expect(v.valueAtRisk).toBeCloseTo(-S * Math.expm1(sorted[k]!), 6);
    // CVaR (Rockafellar–Uryasev): with ⌈αn⌉/n − α mass at VaR and the worse losses at 1/n each
    let tail = (Math.ceil(0.99 * n) / n - 0.99) * -S * Math.expm1(sorted[k]!);
    for (let j = 0; j < k; j++) tail += (-S * Math.expm1(sorted[j]!)) / n;
    expect(v.expectedShortfall).toBeCloseTo(tail / 0.01, 6);
    expect(v.pnlUsd!.length).toBe(n);
  });
  it('mixed BTC/ETH book: each scenario P&L equals the plain-JS oracle at horizon 1 day (options aged)', () => {
    const h = 1 / 365;
    const v = portfolioVaR(MIXED, { method: 'historical', confidence: 0.99, horizonYears: h, returns: { BTC: rb, ETH: re } });
    const base = referenceValue(MIXED, {});
    for (const j of [0, 100, 700, rb.length - 1]) {
      const ref = referenceValue(MIXED, { BTC: Math.expm1(rb[j]!), ETH: Math.expm1(re[j]!) }, 0, h) - base;
      expect(Math.abs(v.pnlUsd![j]! - ref)).toBeLessThan(1e-7);
    }
    expect(v.expectedShortfall).toBeGreaterThanOrEqual(v.valueAtRisk);
  });
  it('zero returns at horizon 0: every P&L is exactly 0, VaR = ES = 0', () => {
    const v = portfolioVaR(MIXED, { method: 'historical', confidence: 0.95, horizonYears: 0, returns: { BTC: [0, 0, 0], ETH: [0, 0, 0] } });
    expect(Array.from(v.pnlUsd!)).toEqual([0, 0, 0]);
    expect(v.valueAtRisk).toBe(-0);
  });
});

describe('parametric VaR', () => {
  it('delta-normal, 1 BTC at 60,000, σ 0.6, 1 day: VaR = S·σ·√h·z₀.₉₉, ES = S·σ·√h·φ(z)/0.01', () => {
    const sd = 60_000 * 0.6 * Math.sqrt(1 / 365);
    const v = portfolioVaR(spotOnly(1, 60_000, 0.6), { method: 'delta-normal', confidence: 0.99, horizonYears: 1 / 365 });
    expect(v.valueAtRisk / (sd * Z99) - 1).toBeCloseTo(0, 12);
    expect(v.expectedShortfall / (sd * ES99) - 1).toBeCloseTo(0, 12);
  });
  it('delta-normal with two underlyings: σ_P² = δ_BΣδ_B + δ_EΣδ_E + 2ρ…; a perfectly hedged ρ = 1 book has VaR 0', () => {
    const p: Portfolio = {
      market: { BTC: { spot: 60_000, vol: 0.6 }, ETH: { spot: 3_000, vol: 0.8 } },
      positions: [{ kind: 'spot', underlying: 'BTC', quantity: 1 }, { kind: 'spot', underlying: 'ETH', quantity: -10 }],
    };
    const rho = 0.7, h = 1 / 365;
    const v = portfolioVaR(p, { method: 'delta-normal', confidence: 0.99, horizonYears: h, correlation: { underlyings: ['ETH', 'BTC'], matrix: [[1, rho], [rho, 1]] } });
    const a = 60_000 * 0.6, b = -30_000 * 0.8;
    expect(v.sdPnlUsd! / Math.sqrt((a * a + b * b + 2 * rho * a * b) * h) - 1).toBeCloseTo(0, 12);
  });
  it('delta-gamma, one underlying: mean ½Γσ²h, variance δ²σ²h + ½Γ²σ⁴h² (normal quadratic form)', () => {
    const p: Portfolio = { market: { BTC: { spot: 60_000, vol: 0.6 } }, positions: [{ kind: 'option', underlying: 'BTC', type: 'put', strike: 60_000, expiryYears: 0.1, quantity: -3 }] };
    const g = portfolioRisk(p).underlyings[0]!;
    const d = g.delta * 60_000, G = g.gamma * 60_000 ** 2, s2 = 0.36 * 0.05;
    const v = portfolioVaR(p, { method: 'delta-gamma', confidence: 0.99, horizonYears: 0.05 });
    expect(v.meanPnlUsd! / (0.5 * G * s2) - 1).toBeCloseTo(0, 12);
    expect(v.sdPnlUsd! / Math.sqrt(d * d * s2 + 0.5 * G * G * s2 * s2) - 1).toBeCloseTo(0, 12);
    expect(v.valueAtRisk).toBeCloseTo(-v.meanPnlUsd! + Z99 * v.sdPnlUsd!, 8);
    // a short put has negative gamma: the delta-gamma VaR exceeds the delta-normal one
    expect(v.valueAtRisk).toBeGreaterThan(portfolioVaR(p, { method: 'delta-normal', confidence: 0.99, horizonYears: 0.05 }).valueAtRisk);
  });
});

describe('Monte Carlo VaR (seeded GBM, full revaluation)', () => {
  it('1 BTC, σ 0.8, μ 0, h 10 days: VaR₀.₉₉ = S(1 − e^{−σ²h/2 − σ√h z}) within 4 SE of the order statistic', () => {
    const S = 60_000, sig = 0.8, h = 10 / 365, n = 40_000, a = 0.99;
    const v = portfolioVaR(spotOnly(1, S, sig), { method: 'monte-carlo', confidence: a, horizonYears: h, paths: n, seed: 7 });
    const y = -0.5 * sig * sig * h - sig * Math.sqrt(h) * Z99;
    const exact = -S * Math.expm1(y);
    // SE of an α-quantile: √(α(1−α)/n) / f(q); the loss density at VaR is φ(z)/(σ√h) / (S e^{y})
    const density = normPdf(Z99) / (sig * Math.sqrt(h)) / (S * Math.exp(y));
    const se = Math.sqrt((a * (1 - a)) / n) / density;
    expect(Math.abs(v.valueAtRisk - exact)).toBeLessThan(4 * se);
    expect(v.pnlUsd!.length).toBe(n);
  });
  it('is deterministic in the seed and changes with it', () => {
    const o = { method: 'monte-carlo' as const, confidence: 0.95, horizonYears: 1 / 365, paths: 500 };
    const book: Portfolio = { ...MIXED, market: { ...MIXED.market, ETH: { spot: 3_000, vol: 0.8 } } };
    const a = portfolioVaR(book, { ...o, seed: 3, correlation: { underlyings: ['BTC', 'ETH'], matrix: [[1, 0.8], [0.8, 1]] } });
    const b = portfolioVaR(book, { ...o, seed: 3, correlation: { underlyings: ['BTC', 'ETH'], matrix: [[1, 0.8], [0.8, 1]] } });
    const c = portfolioVaR(book, { ...o, seed: 4, correlation: { underlyings: ['BTC', 'ETH'], matrix: [[1, 0.8], [0.8, 1]] } });
    expect(Array.from(a.pnlUsd!)).toEqual(Array.from(b.pnlUsd!));
    expect(a.valueAtRisk).not.toBe(c.valueAtRisk);
  });
  it('ρ = 1 and equal vols: long 1 BTC, short S_B/S_E ETH moves together, every P&L ≈ 0', () => {
    const p: Portfolio = {
      market: { BTC: { spot: 60_000, vol: 0.7 }, ETH: { spot: 3_000, vol: 0.7 } },
      positions: [{ kind: 'spot', underlying: 'BTC', quantity: 1 }, { kind: 'spot', underlying: 'ETH', quantity: -20 }],
    };
    const v = portfolioVaR(p, { method: 'monte-carlo', confidence: 0.99, horizonYears: 0.1, paths: 1_000, correlation: { underlyings: ['BTC', 'ETH'], matrix: [[1, 1], [1, 1]] } });
    for (const x of v.pnlUsd!) expect(Math.abs(x)).toBeLessThan(1e-8);
  });
  it('sample mean and variance of the GBM log returns match (μ − σ²/2)h and σ²h within 4 SE', () => {
    const S = 100, sig = 0.5, h = 0.25, n = 20_000;
    const v = portfolioVaR(spotOnly(1, S, sig), { method: 'monte-carlo', confidence: 0.9, horizonYears: h, paths: n, seed: 11, drift: { BTC: 0.2 } });
    const lr = Array.from(v.pnlUsd!, (x) => Math.log1p(x / S));
    const m = lr.reduce((s, x) => s + x, 0) / n;
    const var_ = lr.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
    expect(Math.abs(m - (0.2 - 0.125) * h)).toBeLessThan(4 * sig * Math.sqrt(h / n));
    expect(Math.abs(var_ - sig * sig * h)).toBeLessThan(4 * sig * sig * h * Math.sqrt(2 / (n - 1)));
  });
});

describe('portfolioVaR: bad input', () => {
  const p = spotOnly(1, 100, 0.5);
  it('method, confidence, horizon, returns, vol, correlation, paths, seed', () => {
    expectInvalid(() => portfolioVaR(p, { method: 'cornish' as 'historical', confidence: 0.99, horizonYears: 0.01 }), 'method', 'cornish');
    expectInvalid(() => portfolioVaR(p, { method: 'delta-normal', confidence: 99, horizonYears: 0.01 }), 'confidence', 99);
    expectInvalid(() => portfolioVaR(p, { method: 'delta-normal', confidence: 0.99, horizonYears: 365 }), 'horizonYears', 365);
    expectInvalid(() => portfolioVaR(p, { method: 'historical', confidence: 0.99, horizonYears: 0.01, returns: { ETH: [0.1] } }), 'returns', undefined);
    expectInvalid(() => portfolioVaR(MIXED, { method: 'historical', confidence: 0.99, horizonYears: 0.01, returns: { BTC: [0.1, 0], ETH: [0.1] } }), 'returns.ETH.length', 1);
    expectInvalid(() => portfolioVaR(p, { method: 'historical', confidence: 0.99, horizonYears: 0.01, returns: { BTC: [0.1, Number.NaN] } }), 'returns.BTC[1]', Number.NaN);
    expectInvalid(() => portfolioVaR(spotOnly(1, 100), { method: 'delta-normal', confidence: 0.99, horizonYears: 0.01 }), 'market.BTC.vol', undefined);
    const m2: Portfolio = { market: { BTC: { spot: 1, vol: 0.5 }, ETH: { spot: 1, vol: 0.5 } }, positions: [{ kind: 'spot', underlying: 'BTC', quantity: 1 }, { kind: 'spot', underlying: 'ETH', quantity: 1 }] };
    expectInvalid(() => portfolioVaR(m2, { method: 'delta-normal', confidence: 0.99, horizonYears: 0.01 }), 'correlation', undefined);
    expectInvalid(() => portfolioVaR(m2, { method: 'delta-normal', confidence: 0.99, horizonYears: 0.01, correlation: { underlyings: ['BTC', 'ETH'], matrix: [[1, 0.5], [0.4, 1]] } }), 'correlation.matrix[0][1]', 0.5);
    expectInvalid(() => portfolioVaR(m2, { method: 'monte-carlo', confidence: 0.99, horizonYears: 0.01, correlation: { underlyings: ['BTC', 'ETH'], matrix: [[1, 1.5], [1.5, 1]] } }), 'correlation.matrix[0][1]', 1.5);
    expectInvalid(() => portfolioVaR(p, { method: 'monte-carlo', confidence: 0.99, horizonYears: 0.01, paths: 1.5 }), 'paths', 1.5);
    expectInvalid(() => portfolioVaR(p, { method: 'monte-carlo', confidence: 0.99, horizonYears: 0.01, seed: -1 }), 'seed', -1);
  });
  it('a correlation matrix that is not positive semidefinite', () => {
    const m3: Portfolio = { market: { A: { spot: 1, vol: 0.5 }, B: { spot: 1, vol: 0.5 }, C: { spot: 1, vol: 0.5 } }, positions: ['A', 'B', 'C'].map((u) => ({ kind: 'spot' as const, underlying: u, quantity: 1 })) };
    const bad = [[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]];
    expectInvalid(() => portfolioVaR(m3, { method: 'monte-carlo', confidence: 0.99, horizonYears: 0.01, paths: 10, correlation: { underlyings: ['A', 'B', 'C'], matrix: bad } }), 'correlation.matrix', undefined);
  });
});
