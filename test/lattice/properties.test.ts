// Properties and edges of the lattice pricer (issue #4 §3): American ≥ European, American put ≥ intrinsic,
// monotonicity in strike, put-call parity of the European trees, expiry 0 → intrinsic, vol 0 → the
// deterministic American value, tiny vol and deep ITM/OTM without NaN, the small-vol CRR fallback, and
// the batch entry agreeing with the scalar one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { americanOption, americanOptionBatch, blackScholes, Status, type LatticeMethod } from '../../src/index.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const METHODS: LatticeMethod[] = ['leisen-reimer', 'crr', 'trinomial'];
const finite = (g: { price: number; delta: number; gamma: number; theta: number }) =>
  [g.price, g.delta, g.gamma, g.theta].every(Number.isFinite);

const inputs = fc.record({
  type: fc.constantFrom('call' as const, 'put' as const),
  spot: fc.double({ min: 20, max: 500, noNaN: true }),
  moneyness: fc.double({ min: 0.5, max: 2, noNaN: true }),
  expiryYears: fc.double({ min: 0.01, max: 5, noNaN: true }),
  vol: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
  rate: fc.double({ min: -0.02, max: 0.15, noNaN: true }),
  dividendYield: fc.double({ min: 0, max: 0.12, noNaN: true }),
  method: fc.constantFrom(...METHODS),
});

describe('properties (fast-check, fixed seed)', () => {
  it('American ≥ European ≥ 0; American ≥ immediate exercise; European tree near the closed form', () => {
    fc.assert(fc.property(inputs, ({ moneyness, method, ...o }) => {
      const x = { ...o, strike: o.spot * moneyness, steps: 201, method };
      const am = americanOption(x);
      const eu = americanOption({ ...x, exercise: 'european' });
      const w = o.type === 'call' ? 1 : -1;
      expect(finite(am) && finite(eu)).toBe(true);
      expect(am.price).toBeGreaterThanOrEqual(eu.price - 1e-12 * x.strike);
      expect(eu.price).toBeGreaterThanOrEqual(0);
      expect(am.price).toBeGreaterThanOrEqual(Math.max(w * (o.spot - x.strike), 0) - 1e-12 * x.strike);
      const bs = blackScholes(x).price;
      expect(Math.abs(eu.price - bs)).toBeLessThan(2e-2 * Math.max(bs, 1e-3 * x.strike) + 1e-9);
    }), { seed: 20240104, numRuns: 60 });
  });

  it('monotone in strike: calls fall, puts rise (American, each method)', () => {
    fc.assert(fc.property(inputs, ({ moneyness, method, ...o }) => {
      const strikes = [0.8, 0.9, 1, 1.1, 1.25].map((m) => o.spot * moneyness * m);
      const prices = strikes.map((strike) => americanOption({ ...o, strike, steps: 151, method }).price);
      for (let i = 1; i < prices.length; i++) {
        if (o.type === 'call') expect(prices[i]!).toBeLessThanOrEqual(prices[i - 1]! + 1e-12 * o.spot);
        else expect(prices[i]!).toBeGreaterThanOrEqual(prices[i - 1]! - 1e-12 * o.spot);
      }
    }), { seed: 7, numRuns: 40 });
  });

  it('European CRR trees satisfy put-call parity to rounding (exact martingale probability)', () => {
    fc.assert(fc.property(inputs, ({ moneyness, ...o }) => {
      const x = { ...o, strike: o.spot * moneyness, steps: 300, method: 'crr' as const, exercise: 'european' as const };
      const c = americanOption({ ...x, type: 'call' }).price;
      const p = americanOption({ ...x, type: 'put' }).price;
      const fwd = o.spot * Math.exp(-o.dividendYield * o.expiryYears) - x.strike * Math.exp(-o.rate * o.expiryYears);
      expect(Math.abs(c - p - fwd)).toBeLessThan(1e-11 * (o.spot + x.strike));
    }), { seed: 11, numRuns: 40 });
  });
});

