// src/reference against known values: the cases C01–C07 of /work/shared/cases/README.md, textbook values
// (Hull; Haug as quoted in QuantLib's test-suite), 50-digit mpmath values, the limits, and bad inputs.
import { describe, expect, test } from 'vitest';
import { InvalidInputError, NoConvergenceError, PriceOutOfBoundsError, Status } from '../../src/errors.js';
import type { Greeks } from '../../src/options/types.js';
import {
  black76, black76Batch, blackScholes, blackScholesBatch, impliedVol, impliedVolBatch, normCdf, normInv, normPdf,
} from '../../src/reference/index.js';
import { MPMATH_CASES } from './mpmath-values.js';

const GREEKS = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const;

/** |actual − expected| ≤ rel·|expected| + abs. */
function close(actual: number, expected: number, rel: number, abs = 0): void {
  const err = Math.abs(actual - expected);
  if (!(err <= rel * Math.abs(expected) + abs)) {
    expect.fail(`${actual} differs from ${expected} by ${err} (tolerance ${rel} rel + ${abs} abs)`);
  }
}

describe('normal distribution (Hart/West + Laplace continued fraction; Acklam + Halley)', () => {
  // Expected: mpmath 1.3.0 at 40 digits, mp.ncdf / mp.npdf / sqrt(2)·erfinv(2p − 1).
  const cdf: [number, number, number][] = [
    [-10, 7.619853024160526066e-24, 7.6945986267064193463e-23],
    [-5, 2.8665157187919391167e-7, 1.4867195147342977079e-6],
    [-2, 0.0227501319481792072, 0.053990966513188051951],
    [-1.4, 0.080756659233771046496, 0.14972746563574485264],
    [-0.5, 0.30853753872598689636, 0.35206532676429947777],
    [0, 0.5, 0.39894228040143267794],
    [0.3, 0.61791142218895263731, 0.38138781546052408561],
    [1.6, 0.94520070830044200604, 0.11092083467945555847],
    [3, 0.99865010196836990547, 0.0044318484119380071756],
    [8, 0.9999999999999993779, 5.052271083536892288e-15],
  ];
  test.each(cdf)('N(%d), φ(%d) to 1e-15 relative', (x, n, phi) => {
    close(normCdf(x), n, 1e-15);
    close(normPdf(x), phi, 1e-15);
  });
  test.each([
    [1e-12, -7.0344838253011319298], [0.025, -1.9599639845400542355], [0.3, -0.52440051270804078404],
    [0.975, 1.9599639845400542355],
  ])('N⁻¹(%d)', (p, x) => close(normInv(p), x, 1e-15));
  test('edges', () => {
    expect(normCdf(-Infinity)).toBe(0);
    expect(normCdf(Infinity)).toBe(1);
    expect(normCdf(-40)).toBe(0);
    expect(normCdf(NaN)).toBeNaN();
    expect(normPdf(Infinity)).toBe(0);
    expect(normInv(0)).toBe(-Infinity);
    expect(normInv(1)).toBe(Infinity);
    expect(normInv(1.5)).toBeNaN();
  });
});

