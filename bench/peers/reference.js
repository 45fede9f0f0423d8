// tailguard's plain-TypeScript reference (dist/reference, built from src/reference): same batch API,
// per-element validation, always all nine values; its impliedVolBatch is a safeguarded
// Newton–bisection (Numerical Recipes `rtsafe`) on the total vol.

/** @param ref the module `dist/reference/index.js`. */
export function reference(ref) {
  const all = (inp) => ref.blackScholesBatch({
    isCall: inp.isCall, spots: inp.spots, strikes: inp.strikes, expiriesYears: inp.expiries, vols: inp.vols,
    rates: inp.rates, dividendYields: inp.dividendYields,
  });
  return {
    id: 'reference',
    label: 'tailguard reference (plain TS, Newton–bisection IV)',
    kind: 'reference',
    dividends: true,
    workloads: {
      price: all,
      first: all,
      all,
      iv: (inp) => ref.impliedVolBatch({
        isCall: inp.isCall, prices: inp.prices, spots: inp.spots, strikes: inp.strikes,
        expiriesYears: inp.expiries, rates: inp.rates, dividendYields: inp.dividendYields,
      }),
    },
    sameCall: { price: 'all', first: 'all' },
    notes: 'validates every element through the scalar path; its normal cdf evaluates a depth-300 continued fraction beyond |x| ≥ 1.5, which makes its Newton–bisection IV slow; IV is NaN (NO_CONVERGENCE) for prices below ~1e-127 of the spot (its doubling bracket and cdf underflow).',
  };
}