describe('edges', () => {
  const put = { type: 'put' as const, spot: 100, strike: 110, expiryYears: 1, vol: 0.3, rate: 0.05, dividendYield: 0.02 };

  it('expiry 0 → intrinsic, Greeks as limits (gamma NaN at the strike)', () => {
    for (const method of METHODS) {
      expect(americanOption({ ...put, expiryYears: 0, method })).toEqual({ price: 10, delta: -1, gamma: 0, theta: 0 });
      const atm = americanOption({ ...put, strike: 100, expiryYears: 0, method });
      expect(atm.price).toBe(0);
      expect(atm.gamma).toBeNaN();
      const otm = americanOption({ ...put, strike: 90, expiryYears: 0, method });
      expect(otm).toEqual({ price: 0, delta: 0, gamma: 0, theta: 0 });
    }
    // European at expiry 0, ITM: theta = r·K − q·S (the closed form's limit)
    const eu = americanOption({ ...put, expiryYears: 0, exercise: 'european' });
    expect(eu.theta).toBeCloseTo(0.05 * 110 - 0.02 * 100, 12);
  });

  it('vol 0 → the deterministic value: max over exercise times of ±(S·e^{−qt} − K·e^{−rt})', () => {
    // put, r > q: exercise at once (K − S = 10 beats waiting)
    expect(americanOption({ ...put, vol: 0 }).price).toBe(10);
    // call with a high yield: f(t) = S·e^{−qt} − K·e^{−rt} peaks at t* = ln(rK/(qS))/(r − q)
    const c = { type: 'call' as const, spot: 100, strike: 95, expiryYears: 2, vol: 0, rate: 0.08, dividendYield: 0.03 };
    const ts = Math.log((0.08 * 95) / (0.03 * 100)) / (0.08 - 0.03);
    const f = (t: number) => 100 * Math.exp(-0.03 * t) - 95 * Math.exp(-0.08 * t);
    expect(ts).toBeGreaterThan(0);
    const want = ts < 2 ? f(ts) : f(2);
    const got = americanOption(c);
    expect(got.price).toBeCloseTo(want, 12);
    expect(got.price).toBeGreaterThanOrEqual(blackScholes(c).price * (1 - 1e-15));
    // a European option at vol 0 is the discounted intrinsic, as blackScholes
    const eu = americanOption({ ...c, exercise: 'european' });
    expect(eu.price).toBeCloseTo(blackScholes(c).price, 12);
    expect(eu.delta).toBeCloseTo(blackScholes(c).delta, 12);
    // and a tree at tiny vol approaches the deterministic American value
    for (const method of METHODS) {
      const near = americanOption({ ...c, vol: 1e-4, method, steps: 1001 });
      expect(Math.abs(near.price - want)).toBeLessThan(1e-3);
    }
  });

  it('tiny vol (1e-3, and CRR with σ√dt < |r − q|·dt) does not throw, NaN or leave bounds', () => {
    for (const method of METHODS) {
      for (const type of ['call', 'put'] as const) {
        for (const strike of [50, 99, 100, 101, 200]) {
          for (const [rate, dividendYield] of [[0.05, 0], [0, 0.05], [0.1, 0.02], [-0.01, 0]]) {
            const x = { type, spot: 100, strike, expiryYears: 1, vol: 1e-3, rate, dividendYield, method, steps: 501 };
            const am = americanOption(x);
            const eu = americanOption({ ...x, exercise: 'european' });
            const w = type === 'call' ? 1 : -1;
            expect(Number.isFinite(am.price) && Number.isFinite(am.delta) && Number.isFinite(am.theta), JSON.stringify(x)).toBe(true);
            expect(am.price).toBeGreaterThanOrEqual(Math.max(w * (100 - strike), 0) - 1e-12);
            expect(am.price).toBeGreaterThanOrEqual(eu.price - 1e-12);
            // CRR keeps its exact p while σ√dt > |r − q|·dt, but p is then far from ½ and the tree coarse
            // against the forward: 4.2e-3 off a 0.042 price at r = −0.01, K = 99 (LR, trinomial: < 1e-4)
            expect(Math.abs(eu.price - blackScholes(x).price)).toBeLessThan(method === 'crr' ? 5e-3 : 2e-4);
          }
        }
      }
    }
  });

  it('deep ITM / OTM and extreme inputs stay finite and within bounds', () => {
    const cases = [
      { spot: 100, strike: 1e-6 }, { spot: 100, strike: 1e6 }, { spot: 1e-90, strike: 1e90 }, { spot: 1e90, strike: 1e-90 },
    ];
    for (const method of METHODS) {
      for (const type of ['call', 'put'] as const) {
        for (const c of cases) {
          for (const [vol, expiryYears] of [[0.2, 1], [10, 50], [3, 0.001]]) {
            const x = { type, ...c, vol: vol!, expiryYears: expiryYears!, rate: 0.05, dividendYield: 0.01, method, steps: 301 };
            const g = americanOption(x);
            expect(Number.isFinite(g.price) && Number.isFinite(g.delta), JSON.stringify(x)).toBe(true);
            expect(g.price).toBeGreaterThanOrEqual(0);
            expect(g.price).toBeLessThanOrEqual(type === 'call' ? c.spot * (1 + 1e-12) : c.strike * (1 + 1e-12));
          }
        }
      }
    }
  });

  it('an even step count for Leisen–Reimer is raised to the next odd one', () => {
    const a = americanOption({ ...put, steps: 500 });
    const b = americanOption({ ...put, steps: 501 });
    expect(a).toEqual(b);
  });

  it('steps 1 and 100,000 are accepted', () => {
    for (const method of METHODS) expect(finite(americanOption({ ...put, steps: 1, method }))).toBe(true);
    expect(Math.abs(americanOption({ ...put, steps: 100_000, method: 'crr', expiryYears: 0.01 }).price - 10)).toBeLessThan(1);
  }, 60_000);

  it('the American put\'s theta is 0 deep in the exercise region, and negative when holding', () => {
    expect(Math.abs(americanOption({ ...put, strike: 200 }).theta)).toBeLessThan(1e-9);
    expect(americanOption(put).theta).toBeLessThan(0);
  });
});