describe('cases C04–C07 (/work/shared/cases/README.md, 50-digit values)', () => {
  test('C04 put formula / parity: S 4600, K 4400, vol 0.19, T 5/365, r 0.01', () => {
    const base = { spot: 4600, strike: 4400, vol: 0.19, expiryYears: 5 / 365, rate: 0.01 };
    const call = blackScholes({ type: 'call', ...base }).price;
    const put = blackScholes({ type: 'put', ...base }).price;
    close(call, 201.44054912, 1e-10); // C04: call 201.44054912
    close(put, 0.83785067792, 1e-10); // C04: put 0.83785067792
    const kd = 4400 * Math.exp(-0.01 * (5 / 365));
    expect(put).toBeGreaterThanOrEqual(Math.max(kd - 4600, 0));
    close(call - put, 4600 - kd, 0, 1e-12 * 4600);
  });

  test('C05 zero-vol limit: discounted intrinsic max(S e^{−qT} − K e^{−rT}, 0)', () => {
    const base = { type: 'call', spot: 100, rate: 0.05, expiryYears: 1, vol: 0 } as const;
    close(blackScholes({ ...base, strike: 100 }).price, 4.8770575499, 1e-10); // C05
    close(blackScholes({ ...base, strike: 104 }).price, 1.0721398519, 1e-10); // C05
  });

  test('C06 Black-76 theta per year (F 100, K 100, vol 0.2, call)', () => {
    const b = { type: 'call', forward: 100, strike: 100, vol: 0.2 } as const;
    close(black76({ ...b, expiryYears: 1, rate: 0 }).theta, -3.9695254748, 1e-10); // C06
    close(black76({ ...b, expiryYears: 0.25, rate: 0 }).theta, -7.9688782819, 1e-10); // C06
    close(black76({ ...b, expiryYears: 1, rate: 0.05 }).theta, -3.3970753256, 1e-10); // C06
  });

  test('C07 Greeks with a dividend yield: S 80, K 110, T 3, r 0.05, vol 0.25, q 0.03', () => {
    const b = { spot: 80, strike: 110, expiryYears: 3, rate: 0.05, vol: 0.25, dividendYield: 0.03 };
    const call = blackScholes({ type: 'call', ...b });
    const put = blackScholes({ type: 'put', ...b });
    close(call.gamma, 0.0097907573239, 1e-11); // C07 gamma
    close(put.gamma, 0.0097907573239, 1e-11);
    close(call.theta, -2.1710718884, 1e-10); // C07 call theta per year
    close(put.theta, 0.36938713728, 1e-10); // C07 put theta per year
  });
});

