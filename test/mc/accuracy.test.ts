// Monte Carlo against closed forms: every payoff and process within 4 standard errors (seeded, so
// deterministic). Cases C09 and C11 (shared/cases/README.md) as named tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { blackScholes, geometricAsian, monteCarlo, type McResult, type MonteCarloSpec } from '../../src/index.js';
import { normCdf } from '../../src/reference/normal.js';

useWasm();

const vectors = JSON.parse(readFileSync(new URL('../vectors/quantlib_mc.json', import.meta.url), 'utf8')) as {
  rows: { heston: Record<string, number | string>[]; barrier: Record<string, number | string>[]; merton: Record<string, number | string>[] };
};

/** |MC − exact| ≤ k·SE, and the SE is positive and finite. */
function within(r: { price: number; standardError: number }, exact: number, k = 4): void {
  expect(r.standardError).toBeGreaterThan(0);
  expect(Number.isFinite(r.standardError)).toBe(true);
  const z = (r.price - exact) / r.standardError;
  if (process.env.MC_Z) console.log(`z = ${z.toFixed(2)}  (MC ${r.price} ± ${r.standardError}, exact ${exact})`);
  expect(Math.abs(z), `MC ${r.price} ± ${r.standardError} vs ${exact} (z = ${z.toFixed(2)})`).toBeLessThanOrEqual(k);
}

const gbm = { type: 'gbm', spot: 100, vol: 0.2, rate: 0.05, dividendYield: 0.02 } as const;
const bs = (type: 'call' | 'put', strike: number, T = 1, m: { spot: number; vol: number; rate: number; dividendYield: number } = gbm) =>
  blackScholes({ type, spot: m.spot, strike, expiryYears: T, vol: m.vol, rate: m.rate, dividendYield: m.dividendYield });

describe('GBM European vs Black–Scholes–Merton', () => {
  for (const [type, strike] of [['call', 100], ['put', 100], ['call', 130], ['put', 80]] as const) {
    it(`${type} K=${strike}: plain, antithetic, control variate, both`, async () => {
      const exact = bs(type, strike).price;
      for (const [antithetic, controlVariate] of [[false, false], [true, false], [false, true], [true, true]]) {
        const r = await monteCarlo({ model: gbm, payoff: { type: 'european', optionType: type, strike }, expiryYears: 1, paths: 100_000, seed: 7, antithetic, controlVariate });
        within(r, exact);
      }
    });
  }

  it('multi-step exact log-normal steps give the same law (12 steps)', async () => {
    const r = await monteCarlo({ model: gbm, payoff: { type: 'european', optionType: 'call', strike: 105 }, expiryYears: 1, steps: 12, paths: 50_000, seed: 3, controlVariate: true });
    within(r, bs('call', 105).price);
  });

  it('Greeks (pathwise delta/vega, LR-pathwise gamma) within 4 SE of the closed forms', async () => {
    for (const type of ['call', 'put'] as const) {
      const r = await monteCarlo({ model: gbm, payoff: { type: 'european', optionType: type, strike: 100 }, expiryYears: 1, paths: 200_000, seed: 11, greeks: true, antithetic: true });
      const g = bs(type, 100);
      within({ price: r.greeks!.delta, standardError: r.greeks!.standardError.delta }, g.delta);
      within({ price: r.greeks!.gamma, standardError: r.greeks!.standardError.gamma }, g.gamma);
      within({ price: r.greeks!.vega, standardError: r.greeks!.standardError.vega }, g.vega);
      expect(r.greeks!.method).toEqual({ delta: 'pathwise', gamma: 'lr-pathwise', vega: 'pathwise' });
    }
  });

  it('confidence interval is price ± z·SE (0.95 → 1.959964, 0.99 → 2.575829)', async () => {
    const spec: MonteCarloSpec = { model: gbm, payoff: { type: 'european', optionType: 'call', strike: 100 }, expiryYears: 1, paths: 10_000, seed: 1 };
    const a = await monteCarlo(spec);
    expect((a.confidenceInterval[1] - a.price) / a.standardError).toBeCloseTo(1.959963985, 8);
    expect((a.price - a.confidenceInterval[0]) / a.standardError).toBeCloseTo(1.959963985, 8);
    const b = await monteCarlo({ ...spec, confidence: 0.99 });
    expect((b.confidenceInterval[1] - b.price) / b.standardError).toBeCloseTo(2.575829304, 8);
  });
});

