// Agreement before timing: every implementation's outputs on (a prefix of) the timing inputs against
// tailguard's batch outputs on the same inputs, column by column, as absolute differences in units of
// each value's natural scale (bench/scales.js). This guards the unit conversions in the adapters (a
// wrong convention — vega per 1%, theta per day or of the wrong sign — is off by O(1) on nearly
// every option); the accuracy columns measure the errors properly against mpmath.
//
// tailguard scalar and the reference must agree with the batch to 1e-9 of the natural scale
// (otherwise nothing is timed); a peer is flagged when more than 1% of its values differ by more
// than 1e-5 of the natural scale (single-precision normal cdfs differ by ~1e-7).
import { naturalScale } from './scales.js';

export const STRICT = 1e-9;
export const LOOSE = 1e-5;
export const FLAG_FRACTION = 0.01;

/** Compares columns `names` of `out` with `expected`; returns per-column stats. */
export function compareColumns(inp, out, expected, names, tol) {
  const columns = {};
  for (const name of names) {
    let beyond = 0; let nan = 0; let worst = 0; let at = null;
    for (let i = 0; i < inp.n; i++) {
      const x = out[name][i]; const y = expected[name][i];
      if (Number.isNaN(y)) continue;
      if (Number.isNaN(x)) { nan++; beyond++; continue; }
      const d = Math.abs(x - y) / naturalScale(name, inp, i);
      if (!(d <= tol)) beyond++;
      if (d > worst) { worst = d; at = { i, value: x, tailguard: y }; }
    }
    columns[name] = { beyond, nan, fraction: beyond / inp.n, worst, at };
  }
  return columns;
}

/** Implied vols against the vols the prices were computed from. */
export function compareVols(inp, vols, trueVols) {
  let within1e6 = 0; let within1e3 = 0; let failures = 0; let worst = 0;
  for (let i = 0; i < inp.n; i++) {
    const x = vols[i];
    if (!(Number.isFinite(x) && x > 0)) { failures++; continue; }
    const e = Math.abs(x - trueVols[i]) / trueVols[i];
    if (e <= 1e-6) within1e6++;
    if (e <= 1e-3) within1e3++;
    if (e > worst) worst = e;
  }
  return { n: inp.n, fractionWithin1e6: within1e6 / inp.n, fractionWithin1e3: within1e3 / inp.n, failures, worst };
}