describe('textbook values', () => {
  test("Hull's example (Options, Futures, and Other Derivatives, 9th ed., Example 15.6): S 42, K 40, r 0.1, σ 0.2, T 0.5", () => {
    const b = { spot: 42, strike: 40, rate: 0.1, vol: 0.2, expiryYears: 0.5 };
    close(blackScholes({ type: 'call', ...b }).price, 4.76, 0, 0.005); // Hull: c = 4.76
    close(blackScholes({ type: 'put', ...b }).price, 0.81, 0, 0.005); // Hull: p = 0.81
  });

  // Haug, "The Complete Guide to Option Pricing Formulas", McGraw-Hill 1998, as quoted (with these page
  // numbers) in QuantLib's test-suite/europeanoption.cpp, testValues: [type, strike, spot, q, r, t, vol, value].
  const haugValues: [('call' | 'put'), number, number, number, number, number, number, number][] = [
    // Haug (1998) pp. 2–8
    ['call', 65, 60, 0, 0.08, 0.25, 0.3, 2.1334],
    ['put', 95, 100, 0.05, 0.1, 0.5, 0.2, 2.4648],
    ['put', 19, 19, 0.1, 0.1, 0.75, 0.28, 1.7011],
    ['call', 19, 19, 0.1, 0.1, 0.75, 0.28, 1.7011],
    ['call', 1.6, 1.56, 0.08, 0.06, 0.5, 0.12, 0.0291],
    ['put', 70, 75, 0.05, 0.1, 0.5, 0.35, 4.087],
    // Haug (1998) p. 24
    ['call', 100, 90, 0.1, 0.1, 0.1, 0.15, 0.0205],
    ['call', 100, 100, 0.1, 0.1, 0.1, 0.15, 1.8734],
    ['call', 100, 110, 0.1, 0.1, 0.1, 0.15, 9.9413],
    ['call', 100, 90, 0.1, 0.1, 0.1, 0.25, 0.315],
    ['call', 100, 100, 0.1, 0.1, 0.1, 0.25, 3.1217],
    ['call', 100, 110, 0.1, 0.1, 0.1, 0.25, 10.3556],
    ['call', 100, 90, 0.1, 0.1, 0.1, 0.35, 0.9474],
    ['call', 100, 100, 0.1, 0.1, 0.1, 0.35, 4.3693],
    ['call', 100, 110, 0.1, 0.1, 0.1, 0.35, 11.1381],
    ['call', 100, 90, 0.1, 0.1, 0.5, 0.15, 0.8069],
    ['call', 100, 100, 0.1, 0.1, 0.5, 0.15, 4.0232],
    ['call', 100, 110, 0.1, 0.1, 0.5, 0.15, 10.5769],
    ['call', 100, 90, 0.1, 0.1, 0.5, 0.25, 2.7026],
    ['call', 100, 100, 0.1, 0.1, 0.5, 0.25, 6.6997],
    ['call', 100, 110, 0.1, 0.1, 0.5, 0.25, 12.7857],
    ['call', 100, 90, 0.1, 0.1, 0.5, 0.35, 4.9329],
    ['call', 100, 100, 0.1, 0.1, 0.5, 0.35, 9.3679],
    ['call', 100, 110, 0.1, 0.1, 0.5, 0.35, 15.3086],
    ['put', 100, 90, 0.1, 0.1, 0.1, 0.15, 9.921],
    ['put', 100, 100, 0.1, 0.1, 0.1, 0.15, 1.8734],
    ['put', 100, 110, 0.1, 0.1, 0.1, 0.15, 0.0408],
    ['put', 100, 90, 0.1, 0.1, 0.1, 0.25, 10.2155],
    ['put', 100, 100, 0.1, 0.1, 0.1, 0.25, 3.1217],
    ['put', 100, 110, 0.1, 0.1, 0.1, 0.25, 0.4551],
    ['put', 100, 90, 0.1, 0.1, 0.1, 0.35, 10.8479],
    ['put', 100, 100, 0.1, 0.1, 0.1, 0.35, 4.3693],
    ['put', 100, 110, 0.1, 0.1, 0.1, 0.35, 1.2376],
    ['put', 100, 90, 0.1, 0.1, 0.5, 0.15, 10.3192],
    ['put', 100, 100, 0.1, 0.1, 0.5, 0.15, 4.0232],
    ['put', 100, 110, 0.1, 0.1, 0.5, 0.15, 1.0646],
    ['put', 100, 90, 0.1, 0.1, 0.5, 0.25, 12.2149],
    ['put', 100, 100, 0.1, 0.1, 0.5, 0.25, 6.6997],
    ['put', 100, 110, 0.1, 0.1, 0.5, 0.25, 3.2734],
    ['put', 100, 90, 0.1, 0.1, 0.5, 0.35, 14.4452],
    ['put', 100, 100, 0.1, 0.1, 0.5, 0.35, 9.3679],
    ['put', 100, 110, 0.1, 0.1, 0.5, 0.35, 5.7963],
    // Haug (1998) p. 27
    ['call', 40, 42, 0.08, 0.04, 0.75, 0.35, 5.0975],
  ];
  test.each(haugValues)('Haug value: %s K %d S %d q %d r %d T %d vol %d → %d (±1e-4)', (type, strike, spot, q, r, t, vol, value) => {
    close(blackScholes({ type, spot, strike, expiryYears: t, vol, rate: r, dividendYield: q }).price, value, 0, 1e-4);
  });

  test('Haug (1998) pp. 2–8, the Black-76 example (the q = r rows above in QuantLib\'s table): F 19, K 19, T 0.75, r 0.1, vol 0.28 → 1.7011', () => {
    const b = { forward: 19, strike: 19, expiryYears: 0.75, rate: 0.1, vol: 0.28 };
    close(black76({ type: 'call', ...b }).price, 1.7011, 0, 1e-4);
    close(black76({ type: 'put', ...b }).price, 1.7011, 0, 1e-4);
  });

  // Haug (1998) pp. 11–16, as quoted in QuantLib's test-suite/europeanoption.cpp, testGreekValues (tolerance 1e-4).
  test('Haug (1998) pp. 11–16 Greeks', () => {
    const d = { strike: 100, spot: 105, dividendYield: 0.1, rate: 0.1, expiryYears: 0.5, vol: 0.36 };
    close(blackScholes({ type: 'call', ...d }).delta, 0.5946, 0, 1e-4); // delta
    const put = blackScholes({ type: 'put', ...d });
    close(put.delta, -0.3566, 0, 1e-4); // delta
    close((put.delta * 105) / put.price, -4.8775, 0, 1e-4); // elasticity
    const g = { strike: 60, spot: 55, dividendYield: 0, rate: 0.1, expiryYears: 0.75, vol: 0.3 };
    close(blackScholes({ type: 'call', ...g }).gamma, 0.0278, 0, 1e-4); // gamma
    close(blackScholes({ type: 'put', ...g }).gamma, 0.0278, 0, 1e-4);
    close(blackScholes({ type: 'call', ...g }).vega, 18.9358, 0, 1e-4); // vega (per 1.00 of vol)
    close(blackScholes({ type: 'put', ...g }).vega, 18.9358, 0, 1e-4);
    const th = blackScholes({ type: 'put', strike: 405, spot: 430, dividendYield: 0.05, rate: 0.07, expiryYears: 1 / 12, vol: 0.2 });
    close(th.theta, -31.1924, 0, 1e-4); // theta per year
    close(th.theta / 365, -0.0855, 0, 1e-4); // theta per day
    const rho = blackScholes({ type: 'call', strike: 75, spot: 72, dividendYield: 0, rate: 0.09, expiryYears: 1, vol: 0.19 });
    close(rho.rho, 38.7325, 0, 1e-4); // rho
  });
});

