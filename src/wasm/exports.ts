/**
 * The WASM ABI as seen from TypeScript: the exports of `assembly/index.ts`. Pointers are byte
 * offsets into `memory`; every batch kernel returns the number of elements whose status is not OK.
 */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  /** Allocates `bytes` (16-byte aligned) in linear memory; returns the pointer. */
  alloc(bytes: number): number;
  /** Releases a block from `alloc` (the stub runtime reclaims only the most recent block). */
  free(ptr: number): void;
  blackScholesBatch(n: number, greeks: number, isCall: number, spots: number, strikes: number, expiries: number,
    vols: number, rates: number, dividendYields: number, out: number, status: number): number;
  black76Batch(n: number, greeks: number, isCall: number, forwards: number, strikes: number, expiries: number,
    vols: number, rates: number, out: number, status: number): number;
  impliedVolBatch(n: number, model: number, isCall: number, prices: number, underlyings: number, strikes: number,
    expiries: number, rates: number, dividendYields: number, vol: number, status: number): number;
  /** `blackScholesBatch` forced onto the scalar path (bit-identical; for tests and benchmarks). */
  blackScholesBatchScalar(n: number, greeks: number, isCall: number, spots: number, strikes: number, expiries: number,
    vols: number, rates: number, dividendYields: number, out: number, status: number): number;
  /** `black76Batch` forced onto the scalar path. */
  black76BatchScalar(n: number, greeks: number, isCall: number, forwards: number, strikes: number, expiries: number,
    vols: number, rates: number, out: number, status: number): number;
  /** Diagnostics: implied-vol solves since the last reset that took k iterations (k = 0…15). */
  ivHistogramCount(k: number): number;
  ivHistogramReset(): void;
  normCdfBatch(n: number, x: number, out: number): void;
  normPdfBatch(n: number, x: number, out: number): void;
  normInvBatch(n: number, p: number, out: number): void;
}

/** `greeks` argument of the pricing kernels: which output columns to compute. */
export const GreeksLevel = { none: 0, first: 1, all: 2 } as const;

/** `model` argument of `impliedVolBatch`. */
export const IvModel = { blackScholes: 0, black76: 1 } as const;