describe('cash-or-nothing digital vs closed form cash·e^{−rT}·Φ(±d2)', () => {
  for (const type of ['call', 'put'] as const) {
    it(`${type}: price and likelihood-ratio Greeks`, async () => {
      const { spot: S, vol: v, rate: r, dividendYield: q } = gbm;
      const K = 105, T = 1, cash = 10;
      const d2 = (Math.log(S / K) + (r - q - 0.5 * v * v) * T) / (v * Math.sqrt(T));
      const w = type === 'call' ? 1 : -1;
      const price = (s: number, vol: number) => {
        const dd = (Math.log(s / K) + (r - q - 0.5 * vol * vol) * T) / (vol * Math.sqrt(T));
        return cash * Math.exp(-r * T) * normCdf(w * dd);
      };
      const res = await monteCarlo({ model: gbm, payoff: { type: 'digital', optionType: type, strike: K, cash }, expiryYears: T, paths: 200_000, seed: 5, greeks: true });
      within(res, cash * Math.exp(-r * T) * normCdf(w * d2));
      const h = 1e-3;
      within({ price: res.greeks!.delta, standardError: res.greeks!.standardError.delta }, (price(S + h, v) - price(S - h, v)) / (2 * h));
      within({ price: res.greeks!.gamma, standardError: res.greeks!.standardError.gamma }, (price(S + h, v) - 2 * price(S, v) + price(S - h, v)) / (h * h));
      within({ price: res.greeks!.vega, standardError: res.greeks!.standardError.vega }, (price(S, v + 1e-5) - price(S, v - 1e-5)) / 2e-5);
    });
  }
});

describe('case C09: geometric Asian (S 100, K 100, r 0.05, q 0.03, vol 0.2, T 1)', () => {
  const model = { type: 'gbm', spot: 100, vol: 0.2, rate: 0.05, dividendYield: 0.03 } as const;
  for (const [fixings, expected, paths] of [[12, 5.0374758026, 100_000], [252, 4.73470265, 20_000]] as const) {
    it(`MC with ${fixings} fixings agrees with ${expected} (not the continuous 4.7195856735)`, async () => {
      const r = await monteCarlo({ model, payoff: { type: 'asian', average: 'geometric', optionType: 'call', strike: 100, fixings }, expiryYears: 1, paths, seed: 2024, antithetic: true });
      within(r, expected);
    });
  }
  it('fixings given as times equal fixings given as a count', async () => {
    const base = { model, expiryYears: 1, paths: 4096, seed: 9 } as const;
    const a = await monteCarlo({ ...base, payoff: { type: 'asian', average: 'geometric', optionType: 'call', strike: 100, fixings: 4 } });
    const b = await monteCarlo({ ...base, payoff: { type: 'asian', average: 'geometric', optionType: 'call', strike: 100, fixings: [0.25, 0.5, 0.75, 1] } });
    expect(b.price).toBe(a.price);
  });
});

