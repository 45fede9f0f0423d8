// Batch (structure-of-arrays) loops for European prices/Greeks and implied volatility (DESIGN §3, §5).
// Each loop validates an element, calls the one-option routine, writes a u8 status, and goes on; it never
// throws and never allocates. Columns: f64 (8 bytes) except isCall and status (u8).
// Formulas and sources: see ./european.ts and ./impliedVol.ts.

import { OK, INVALID_INPUT } from "../status";
import { europeanOne, writeNaN, MODEL_BSM, MODEL_BLACK76 } from "./european";
import { impliedVolOne, ivStatus } from "./impliedVol";
import { europeanPair } from "./europeanSimd";
import { validExpiry, validLevel, validRate, validVol } from "./limits";

/**
 * Whether the exported European batches take the f64x2 path by default (./europeanSimd.ts). Kept because
 * a side-by-side run (release build, 1e6 seeded random BSM options as in bench/, best of 15) measured it
 * 1.20–1.26× the scalar path at every greeks level (scalar 8.6 / 7.1 / 6.9 M options/s for greeks 0 / 1 / 2,
 * f64x2 10.8 / 8.6 / 8.3); the results are bit-identical (test/options/simd.test.ts).
 */
export const USE_SIMD: bool = true;

// @ts-ignore: decorator
@inline
function ld(p: usize, i: i32): f64 { return load<f64>(p + (<usize>i << 3)); }

/**
 * One element of a European batch: validation, `europeanOne` or NaN outputs, the status byte. Returns the
 * status. The scalar path, and the SIMD path's fallback for pairs it does not take.
 */
// @ts-ignore: decorator
@inline
function europeanElement(
  b76: bool, greeks: i32, i: i32, isCall: usize, underlyings: usize, strikes: usize, expiries: usize,
  vols: usize, rates: usize, dividendYields: usize, out: usize, status: usize, colBytes: usize,
): u8 {
  const off = <usize>i << 3;
  const c = load<u8>(isCall + <usize>i);
  const S = ld(underlyings, i);
  const K = ld(strikes, i);
  const T = ld(expiries, i);
  const v = ld(vols, i);
  const r = ld(rates, i);
  const q = b76 ? 0.0 : ld(dividendYields, i);
  let st: u8;
  if (c > 1 || !validLevel(S) || !validLevel(K) || !validExpiry(T) || !validVol(v) ||
      !validRate(r) || !validRate(q)) {
    writeNaN(greeks, out, colBytes, off);
    st = INVALID_INPUT;
  } else {
    st = europeanOne(b76 ? MODEL_BLACK76 : MODEL_BSM, greeks, c == 1, S, K, T, v, r, q, out, colBytes, off);
  }
  store<u8>(status + <usize>i, st);
  return st;
}

/**
 * European batch for either model. `underlyings` are spots (BSM, with `dividendYields`) or forwards
 * (Black-76, `dividendYields` unused and may be 0). `simd`: take two options per iteration through
 * ./europeanSimd.ts where both are regular (bit-identical results; the rest goes element by element).
 * Returns the number of elements with status ≠ OK.
 */
export function europeanBatch(
  model: i32, n: i32, greeks: i32, isCall: usize, underlyings: usize, strikes: usize, expiries: usize,
  vols: usize, rates: usize, dividendYields: usize, out: usize, status: usize, simd: bool = USE_SIMD,
): i32 {
  if (n <= 0) return 0;
  const colBytes = <usize>n << 3;
  let bad: i32 = 0;
  const b76 = model == MODEL_BLACK76;
  let i: i32 = 0;
  if (simd) {
    for (; i + 1 < n; i += 2) {
      const cc = <u32>load<u16>(isCall + <usize>i);
      const c0 = cc & 0xFF;
      const c1 = cc >> 8;
      if (c0 <= 1 && c1 <= 1 && europeanPair(b76, greeks, c0, c1, i, underlyings, strikes, expiries, vols,
        rates, dividendYields, out, colBytes)) {
        store<u16>(status + <usize>i, 0); // OK, OK
        continue;
      }
      for (let j = i; j < i + 2; j++) {
        const st = europeanElement(b76, greeks, j, isCall, underlyings, strikes, expiries, vols, rates,
          dividendYields, out, status, colBytes);
        if (st != OK) bad++;
      }
    }
  }
  for (; i < n; i++) {
    const st = europeanElement(b76, greeks, i, isCall, underlyings, strikes, expiries, vols, rates,
      dividendYields, out, status, colBytes);
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
    if (!okModel || c > 1 || !(P >= 0.0 && P < Infinity) || !validLevel(S) || !validLevel(K) ||
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
