// tailguard through its public facade (dist/index.js): batch calls (one WASM call per batch, with
// `greeks: 'none' | 'first' | 'all'`) and scalar calls (one facade call per option).
import { ALL, outputColumns, typeStrings } from './columns.js';

/** @param tg the facade module (`import('../dist/index.js')`), already `init()`ed. */
export function tailguardBatch(tg) {
  const batch = (greeks) => (inp) => tg.blackScholesBatch({
    greeks, isCall: inp.isCall, spots: inp.spots, strikes: inp.strikes, expiriesYears: inp.expiries,
    vols: inp.vols, rates: inp.rates, dividendYields: inp.dividendYields,
  });
  return {
    id: 'tailguard',
    label: 'tailguard batch (WASM)',
    kind: 'tailguard',
    dividends: true,
    workloads: {
      price: batch('none'),
      first: batch('first'),
      all: batch('all'),
      iv: (inp) => tg.impliedVolBatch({
        isCall: inp.isCall, prices: inp.prices, spots: inp.spots, strikes: inp.strikes,
        expiriesYears: inp.expiries, rates: inp.rates, dividendYields: inp.dividendYields,
      }),
    },
  };
}

/** One `blackScholes` / `impliedVol` facade call per option (the scalar API always returns all nine values). */
export function tailguardScalar(tg) {
  const all = (inp) => {
    const out = outputColumns('tailguard-scalar', inp, ALL);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      const g = tg.blackScholes({
        type: types[i], spot: inp.spots[i], strike: inp.strikes[i], expiryYears: inp.expiries[i],
        vol: inp.vols[i], rate: inp.rates[i], dividendYield: inp.dividendYields[i],
      });
      for (const k of ALL) out[k][i] = g[k];
    }
    return out;
  };
  const iv = (inp) => {
    const out = outputColumns('tailguard-scalar-iv', inp, ['vol']);
    const types = typeStrings(inp);
    for (let i = 0; i < inp.n; i++) {
      try {
        out.vol[i] = tg.impliedVol({
          type: types[i], price: inp.prices[i], spot: inp.spots[i], strike: inp.strikes[i],
          expiryYears: inp.expiries[i], rate: inp.rates[i], dividendYield: inp.dividendYields[i],
        });
      } catch {
        out.vol[i] = NaN; // PriceOutOfBounds / NoConvergence: counted as a failure by the checks
      }
    }
    return out;
  };
  return {
    id: 'tailguard-scalar',
    label: 'tailguard scalar (WASM, one call per option)',
    kind: 'tailguard',
    dividends: true,
    workloads: { price: all, first: all, all, iv },
    sameCall: { price: 'all', first: 'all' },
  };
}