describe('arithmetic Asian', () => {
  it('case C11: at zero vol the average is of the forwards, S(e^{bT} − 1)/(bT) in the continuous limit', async () => {
    const n = 10_000, T = 0.5, r = 0.05;
    const res = await monteCarlo({ model: { type: 'gbm', spot: 100, vol: 0, rate: r, dividendYield: 0 }, payoff: { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: n }, expiryYears: T, paths: 64, seed: 1 });
    let avg = 0;
    for (let k = 1; k <= n; k++) avg += 100 * Math.exp(r * (k * T / n)) / n;
    const undiscounted = res.price * Math.exp(r * T);
    expect(undiscounted).toBeCloseTo(avg - 100, 9);                 // the discrete average of forwards, exactly
    expect(Math.abs(undiscounted - 1.2604821)).toBeLessThan(2e-4); // C11's continuous value, within the discretisation
    expect(Math.abs(undiscounted - 2.5315121)).toBeGreaterThan(1);  // not the terminal forward's payoff
    expect(res.standardError).toBeLessThan(1e-6); // identical paths: only rounding
  });

  it('geometric-Asian control variate: same price within SE, SE at least 10× smaller', async () => {
    const model = { type: 'gbm', spot: 100, vol: 0.3, rate: 0.05, dividendYield: 0.01 } as const;
    const payoff = { type: 'asian', average: 'arithmetic', optionType: 'call', strike: 100, fixings: 52 } as const;
    const plain = await monteCarlo({ model, payoff, expiryYears: 1, paths: 100_000, seed: 77 });
    const cv = await monteCarlo({ model, payoff, expiryYears: 1, paths: 20_000, seed: 78, controlVariate: true });
    expect(cv.standardError * 10).toBeLessThan(plain.standardError * Math.sqrt(100_000 / 20_000));
    within({ price: cv.price - plain.price, standardError: Math.hypot(cv.standardError, plain.standardError) }, 0);
    const geo = await monteCarlo({ model, payoff: { ...payoff, average: 'geometric' }, expiryYears: 1, paths: 20_000, seed: 78 });
    expect(cv.price).toBeGreaterThan(geo.price); // arithmetic ≥ geometric average
  });

  it('pathwise Greeks of the geometric Asian match finite differences of its closed form', async () => {
    const model = { type: 'gbm', spot: 100, vol: 0.25, rate: 0.04, dividendYield: 0 } as const;
    // the closed form (test/options/exotic checks it against C09 and QuantLib)
    const f = (s: number, v: number) => geometricAsian({ type: 'call', spot: s, strike: 95, expiryYears: 1, vol: v, rate: 0.04, fixings: 12 }).price;
    const r = await monteCarlo({ model, payoff: { type: 'asian', average: 'geometric', optionType: 'call', strike: 95, fixings: 12 }, expiryYears: 1, paths: 100_000, seed: 31, greeks: true, antithetic: true });
    within(r, f(100, 0.25));
    within({ price: r.greeks!.delta, standardError: r.greeks!.standardError.delta }, (f(100.01, 0.25) - f(99.99, 0.25)) / 0.02);
    within({ price: r.greeks!.gamma, standardError: r.greeks!.standardError.gamma }, (f(100.01, 0.25) - 2 * f(100, 0.25) + f(99.99, 0.25)) / 1e-4);
    within({ price: r.greeks!.vega, standardError: r.greeks!.standardError.vega }, (f(100, 0.2501) - f(100, 0.2499)) / 2e-4);
  });
});

