// Merton jump diffusion and Heston: limits, parity, Greeks vs differences, robustness, bad input
// (issue #4 §2; DESIGN §5).
import { describe, expect, it } from 'vitest';
import { blackScholes, hestonPrice, InvalidInputError, mertonJumpDiffusion } from '../../../src/index.js';
import { useWasm } from '../../helpers/wasm.js';
import { expectInvalid } from '../../helpers/invalid.js';

useWasm();

const merton = {
  type: 'call', spot: 100, strike: 95, expiryYears: 0.5, vol: 0.3, rate: 0.03, dividendYield: 0.01,
  jumpIntensity: 2, jumpMean: -0.1, jumpVol: 0.2,
} as const;
const heston = {
  type: 'call', spot: 100, strike: 95, expiryYears: 0.5, rate: 0.03, dividendYield: 0.01,
  v0: 0.04, kappa: 2, theta: 0.06, volOfVol: 0.8, rho: -0.7,
} as const;

/** σ̄ with σ̄²T = θT + (v0 − θ)(1 − e^{−κT})/κ, the control variate's (and the ξ → 0 limit's) vol. */
function averageVol(v0: number, kappa: number, theta: number, T: number): number {
  return Math.sqrt(theta + (v0 - theta) * (-Math.expm1(-kappa * T)) / (kappa * T));
}

