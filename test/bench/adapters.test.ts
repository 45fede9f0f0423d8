// The benchmark's peer adapters (bench/peers/*.js) convert each npm package's conventions to
// tailguard's units (DESIGN §4). Checked here on one option against tailguard's plain-TS reference
// (dist/reference, built by `npm test`): a wrong convention (vega per 1%, theta per day or with the
// sign of ∂/∂T, rho per 1%) is off by a factor or a sign, far outside these tolerances.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS modules of the benchmark suite
import { blackScholesNpm } from '../../bench/peers/blackScholesNpm.js';
// @ts-expect-error plain JS module
import { newtonBisection } from '../../bench/peers/newtonBisection.js';
// @ts-expect-error plain JS module
import { optionPricing } from '../../bench/peers/optionPricing.js';
// @ts-expect-error plain JS module
import { quantlib } from '../../bench/peers/quantlib.js';
// @ts-expect-error plain JS module
import { uqee } from '../../bench/peers/uqee.js';
import { blackScholesBatch } from '../../dist/reference/index.js';

const FIRST = ['price', 'delta', 'gamma', 'vega', 'theta', 'rho'] as const;

/** One call and one put: S 100, K 90, T 0.5 y, vol 0.8, r 0.1, q as given. */
function inputs(q: number) {
  return {
    n: 2,
    isCall: Uint8Array.from([1, 0]),
    spots: Float64Array.from([100, 100]),
    strikes: Float64Array.from([90, 90]),
    expiries: Float64Array.from([0.5, 0.5]),
    vols: Float64Array.from([0.8, 0.8]),
    rates: Float64Array.from([0.1, 0.1]),
    dividendYields: Float64Array.from([q, q]),
  };
}

function expected(inp: ReturnType<typeof inputs>) {
  return blackScholesBatch({
    isCall: inp.isCall, spots: inp.spots, strikes: inp.strikes, expiriesYears: inp.expiries, vols: inp.vols,
    rates: inp.rates, dividendYields: inp.dividendYields,
  });
}

// tolerance relative to each value: single-precision normal cdfs are good to ~1e-7 absolute
const cases: [string, () => any, number][] = [
  ['black-scholes + greeks', () => blackScholesNpm(), 1e-9],
  ['@uqee/black-scholes single', () => uqee(), 1e-5],
  ['@uqee/black-scholes double', () => uqee('double'), 1e-9],
  ['option-pricing', () => optionPricing(), 1e-5],
  ['@quantlib/ql', () => quantlib(), 1e-9],
];

describe('benchmark peer adapters return tailguard units', () => {
  for (const [name, make, tol] of cases) {
    it(name, () => {
      const adapter = make();
      const inp = inputs(adapter.dividends ? 0.03 : 0);
      const want = expected(inp);
      const fn = adapter.workloads.first ?? adapter.workloads.price;
      const got = fn(inp);
      const names = adapter.workloads.first ? FIRST : (['price'] as const);
      for (const g of names) {
        for (let i = 0; i < inp.n; i++) {
          expect(Math.abs(got[g][i] - want[g][i]) / Math.abs(want[g][i]), `${g}[${i}]`).toBeLessThan(tol);
        }
      }
    });
  }

  it('implied vols recover the vol (Newton–bisection baseline, QuantLib, black-scholes)', () => {
    const inp = inputs(0);
    const prices = expected(inp).price;
    for (const [adapter, tol] of [[newtonBisection(), 1e-12], [quantlib(), 1e-5], [blackScholesNpm(), 1e-3]] as const) {
      const vols = adapter.workloads.iv({ ...inp, prices }).vol;
      for (let i = 0; i < inp.n; i++) expect(Math.abs(vols[i] - 0.8) / 0.8, `${adapter.id}[${i}]`).toBeLessThan(tol);
    }
  });
});
