// Structural properties of the exotic closed forms: in/out parity, limits at expiry 0 and vol 0, finiteness
// over extreme valid inputs, continuity where the formulas switch branches (zero carry, imaginary λ,
// small vol, discrete monitoring), and Greeks against differences of the price.
import { describe, expect, it } from 'vitest';
import { barrierOption, blackScholes, geometricAsian, lookbackOption } from '../../../src/index.js';
import type { BarrierOptionInput, ExoticResult } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';
import { close } from './helpers.js';

useWasm();

const TYPES = ['call', 'put'] as const;
const DIRS = ['down', 'up'] as const;
const MARKETS = [
  { spot: 100, strike: 100, rate: 0.05, dividendYield: 0.02, vol: 0.25, expiryYears: 1 },
  { spot: 42000, strike: 45000, rate: 0.045, dividendYield: 0, vol: 0.8, expiryYears: 30 / 365 },
  { spot: 100, strike: 90, rate: -0.01, dividendYield: 0.03, vol: 0.15, expiryYears: 2 },
  { spot: 1.2, strike: 1.5, rate: 0.1, dividendYield: 0.1, vol: 2.5, expiryYears: 5 },
  { spot: 100, strike: 105, rate: 0.03, dividendYield: 0.01, vol: 0.01, expiryYears: 0.5 },
];

function finite(r: ExoticResult, label: string): void {
  for (const k of ['price', 'delta', 'vega'] as const) if (!Number.isFinite(r[k])) expect.fail(`${label}: ${k} = ${r[k]}`);
}

describe('barrier in/out parity', () => {
  for (const [m, mk] of MARKETS.entries()) for (const type of TYPES) for (const direction of DIRS) {
    const barrier = direction === 'down' ? mk.spot * 0.9 : mk.spot * 1.12;
    it(`market ${m} ${direction} ${type}: in + out = vanilla (rebate 0)`, () => {
      const b: BarrierOptionInput = { type, ...mk, barrier, direction, knock: 'in' };
      const van = blackScholes({ type, ...mk });
      const sum = barrierOption(b).price + barrierOption({ ...b, knock: 'out' }).price;
      close(sum, van.price, 1e-11, 1e-13 * mk.spot);
      const dsum = barrierOption(b).delta + barrierOption({ ...b, knock: 'out' }).delta;
      close(dsum, van.delta, 1e-6, 1e-7);
      const vsum = barrierOption(b).vega + barrierOption({ ...b, knock: 'out' }).vega;
      close(vsum, van.vega, 1e-6, 1e-7 * mk.spot);
    });
    it(`market ${m} ${direction} ${type}: at rate 0, in + out = vanilla + rebate (at expiry + at hit)`, () => {
      const mk0 = { ...mk, rate: 0 };
      const b: BarrierOptionInput = { type, ...mk0, barrier, direction, knock: 'in', rebate: 7 };
      const sum = barrierOption(b).price + barrierOption({ ...b, knock: 'out' }).price;
      close(sum, blackScholes({ type, ...mk0 }).price + 7, 1e-11, 1e-12 * mk.spot);
    });
  }
  it('parity with discrete monitoring (the same shifted barrier on both sides)', () => {
    const b: BarrierOptionInput = { type: 'call', ...MARKETS[0]!, barrier: 90, direction: 'down', knock: 'in', monitoring: 'discrete', fixings: 52 };
    close(barrierOption(b).price + barrierOption({ ...b, knock: 'out' }).price, blackScholes({ type: 'call', ...MARKETS[0]! }).price, 1e-12);
  });
});