describe('barrier vs Reiner–Rubinstein (QuantLib 1.29 AnalyticBarrierEngine, test/vectors/quantlib_mc.json)', () => {
  for (const row of vectors.rows.barrier) {
    it(`${row.direction}-and-${row.knock} ${row.optionType} H=${row.barrier}: continuous monitoring by the Brownian bridge`, async () => {
      const model = { type: 'gbm', spot: row.spot as number, vol: row.vol as number, rate: row.rate as number, dividendYield: row.dividendYield as number } as const;
      const r = await monteCarlo({
        model, expiryYears: row.expiryYears as number, paths: 100_000, seed: 13, antithetic: true,
        payoff: { type: 'barrier', optionType: row.optionType as 'call', strike: row.strike as number, barrier: row.barrier as number, direction: row.direction as 'up', knock: row.knock as 'in', monitoring: 'continuous' },
      });
      within(r, row.price as number);
    });
  }

  it('in + out = vanilla + rebate·e^{−rT} path by path (same seed), with a rebate', async () => {
    const base = { model: gbm, expiryYears: 1, paths: 20_000, seed: 4, steps: 4 } as const;
    const p = { type: 'barrier', optionType: 'put', strike: 100, barrier: 110, direction: 'up', rebate: 3, monitoring: 'continuous' } as const;
    const out = await monteCarlo({ ...base, payoff: { ...p, knock: 'out' } });
    const inn = await monteCarlo({ ...base, payoff: { ...p, knock: 'in' } });
    const van = await monteCarlo({ ...base, payoff: { type: 'european', optionType: 'put', strike: 100 } });
    expect(out.price + inn.price).toBeCloseTo(van.price + 3 * Math.exp(-0.05), 9);
  });

  it('spot already beyond the barrier: continuous knock-out pays the rebate, knock-in is the vanilla', async () => {
    const base = { model: gbm, expiryYears: 1, paths: 8192, seed: 4 } as const;
    const p = { type: 'barrier', optionType: 'call', strike: 100, barrier: 95, direction: 'up', rebate: 2, monitoring: 'continuous' } as const;
    const out = await monteCarlo({ ...base, payoff: { ...p, knock: 'out' } });
    expect(out.price).toBeCloseTo(2 * Math.exp(-0.05), 12);
    const inn = await monteCarlo({ ...base, payoff: { ...p, knock: 'in' } });
    const van = await monteCarlo({ ...base, payoff: { type: 'european', optionType: 'call', strike: 100 } });
    expect(inn.price).toBe(van.price);
  });

  it('discrete monitoring at a single fixing T is a call spread: C(K) − C(H) − (H − K)·digital(H)', async () => {
    const H = 130, K = 100;
    const d2 = (Math.log(100 / H) + (0.05 - 0.02 - 0.02) * 1) / 0.2;
    const exact = bs('call', K).price - bs('call', H).price - (H - K) * Math.exp(-0.05) * normCdf(d2);
    const r = await monteCarlo({ model: gbm, expiryYears: 1, paths: 100_000, seed: 8, payoff: { type: 'barrier', optionType: 'call', strike: K, barrier: H, direction: 'up', knock: 'out', monitoring: 'discrete', fixings: [1] } });
    within(r, exact);
  });

  it('discrete ≥ continuous knock-out on the same draws; CRN-bump Greeks near the closed form', async () => {
    const base = { model: gbm, expiryYears: 1, paths: 40_000, seed: 21, steps: 12 } as const;
    const p = { type: 'barrier', optionType: 'call', strike: 100, barrier: 90, direction: 'down', knock: 'out' } as const;
    const disc = await monteCarlo({ ...base, payoff: { ...p, monitoring: 'discrete' } });
    const cont = await monteCarlo({ ...base, payoff: { ...p, monitoring: 'continuous' }, greeks: true });
    expect(disc.price).toBeGreaterThanOrEqual(cont.price);
    expect(cont.greeks!.method.delta).toBe('crn-bump');
    expect(cont.greeks!.delta).toBeGreaterThan(0.6);
    expect(cont.greeks!.delta).toBeLessThan(1.0);
    expect(cont.greeks!.vega).toBeGreaterThan(0); // down-and-out call: vega below the vanilla's
    expect(cont.greeks!.vega).toBeLessThan(bs('call', 100).vega);
  });
});

