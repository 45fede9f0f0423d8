// Property tests (fast-check, fixed seed) registered for one implementation of the options API: the
// WASM facade (src/index.ts) or the reference (src/reference). See wasm.properties.test.ts and
// reference.properties.test.ts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { InvalidInputError, Status } from '../../src/errors.js';
import type {
  Black76BatchInput, Black76Input, BlackScholesBatchInput, BlackScholesInput, Greeks, GreeksBatch, ImpliedVolBatch,
  ImpliedVolBatchInput, ImpliedVolInput,
} from '../../src/options/types.js';
import {
  BAD_VALUES, SEED, atTheMoneyForward, batchElement, discounted, limitOption, moderateOption, wideOption, type BatchElement, type Option,
} from './arbitraries.js';

/** The functions under test. */
export interface OptionsApi {
  blackScholes(input: BlackScholesInput): Greeks;
  black76(input: Black76Input): Greeks;
  impliedVol(input: ImpliedVolInput): number;
  blackScholesBatch(input: BlackScholesBatchInput): GreeksBatch;
  black76Batch(input: Black76BatchInput): GreeksBatch;
  impliedVolBatch(input: ImpliedVolBatchInput): ImpliedVolBatch;
}

export type Model = 'bsm' | 'black76';
export const MODELS: Model[] = ['bsm', 'black76'];
export const GREEKS = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho', 'vanna', 'volga', 'charm'] as const;
export type GreekName = (typeof GREEKS)[number];

/** Scalar input of `model` for option `o`. */
export function scalarInput(model: Model, o: Option): BlackScholesInput | Black76Input {
  return model === 'bsm'
    ? { type: o.type, spot: o.underlying, strike: o.strike, expiryYears: o.expiryYears, vol: o.vol, rate: o.rate, dividendYield: o.dividendYield }
    : { type: o.type, forward: o.underlying, strike: o.strike, expiryYears: o.expiryYears, vol: o.vol, rate: o.rate };
}

/** Price and Greeks of `o` under `model`. */
export function greeksOf(api: OptionsApi, model: Model, o: Option): Greeks {
  return model === 'bsm' ? api.blackScholes(scalarInput('bsm', o) as BlackScholesInput) : api.black76(scalarInput('black76', o) as Black76Input);
}

/** Implied-vol input for price `price` of option `o` under `model`. */
export function ivInput(model: Model, o: Option, price: number): ImpliedVolInput {
  return model === 'bsm'
    ? { type: o.type, price, spot: o.underlying, strike: o.strike, expiryYears: o.expiryYears, rate: o.rate, dividendYield: o.dividendYield }
    : { type: o.type, price, forward: o.underlying, strike: o.strike, expiryYears: o.expiryYears, rate: o.rate };
}

/** Number of runs per property (the same inputs every run: seed {@link SEED}). */
const RUNS = 300;
const opts = { seed: SEED, numRuns: RUNS };
/** A bound on the rounding error of one computed price: a few ulps of the larger discounted term. */
const priceRounding = (sd: number, kd: number) => 2e-15 * Math.max(sd, kd);

/**
 * Natural magnitudes of the nine values at `o` (each Greek is a sum of terms bounded by its scale;
 * used to express absolute tolerances for values that can cancel to near 0).
 */
export function greekScales(model: Model, o: Option): Record<GreekName, number> {
  const { sd, kd } = discounted(o, model);
  const T = o.expiryYears;
  const q = model === 'bsm' ? o.dividendYield : o.rate;
  const b = Math.abs(o.rate - q);
  const m = Math.max(sd, kd);
  const sT = o.vol * Math.sqrt(T);
  const dq = Math.exp(-q * T);
  const d = sT > 0 ? Math.abs(Math.log(sd / kd)) / sT + sT : 0; // bound of |d1|, |d2|
  return {
    price: m,
    delta: dq,
    gamma: dq / (o.underlying * sT),
    vega: m * Math.sqrt(T),
    theta: m * (o.vol / Math.sqrt(T) + Math.abs(o.rate) + Math.abs(q)),
    rho: T * m,
    vanna: (dq * (1 + d)) / o.vol,
    volga: (m * Math.sqrt(T) * (1 + d * d)) / o.vol,
    charm: dq * (Math.abs(q) + b / sT + (1 + d) / T),
  };
}