describe('limits: expiry 0 and vol 0', () => {
  const mk = { spot: 100, rate: 0.05, dividendYield: 0.01 };
  it('expiry 0: Asian, barrier and lookback are worth their payoff', () => {
    close(geometricAsian({ type: 'call', ...mk, strike: 95, vol: 0.3, expiryYears: 0 }).price, 5, 1e-15);
    close(geometricAsian({ type: 'put', ...mk, strike: 95, vol: 0.3, expiryYears: 0, fixings: 12 }).price, 0, 0);
    close(barrierOption({ type: 'call', ...mk, strike: 95, vol: 0.3, expiryYears: 0, barrier: 90, direction: 'down', knock: 'out', rebate: 2 }).price, 5, 1e-15);
    close(barrierOption({ type: 'call', ...mk, strike: 95, vol: 0.3, expiryYears: 0, barrier: 90, direction: 'down', knock: 'in', rebate: 2 }).price, 2, 1e-15);
    close(lookbackOption({ type: 'call', ...mk, strikeType: 'floating', runningExtremum: 80, vol: 0.3, expiryYears: 0 }).price, 20, 1e-15);
    close(lookbackOption({ type: 'call', ...mk, strikeType: 'fixed', strike: 90, runningExtremum: 130, vol: 0.3, expiryYears: 0 }).price, 40, 1e-15);
    const d = geometricAsian({ type: 'call', ...mk, strike: 95, vol: 0.3, expiryYears: 0 });
    expect(d.delta).toBe(1);
    expect(d.vega).toBe(0);
  });
  it('vol 0: the deterministic forward path', () => {
    const T = 1, r = 0.05, q = 0.01, b = r - q;
    const F = 100 * Math.exp(b * T);
    const avg = 100 * Math.exp(b * T / 2); // continuous geometric average of S·e^{bt}
    close(geometricAsian({ type: 'call', ...mk, strike: 95, vol: 0, expiryYears: T }).price, Math.exp(-r * T) * (avg - 95), 1e-14);
    // up-and-out call, barrier 103 hit at t* = ln(1.03)/b: rebate discounted from t*
    const tStar = Math.log(1.03) / b;
    close(barrierOption({ type: 'call', ...mk, strike: 95, vol: 0, expiryYears: T, barrier: 103, direction: 'up', knock: 'out', rebate: 2 }).price, 2 * Math.exp(-r * tStar), 1e-14);
    close(barrierOption({ type: 'call', ...mk, strike: 95, vol: 0, expiryYears: T, barrier: 103, direction: 'up', knock: 'in', rebate: 2 }).price, Math.exp(-r * T) * (F - 95), 1e-14);
    close(barrierOption({ type: 'call', ...mk, strike: 95, vol: 0, expiryYears: T, barrier: 90, direction: 'down', knock: 'in', rebate: 2 }).price, 2 * Math.exp(-r * T), 1e-14);
    close(lookbackOption({ type: 'put', ...mk, strikeType: 'floating', vol: 0, expiryYears: T }).price, 0, 0, 1e-13);
    close(lookbackOption({ type: 'call', ...mk, strikeType: 'floating', vol: 0, expiryYears: T }).price, Math.exp(-r * T) * (F - 100), 1e-14);
    close(lookbackOption({ type: 'call', ...mk, strikeType: 'fixed', strike: 100, runningExtremum: 104, vol: 0, expiryYears: T }).price, Math.exp(-r * T) * (F - 100), 1e-14);
  });
  it('vol → 0 approaches the vol-0 values (barrier, lookback, Asian)', () => {
    const base = { ...mk, expiryYears: 1 };
    const cases: [(v: number) => number][] = [
      [(v) => barrierOption({ type: 'call', ...base, strike: 95, vol: v, barrier: 103, direction: 'up', knock: 'out', rebate: 2 }).price],
      [(v) => barrierOption({ type: 'put', ...base, strike: 110, vol: v, barrier: 95, direction: 'down', knock: 'in', rebate: 2 }).price],
      [(v) => lookbackOption({ type: 'put', ...base, strikeType: 'fixed', strike: 105, vol: v }).price],
      [(v) => geometricAsian({ type: 'call', ...base, strike: 95, vol: v, fixings: 4 }).price],
    ];
    for (const [f] of cases) {
      const v0 = f(0);
      expect(Number.isFinite(f(1e-6))).toBe(true);
      close(f(1e-4), v0, 1e-3, 1e-3);
    }
  });
});

describe('no NaN for valid inputs', () => {
  it('extreme valid inputs give finite price, delta, vega', () => {
    const spots = [1.1e-100, 1, 9e99];
    const vols = [0, 1e-8, 0.003, 1, 10];
    const Ts = [0, 1e-6, 1, 50];
    const rates = [-1, 0, 1];
    for (const spot of spots) for (const vol of vols) for (const expiryYears of Ts) for (const rate of rates) for (const dividendYield of [0, 0.7]) {
      const c = { spot, vol, expiryYears, rate, dividendYield };
      const label = JSON.stringify(c);
      for (const type of TYPES) {
        finite(geometricAsian({ type, ...c, strike: spot }), `asian ${label}`);
        finite(geometricAsian({ type, ...c, strike: spot * 1.1, fixings: 12 }), `asian12 ${label}`);
        for (const direction of DIRS) for (const knock of ['in', 'out'] as const) {
          const barrier = direction === 'down' ? spot * 0.95 : spot * 1.05;
          finite(barrierOption({ type, ...c, strike: spot, barrier, direction, knock, rebate: spot * 0.01 }), `barrier ${direction} ${knock} ${type} ${label}`);
        }
        finite(lookbackOption({ type, ...c, strikeType: 'floating' }), `lookback floating ${type} ${label}`);
        finite(lookbackOption({ type, ...c, strikeType: 'fixed', strike: spot }), `lookback fixed ${type} ${label}`);
      }
    }
  });
});

