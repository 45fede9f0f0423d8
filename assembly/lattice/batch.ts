// Batch entry of the lattice kernels: checks each element against the input rules of
// ../options/limits.ts, dispatches to the binomial or trinomial tree (or the deterministic limit at
// expiry 0 / vol 0), writes six output columns and a status. Never throws; no allocation in loops
// (the trees share one scratch buffer, ./scratch.ts). A final guard keeps a non-finite result from
// being reported OK: a non-finite price makes the element INVALID_INPUT with NaN outputs (the scalar
// facade then throws "please report this"), a non-finite delta, gamma or theta is stored as NaN with
// status DEGENERATE.

import { OK, INVALID_INPUT, DEGENERATE } from "../status";
import { validExpiry, validLevel, validRate, validVol } from "../options/limits";
import { binomial, METHOD_CRR, METHOD_CRR_QUANTLIB, METHOD_LR, METHOD_TRINOMIAL } from "./binomial";
import { trinomial } from "./trinomial";
import { deterministic } from "./deterministic";
import { resPrice, resDelta, resGamma, resTheta, resNodeDelta, resNodeGamma } from "./result";

/** Exercise codes: 0 European, 1 American. */
export const EXERCISE_EUROPEAN: i32 = 0;
export const EXERCISE_AMERICAN: i32 = 1;
/** Most steps accepted (the work grows as steps²; 100,000 binomial steps take about a minute). */
export const MAX_STEPS: i32 = 100000;
/** Output columns, in order: price, delta, gamma, theta, nodeDelta, nodeGamma. */
export const LATTICE_OUTPUTS: i32 = 6;

/**
 * Values n options on a lattice. `method` 0 CRR, 1 Leisen–Reimer, 2 trinomial, 3 QuantLib's CRR
 * variant (tests); `exercise` 0 European, 1 American; 1 ≤ steps ≤ MAX_STEPS. Columns as in
 * ../index.ts; `out` holds six columns of n f64. Returns the number of elements whose status is not OK
 * (a bad method, exercise or steps makes every element INVALID_INPUT).
 */
export function latticeBatchImpl(
  n: i32, method: i32, exercise: i32, steps: i32, isCall: usize, spots: usize, strikes: usize,
  expiries: usize, vols: usize, rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  if (n <= 0) return 0;
  const okArgs = method >= METHOD_CRR && method <= METHOD_CRR_QUANTLIB &&
    (exercise == EXERCISE_EUROPEAN || exercise == EXERCISE_AMERICAN) && steps >= 1 && steps <= MAX_STEPS;
  const american = exercise == EXERCISE_AMERICAN;
  const col = <usize>n << 3;
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const c = load<u8>(isCall + <usize>i);
    const S = load<f64>(spots + o);
    const K = load<f64>(strikes + o);
    const T = load<f64>(expiries + o);
    const v = load<f64>(vols + o);
    const r = load<f64>(rates + o);
    const q = load<f64>(dividendYields + o);
    let st: u8 = OK;
    if (!okArgs || c > 1 || !validLevel(S) || !validLevel(K) || !validExpiry(T) || !validVol(v) ||
        !validRate(r) || !validRate(q)) {
      st = INVALID_INPUT;
      for (let k: i32 = 0; k < LATTICE_OUTPUTS; k++) store<f64>(out + <usize>k * col + o, NaN);
    } else {
      if (T == 0.0 || v == 0.0) st = deterministic(american, c == 1, S, K, T, r, q);
      else if (method == METHOD_TRINOMIAL) st = trinomial(american, c == 1, S, K, T, v, r, q, steps);
      else st = binomial(method, american, c == 1, S, K, T, v, r, q, steps);
      if (!isFinite(resPrice)) {
        // final guard: no kernel should get here (please report it); never a NaN price with status OK
        st = INVALID_INPUT;
        for (let k: i32 = 0; k < LATTICE_OUTPUTS; k++) store<f64>(out + <usize>k * col + o, NaN);
      } else {
        const greeksOk = isFinite(resDelta) && isFinite(resGamma) && isFinite(resTheta);
        store<f64>(out + o, resPrice);
        store<f64>(out + col + o, isFinite(resDelta) ? resDelta : NaN);
        store<f64>(out + 2 * col + o, isFinite(resGamma) ? resGamma : NaN);
        store<f64>(out + 3 * col + o, isFinite(resTheta) ? resTheta : NaN);
        store<f64>(out + 4 * col + o, resNodeDelta);
        store<f64>(out + 5 * col + o, resNodeGamma);
        if (!greeksOk && st == OK) st = DEGENERATE;
      }
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
