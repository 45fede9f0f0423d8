// Very coarse trees (tester's report, items 1 and 3): σ²T/steps up to 5000, and the deep-ITM put
// exercised at once.
//
// Item 1: the trinomial tree's stretch b = 2·asinh(√(3(e^{σ²dt} − 1)/8)) overflowed (e^{σ²dt} with
// σ²dt ≳ 709), giving NaN price and Greeks with status OK. Expected values are those of the same tree
// (assembly/lattice/trinomial.ts: b, p_up = (2/3)/(1 + e^b), p_mid = 1/3, grid centred on the forward,
// three-point Greeks at time 0, theta against the root) computed in mpmath at 50 digits by
// scripts/vectors/lattice_trinomial_mpmath.py. (Such a tree is valued exactly but is a poor model: its middle path,
// 1/3 per step, never moves, so the call is worth 2S/3 at one step, S·(1 − 3^{−N}) at N.)
import { describe, expect, it } from 'vitest';
import { americanOption, americanOptionBatch, Status } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

/** |got − want| ≤ rel·|want| + abs. */
function near(got: number, want: number, rel: number, abs = 0, what = ''): void {
  expect(Math.abs(got - want), `${what}: got ${got}, want ${want}`).toBeLessThanOrEqual(rel * Math.abs(want) + abs);
}

// [type, spot, strike, expiry, vol, rate, dividendYield, steps] → price, delta, gamma, theta (mpmath, 17 digits;
// gammas and put deltas below 1e-200 are 0 in doubles).
const CASES: [('call' | 'put'), number, number, number, number, number, number, number, number, number, number, number][] = [
  ['call', 100, 100, 50, 10, 0, 0, 1, 66.666666666666667, 1.0, 0, -0.44444444444444444],
  ['call', 100, 100, 50, 10, 0, 0, 2, 88.888888888888889, 1.0, 0, -0.2962962962962963],
  ['call', 100, 100, 10, 10, 0, 0, 1, 66.666666666666667, 1.0, 0, -2.2222222222222222],
  ['call', 100, 100, 50, 5, 0, 0, 1, 66.666666666666667, 1.0, 0, -0.44444444444444444],
  ['call', 100, 100, 50, 10, 0.05, 0.02, 1, 34.051777496347605, 1.0, 0, -1.0007850620009133],
  ['put', 100, 100, 50, 10, 0.05, 0.02, 1, 5.4723332415932523, 0, 0, -1.4442930148712753],
  ['put', 100, 100, 50, 10, 0.05, 0.02, 3, 33.77848654592806, 0, 0, -0.33410684896851601],
  ['call', 100, 80, 10, 10, 0.03, 0.01, 2, 86.991491384075427, 1.0, 1.2357348476254259e-220, -0.97267774915885462],
];

describe('trinomial tree with σ²T/steps up to 5000 (was NaN with status OK)', () => {
  it.each(CASES)('%s S %s K %s T %s vol %s r %s q %s, %s steps: the tree value (mpmath)', (type, spot, strike, T, vol, rate, q, steps, p, d, g, th) => {
    const x = { type, spot, strike, expiryYears: T, vol, rate, dividendYield: q, steps, method: 'trinomial' as const };
    const got = americanOption(x);
    near(got.price, p, 1e-13, 0, 'price');
    near(got.delta, d, 1e-13, 1e-300, 'delta');
    near(got.gamma, g, 1e-12, 1e-300, 'gamma');
    near(got.theta, th, 1e-11, 0, 'theta');
  });

  it('the batch reports them OK with finite outputs', () => {
    const n = CASES.length;
    const out = americanOptionBatch({
      isCall: Uint8Array.from(CASES, (c) => (c[0] === 'call' ? 1 : 0)),
      spots: Float64Array.from(CASES, (c) => c[1]), strikes: Float64Array.from(CASES, (c) => c[2]),
      expiriesYears: Float64Array.from(CASES, (c) => c[3]), vols: Float64Array.from(CASES, (c) => c[4]),
      rates: Float64Array.from(CASES, (c) => c[5]), dividendYields: Float64Array.from(CASES, (c) => c[6]),
      steps: 1, method: 'trinomial',
    });
    for (let i = 0; i < n; i++) {
      expect(out.status[i]).toBe(Status.OK);
      for (const col of [out.price, out.delta, out.gamma, out.theta]) expect(Number.isFinite(col[i])).toBe(true);
    }
  });

  it('every method and exercise is finite across the coarse corner (vol 5–10, expiry 10–50, 1–3 steps)', () => {
    for (const method of ['trinomial', 'crr', 'leisen-reimer'] as const) {
      for (const exercise of ['american', 'european'] as const) {
        for (const type of ['call', 'put'] as const) {
          for (const [T, vol] of [[50, 10], [10, 10], [50, 5], [50, 7.5]] as const) {
            for (const steps of [1, 2, 3]) {
              const g = americanOption({ type, spot: 100, strike: 90, expiryYears: T, vol, rate: 0.04, dividendYield: 0.01, steps, method, exercise });
              expect([g.price, g.delta, g.gamma, g.theta].every(Number.isFinite), `${method} ${exercise} ${type} ${T} ${vol} ${steps}`).toBe(true);
            }
          }
        }
      }
    }
  });
});

// Item 3: when all three time-0 nodes are in the exercise region, V = ±(S − K) there, so delta is
// exactly ±1 and gamma exactly 0 (was −1.0000000001780651 and 1.9e-8 for the put below: the rounding of
// the node spots). The price is the intrinsic value K − S (S − K), to rounding.
describe('deep in the money, exercised at once: delta exactly ±1, gamma 0', () => {
  const CASES = [
    { type: 'put', spot: 1, strike: 1e6, expiryYears: 1, vol: 0.2, rate: 0.05, dividendYield: 0 },
    { type: 'put', spot: 60, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.05, dividendYield: 0 },
    { type: 'call', spot: 1e6, strike: 1, expiryYears: 1, vol: 0.2, rate: 0.05, dividendYield: 0.05 },
    { type: 'call', spot: 300, strike: 100, expiryYears: 2, vol: 0.3, rate: 0.01, dividendYield: 0.2 },
  ] as const;
  for (const method of ['crr', 'leisen-reimer', 'trinomial'] as const) {
    it.each(CASES)(`${method}: %o`, (x) => {
      const g = americanOption({ ...x, method });
      const intrinsic = x.type === 'put' ? x.strike - x.spot : x.spot - x.strike;
      near(g.price, intrinsic, 4e-16, 0, 'price'); // calls are rolled back as V/S: S·(1 − K/S)
      expect(g.delta).toBe(x.type === 'put' ? -1 : 1);
      expect(g.gamma).toBe(0);
    });
  }

  it('not where only some time-0 nodes are exercised (European-like delta in between)', () => {
    // S 85: the boundary of this put (about 84 at one year) lies among the time-0 nodes of a 501-step tree
    const g = americanOption({ type: 'put', spot: 85, strike: 100, expiryYears: 1, vol: 0.2, rate: 0.05, method: 'crr' });
    expect(g.delta).toBeGreaterThan(-1);
    expect(g.delta).toBeLessThan(-0.5);
  });
});
