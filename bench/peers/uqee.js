// npm `@uqee/black-scholes` 1.0.7 (build/index.js, README.md).
//
// Conventions: `option({ rate, sigma, strike, time, type, underlying })` → { price, delta, gamma,
// vega, theta, rho } in one call (no cheaper price-only call); time in years, decimal sigma and rate;
// no dividend yield (→ q = 0 inputs); vega and rho per 1.00; `theta` is ∂V/∂T (time to expiry,
// "dTime +1 means +year", positive for a call) → negated to tailguard's calendar ∂V/∂t.
// Normal cdf: `sigmaToPricePrecision: 'single'` (default) is Abramowitz–Stegun 26.2.17 (absolute
// error ≤ 7.5e-8); `'double'` is Hart 5666 as written by West (2005).
// `sigma({ price, … })`: default bisection on sigma in [0, 2] until |model price − price| < 0.001
// (an absolute price tolerance) or log2(2/0.001)+10 steps; returns 0 on failure.
import pkg from '@uqee/black-scholes';
import { FIRST, outputColumns, typeStrings } from './columns.js';

const { BlackScholes } = pkg;

/** @param precision undefined (the default, 'single') or 'double'. */
export function uqee(precision) {
  const model = new BlackScholes(precision ? { sigmaToPricePrecision: precision } : undefined);
  const key = `uqee-${precision ?? 'single'}`;
  const first = (inp) => {
    const out = outputColumns(key, inp, FIRST);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      const o = model.option({
        rate: inp.rates[i], sigma: inp.vols[i], strike: inp.strikes[i], time: inp.expiries[i], type: types[i],
        underlying: inp.spots[i],
      });
      out.price[i] = o.price;
      out.delta[i] = o.delta;
      out.gamma[i] = o.gamma;
      out.vega[i] = o.vega;
      out.theta[i] = -o.theta;
      out.rho[i] = o.rho;
    }
    return out;
  };
  const iv = (inp) => {
    const out = outputColumns(`${key}-iv`, inp, ['vol']);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      out.vol[i] = model.sigma({
        price: inp.prices[i], rate: inp.rates[i], strike: inp.strikes[i], time: inp.expiries[i], type: types[i],
        underlying: inp.spots[i],
      });
    }
    return out;
  };
  return {
    id: precision ? `uqee-${precision}` : 'uqee',
    label: precision ? `@uqee/black-scholes ('${precision}')` : '@uqee/black-scholes (default, single-precision cdf)',
    kind: 'peer',
    packages: ['@uqee/black-scholes'],
    dividends: false,
    workloads: { price: first, first, iv },
    sameCall: { price: 'first' },
    notes: precision
      ? "`'double'` uses Hart 5666 (West 2005): prices and Greeks to ~1e-9 except deep out of the money; same `sigma()` as the default."
      : '`theta` is ∂V/∂T (time to expiry, positive for a call): negated here to the calendar convention; no dividend yield; no price-only call. Default cdf is single precision (Abramowitz–Stegun 26.2.17, 7.5e-8 absolute): out-of-the-money prices and Greeks lose all relative accuracy (a put delta of −2.7e-10 comes out 0). `sigma()` bisects σ in [0, 2] until |model − price| < 0.001 in price units, for 21 steps: it returns 0 (failure) for expensive options (prices above ~35 here: 0.001 is beyond 21 halvings) and an arbitrary vol for options worth less than ~0.001.',
  };
}