/** Central differences of the price compared with the analytic Greeks; returns the failures. */
export function finiteDifferenceFailures(api: OptionsApi, model: Model, o: Option): string[] {
  const g = greeksOf(api, model, o);
  const price = (p: Partial<Option>) => greeksOf(api, model, { ...o, ...p }).price;
  const { sd, kd } = discounted(o, model);
  const delta0 = priceRounding(sd, kd);
  const S = o.underlying, T = o.expiryYears, v = o.vol, r = o.rate;
  const sT = v * Math.sqrt(T);

  // First derivative by a central difference with bump h (realized bump used as the divisor).
  const d1 = (f: (x: number) => number, x: number, h: number) => (f(x + h) - f(x - h)) / ((x + h) - (x - h));
  const d2 = (f: (x: number) => number, x: number, h: number) => (f(x + h) - 2 * f(x) + f(x - h)) / (h * h);
  const mixed = (f: (x: number, y: number) => number, x: number, y: number, h: number, k: number) =>
    (f(x + h, y + k) - f(x + h, y - k) - f(x - h, y + k) + f(x - h, y - k)) / (4 * h * k);

  // Natural scales of each variable (bumps are small fractions of them).
  const LS = S * sT, Lv = v, LT = T, Lr = Math.min(sT, 1) / T;
  type Check = [GreekName, number, (h: number) => number, number, (h: number) => number];
  // [name, analytic, fd(h), h, rounding bound of fd(h)]
  const checks: Check[] = [
    ['delta', g.delta, (h) => d1((x) => price({ underlying: x }), S, h), 1e-4 * LS, (h) => delta0 / h],
    ['gamma', g.gamma, (h) => d2((x) => price({ underlying: x }), S, h), 1e-3 * LS, (h) => (4 * delta0) / (h * h)],
    ['vega', g.vega, (h) => d1((x) => price({ vol: x }), v, h), 1e-4 * Lv, (h) => delta0 / h],
    ['theta', g.theta, (h) => -d1((x) => price({ expiryYears: x }), T, h), 1e-4 * LT, (h) => delta0 / h],
    // rho: ∂/∂r with the dividend yield fixed (BSM) or with the forward fixed (Black-76).
    ['rho', g.rho, (h) => d1((x) => price({ rate: x }), r, h), 1e-4 * Lr, (h) => delta0 / h],
    ['volga', g.volga, (h) => d2((x) => price({ vol: x }), v, h), 1e-3 * Lv, (h) => (4 * delta0) / (h * h)],
    ['vanna', g.vanna, (h) => mixed((x, y) => price({ underlying: x, vol: y }), S, v, h, (h / LS) * Lv), 1e-3 * LS,
      (h) => delta0 / (h * (h / LS) * Lv)],
    ['charm', g.charm, (h) => -mixed((x, y) => price({ underlying: x, expiryYears: y }), S, T, h, (h / LS) * LT), 1e-3 * LS,
      (h) => delta0 / (h * (h / LS) * LT)],
  ];
  const failures: string[] = [];
  for (const [name, analytic, fd, h, rounding] of checks) {
    const a = fd(h);
    const b2 = fd(2 * h);
    // Central differences err by c·h² + O(h⁴): |fd(h) − fd(2h)| ≈ 3c·h², so 2|fd(h) − fd(2h)| bounds the
    // truncation error of fd(h) with a factor 6 to spare; rounding adds up to `rounding(h)` (doubled).
    const tol = 2 * Math.abs(a - b2) + 2 * rounding(h) + 1e-9 * Math.abs(analytic);
    if (!(Math.abs(a - analytic) <= tol)) failures.push(`${name}: analytic ${analytic}, central difference ${a} (2h: ${b2}), tolerance ${tol}`);
  }
  return failures;
}