describe('50-digit values (test/reference/mpmath_greeks.py: Greeks by numerical differentiation in mpmath)', () => {
  test.each(MPMATH_CASES.map((c) => [`${c.model} ${c.type} ${c.underlying}/${c.strike} T ${c.expiryYears} vol ${c.vol}`, c] as const))(
    '%s', (_name, c) => {
      const g: Greeks = c.model === 'bsm'
        ? blackScholes({ type: c.type, spot: c.underlying, strike: c.strike, expiryYears: c.expiryYears, vol: c.vol, rate: c.rate, dividendYield: c.dividendYield })
        : black76({ type: c.type, forward: c.underlying, strike: c.strike, expiryYears: c.expiryYears, vol: c.vol, rate: c.rate });
      for (const k of GREEKS) close(g[k], c.expected[k], 1e-13);
    });
});

describe('limits at expiry 0 and vol 0', () => {
  test('expiry 0 off the money: intrinsic and its derivatives', () => {
    const itm = blackScholes({ type: 'call', spot: 110, strike: 100, expiryYears: 0, vol: 0.5, rate: 0.05, dividendYield: 0.02 });
    expect(itm).toEqual({ price: 10, delta: 1, gamma: 0, vega: 0, theta: 0.02 * 110 - 0.05 * 100, rho: 0, vanna: 0, volga: 0, charm: 0.02 });
    const otm = blackScholes({ type: 'put', spot: 110, strike: 100, expiryYears: 0, vol: 0.5, rate: 0.05 });
    expect(otm).toEqual({ price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, vanna: 0, volga: 0, charm: 0 });
  });

  test('vol 0, T > 0, off the money-forward: discounted intrinsic, theta/rho/charm of it', () => {
    const T = 2, r = 0.04, q = 0.01, S = 100, K = 95;
    const g = blackScholes({ type: 'call', spot: S, strike: K, expiryYears: T, vol: 0, rate: r, dividendYield: q });
    const sd = S * Math.exp(-q * T), kd = K * Math.exp(-r * T);
    expect(g.price).toBe(sd - kd);
    expect(g.delta).toBe(Math.exp(-q * T));
    expect(g.theta).toBe(q * sd - r * kd);
    expect(g.rho).toBe(T * kd);
    expect(g.charm).toBe(q * Math.exp(-q * T));
    expect([g.gamma, g.vega, g.vanna, g.volga]).toEqual([0, 0, 0, 0]);
    const p = blackScholes({ type: 'put', spot: S, strike: K, expiryYears: T, vol: 0, rate: r, dividendYield: q });
    expect(p).toEqual({ price: 0, delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, vanna: 0, volga: 0, charm: 0 });
  });

  test('at the money-forward: gamma NaN (no limit), the others their limits', () => {
    const atT0 = blackScholes({ type: 'call', spot: 100, strike: 100, expiryYears: 0, vol: 0.3 });
    expect(atT0.price).toBe(0);
    expect(atT0.delta).toBe(0.5);
    expect(atT0.gamma).toBeNaN();
    expect(atT0.theta).toBeNaN(); // −S φ(0) σ/(2√T) → −∞
    expect(atT0.charm).toBeNaN();
    expect([atT0.vega, atT0.rho, atT0.vanna, atT0.volga]).toEqual([0, 0, 0, 0]);

    // vol → 0 with T = 1, r = q = 0.03: compare with the closed form at a tiny vol.
    const b = { type: 'put', spot: 100, strike: 100, expiryYears: 1, rate: 0.03, dividendYield: 0.03 } as const;
    const lim = blackScholes({ ...b, vol: 0 });
    const near = blackScholes({ ...b, vol: 1e-9 });
    expect(lim.gamma).toBeNaN();
    for (const k of ['price', 'delta', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const) close(lim[k], near[k], 1e-7, 1e-7);
    // r ≠ q exactly at the money-forward (x = ln(S/K) + (r − q)T is 0 in doubles for S 200, K 100, r 0,
    // q = ln 2, T 1): charm diverges like (r − q)/σ → NaN; theta → (q S_d − r K_d)/2, rho → T K_d/2,
    // vega → S_d √T φ(0).
    const q = Math.log(2);
    expect(Math.log(200 / 100) + (0 - q) * 1).toBe(0);
    const g = blackScholes({ type: 'call', spot: 200, strike: 100, expiryYears: 1, vol: 0, rate: 0, dividendYield: q });
    const sd = 200 * Math.exp(-q);
    expect(g.charm).toBeNaN();
    expect(g.gamma).toBeNaN();
    expect(g.delta).toBe(0.5 * Math.exp(-q));
    close(g.theta, (q * sd) / 2, 1e-15);
    close(g.rho, 50, 1e-15);
    close(g.vega, sd * 0.3989422804014327, 1e-15);
  });

  test('Black-76 at vol 0: e^{−rT}·max(F − K, 0), rho = −T·price, theta = r·price', () => {
    const g = black76({ type: 'call', forward: 120, strike: 100, expiryYears: 0.5, vol: 0, rate: 0.1 });
    expect(g.price).toBe(20 * Math.exp(-0.05));
    expect(g.rho).toBe(-0.5 * g.price);
    close(g.theta, 0.1 * g.price, 1e-15);
    close(g.charm, 0.1 * g.delta, 1e-15);
  });
});

describe('implied vol', () => {
  test('C01: below the floor → PRICE_BELOW_INTRINSIC with bound S − K e^{−rT} = 1541.5160744', () => {
    const input = { type: 'call', price: 1529.75, spot: 4127.83, strike: 2600, expiryYears: 133 / 252, rate: 0.01 } as const;
    try {
      impliedVol(input);
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(PriceOutOfBoundsError);
      const err = e as PriceOutOfBoundsError;
      expect(err.code).toBe('PRICE_BELOW_INTRINSIC');
      close(err.bound, 1541.5160744, 0, 1e-7); // C01 floor
      expect(err.details).toMatchObject({ field: 'price', value: 1529.75 });
    }
  });

  test('C02: with and without a dividend yield', () => {
    const b = { type: 'call', price: 11.73, spot: 85.37, strike: 75, expiryYears: 0.6767, rate: 0.043 } as const;
    expect(() => impliedVol(b)).toThrow(PriceOutOfBoundsError); // C02: q = 0 floor 12.520912
    try { impliedVol(b); } catch (e) { close((e as PriceOutOfBoundsError).bound, 12.520912, 0, 1e-6); }
    close(impliedVol({ ...b, dividendYield: 0.041055137 }), 0.2, 0, 1e-8); // C02: 0.20000000 (±1e-8)
    close(impliedVol({ ...b, dividendYield: 0.04 }), 0.19738891, 0, 1e-8); // C02: 0.19738891
  });

  test('C03: a price exactly at intrinsic gives vol 0', () => {
    expect(impliedVol({ type: 'call', price: 1576.65, spot: 2076.65, strike: 500, expiryYears: 93 / 360 })).toBe(0);
    expect(impliedVol({ type: 'put', price: 0, spot: 120, strike: 100, expiryYears: 1, rate: 0.02 })).toBe(0);
  });

  test('above the maximum → PRICE_ABOVE_MAXIMUM with the bound', () => {
    const call = { type: 'call', price: 100 * Math.exp(-0.02), spot: 100, strike: 90, expiryYears: 1, rate: 0.05, dividendYield: 0.02 } as const;
    expect(() => impliedVol(call)).toThrow(expect.objectContaining({ code: 'PRICE_ABOVE_MAXIMUM', bound: 100 * Math.exp(-0.02) }));
    const put = { type: 'put', price: 91, forward: 100, strike: 90, expiryYears: 1, rate: 0.05 } as const;
    expect(() => impliedVol(put)).toThrow(expect.objectContaining({ code: 'PRICE_ABOVE_MAXIMUM', bound: 90 * Math.exp(-0.05) }));
    // At expiry 0 the maximum is the intrinsic value itself.
    const t0 = { type: 'call', price: 10.5, spot: 110, strike: 100, expiryYears: 0 } as const;
    expect(() => impliedVol(t0)).toThrow(expect.objectContaining({ code: 'PRICE_ABOVE_MAXIMUM', bound: 10 }));
  });

  test('round trips (BSM and Black-76) to ~1e-14', () => {
    for (const vol of [0.05, 0.2, 0.65, 1.5, 4]) {
      for (const strike of [60, 100, 140]) {
        const b = { spot: 100, strike, expiryYears: 0.7, rate: 0.03, dividendYield: 0.01 };
        for (const type of ['call', 'put'] as const) {
          const price = blackScholes({ type, ...b, vol }).price;
          if (price - Math.max(0, (type === 'call' ? 1 : -1) * (100 * Math.exp(-0.007) - strike * Math.exp(-0.021))) < 1e-6) continue;
          close(impliedVol({ type, price, ...b }), vol, 1e-12);
          const fb = { forward: 100, strike, expiryYears: 0.7, rate: 0.03 };
          const p76 = black76({ type, ...fb, vol }).price;
          close(impliedVol({ type, price: p76, ...fb }), vol, 1e-12);
        }
      }
    }
  });

  test('NoConvergenceError is a TailguardError with code NO_CONVERGENCE', () => {
    expect(new NoConvergenceError('x').code).toBe('NO_CONVERGENCE');
  });
});

describe('bad inputs throw InvalidInputError naming the field', () => {
  const bs = { type: 'call', spot: 100, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.01, dividendYield: 0.01 };
  const b76 = { type: 'call', forward: 100, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.01 };
  const iv = { type: 'call', price: 10, spot: 100, strike: 100, expiryYears: 1, rate: 0.01, dividendYield: 0.01 };
  const bad: Record<string, unknown[]> = {
    type: ['Call', 1, undefined, null],
    spot: [0, -5, NaN, Infinity, '100', undefined],
    forward: [0, -5, NaN, Infinity, '100'],
    strike: [0, -5, NaN, -Infinity, '100', undefined],
    expiryYears: [-1e-9, 50.0001, 365, NaN, Infinity, undefined],
    vol: [-0.1, 10.5, 65, NaN, Infinity, undefined],
    rate: [1.01, -2, 5, NaN, Infinity, '0.05'],
    dividendYield: [1.5, -1.01, NaN, '0.01'],
    price: [-1, NaN, Infinity, undefined, '10'],
  };
  const cases: [string, (o: unknown) => unknown, Record<string, unknown>][] = [
    ['blackScholes', (o) => blackScholes(o as never), bs],
    ['black76', (o) => black76(o as never), b76],
    ['impliedVol', (o) => impliedVol(o as never), iv],
  ];
  for (const [name, fn, good] of cases) {
    test(`${name}: every field`, () => {
      expect(() => fn(good)).not.toThrow();
      for (const field of Object.keys(good)) {
        for (const value of bad[field] ?? []) {
          let caught: unknown;
          try { fn({ ...good, [field]: value }); } catch (e) { caught = e; }
          expect(caught, `${name} ${field} = ${String(value)}`).toBeInstanceOf(InvalidInputError);
          // impliedVol without spot (or forward) breaks the one-of rule, which names both fields
          const named = name === 'impliedVol' && field === 'spot' && value === undefined ? 'spot/forward' : field;
          expect((caught as InvalidInputError).details.field).toBe(named);
          expect((caught as InvalidInputError).message).toContain(named);
        }
      }
      expect(() => fn(null)).toThrow(InvalidInputError);
      expect(() => fn([1, 2])).toThrow(InvalidInputError);
    });
  }
  test('model mix-ups', () => {
    expect(() => black76({ ...b76, dividendYield: 0.01 } as never)).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'dividendYield' }) }));
    expect(() => impliedVol({ ...iv, forward: 100 } as never)).toThrow(InvalidInputError);
    expect(() => impliedVol({ type: 'call', price: 1, strike: 100, expiryYears: 1 } as never)).toThrow(InvalidInputError);
    expect(() => impliedVol({ type: 'call', price: 1, forward: 100, strike: 100, expiryYears: 1, dividendYield: 0.01 } as never))
      .toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'dividendYield' }) }));
  });
});