describe('lookback (discrete monitoring)', () => {
  it('one fixing at T: floating call = call struck at S0; fixed call with K ≥ S0 = vanilla call', async () => {
    const floating = await monteCarlo({ model: gbm, expiryYears: 1, paths: 100_000, seed: 17, payoff: { type: 'lookback', strikeType: 'floating', optionType: 'call', fixings: [1] } });
    within(floating, bs('call', 100).price);
    const fixed = await monteCarlo({ model: gbm, expiryYears: 1, paths: 100_000, seed: 18, payoff: { type: 'lookback', strikeType: 'fixed', optionType: 'call', strike: 110, fixings: 1 } });
    within(fixed, bs('call', 110).price);
  });

  it('more monitoring dates, larger extremes: floating put grows with the number of steps', async () => {
    const spec = (steps: number): MonteCarloSpec => ({ model: gbm, expiryYears: 1, paths: 20_000, seed: 19, steps, payoff: { type: 'lookback', strikeType: 'floating', optionType: 'put' } });
    const a = await monteCarlo(spec(4));
    const b = await monteCarlo(spec(52));
    expect(b.price).toBeGreaterThan(a.price);
  });

  it('pathwise Greeks of a one-fixing floating lookback: V = C(S0; K = S0), delta V/S0, the vega of that call, gamma 0', async () => {
    // V(S0) = C(S0; K = S0): delta = V/S0 (degree-1 homogeneous), vega = the call's vega, gamma = 0.
    const r = await monteCarlo({ model: gbm, expiryYears: 1, paths: 100_000, seed: 23, greeks: true, payoff: { type: 'lookback', strikeType: 'floating', optionType: 'call', fixings: 1 } });
    const c = bs('call', 100);
    within({ price: r.greeks!.delta, standardError: r.greeks!.standardError.delta }, c.price / 100);
    within({ price: r.greeks!.vega, standardError: r.greeks!.standardError.vega }, c.vega);
    within({ price: r.greeks!.gamma, standardError: r.greeks!.standardError.gamma }, 0);
  });
});

describe('Merton jump diffusion vs the series (test/vectors/quantlib_mc.json, mpmath)', () => {
  for (const row of vectors.rows.merton) {
    it(`${row.optionType} K=${row.strike} λ=${row.jumpIntensity}`, async () => {
      const model = { type: 'merton', spot: row.spot as number, vol: row.vol as number, rate: row.rate as number, dividendYield: row.dividendYield as number, jumpIntensity: row.jumpIntensity as number, jumpMean: row.jumpMean as number, jumpVol: row.jumpVol as number } as const;
      for (const steps of [1, 4]) {
        const r = await monteCarlo({ model, expiryYears: row.expiryYears as number, steps, paths: 100_000, seed: 29, controlVariate: true, payoff: { type: 'european', optionType: row.optionType as 'call', strike: row.strike as number } });
        within(r, row.price as number);
      }
    });
  }
  it('zero intensity is GBM', async () => {
    const r = await monteCarlo({ model: { type: 'merton', spot: 100, vol: 0.2, rate: 0.05, dividendYield: 0.02, jumpIntensity: 0, jumpMean: -0.1, jumpVol: 0.1 }, expiryYears: 1, paths: 50_000, seed: 2, payoff: { type: 'european', optionType: 'call', strike: 100 } });
    within(r, bs('call', 100).price);
  });
});

describe('Heston (Andersen QE with martingale correction) vs QuantLib 1.29 AnalyticHestonEngine', () => {
  for (const row of vectors.rows.heston) {
    it(`${row.optionType} S=${row.spot} K=${row.strike} T=${(row.expiryYears as number).toFixed(3)}`, async () => {
      const model = { type: 'heston', spot: row.spot as number, v0: row.v0 as number, kappa: row.kappa as number, theta: row.theta as number, volOfVol: row.volOfVol as number, rho: row.rho as number, rate: row.rate as number, dividendYield: row.dividendYield as number } as const;
      const r: McResult = await monteCarlo({ model, expiryYears: row.expiryYears as number, paths: 20_000, seed: 37, antithetic: true, controlVariate: true, payoff: { type: 'european', optionType: row.optionType as 'call', strike: row.strike as number } });
      within(r, row.price as number);
    });
  }
  it('the martingale correction keeps E[S_T] = S·e^{(r−q)T} (discounted terminal price)', async () => {
    const model = { type: 'heston', spot: 100, v0: 0.09, kappa: 0.5, theta: 0.09, volOfVol: 1.0, rho: -0.9, rate: 0.03, dividendYield: 0.01 } as const;
    // a call struck at ~0 is the discounted forward
    const r = await monteCarlo({ model, expiryYears: 2, steps: 24, paths: 40_000, seed: 41, payoff: { type: 'european', optionType: 'call', strike: 1e-9 } });
    within(r, 100 * Math.exp(-0.01 * 2));
  });
});
