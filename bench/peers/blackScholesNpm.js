// npm `black-scholes` 1.1.0 + `greeks` 1.0.0 + `implied-volatility` 1.0.0 (one author, used together).
//
// Conventions (read from node_modules/*/README.md and the sources):
// - time in years, vol and rate as decimals; no dividend yield (→ compared on q = 0 inputs);
// - `getVega` is per 1 percentage point of vol (÷100 built in, no scale argument) → ×100;
// - `getTheta(…, scale)` divides the calendar theta per year by `scale` (default 365 → per day):
//   called with scale 1 → per year, the sign convention is ∂V/∂t (negative for a call), as tailguard;
// - `getRho(…, scale)` divides by `scale` (default 100 → per 1%): called with scale 1 → per 1.00;
// - the normal cdf is a 100-term Taylor series of Math.pow terms, clamped to 0 / 1 beyond |x| ≥ 8;
// - `getImpliedVolatility(price, s, k, t, r, type, estimate = 0.1)` is a bisection that stops when
//   price·100 equals floor(model price·100) (to the cent) or after 100 iterations.
import bs from 'black-scholes';
import greeks from 'greeks';
import ivLib from 'implied-volatility';
import { FIRST, outputColumns, typeStrings } from './columns.js';

export function blackScholesNpm() {
  const price = (inp) => {
    const out = outputColumns('bs-price', inp, ['price']);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      out.price[i] = bs.blackScholes(inp.spots[i], inp.strikes[i], inp.expiries[i], inp.vols[i], inp.rates[i], types[i]);
    }
    return out;
  };
  const first = (inp) => {
    const out = outputColumns('bs-first', inp, FIRST);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      const s = inp.spots[i]; const k = inp.strikes[i]; const t = inp.expiries[i]; const v = inp.vols[i]; const r = inp.rates[i];
      const type = types[i];
      out.price[i] = bs.blackScholes(s, k, t, v, r, type);
      out.delta[i] = greeks.getDelta(s, k, t, v, r, type);
      out.gamma[i] = greeks.getGamma(s, k, t, v, r);
      out.vega[i] = 100 * greeks.getVega(s, k, t, v, r);
      out.theta[i] = greeks.getTheta(s, k, t, v, r, type, 1);
      out.rho[i] = greeks.getRho(s, k, t, v, r, type, 1);
    }
    return out;
  };
  const iv = (inp) => {
    const out = outputColumns('bs-iv', inp, ['vol']);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      out.vol[i] = ivLib.getImpliedVolatility(inp.prices[i], inp.spots[i], inp.strikes[i], inp.expiries[i], inp.rates[i], types[i]);
    }
    return out;
  };
  return {
    id: 'black-scholes',
    label: 'black-scholes + greeks + implied-volatility',
    kind: 'peer',
    packages: ['black-scholes', 'greeks', 'implied-volatility'],
    dividends: false,
    workloads: { price, first, iv },
    notes: 'no dividend yield; `getVega` is per 1% (×100 here), theta and rho take a scale argument (1 here: per year, per 1.00). The normal cdf is a 100-term Taylor series clamped to 0/1 beyond |x| ≥ 8: slow, and deep out-of-the-money prices come from 0.5 − 0.4999… cancellation (wrong by up to ~100×). `getImpliedVolatility` stops "to the cent" by comparing price·100 with an integer, which never holds for a non-cent price, so it always runs 100 bisection steps and never reports failure, returning wrong vols silently.',
  };
}