describe('continuity across branches', () => {
  it('lookbacks: carry b = r − q of ±1e-9, ±1e-5 against b = 0', () => {
    for (const [type, strikeType, ext] of [['call', 'floating', 90], ['put', 'floating', 110], ['call', 'fixed', 110], ['put', 'fixed', 90]] as const) {
      const f = (q: number) => lookbackOption({ type, strikeType, ...(strikeType === 'fixed' ? { strike: 100 } : {}), runningExtremum: ext, spot: 100, rate: 0.05, dividendYield: q, vol: 0.3, expiryYears: 1 }).price;
      const v0 = f(0.05);
      for (const e of [1e-9, -1e-9]) close(f(0.05 + e), v0, 1e-8);
      const d = (f(0.05 - 1e-5) - f(0.05 + 1e-5)) / 2e-5; // smooth: the slope is finite and the midpoint matches
      expect(Number.isFinite(d)).toBe(true);
      close((f(0.05 - 1e-5) + f(0.05 + 1e-5)) / 2, v0, 1e-9);
    }
  });
  it('barrier knock-out rebate across λ² = 0 (negative rates switch F to quadrature)', () => {
    // μ = (b − σ²/2)/σ² = 0 at b = σ²/2; λ² = 2r/σ² < 0 for r < 0. Slide r through 0⁻ at μ ≈ 0.
    const f = (r: number) => barrierOption({ type: 'put', spot: 100, strike: 95, barrier: 90, direction: 'down', knock: 'out', rebate: 5, rate: r, dividendYield: r - 0.02, vol: 0.2, expiryYears: 1 }).price;
    // f(0) is the closed form (λ real), f(−ε), f(−2ε) the quadrature: the midpoint rule holds to O(ε²)
    for (const e of [1e-6, 1e-4]) close(f(-e), (f(-2 * e) + f(0)) / 2, 1e-9);
    close(f(-1e-9), f(1e-9), 1e-9);
  });
  it('discrete monitoring: more dates approach the continuous barrier; fewer dates knock out less', () => {
    const b: BarrierOptionInput = { type: 'call', spot: 100, strike: 100, barrier: 90, direction: 'down', knock: 'out', rate: 0.05, vol: 0.3, expiryYears: 1 };
    const cont = barrierOption(b).price;
    const d = [4, 52, 252, 100_000].map((m) => barrierOption({ ...b, monitoring: 'discrete', fixings: m }).price);
    for (let i = 0; i < d.length; i++) expect(d[i]!).toBeGreaterThan(cont);
    for (let i = 1; i < d.length; i++) expect(d[i]!).toBeLessThan(d[i - 1]!);
    // the BGK shift is 0.5826·σ·√(T/m): O(1/√m) convergence (0.3% above at m = 100,000 here)
    close(d[3]!, cont, 5e-3);
    expect((d[2]! - cont) / (d[3]! - cont)).toBeGreaterThan(15); // √(100000/252) ≈ 20
  });
  it('a spot next to the barrier approaches the touched value', () => {
    const b: BarrierOptionInput = { type: 'call', spot: 90 * (1 + 1e-10), strike: 100, barrier: 90, direction: 'down', knock: 'out', rebate: 1, rate: 0.05, vol: 0.3, expiryYears: 1 };
    close(barrierOption(b).price, 1, 1e-6);
    const ki = barrierOption({ ...b, knock: 'in' }).price;
    close(ki, blackScholes({ type: 'call', spot: 90, strike: 100, rate: 0.05, vol: 0.3, expiryYears: 1 }).price, 1e-6);
  });
});

describe('Greeks against central differences of the price', () => {
  it('geometric Asian analytic delta and vega (continuous, count, times)', () => {
    for (const fixings of [undefined, 12, [0.1, 0.35, 0.5, 0.9, 1]] as const) for (const type of TYPES) {
      const base = { type, spot: 100, strike: 103, rate: 0.04, dividendYield: 0.01, vol: 0.35, expiryYears: 1, ...(fixings === undefined ? {} : { fixings: fixings as never }) };
      const g = geometricAsian(base);
      const h = 1e-3;
      const dS = (geometricAsian({ ...base, spot: 100 + h }).price - geometricAsian({ ...base, spot: 100 - h }).price) / (2 * h);
      const dV = (geometricAsian({ ...base, vol: 0.35 + 1e-5 }).price - geometricAsian({ ...base, vol: 0.35 - 1e-5 }).price) / 2e-5;
      close(g.delta, dS, 1e-7, 1e-9);
      close(g.vega, dV, 1e-7, 1e-8);
    }
  });
  it('lookback delta of a new contract is one-sided and equals price/spot for floating strike (homogeneity)', () => {
    for (const type of TYPES) {
      const g = lookbackOption({ type, strikeType: 'floating', spot: 100, rate: 0.05, dividendYield: 0.01, vol: 0.3, expiryYears: 1 });
      close(g.delta, g.price / 100, 1e-7);
    }
  });
});
