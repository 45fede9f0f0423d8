// Batch (structure-of-arrays) loops for European prices/Greeks and implied volatility (DESIGN §3, §5).
// Each loop validates an element, calls the one-option routine, writes a u8 status, and goes on; it never
// throws and never allocates. Columns: f64 (8 bytes) except isCall and status (u8).
// Formulas and sources: see ./european.ts and ./impliedVol.ts.

import { OK, INVALID_INPUT } from "../status";
import { europeanOne, writeNaN, MODEL_BSM, MODEL_BLACK76 } from "./european";
import { impliedVolOne, ivStatus } from "./impliedVol";

// @ts-ignore: decorator
@inline
function ld(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }

/** True when v is finite and > 0 (prices of the underlying, strikes). */
// @ts-ignore: decorator
@inline
export function positiveFinite(v: f64): bool { return v > 0.0 && v < Infinity; }
/** Expiry rule: finite, 0 ≤ T ≤ 50 years. */
// @ts-ignore: decorator
@inline
export function validExpiry(T: f64): bool { return T >= 0.0 && T <= 50.0; }
/** Vol rule: finite, 0 ≤ σ ≤ 10. */
// @ts-ignore: decorator
@inline
export function validVol(v: f64): bool { return v >= 0.0 && v <= 10.0; }
/** Rate / yield rule: finite, |v| ≤ 1. */
// @ts-ignore: decorator
@inline
export function validRate(v: f64): bool { return Math.abs(v) <= 1.0; }

/**
 * European batch for either model. `underlyings` are spots (BSM, with `dividendYields`) or forwards
 * (Black-76, `dividendYields` unused and may be 0). Returns the number of elements with status ≠ OK.
 */
export function europeanBatch(
  model: i32, n: i32, greeks: i32, isCall: usize, underlyings: usize, strikes: usize, expiries: usize,
  vols: usize, rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  if (n <= 0) return 0;
  const colBytes = <usize>n << 3;
  let bad: i32 = 0;
  const b76 = model == MODEL_BLACK76;
  for (let i: i32 = 0; i < n; i++) {
    const off = <usize>i << 3;
    const c = load<u8>(isCall + <usize>i);
    const S = ld(underlyings, i);
    const K = ld(strikes, i);
    const T = ld(expiries, i);
    const v = ld(vols, i);
    const r = ld(rates, i);
    const q = b76 ? 0.0 : ld(dividendYields, i);
    let st: u8;
    if (c > 1 || !positiveFinite(S) || !positiveFinite(K) || !validExpiry(T) || !validVol(v) ||
        !validRate(r) || !validRate(q)) {
      writeNaN(greeks, out, colBytes, off);
      st = INVALID_INPUT;
    } else {
      st = europeanOne(b76 ? MODEL_BLACK76 : MODEL_BSM, greeks, c == 1, S, K, T, v, r, q, out, colBytes, off);
    }
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}

/**
 * Implied-volatility batch. model 0: BSM (underlyings = spots, dividendYields used); 1: Black-76
 * (underlyings = forwards; dividendYields ignored, may be 0); any other model: every element INVALID_INPUT.
 * Writes vol (decimal per √year) and status; returns the number of elements with status ≠ OK.
 */
export function impliedVolBatchImpl(
  n: i32, model: i32, isCall: usize, prices: usize, underlyings: usize, strikes: usize, expiries: usize,
  rates: usize, dividendYields: usize, vol: usize, status: usize,
): i32 {
  if (n <= 0) return 0;
  let bad: i32 = 0;
  const b76 = model == MODEL_BLACK76;
  const okModel = model == MODEL_BSM || b76;
  for (let i: i32 = 0; i < n; i++) {
    const c = load<u8>(isCall + <usize>i);
    const P = ld(prices, i);
    const S = ld(underlyings, i);
    const K = ld(strikes, i);
    const T = ld(expiries, i);
    const r = ld(rates, i);
    const q = b76 || !okModel ? 0.0 : ld(dividendYields, i);
    let st: u8;
    let v: f64;
    if (!okModel || c > 1 || !(P >= 0.0 && P < Infinity) || !positiveFinite(S) || !positiveFinite(K) ||
        !validExpiry(T) || !validRate(r) || !validRate(q)) {
      v = NaN;
      st = INVALID_INPUT;
    } else {
      v = impliedVolOne(b76 ? MODEL_BLACK76 : MODEL_BSM, c == 1, P, S, K, T, r, q);
      st = ivStatus;
    }
    store<f64>(vol + (<usize>i << 3), v);
    store<u8>(status + <usize>i, st);
    if (st != OK) bad++;
  }
  return bad;
}
