// Seeded, reproducible benchmark inputs (structure of arrays, tailguard units: DESIGN §4).
//
// The timing inputs and the accuracy sample come from the same generator: the accuracy sample's
// "main" set is exactly the first 2,000 options of the timing set (makeInputs generates sequentially).

/** xorshift32 uniform in [0, 1) (exactly representable values k / 2^32). */
export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

export const MAIN_SEED = 20240601;
export const MAIN_DOMAIN =
  'seeded log-uniform: spot 10–1e5, K/S 0.5–2, expiry 1 day–5 y, vol 0.05–1.5; uniform rate −0.01–0.10, dividend yield 0–0.05; calls and puts 50/50';

function allocate(n) {
  return {
    n,
    isCall: new Uint8Array(n),
    spots: new Float64Array(n),
    strikes: new Float64Array(n),
    expiries: new Float64Array(n),
    vols: new Float64Array(n),
    rates: new Float64Array(n),
    dividendYields: new Float64Array(n),
  };
}

/** The main benchmark population (same generator and seed as the first suite). */
export function makeInputs(n, seed = MAIN_SEED) {
  const u = rng(seed);
  const logUniform = (a, b) => Math.exp(Math.log(a) + u() * (Math.log(b) - Math.log(a)));
  const inp = allocate(n);
  for (let i = 0; i < n; i++) {
    inp.isCall[i] = u() < 0.5 ? 1 : 0;
    inp.spots[i] = logUniform(10, 100_000);
    inp.strikes[i] = inp.spots[i] * logUniform(0.5, 2);
    inp.expiries[i] = logUniform(1 / 365, 5);
    inp.vols[i] = logUniform(0.05, 1.5);
    inp.rates[i] = -0.01 + 0.11 * u();
    inp.dividendYields[i] = 0.05 * u();
  }
  return inp;
}

/**
 * Deep out-of-the-money options: |ln(F/K)| = z·σ√T with standardised moneyness z in 6–25 (prices
 * between about 1e-9 and 1e-137 of the spot), the out-of-the-money side of the forward.
 */
export function makeDeepOtm(n, seed = 7_654_321) {
  const u = rng(seed);
  const logUniform = (a, b) => Math.exp(Math.log(a) + u() * (Math.log(b) - Math.log(a)));
  const inp = allocate(n);
  for (let i = 0; i < n; i++) {
    const call = u() < 0.5;
    inp.isCall[i] = call ? 1 : 0;
    inp.spots[i] = logUniform(10, 100_000);
    inp.expiries[i] = logUniform(1 / 365, 1);
    inp.vols[i] = logUniform(0.05, 1);
    inp.rates[i] = -0.01 + 0.11 * u();
    inp.dividendYields[i] = 0.05 * u();
    const z = 6 + 19 * u();
    const forward = inp.spots[i] * Math.exp((inp.rates[i] - inp.dividendYields[i]) * inp.expiries[i]);
    inp.strikes[i] = forward * Math.exp((call ? 1 : -1) * z * inp.vols[i] * Math.sqrt(inp.expiries[i]));
  }
  return inp;
}

/** Short expiries: 1 minute to 1 day, strikes within ±4 total standard deviations of the spot. */
export function makeShortExpiry(n, seed = 1_234_567) {
  const u = rng(seed);
  const logUniform = (a, b) => Math.exp(Math.log(a) + u() * (Math.log(b) - Math.log(a)));
  const inp = allocate(n);
  for (let i = 0; i < n; i++) {
    inp.isCall[i] = u() < 0.5 ? 1 : 0;
    inp.spots[i] = logUniform(10, 100_000);
    inp.expiries[i] = logUniform(1 / (365 * 24 * 60), 1 / 365);
    inp.vols[i] = logUniform(0.05, 1.5);
    inp.rates[i] = -0.01 + 0.11 * u();
    inp.dividendYields[i] = 0.05 * u();
    inp.strikes[i] = inp.spots[i] * Math.exp((2 * u() - 1) * 4 * inp.vols[i] * Math.sqrt(inp.expiries[i]));
  }
  return inp;
}

/** A copy with every dividend yield 0 (for peers without dividend-yield support). */
export function withZeroYield(inp) {
  return { ...inp, dividendYields: new Float64Array(inp.n) };
}

/** The first m options of a set (views, no copy). */
export function head(inp, m) {
  const out = { n: m };
  for (const [k, v] of Object.entries(inp)) out[k] = ArrayBuffer.isView(v) ? v.subarray(0, m) : v;
  out.n = m;
  return out;
}

/**
 * The implied-vol workload's inputs: the same options, each switched to its out-of-the-money side of
 * the forward (call if K ≥ F, else put) — the quotes one inverts in practice (for an in-the-money
 * option the rounding of the intrinsic part swamps the time value and the vol is ill-conditioned
 * for every solver) — with `prices` filled by `priceFn(inputs) → Float64Array`.
 */
export function ivInputs(inp, priceFn) {
  const isCall = new Uint8Array(inp.n);
  for (let i = 0; i < inp.n; i++) {
    const lnForwardOverStrike = Math.log(inp.spots[i] / inp.strikes[i])
      + (inp.rates[i] - inp.dividendYields[i]) * inp.expiries[i];
    isCall[i] = lnForwardOverStrike <= 0 ? 1 : 0;
  }
  const out = { ...inp, isCall };
  out.prices = priceFn(out);
  return out;
}

/** Smallest normal double: a price below it (subnormal or 0) has lost the digits that carry a vol. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** The options of an implied-vol set whose price is a normal double (≥ MIN_NORMAL), compacted. */
export function withNormalPrices(inp) {
  const keep = [];
  for (let i = 0; i < inp.n; i++) if (inp.prices[i] >= MIN_NORMAL) keep.push(i);
  const out = { n: keep.length };
  for (const [k, v] of Object.entries(inp)) {
    if (ArrayBuffer.isView(v)) {
      const c = new v.constructor(keep.length);
      for (let j = 0; j < keep.length; j++) c[j] = v[keep[j]];
      out[k] = c;
    }
  }
  return out;
}

/** Plain-object form (JSON) of a set: arrays of numbers. */
export function toJson(inp) {
  const o = { n: inp.n };
  for (const k of ['isCall', 'spots', 'strikes', 'expiries', 'vols', 'rates', 'dividendYields', 'prices']) {
    if (inp[k]) o[k] = Array.from(inp[k]);
  }
  return o;
}

/** Typed-array form of a JSON set. */
export function fromJson(o) {
  const inp = allocate(o.n);
  inp.isCall.set(o.isCall);
  for (const k of ['spots', 'strikes', 'expiries', 'vols', 'rates', 'dividendYields']) inp[k].set(o[k]);
  if (o.prices) inp.prices = Float64Array.from(o.prices);
  return inp;
}
