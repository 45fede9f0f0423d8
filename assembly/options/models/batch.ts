// Batch loops of the model kernels (./merton.ts, ./heston.ts): per-element validation (INVALID_INPUT with
// NaN outputs), status codes (../../status.ts), outputs as contiguous columns of n f64 at `out`.

import { OK, INVALID_INPUT } from "../../status";
import { validLevel, validExpiry, validVol, validRate } from "../limits";
import {
  validJumpIntensity, validJumpMean, validJumpVol, validVariance, validKappa, validVolOfVol, validCorrelation,
} from "./limits";
import { mertonOne, mertonPriceOut, mertonDeltaOut, mertonVegaOut } from "./merton";
import { hestonOne, hestonPriceOut, hestonDeltaOut } from "./heston";

// @ts-ignore: decorator
@inline
function f(col: usize, o: usize): f64 { return load<f64>(col + o); }

/**
 * Merton jump diffusion over n options: isCall (u8), spots, strikes, expiries, vols, rates, dividend
 * yields, jump intensities, jump means, jump vols (f64 columns); out = 3 columns (price, delta, vega).
 * Returns the number of elements whose status is not OK.
 */
export function mertonBatchImpl(
  n: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize, rates: usize,
  dividendYields: usize, intensities: usize, jumpMeans: usize, jumpVols: usize, out: usize, status: usize,
): i32 {
  const colBytes = <usize>n << 3;
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const S = f(spots, o); const K = f(strikes, o); const T = f(expiries, o); const vol = f(vols, o);
    const r = f(rates, o); const q = f(dividendYields, o);
    const lam = f(intensities, o); const mu = f(jumpMeans, o); const dv = f(jumpVols, o);
    let st: u8;
    if (!(validLevel(S) && validLevel(K) && validExpiry(T) && validVol(vol) && validRate(r) && validRate(q)
      && validJumpIntensity(lam) && validJumpMean(mu) && validJumpVol(dv))) {
      st = INVALID_INPUT;
      store<f64>(out + o, NaN); store<f64>(out + colBytes + o, NaN); store<f64>(out + 2 * colBytes + o, NaN);
    } else {
      st = mertonOne(load<u8>(isCall + <usize>i) != 0, S, K, T, vol, r, q, lam, mu, dv);
      store<f64>(out + o, mertonPriceOut);
      store<f64>(out + colBytes + o, mertonDeltaOut);
      store<f64>(out + 2 * colBytes + o, mertonVegaOut);
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}

/**
 * Heston over n options: isCall (u8), spots, strikes, expiries, rates, dividend yields, v0, κ, θ, ξ, ρ
 * (f64 columns); out = 2 columns (price, delta). Returns the number of elements whose status is not OK.
 */
export function hestonBatchImpl(
  n: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, rates: usize, dividendYields: usize,
  v0s: usize, kappas: usize, thetas: usize, volOfVols: usize, rhos: usize, out: usize, status: usize,
): i32 {
  const colBytes = <usize>n << 3;
  let bad: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    const S = f(spots, o); const K = f(strikes, o); const T = f(expiries, o);
    const r = f(rates, o); const q = f(dividendYields, o);
    const v0 = f(v0s, o); const kappa = f(kappas, o); const theta = f(thetas, o);
    const xi = f(volOfVols, o); const rho = f(rhos, o);
    let st: u8;
    if (!(validLevel(S) && validLevel(K) && validExpiry(T) && validRate(r) && validRate(q)
      && validVariance(v0) && validKappa(kappa) && validVariance(theta) && validVolOfVol(xi)
      && validCorrelation(rho))) {
      st = INVALID_INPUT;
      store<f64>(out + o, NaN); store<f64>(out + colBytes + o, NaN);
    } else {
      st = hestonOne(load<u8>(isCall + <usize>i) != 0, S, K, T, r, q, v0, kappa, theta, xi, rho);
      store<f64>(out + o, hestonPriceOut);
      store<f64>(out + colBytes + o, hestonDeltaOut);
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
