// Property tests of the WASM facade (src/index.ts, debug build) and its agreement with src/reference
// on random inputs. Fixed seed (arbitraries.ts). The reference's own properties: reference.properties.test.ts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as wasm from '../../src/index.js';
import * as reference from '../../src/reference/index.js';
import { useWasm } from '../helpers/wasm.js';
import { SEED, discounted, limitOption, moderateOption, wideOption, type Option } from './arbitraries.js';
import { GREEKS, MODELS, greekScales, greeksOf, ivInput, optionProperties, type Model } from './suite.js';

useWasm();

optionProperties('wasm', () => wasm);

/** Differences between the WASM and reference values at `o`, beyond the tolerances; [] if none. */
function disagreements(model: Model, o: Option, priceRel: number, greekRel: number): string[] {
  const a = greeksOf(wasm, model, o);
  const b = greeksOf(reference, model, o);
  const scale = greekScales(model, o);
  const out: string[] = [];
  for (const k of GREEKS) {
    if (Number.isNaN(a[k]) || Number.isNaN(b[k])) {
      if (!(Number.isNaN(a[k]) && Number.isNaN(b[k]))) out.push(`${k}: wasm ${a[k]} vs reference ${b[k]}`);
      continue;
    }
    // Price: relative to itself. Greeks: relative to themselves or, where terms cancel, to their natural
    // magnitude (each Greek is a sum of terms bounded by greekScales; each term is computed to ~1e-15).
    const tol = k === 'price' ? priceRel * Math.abs(b.price) : greekRel * Math.max(Math.abs(b[k]), scale[k]);
    if (!(Math.abs(a[k] - b[k]) <= tol)) out.push(`${k}: wasm ${a[k]} vs reference ${b[k]} (|diff| ${Math.abs(a[k] - b[k])} > ${tol})`);
  }
  return out;
}

describe('wasm agrees with the reference', () => {
  for (const model of MODELS) {
    describe(model, () => {
      test('moderate inputs: prices to 1e-12 relative, Greeks to 1e-12 of their natural magnitude', () => {
        fc.assert(fc.property(moderateOption, (o) => {
          expect(disagreements(model, o, 1e-12, 1e-12), JSON.stringify(o)).toEqual([]);
        }), { seed: SEED, numRuns: 2000 });
      });

      test('wide inputs (tails, expiry/vol 0 included): prices to 1e-14 of max(S e^{−qT}, K e^{−rT}), Greeks to 1e-10 of their scale', () => {
        fc.assert(fc.property(wideOption, (o) => {
          const a = greeksOf(wasm, model, o);
          const b = greeksOf(reference, model, o);
          const { sd, kd } = discounted(o, model);
          expect(Math.abs(a.price - b.price), JSON.stringify(o)).toBeLessThanOrEqual(1e-14 * Math.max(sd, kd));
          const scale = greekScales(model, o);
          for (const k of GREEKS) {
            if (Number.isNaN(a[k]) || Number.isNaN(b[k])) {
              expect([k, Number.isNaN(a[k])], JSON.stringify(o)).toEqual([k, Number.isNaN(b[k])]);
              continue;
            }
            const s = Number.isFinite(scale[k]) ? scale[k] : 0;
            expect(Math.abs(a[k] - b[k]), `${k} at ${JSON.stringify(o)}: wasm ${a[k]} vs reference ${b[k]}`)
              .toBeLessThanOrEqual(1e-10 * Math.max(Math.abs(b[k]), s) + 1e-300);
          }
        }), { seed: SEED, numRuns: 2000 });
      });

      test('limits (expiry 0 or vol 0, at and off the money-forward): the same values and the same NaNs', () => {
        fc.assert(fc.property(limitOption, (o) => {
          const a = greeksOf(wasm, model, o);
          const b = greeksOf(reference, model, o);
          const { sd, kd } = discounted(o, model);
          for (const k of GREEKS) {
            if (Number.isNaN(b[k]) || Number.isNaN(a[k])) {
              expect(`${k}: ${a[k]}`, JSON.stringify(o)).toBe(`${k}: ${b[k]}`);
              continue;
            }
            // A few ulps of the value, or of the discounted terms it is made of (price, theta, rho).
            const m = Math.max(sd, kd);
            const termScale = { price: m, theta: (Math.abs(o.rate) + Math.abs(o.dividendYield)) * m, rho: o.expiryYears * m }[k as string] ?? 0;
            const tol = 4 * Number.EPSILON * Math.max(Math.abs(b[k]), termScale);
            expect(Math.abs(a[k] - b[k]), `${k} at ${JSON.stringify(o)}: wasm ${a[k]} vs reference ${b[k]}`).toBeLessThanOrEqual(tol);
          }
        }), { seed: SEED, numRuns: 1000 });
      });

      test('implied vol: the same vol from the same price (to the price rounding over vega)', () => {
        fc.assert(fc.property(moderateOption, (o) => {
          const g = greeksOf(reference, model, o);
          const { sd, kd, intrinsic } = discounted(o, model);
          fc.pre(g.price - intrinsic > 1e-8 * Math.max(sd, kd));
          const input = ivInput(model, o, g.price);
          const a = wasm.impliedVol(input);
          const b = reference.impliedVol(input);
          // Each solver is accurate to its price function's rounding (≈ 2e-15·max(S_d, K_d)) over vega.
          const tol = (8e-15 * Math.max(sd, kd)) / g.vega + 1e-14 * o.vol;
          expect(Math.abs(a - b), JSON.stringify(o)).toBeLessThanOrEqual(tol);
        }), { seed: SEED, numRuns: 1000 });
      });
    });
  }
});
