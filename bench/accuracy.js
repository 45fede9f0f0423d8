// Accuracy beside speed: every implementation's worst errors on the accuracy sample against the
// committed 50-digit mpmath values (bench/accuracy/mpmath-reference.json, from
// bench/accuracy/mpmath_reference.py; nothing is generated at bench time).
//
// Metrics (each over the sets named):
// - price (main + shortExpiry): relative error, and for prices below 1e-10 × spot the absolute error
//   in units of 1e-10 × spot (so a value ≤ 1 either way means "right to 1e-10 of the spot");
//   `priceRelOnly` is the plain relative error over the same options, for the record;
// - deepOtm price: plain relative error (prices 1e-9 … 1e-137 of the spot);
// - Greeks (main + shortExpiry): the same mixed metric with each Greek's natural scale (bench/scales.js),
//   over the five first-order Greeks (and, where computed, vanna, volga, charm separately);
// - IV (main + shortExpiry; deepOtm separately): relative error against the exact implied vol of the
//   double-rounded price; a NaN, non-finite or non-positive result, or a throw, is a failure (counted
//   in `nan`). Prices below the smallest normal double are left out (as in the timing set), and so
//   are they from the plain relative price error.
// Peers without dividend-yield support are checked on the q = 0 variant of the same options.
import { readFileSync } from 'node:fs';
import { fromJson, MIN_NORMAL } from './inputs.js';
import { scaledError } from './scales.js';
import { FIRST } from './peers/columns.js';

export const TINY = 1e-10;
const SECOND = ['vanna', 'volga', 'charm'];
const GREEKS5 = FIRST.slice(1);

/** Loads the reference file into typed-array input sets per variant. */
export function loadReference(file) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const sets = {};
  for (const [name, s] of Object.entries(raw.sets)) {
    const base = fromJson(s.inputs);
    const ivIsCall = Uint8Array.from(s.inputs.ivIsCall);
    sets[name] = {};
    for (const [variant, ref] of Object.entries(s.variants)) {
      const inp = variant === 'q0' ? { ...base, dividendYields: new Float64Array(base.n) } : base;
      const iv = { ...inp, isCall: ivIsCall, prices: Float64Array.from(ref.ivPrice) };
      sets[name][variant] = { inp, iv, ref };
    }
  }
  return { meta: { generator: raw.generator, mpmath: raw.mpmath, dps: raw.dps }, sets };
}

function worst() {
  return { value: 0, nan: 0, count: 0, at: null };
}

function record(w, err, where) {
  w.count++;
  if (Number.isNaN(err)) { w.nan++; return; }
  if (err > w.value) { w.value = err; w.at = where; }
}

/** Runs `fn(inp)` and returns its columns, or the thrown error. */
function attempt(fn, inp) {
  try {
    return { out: fn(inp) };
  } catch (e) {
    return { error: String(e?.message ?? e) };
  }
}

/** Accuracy of one adapter. */
export function measureAccuracy(adapter, reference) {
  const variant = adapter.dividends ? 'q' : 'q0';
  const w = adapter.workloads;
  const result = { variant };
  const sets = ['main', 'shortExpiry'];

  if (w.price) {
    const price = worst(); const priceRelOnly = worst(); const deep = worst();
    for (const set of [...sets, 'deepOtm']) {
      const { inp, ref } = reference.sets[set][variant];
      const r = attempt(w.price, inp);
      if (r.error) { result.priceError = r.error; break; }
      for (let i = 0; i < inp.n; i++) {
        const x = r.out.price[i]; const y = ref.price[i];
        const where = { set, i, value: x, reference: y };
        if (set === 'deepOtm') record(deep, Math.abs(x - y) / Math.abs(y), where);
        else {
          record(price, scaledError(x, y, 'price', inp, i, TINY), where);
          if (y >= MIN_NORMAL) record(priceRelOnly, Math.abs(x - y) / Math.abs(y), where);
        }
      }
    }
    Object.assign(result, { price, priceRelOnly, deepOtmPrice: deep });
  }

  const greekFn = w.all ?? w.first;
  if (greekFn) {
    const first = worst(); const second = worst(); const perGreek = {};
    for (const set of sets) {
      const { inp, ref } = reference.sets[set][variant];
      const r = attempt(greekFn, inp);
      if (r.error) { result.greekError = r.error; break; }
      const names = w.all ? [...GREEKS5, ...SECOND] : GREEKS5;
      for (const g of names) {
        perGreek[g] ??= worst();
        for (let i = 0; i < inp.n; i++) {
          const err = scaledError(r.out[g][i], ref[g][i], g, inp, i, TINY);
          const where = { set, i, greek: g, value: r.out[g][i], reference: ref[g][i] };
          record(perGreek[g], err, where);
          record(GREEKS5.includes(g) ? first : second, err, where);
        }
      }
    }
    result.greeks = first;
    if (w.all) result.secondOrder = second;
    result.perGreek = perGreek;
  }

  if (w.iv) {
    const iv = worst(); const deep = worst();
    for (const set of [...sets, 'deepOtm']) {
      const { iv: inp, ref } = reference.sets[set][variant];
      const r = attempt(w.iv, inp);
      if (r.error) { result.ivError = r.error; break; }
      const target = set === 'deepOtm' ? deep : iv;
      for (let i = 0; i < inp.n; i++) {
        const y = ref.ivVol[i];
        if (y === null || inp.prices[i] < MIN_NORMAL) continue; // a 0 or subnormal price carries no vol (as in the timing set)
        const x = r.out.vol[i];
        const failed = !(Number.isFinite(x) && x > 0); // NaN, 0 (some peers' failure value), negative
        record(target, failed ? NaN : Math.abs(x - y) / y, { set, i, value: x, reference: y });
      }
    }
    result.iv = iv;
    result.deepOtmIv = deep;
  }
  return result;
}
