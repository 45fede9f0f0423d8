// The implied-vol baseline: a plain safeguarded Newton–bisection solver in JavaScript, written for
// this benchmark (no validation, no allocation per option; what a careful JS developer writes).
//
// It solves P(v) = price for the total vol v = σ√T, P(v) = ω(S_d N(ωd1) − K_d N(ωd2)),
// d1 = x/v + v/2, d2 = d1 − v, S_d = S e^{−qT}, K_d = K e^{−rT}, x = ln(S_d/K_d), ∂P/∂v = S_d φ(d1):
// bracket [lo, hi] by doubling, start at the inflection point v = √(2|x|) (Manaster & Koehler 1982) or
// Brenner–Subrahmanyam at the money, take the Newton step when it stays inside the bracket and bisect
// otherwise (Numerical Recipes §9.4 `rtsafe`), stop at 4 ulps in v. Normal cdf: Hart (1968) algorithm
// 5666 as given by G. West, "Better approximations to cumulative normal functions" (Wilmott, 2005),
// Figure 2: double precision in absolute terms.
import { outputColumns } from './columns.js';

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** Standard normal cdf, Hart 5666 / West (2005). */
export function normCdf(x) {
  const z = Math.abs(x);
  let c = 0;
  if (z <= 37) {
    const e = Math.exp(-z * z / 2);
    if (z < 7.07106781186547) {
      const num = ((((((0.0352624965998911 * z + 0.700383064443688) * z + 6.37396220353165) * z + 33.912866078383) * z
        + 112.079291497871) * z + 221.213596169931) * z + 220.206867912376);
      const den = (((((((0.0883883476483184 * z + 1.75566716318264) * z + 16.064177579207) * z + 86.7807322029461) * z
        + 296.564248779674) * z + 637.333633378831) * z + 793.826512519948) * z + 440.413735824752);
      c = e * num / den;
    } else {
      c = e / (SQRT_2PI * (z + 1 / (z + 2 / (z + 3 / (z + 4 / (z + 0.65))))));
    }
  }
  return x > 0 ? 1 - c : c;
}

function normPdf(x) {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

const REL_TOL = 4 * Number.EPSILON;
const MAX_ITERATIONS = 300;
const MAX_TOTAL_VOL = 4096;

/** Implied vol of one European option (BSM with dividend yield); NaN when there is none. */
export function impliedVolNewtonBisection(isCall, price, S, K, T, r, q) {
  const w = isCall ? 1 : -1;
  const sd = S * Math.exp(-q * T);
  const kd = K * Math.exp(-r * T);
  const x = Math.log(sd / kd);
  const intrinsic = Math.max(w * (sd - kd), 0);
  const maximum = isCall ? sd : kd;
  if (!(price > intrinsic && price < maximum && T > 0)) return price === intrinsic ? 0 : NaN;
  const P = (v) => {
    const d1 = x / v + 0.5 * v;
    return w * (sd * normCdf(w * d1) - kd * normCdf(w * (d1 - v)));
  };
  let lo = 0;
  let hi = 1;
  while (P(hi) < price) {
    lo = hi;
    hi *= 2;
    if (hi > MAX_TOTAL_VOL) return NaN;
  }
  let v = x !== 0 ? Math.sqrt(2 * Math.abs(x)) : SQRT_2PI * (price / sd);
  if (!(v > lo && v < hi)) v = 0.5 * (lo + hi);
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const f = P(v) - price;
    if (f === 0) return v / Math.sqrt(T);
    if (f < 0) lo = v;
    else hi = v;
    let next = v - f / (sd * normPdf(x / v + 0.5 * v));
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - v) <= REL_TOL * next || hi - lo <= REL_TOL * hi) return next / Math.sqrt(T);
    v = next;
  }
  return NaN;
}

export function newtonBisection() {
  const iv = (inp) => {
    const out = outputColumns('newton-bisection', inp, ['vol']);
    for (let i = 0; i < inp.n; i++) {
      out.vol[i] = impliedVolNewtonBisection(inp.isCall[i] === 1, inp.prices[i], inp.spots[i], inp.strikes[i], inp.expiries[i],
        inp.rates[i], inp.dividendYields[i]);
    }
    return out;
  };
  return {
    id: 'newton-bisection',
    label: 'plain JS Newton–bisection (IV baseline)',
    kind: 'baseline',
    dividends: true,
    workloads: { iv },
    notes: 'written for this benchmark (bench/peers/newtonBisection.js), the faster of the two JS baselines; with the Hart/West cdf it loses relative accuracy in the far tail (~1e-8 in vol) and returns NaN for prices below ~1e-130 of the spot.',
  };
}