describe('americanOptionBatch', () => {
  it('matches the scalar call element by element and marks a bad element INVALID_INPUT', () => {
    const spots = new Float64Array([100, 80, -1, 42000]);
    const strikes = new Float64Array([110, 100, 100, 35000]);
    const expiriesYears = new Float64Array([1, 1, 1, 30 / 365]);
    const vols = new Float64Array([0.3, 0.2, 0.2, 0.65]);
    const isCall = new Uint8Array([0, 1, 1, 0]);
    const out = americanOptionBatch({ isCall, spots, strikes, expiriesYears, vols, rates: 0.05, dividendYields: 0.01, method: 'crr', steps: 301 });
    expect(Array.from(out.status)).toEqual([Status.OK, Status.OK, Status.INVALID_INPUT, Status.OK]);
    for (const i of [0, 1, 3]) {
      const g = americanOption({ type: isCall[i] ? 'call' : 'put', spot: spots[i]!, strike: strikes[i]!, expiryYears: expiriesYears[i]!,
        vol: vols[i]!, rate: 0.05, dividendYield: 0.01, method: 'crr', steps: 301 });
      expect([out.price[i], out.delta[i], out.gamma[i], out.theta[i]]).toEqual([g.price, g.delta, g.gamma, g.theta]);
    }
    expect([out.price[2], out.delta[2], out.gamma[2], out.theta[2]].every(Number.isNaN)).toBe(true);
  });
});