describe('Merton jump diffusion', () => {
  it.each([
    [100, 95, 0.5, 0.3, 0.03, 0.01], [100, 100, 0, 0.3, 0.03, 0], [100, 100, 1, 0, 0.05, 0.05],
    [42000, 60000, 0.1, 0.7, 0.045, 0], [1e-50, 2e-50, 3, 1.2, -0.02, 0.2],
  ])('jumpIntensity 0 is Black–Scholes–Merton exactly (S=%s K=%s T=%s vol=%s)', (spot, strike, expiryYears, vol, rate, dividendYield) => {
    for (const type of ['call', 'put'] as const) {
      const m = mertonJumpDiffusion({ type, spot, strike, expiryYears, vol, rate, dividendYield, jumpIntensity: 0, jumpMean: -0.3, jumpVol: 0.4 });
      const b = blackScholes({ type, spot, strike, expiryYears, vol, rate, dividendYield });
      expect(m.price).toBe(b.price);
      expect(m.delta).toBe(b.delta);
      expect(m.vega).toBe(b.vega);
    }
  });

  it('zero-size jumps (jumpMean = jumpVol = 0) price as Black–Scholes–Merton', () => {
    for (const type of ['call', 'put'] as const) {
      const m = mertonJumpDiffusion({ ...merton, type, jumpIntensity: 30, jumpMean: 0, jumpVol: 0 });
      const b = blackScholes({ ...merton, type });
      expect(Math.abs(m.price - b.price)).toBeLessThan(1e-12);
      expect(Math.abs(m.delta - b.delta)).toBeLessThan(1e-13);
      expect(Math.abs(m.vega - b.vega)).toBeLessThan(1e-11);
    }
  });

  it('obeys put–call parity C − P = S·e^{−qT} − K·e^{−rT} over a grid (incl. the put-plus-parity route)', () => {
    let n = 0;
    for (const strike of [20, 80, 100, 130, 400]) {
      for (const expiryYears of [1 / 365, 0.25, 2, 20]) {
        for (const [jumpIntensity, jumpMean, jumpVol] of [[0.5, -0.5, 0.3], [20, 0.05, 0.1], [1000, 0.01, 0.02], [300, 3, 0.5]] as const) {
          const i = { ...merton, strike, expiryYears, jumpIntensity, jumpMean, jumpVol };
          const c = mertonJumpDiffusion({ ...i, type: 'call' });
          const p = mertonJumpDiffusion({ ...i, type: 'put' });
          const fwd = 100 * Math.exp(-0.01 * expiryYears) - strike * Math.exp(-0.03 * expiryYears);
          expect(Math.abs(c.price - p.price - fwd), JSON.stringify(i)).toBeLessThan(1e-11 * Math.max(100, strike));
          expect(Math.abs(c.delta - p.delta - Math.exp(-0.01 * expiryYears))).toBeLessThan(1e-12);
          for (const v of [c.price, c.delta, c.vega, p.price, p.delta, p.vega]) expect(Number.isFinite(v)).toBe(true);
          n++;
        }
      }
    }
    expect(n).toBe(80);
  });

  it('delta and vega equal central differences of the price', () => {
    for (const type of ['call', 'put'] as const) {
      const i = { ...merton, type };
      const h = 1e-4;
      const up = mertonJumpDiffusion({ ...i, spot: 100 + h }).price;
      const dn = mertonJumpDiffusion({ ...i, spot: 100 - h }).price;
      expect(Math.abs(mertonJumpDiffusion(i).delta - (up - dn) / (2 * h))).toBeLessThan(1e-8);
      const vu = mertonJumpDiffusion({ ...i, vol: 0.3 + h }).price;
      const vd = mertonJumpDiffusion({ ...i, vol: 0.3 - h }).price;
      expect(Math.abs(mertonJumpDiffusion(i).vega - (vu - vd) / (2 * h))).toBeLessThan(1e-6);
    }
  });

  it('prices extreme but valid inputs without NaN', () => {
    const cases = [
      { jumpIntensity: 1000, jumpMean: 10, jumpVol: 10, expiryYears: 50 },
      { jumpIntensity: 1000, jumpMean: -10, jumpVol: 0, expiryYears: 50 },
      { jumpIntensity: 1000, jumpMean: 0.5, jumpVol: 1, expiryYears: 50 },
      { jumpIntensity: 0.001, jumpMean: 10, jumpVol: 10, expiryYears: 1e-6 },
      { jumpIntensity: 1000, jumpMean: 0, jumpVol: 10, expiryYears: 1e-9, vol: 0 },
    ];
    for (const c of cases) {
      for (const type of ['call', 'put'] as const) {
        const r = mertonJumpDiffusion({ ...merton, ...c, type });
        for (const v of [r.price, r.delta, r.vega]) expect(Number.isFinite(v), JSON.stringify({ ...c, type, r })).toBe(true);
        expect(r.price).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe('Heston', () => {
  it('volOfVol → 0 approaches Black–Scholes at the average variance (and equals it at 0)', () => {
    for (const type of ['call', 'put'] as const) {
      for (const [strike, expiryYears] of [[95, 0.5], [60, 2], [140, 0.02]] as const) {
        const i = { ...heston, type, strike, expiryYears };
        const b = blackScholes({ type, spot: 100, strike, expiryYears, rate: 0.03, dividendYield: 0.01, vol: averageVol(0.04, 2, 0.06, expiryYears) });
        expect(Math.abs(hestonPrice({ ...i, volOfVol: 0 }).price - b.price)).toBeLessThan(1e-12);
        // the first-order term of the expansion in ξ is proportional to ρξ: linear convergence for ρ ≠ 0 …
        const gaps = [1e-3, 1e-5, 1e-7].map((xi) => Math.abs(hestonPrice({ ...i, volOfVol: xi }).price - b.price));
        expect(gaps[2]!).toBeLessThan(1e-6);
        if (gaps[1]! > 1e-12) expect(gaps[1]! / gaps[2]!).toBeGreaterThan(50); // else at the rounding floor
        if (gaps[0]! > 1e-12) expect(gaps[0]! / gaps[1]!).toBeGreaterThan(50);
        // … and quadratic for ρ = 0
        expect(Math.abs(hestonPrice({ ...i, rho: 0, volOfVol: 1e-5 }).price - b.price)).toBeLessThan(1e-9);
      }
    }
  });

  it('obeys put–call parity over short expiries, far strikes, rho ±0.9 and Feller violations', () => {
    for (const strike of [30, 80, 100, 125, 300]) {
      for (const expiryYears of [1 / (365 * 24), 1 / 365, 0.1, 1, 10]) {
        for (const [v0, kappa, theta, volOfVol, rho] of [[0.04, 2, 0.04, 0.3, -0.9], [0.3, 0.5, 0.5, 3, 0.9], [0.01, 5, 0.02, 2, -0.95], [0.0025, 1, 0.05, 1, 0.9]] as const) {
          const i = { ...heston, strike, expiryYears, v0, kappa, theta, volOfVol, rho };
          const c = hestonPrice({ ...i, type: 'call' });
          const p = hestonPrice({ ...i, type: 'put' });
          const fwd = 100 * Math.exp(-0.01 * expiryYears) - strike * Math.exp(-0.03 * expiryYears);
          expect(Math.abs(c.price - p.price - fwd), JSON.stringify(i)).toBeLessThan(1e-10);
          expect(Math.abs(c.delta - p.delta - Math.exp(-0.01 * expiryYears))).toBeLessThan(1e-9);
          for (const v of [c.price, c.delta, p.price, p.delta]) expect(Number.isFinite(v)).toBe(true);
        }
      }
    }
  });

  it('delta equals a central difference of the price', () => {
    for (const type of ['call', 'put'] as const) {
      for (const [strike, expiryYears] of [[95, 0.5], [150, 2], [100, 0.01]] as const) {
        const i = { ...heston, type, strike, expiryYears };
        const h = 1e-3;
        const fd = (hestonPrice({ ...i, spot: 100 + h }).price - hestonPrice({ ...i, spot: 100 - h }).price) / (2 * h);
        expect(Math.abs(hestonPrice(i).delta - fd)).toBeLessThan(1e-7);
      }
    }
  });

  it('expiry 0 and zero variance give the discounted intrinsic value', () => {
    expect(hestonPrice({ ...heston, expiryYears: 0 }).price).toBe(5);
    const r = hestonPrice({ ...heston, v0: 0, theta: 0, strike: 90 });
    expect(r.price).toBeCloseTo(100 * Math.exp(-0.005) - 90 * Math.exp(-0.015), 12);
  });

  it('prices a spread of Feller-violating and extreme parameters without NaN, within bounds', () => {
    for (const [v0, kappa, theta, volOfVol, rho] of [
      [100, 1000, 100, 10, -1], [0.01, 0.1, 0.01, 5, 0.9], [0.04, 1000, 0.04, 0.01, 0], [2, 0.1, 0.01, 10, -0.5],
    ] as const) {
      for (const expiryYears of [1e-4, 0.01, 1, 50]) {
        for (const type of ['call', 'put'] as const) {
          const r = hestonPrice({ ...heston, type, v0, kappa, theta, volOfVol, rho, expiryYears });
          expect(Number.isFinite(r.price) && Number.isFinite(r.delta), JSON.stringify({ v0, kappa, theta, volOfVol, rho, expiryYears, type, r })).toBe(true);
          expect(r.price).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });
});

const NON_FINITE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const NOT_NUMBERS: unknown[] = ['1', null, {}, true];
const rules: Record<string, unknown[]> = {
  spot: [0, -1, 1e-101, 1e101], strike: [0, -5, 1e101], expiryYears: [-1e-9, 50.01, 365], vol: [-0.01, 10.01, 80],
  rate: [1.01, -2], dividendYield: [1.5, -1.01],
  jumpIntensity: [-1e-9, 1000.01], jumpMean: [10.01, -11], jumpVol: [-0.01, 10.5],
  v0: [-1e-9, 100.01], kappa: [0, -1, 1000.5], theta: [-0.01, 101], volOfVol: [-1e-9, 10.01], rho: [1.0001, -1.5],
};


describe.each([
  ['mertonJumpDiffusion', mertonJumpDiffusion as (o: never) => unknown, merton],
  ['hestonPrice', hestonPrice as (o: never) => unknown, heston],
] as const)('%s rejects bad input, field by field', (_name, fn, good) => {
  for (const field of Object.keys(good)) {
    if (field === 'type') {
      it.each(['Call', '', 1, undefined])('type = %s', (value) => {
        expectInvalid(() => fn({ ...good, type: value } as never), 'type', value);
      });
      continue;
    }
    it.each([...NON_FINITE, ...NOT_NUMBERS, ...(rules[field] ?? [])].map((v) => [String(v), v]))(`${field} = %s`, (_l, value) => {
      expectInvalid(() => fn({ ...good, [field]: value } as never), field, value);
    });
    if (field !== 'rate' && field !== 'dividendYield') {
      it(`${field} missing`, () => {
        const { [field]: _omit, ...rest } = good as Record<string, unknown>;
        expectInvalid(() => fn(rest as never), field, undefined);
      });
    }
  }
  it.each([null, undefined, 42, []])('input itself = %s', (value) => {
    expectInvalid(() => fn(value as never), 'input', undefined);
  });
});

it('hestonPrice rejects a vol field (not a Heston input)', () => {
  expectInvalid(() => hestonPrice({ ...heston, vol: 0.2 } as never), 'vol', 0.2);
});
