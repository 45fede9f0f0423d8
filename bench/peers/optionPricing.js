// npm `option-pricing` 2.1.0 (src/Option.js, src/pricing-models/BlackScholes.js).
//
// Conventions: `new Option({ style: 'european', type, initialSpotPrice, strikePrice, timeToMaturity,
// volatility, riskFreeRate, dividendYield }).price('bs')`: years, decimals, continuously compounded
// r and q (dividend yield supported). Price only: no Greeks, no implied vol. The normal cdf is the
// Numerical Recipes erfc Chebyshev fit (fractional error < 1.2e-7). The constructor validates every
// field (and an Option's setters validate the same), so one object per option is the public path.
import { Option } from 'option-pricing';
import { outputColumns, typeStrings } from './columns.js';

export function optionPricing() {
  const price = (inp) => {
    const out = outputColumns('option-pricing', inp, ['price']);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      out.price[i] = new Option({
        style: 'european', type: types[i], initialSpotPrice: inp.spots[i], strikePrice: inp.strikes[i],
        timeToMaturity: inp.expiries[i], volatility: inp.vols[i], riskFreeRate: inp.rates[i],
        dividendYield: inp.dividendYields[i],
      }).price('bs');
    }
    return out;
  };
  return {
    id: 'option-pricing',
    label: 'option-pricing',
    kind: 'peer',
    packages: ['option-pricing'],
    dividends: true,
    workloads: { price },
    notes: 'price only (no Greeks, no implied vol); a validated `Option` object per price. Its cdf (Numerical Recipes erfc fit, 1.2e-7 relative) limits prices to ~1e-6 relative and deep out-of-the-money prices are wrong by orders of magnitude.',
  };
}
