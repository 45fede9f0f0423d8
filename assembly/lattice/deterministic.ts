// The lattice's limits without randomness: expiry 0 (any vol) and vol 0 (any expiry), in closed form.
//
// With vol 0 the underlying moves deterministically, S_t = S·e^{(r−q)t}, and exercising at time t is
// worth f(t) = w·(S·e^{−qt} − K·e^{−rt}) today (w = +1 call, −1 put). A European option is worth
// max(f(T), 0) (the discounted intrinsic of DESIGN §4); an American one max(0, max_{0≤t≤T} f(t)).
// f is a difference of two exponentials, so f′(t) = w·(rK·e^{−rt} − qS·e^{−qt}) has at most one root,
// t* = ln(rK/(qS))/(r − q), and the maximum is at 0, T or t*. Greeks by the envelope theorem: delta =
// w·e^{−q·t̂} at the best time t̂; gamma = 0, except at an interior t* (which moves with S: gamma =
// w·q·e^{−q·t*}/(S·(r − q))); theta (calendar time) = −∂V/∂T = −max(f′(T), 0) when the best time is T
// for an American option (−f′(T) for a European one), else 0.
// Expiry 0 with vol > 0 has the same limits away from the strike (the time value vanishes faster than
// any power of T), so the same function serves it.
// Where the best value is exactly 0 (at the money-forward) the European kernel's conventions apply
// (assembly/options/european.ts): delta is the one-sided average w·e^{−qT}/2, gamma has no limit (NaN,
// DEGENERATE), and theta has none at T = 0 (NaN, DEGENERATE).

import { OK, DEGENERATE } from "../status";
import { setResults } from "./result";

/**
 * Deterministic value and Greeks (results in ./result.ts). `isCall` true for a call; T ≥ 0 years;
 * r, q continuously compounded. Returns OK or DEGENERATE (a Greek is NaN).
 */
export function deterministic(american: bool, isCall: bool, S: f64, K: f64, T: f64, r: f64, q: f64): u8 {
  const w: f64 = isCall ? 1.0 : -1.0;
  const dqT = Math.exp(-q * T);
  const drT = Math.exp(-r * T);
  let best = w * (S * dqT - K * drT);
  let tBest = T;
  let interior = false;
  if (american) {
    const f0 = w * (S - K);
    if (f0 > best) { best = f0; tBest = 0.0; }
    if (r != q && q != 0.0 && r != 0.0) {
      const ratio = (r * K) / (q * S);
      if (ratio > 0.0) {
        const ts = Math.log(ratio) / (r - q);
        if (ts > 0.0 && ts < T) {
          const fs = w * (S * Math.exp(-q * ts) - K * Math.exp(-r * ts));
          if (fs > best) { best = fs; tBest = ts; interior = true; }
        }
      }
    }
  }
  const nan = NaN;
  if (best < 0.0) {
    setResults(0.0, 0.0, 0.0, 0.0, nan, nan);
    return OK;
  }
  // −f′(T): the rate at which the value of exercising exactly at expiry falls as expiry recedes.
  const slopeT = w * (q * S * dqT - r * K * drT);
  if (best == 0.0) {
    const theta = T == 0.0 ? nan : 0.5 * (american ? min<f64>(slopeT, 0.0) : slopeT);
    setResults(0.0, 0.5 * w * dqT, nan, theta, nan, nan);
    return DEGENERATE;
  }
  const dq = Math.exp(-q * tBest);
  const gamma = interior ? w * q * dq / (S * (r - q)) : 0.0;
  let theta: f64 = 0.0;
  if (tBest == T) theta = american ? min<f64>(slopeT, 0.0) : slopeT;
  setResults(best, w * dq, gamma, theta, nan, nan);
  return OK;
}