/** Registers the property tests of one implementation. */
export function optionProperties(label: string, api: () => OptionsApi): void {
  describe(`${label}: properties`, () => {
    for (const model of MODELS) {
      describe(model, () => {
        test('put-call parity: C − P = S e^{−qT} − K e^{−rT} (to 1e-12 of the larger term)', () => {
          fc.assert(fc.property(wideOption, (o) => {
            const call = greeksOf(api(), model, { ...o, type: 'call' }).price;
            const put = greeksOf(api(), model, { ...o, type: 'put' }).price;
            const { sd, kd } = discounted(o, model);
            expect(Math.abs(call - put - (sd - kd))).toBeLessThanOrEqual(1e-12 * Math.max(sd, kd));
          }), opts);
        });

        test('no-arbitrage bounds: intrinsic ≤ price ≤ S e^{−qT} (call) / K e^{−rT} (put)', () => {
          fc.assert(fc.property(wideOption, (o) => {
            const p = greeksOf(api(), model, o).price;
            const { sd, kd, intrinsic, maximum } = discounted(o, model);
            const tol = 4 * Number.EPSILON * Math.max(sd, kd); // rounding of the closed form
            expect(p).toBeGreaterThanOrEqual(intrinsic - tol);
            expect(p).toBeLessThanOrEqual(maximum + tol);
            expect(p).toBeGreaterThanOrEqual(0);
          }), opts);
        });

        test('monotone: call decreasing and put increasing in strike; both increasing in vol', () => {
          fc.assert(fc.property(wideOption, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (o, a, b) => {
            const { sd, kd } = discounted(o, model);
            const tol = 1e-14 * Math.max(sd, kd) * 2;
            const [k1, k2] = [o.strike * (0.5 + Math.min(a, b)), o.strike * (0.5 + Math.max(a, b))];
            const pk1 = greeksOf(api(), model, { ...o, strike: k1 }).price;
            const pk2 = greeksOf(api(), model, { ...o, strike: k2 }).price;
            if (o.type === 'call') expect(pk1).toBeGreaterThanOrEqual(pk2 - tol);
            else expect(pk2).toBeGreaterThanOrEqual(pk1 - tol);
            const [v1, v2] = [3 * Math.min(a, b), 3 * Math.max(a, b)];
            const pv1 = greeksOf(api(), model, { ...o, vol: v1 }).price;
            const pv2 = greeksOf(api(), model, { ...o, vol: v2 }).price;
            expect(pv2).toBeGreaterThanOrEqual(pv1 - tol);
          }), opts);
        });

        test('monotone: increasing in expiry when r = q = 0', () => {
          fc.assert(fc.property(wideOption, fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (o0, a, b) => {
            const o = { ...o0, rate: 0, dividendYield: 0 };
            const tol = 4e-15 * Math.max(o.underlying, o.strike);
            const p1 = greeksOf(api(), model, { ...o, expiryYears: Math.min(a, b) }).price;
            const p2 = greeksOf(api(), model, { ...o, expiryYears: Math.max(a, b) }).price;
            expect(p2).toBeGreaterThanOrEqual(p1 - tol);
          }), opts);
        });

        test('Greeks equal central differences of the price (delta, gamma, vega, theta, rho, vanna, volga, charm)', () => {
          fc.assert(fc.property(moderateOption, (o) => {
            expect(finiteDifferenceFailures(api(), model, o)).toEqual([]);
          }), opts);
        });

        test('implied vol round trip: price → vol → price (moderate time value)', () => {
          fc.assert(fc.property(moderateOption, (o) => {
            const g = greeksOf(api(), model, o);
            const { sd, kd, intrinsic } = discounted(o, model);
            fc.pre(g.price - intrinsic > 1e-8 * Math.max(sd, kd)); // enough time value to carry a vol
            const vol = api().impliedVol(ivInput(model, o, g.price));
            // The price is known to its rounding error δ, so the vol to δ/vega (and the solver to ~4 ulps).
            const volTol = (4 * priceRounding(sd, kd)) / g.vega + 1e-14 * o.vol;
            expect(Math.abs(vol - o.vol)).toBeLessThanOrEqual(volTol);
            const back = greeksOf(api(), model, { ...o, vol }).price;
            expect(Math.abs(back - g.price)).toBeLessThanOrEqual(8 * priceRounding(sd, kd));
          }), opts);
        });

        test('implied vol bounds: below intrinsic / at or above the maximum throw; at intrinsic gives 0', () => {
          fc.assert(fc.property(wideOption, fc.double({ min: 1e-9, max: 0.5, noNaN: true }), (o, f) => {
            const { intrinsic, maximum } = discounted(o, model);
            if (intrinsic > 0) {
              expect(() => api().impliedVol(ivInput(model, o, intrinsic * (1 - f)))).toThrow(expect.objectContaining({ code: 'PRICE_BELOW_INTRINSIC' }));
            }
            expect(() => api().impliedVol(ivInput(model, o, maximum * (1 + f)))).toThrow(expect.objectContaining({ code: 'PRICE_ABOVE_MAXIMUM' }));
            expect(api().impliedVol(ivInput(model, o, intrinsic))).toBe(0);
          }), opts);
        });

        test('batch equals scalar bit for bit, and bad elements get NaN and their status without throwing', () => {
          fc.assert(fc.property(fc.array(batchElement(model === 'bsm'), { minLength: 1, maxLength: 12 }), fc.boolean(), (els, broadcastRate) => {
            const n = els.length;
            const col = (f: (e: BatchElement) => number) => Float64Array.from(els, f);
            const rate0 = els[0]!.rate; // broadcast: element 0's rate for all
            const rates = broadcastRate ? rate0 : col((e) => e.rate);
            const common = { isCall: Uint8Array.from(els, (e) => e.isCallCode), strikes: col((e) => e.strike), expiriesYears: col((e) => e.expiryYears), vols: col((e) => e.vol), rates };
            const out = model === 'bsm'
              ? api().blackScholesBatch({ ...common, spots: col((e) => e.underlying), dividendYields: col((e) => e.dividendYield) })
              : api().black76Batch({ ...common, forwards: col((e) => e.underlying) });
            for (const k of GREEKS) expect(out[k].length).toBe(n);
            for (let i = 0; i < n; i++) {
              const e = { ...els[i]!, rate: broadcastRate ? rate0 : els[i]!.rate };
              const type = e.isCallCode === 1 ? 'call' : e.isCallCode === 0 ? 'put' : (e.isCallCode as never);
              let scalar: Greeks | null = null;
              try {
                scalar = greeksOf(api(), model, { ...e, type });
              } catch (err) {
                expect(err).toBeInstanceOf(InvalidInputError);
              }
              if (scalar === null) {
                expect(out.status[i]).toBe(Status.INVALID_INPUT);
                for (const k of GREEKS) expect(out[k][i]).toBeNaN();
              } else {
                for (const k of GREEKS) expect(Object.is(out[k][i], scalar[k]), `${k}[${i}]: batch ${out[k][i]} vs scalar ${scalar[k]}`).toBe(true);
                const degenerate = GREEKS.some((k) => Number.isNaN(scalar[k]));
                expect(out.status[i]).toBe(degenerate ? Status.DEGENERATE : Status.OK);
              }
              // An element built with a bad field (or sharing a bad broadcast rate) must be INVALID_INPUT.
              const bad = (e.bad !== null && !(broadcastRate && e.bad === 'rate')) || (broadcastRate && els[0]!.bad === 'rate');
              if (bad) expect(out.status[i]).toBe(Status.INVALID_INPUT);
            }
          }), { seed: SEED, numRuns: 150 });
        });

        test('implied-vol batch equals scalar bit for bit; statuses BELOW/ABOVE/INVALID without throwing', () => {
          const kind = fc.constantFrom('ok', 'below', 'above', 'intrinsic', 'bad');
          fc.assert(fc.property(fc.array(fc.tuple(moderateOption, kind, fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.nat()), { minLength: 1, maxLength: 10 }), (rows) => {
            const els = rows.map(([o, k, f, i]) => {
              const { sd, kd, intrinsic, maximum } = discounted(o, model);
              const p = greeksOf(api(), model, o).price;
              // 'below' needs an intrinsic value clearly above rounding (else the price is made negative: INVALID).
              const belowOk = intrinsic > 1e-8 * Math.max(sd, kd);
              const price = k === 'ok' ? p : k === 'below' ? (belowOk ? intrinsic * (1 - f) : -f) : k === 'above' ? maximum * (1 + f) : k === 'intrinsic' ? intrinsic : p;
              const fields = ['underlying', 'strike', 'expiryYears', 'rate'] as const;
              const bad = k === 'bad' ? fields[i % fields.length]! : null;
              const o2 = bad === null ? o : { ...o, [bad]: BAD_VALUES[bad][i % BAD_VALUES[bad].length]! };
              return { o: o2, price, k: belowOk || k !== 'below' ? k : 'badPrice' };
            });
            const col = (f: (e: (typeof els)[number]) => number) => Float64Array.from(els, f);
            const base = { isCall: Uint8Array.from(els, (e) => (e.o.type === 'call' ? 1 : 0)), prices: col((e) => e.price), strikes: col((e) => e.o.strike), expiriesYears: col((e) => e.o.expiryYears), rates: col((e) => e.o.rate) };
            const out = api().impliedVolBatch(model === 'bsm'
              ? { ...base, spots: col((e) => e.o.underlying), dividendYields: col((e) => e.o.dividendYield) }
              : { ...base, forwards: col((e) => e.o.underlying) });
            els.forEach((e, i) => {
              let scalar: number | null = null;
              let code: string | null = null;
              try { scalar = api().impliedVol(ivInput(model, e.o, e.price)); } catch (err) { code = (err as { code: string }).code; }
              const expected = { ok: Status.OK, below: Status.BELOW_INTRINSIC, above: Status.ABOVE_MAXIMUM, intrinsic: Status.OK, bad: Status.INVALID_INPUT, badPrice: Status.INVALID_INPUT }[e.k];
              expect(out.status[i], `element ${i} (${e.k})`).toBe(expected);
              if (scalar !== null) expect(Object.is(out.vol[i], scalar)).toBe(true);
              else {
                expect(out.vol[i]).toBeNaN();
                expect(code).toBe({ [Status.BELOW_INTRINSIC]: 'PRICE_BELOW_INTRINSIC', [Status.ABOVE_MAXIMUM]: 'PRICE_ABOVE_MAXIMUM', [Status.INVALID_INPUT]: 'INVALID_INPUT' }[expected as 1 | 2 | 3]);
              }
              if (e.k === 'intrinsic') expect(out.vol[i]).toBe(0);
            });
          }), { seed: SEED, numRuns: 100 });
        });
      });
    }

    test('limits (expiry 0 or vol 0): discounted intrinsic, Greeks finite except gamma at the money-forward', () => {
      fc.assert(fc.property(limitOption, (o) => {
        const g = greeksOf(api(), 'bsm', o);
        const { sd, kd, intrinsic } = discounted(o, 'bsm');
        expect(Math.abs(g.price - intrinsic)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(sd, kd));
        if (!atTheMoneyForward(o, 'bsm')) {
          for (const k of GREEKS) expect(Number.isFinite(g[k]), k).toBe(true);
          expect([g.gamma, g.vega, g.vanna, g.volga]).toEqual([0, 0, 0, 0]);
        } else {
          expect(g.gamma).toBeNaN();
          if (o.expiryYears === 0 && o.vol === 0) expect(g.delta).toBeNaN(); // no limit: it depends on the path
          else expect(Math.abs(g.delta)).toBeCloseTo(0.5 * Math.exp(-o.dividendYield * o.expiryYears), 14);
        }
      }), opts);
    });
  });
}
