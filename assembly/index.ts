// The whole WASM ABI of tailguard (DESIGN §2): exported functions over pointers + n; nothing else.
// Columns are f64 (8 bytes) except isCall and status (u8). `out` holds 9 contiguous columns of n f64 in the
// order price, delta, gamma, vega, theta, rho, vanna, volga, charm; greeks = 0 price only, 1 price + delta,
// gamma, vega, theta, rho, 2 all nine (columns not requested are not written). Batch functions return
// the number of elements whose status is not OK (codes in ./status.ts). Units: DESIGN §4.

import { europeanBatch, impliedVolBatchImpl } from "./options/batch";
import { MODEL_BSM, MODEL_BLACK76 } from "./options/european";
import { normCdf, normPdf, normInv } from "./math/normal";

/** Allocates `bytes` bytes (16-byte aligned) in linear memory for the facade's columns. */
export function alloc(bytes: usize): usize {
  return heap.alloc(bytes);
}

/** Frees a block obtained from `alloc`. */
export function free(ptr: usize): void {
  heap.free(ptr);
}

/**
 * Black–Scholes–Merton prices/Greeks: spots, strikes (currency), expiries (years), vols, rates and dividend
 * yields (decimals, continuously compounded). See options/european.ts.
 */
export function blackScholesBatch(
  n: i32, greeks: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BSM, n, greeks, isCall, spots, strikes, expiries, vols, rates, dividendYields, out, status);
}

/** Black-76 prices/Greeks on forwards (delta = ∂/∂F, rho = −T·price with F fixed). See options/european.ts. */
export function black76Batch(
  n: i32, greeks: i32, isCall: usize, forwards: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BLACK76, n, greeks, isCall, forwards, strikes, expiries, vols, rates, 0, out, status);
}

/**
 * `blackScholesBatch` forced onto the scalar path (one option per iteration). Same arguments and
 * results, bit for bit; for tests of the SIMD path and for benchmarks.
 */
export function blackScholesBatchScalar(
  n: i32, greeks: i32, isCall: usize, spots: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, dividendYields: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BSM, n, greeks, isCall, spots, strikes, expiries, vols, rates, dividendYields, out, status, false);
}

/** `black76Batch` forced onto the scalar path; same arguments and results, bit for bit. */
export function black76BatchScalar(
  n: i32, greeks: i32, isCall: usize, forwards: usize, strikes: usize, expiries: usize, vols: usize,
  rates: usize, out: usize, status: usize,
): i32 {
  return europeanBatch(MODEL_BLACK76, n, greeks, isCall, forwards, strikes, expiries, vols, rates, 0, out, status, false);
}

/** Implied vols: model 0 BSM (spots, dividend yields), 1 Black-76 (forwards). See options/impliedVol.ts. */
export function impliedVolBatch(
  n: i32, model: i32, isCall: usize, prices: usize, underlyings: usize, strikes: usize, expiries: usize,
  rates: usize, dividendYields: usize, vol: usize, status: usize,
): i32 {
  return impliedVolBatchImpl(n, model, isCall, prices, underlyings, strikes, expiries, rates, dividendYields, vol, status);
}

/** Φ(x) for each of n inputs (Cody; see math/normal.ts). */
export function normCdfBatch(n: i32, x: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, normCdf(load<f64>(x + o)));
  }
}

/** φ(x) for each of n inputs. */
export function normPdfBatch(n: i32, x: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, normPdf(load<f64>(x + o)));
  }
}

/** Φ⁻¹(p) for each of n inputs (Wichura AS 241). */
export function normInvBatch(n: i32, p: usize, out: usize): void {
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 3;
    store<f64>(out + o, normInv(load<f64>(p + o)));
  }
}

/**
 * Test/diagnostic only: the number of implied-vol solves since `ivHistogramReset` that took k Householder
 * iterations (k = 0…15; slot 15 counts 15 or more). See options/impliedVol.ts.
 */
export { ivHistogramCount, ivHistogramReset } from "./options/impliedVol";