describe('batches', () => {
  const f64 = (...v: number[]) => Float64Array.from(v);
  test('blackScholesBatch: elements equal the scalar results bit for bit; bad elements marked', () => {
    const out = blackScholesBatch({
      isCall: Uint8Array.from([1, 0, 1, 2, 1, 1]),
      spots: f64(100, 100, -1, 100, 100, 100),
      strikes: f64(90, 110, 100, 100, 100, 100),
      expiriesYears: f64(0.5, 2, 1, 1, 0, 1),
      vols: f64(0.3, 0.6, 0.2, 0.2, 0.2, 80),
      rates: 0.03,
      dividendYields: f64(0.01, 0, 0, 0, 0, 0),
    });
    expect(Array.from(out.status)).toEqual([Status.OK, Status.OK, Status.INVALID_INPUT, Status.INVALID_INPUT, Status.DEGENERATE, Status.INVALID_INPUT]);
    const s0 = blackScholes({ type: 'call', spot: 100, strike: 90, expiryYears: 0.5, vol: 0.3, rate: 0.03, dividendYield: 0.01 });
    const s1 = blackScholes({ type: 'put', spot: 100, strike: 110, expiryYears: 2, vol: 0.6, rate: 0.03, dividendYield: 0 });
    for (const k of GREEKS) {
      expect(Object.is(out[k][0], s0[k])).toBe(true);
      expect(Object.is(out[k][1], s1[k])).toBe(true);
      expect(out[k][2]).toBeNaN();
      expect(out[k][3]).toBeNaN();
      expect(out[k][5]).toBeNaN();
    }
    expect(out.gamma[4]).toBeNaN(); // DEGENERATE: gamma at the strike at expiry 0
    expect(out.price[4]).toBe(0);
  });

  test('black76Batch and impliedVolBatch statuses', () => {
    const g = black76Batch({ isCall: Uint8Array.from([1, 0]), forwards: f64(100, NaN), strikes: f64(100, 100), expiriesYears: f64(1, 1), vols: f64(0.2, 0.2) });
    expect(Array.from(g.status)).toEqual([Status.OK, Status.INVALID_INPUT]);
    expect(g.price[0]).toBe(black76({ type: 'call', forward: 100, strike: 100, expiryYears: 1, vol: 0.2 }).price);

    const iv = impliedVolBatch({
      isCall: Uint8Array.from([1, 1, 1, 0, 1, 1]),
      prices: f64(1529.75, 10, 120, 5, 20, -1),
      spots: f64(4127.83, 100, 100, 100, 120, 100),
      strikes: f64(2600, 100, 100, 100, 100, 100),
      expiriesYears: f64(133 / 252, 1, 1, 1, 0, 1),
      rates: f64(0.01, 0, 0, 0, 0, 0),
    });
    expect(Array.from(iv.status)).toEqual([Status.BELOW_INTRINSIC, Status.OK, Status.ABOVE_MAXIMUM, Status.OK, Status.OK, Status.INVALID_INPUT]);
    expect(iv.vol[1]).toBe(impliedVol({ type: 'call', price: 10, spot: 100, strike: 100, expiryYears: 1, rate: 0 }));
    expect(iv.vol[4]).toBe(0);
    for (const i of [0, 2, 5]) expect(iv.vol[i]).toBeNaN();
  });

  test('structural faults throw', () => {
    const good = { isCall: Uint8Array.from([1]), spots: f64(100), strikes: f64(100), expiriesYears: f64(1), vols: f64(0.2) };
    expect(() => blackScholesBatch(good)).not.toThrow();
    expect(() => blackScholesBatch({ ...good, strikes: f64(100, 100) })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'strikes' }) }));
    expect(() => blackScholesBatch({ ...good, vols: [0.2] as never })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'vols' }) }));
    expect(() => blackScholesBatch({ ...good, spots: undefined as never })).toThrow(InvalidInputError);
    expect(() => blackScholesBatch({ ...good, isCall: [1] as never })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'isCall' }) }));
    expect(() => blackScholesBatch({ ...good, rates: '0.1' as never })).toThrow(InvalidInputError);
    expect(() => blackScholesBatch({ ...good, dividendYields: f64(0, 0) })).toThrow(InvalidInputError);
    expect(() => black76Batch({ ...good, forwards: f64(100), dividendYields: 0 } as never)).toThrow(InvalidInputError);
    expect(() => impliedVolBatch({ isCall: Uint8Array.from([1]), prices: f64(1), strikes: f64(100), expiriesYears: f64(1) })).toThrow(InvalidInputError);
    expect(() => impliedVolBatch({ isCall: Uint8Array.from([1]), prices: f64(1), spots: f64(1), forwards: f64(1), strikes: f64(100), expiriesYears: f64(1) })).toThrow(InvalidInputError);
    expect(() => impliedVolBatch({ isCall: Uint8Array.from([1]), prices: f64(1), forwards: f64(1), strikes: f64(100), expiriesYears: f64(1), dividendYields: 0 })).toThrow(InvalidInputError);
    expect(() => blackScholesBatch(null as never)).toThrow(InvalidInputError);
  });

  test('a bad broadcast rate marks every element INVALID_INPUT; empty batches are fine', () => {
    const out = blackScholesBatch({ isCall: Uint8Array.from([1, 0]), spots: f64(100, 100), strikes: f64(100, 100), expiriesYears: f64(1, 1), vols: f64(0.2, 0.2), rates: 5 });
    expect(Array.from(out.status)).toEqual([Status.INVALID_INPUT, Status.INVALID_INPUT]);
    const empty = blackScholesBatch({ isCall: new Uint8Array(0), spots: f64(), strikes: f64(), expiriesYears: f64(), vols: f64() });
    expect(empty.price.length).toBe(0);
  });
});
