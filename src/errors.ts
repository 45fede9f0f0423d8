/**
 * Typed errors and per-element status codes (DESIGN §5).
 *
 * Scalar functions throw a subclass of {@link TailguardError}; batch functions never throw for a bad
 * element: they mark it in their `status: Uint8Array` with one of the {@link Status} codes and go on.
 * `Status` mirrors `assembly/status.ts` exactly; later domains append codes, never renumber.
 */

/** Per-element status codes written by batch calls (identical to the WASM kernels' codes). */
export const Status = {
  /** Computed normally. */
  OK: 0,
  /** An input was non-finite, out of range, or zero/negative where forbidden; outputs are NaN. */
  INVALID_INPUT: 1,
  /** Implied vol: the price is below the discounted intrinsic value. */
  BELOW_INTRINSIC: 2,
  /** Implied vol: the price is at or above the no-arbitrage maximum. */
  ABOVE_MAXIMUM: 3,
  /** An iterative solver did not reach its tolerance. */
  NO_CONVERGENCE: 4,
  /** A Greek has no limit at this input (e.g. gamma at the strike as expiry → 0); it is NaN. */
  DEGENERATE: 5,
} as const;

/** One of the {@link Status} codes. */
export type StatusCode = (typeof Status)[keyof typeof Status];

/** Stable machine-readable error codes carried by {@link TailguardError.code}. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'PRICE_BELOW_INTRINSIC'
  | 'PRICE_ABOVE_MAXIMUM'
  | 'NO_CONVERGENCE'
  | 'WASM_INIT'
  | 'WORKER'
  | 'ABORTED';

/** Structured context of an error: the offending field and value, the rule it broke, a batch index, a bound. */
export interface ErrorDetails {
  field?: string;
  value?: unknown;
  rule?: string;
  index?: number;
  bound?: number;
  [key: string]: unknown;
}

/** Base class of every error tailguard throws: `name`, a stable `code`, and `details`. */
export class TailguardError extends Error {
  /** The class name, written out so that it survives minification (a bundler may rename the classes). */
  override name = 'TailguardError';
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}

/** An input broke a rule: the message names the field and the value, e.g. "strike (-5) must be > 0". */
export class InvalidInputError extends TailguardError {
  override name = 'InvalidInputError';
  constructor(message: string, details: ErrorDetails = {}) {
    super('INVALID_INPUT', message, details);
  }
}

/**
 * Implied vol: no volatility reproduces the price. `code` is `PRICE_BELOW_INTRINSIC` or
 * `PRICE_ABOVE_MAXIMUM`; `bound` is the discounted intrinsic value or the maximum price.
 */
export class PriceOutOfBoundsError extends TailguardError {
  override name = 'PriceOutOfBoundsError';
  readonly bound: number;

  constructor(code: 'PRICE_BELOW_INTRINSIC' | 'PRICE_ABOVE_MAXIMUM', message: string, details: ErrorDetails & { bound: number }) {
    super(code, message, details);
    this.bound = details.bound;
  }
}

/** An iterative method did not converge. */
export class NoConvergenceError extends TailguardError {
  override name = 'NoConvergenceError';
  constructor(message: string, details: ErrorDetails = {}) {
    super('NO_CONVERGENCE', message, details);
  }
}

/** The WASM module failed to load, or a pricing call was made before `init()` resolved. */
export class WasmInitError extends TailguardError {
  override name = 'WasmInitError';
  constructor(message: string, details: ErrorDetails = {}) {
    super('WASM_INIT', message, details);
  }
}

/** A worker crashed or could not be reached. */
export class WorkerError extends TailguardError {
  override name = 'WorkerError';
  constructor(message: string, details: ErrorDetails = {}) {
    super('WORKER', message, details);
  }
}

/** A job was cancelled through its `AbortSignal`. */
export class AbortError extends TailguardError {
  override name = 'AbortError';
  constructor(message = 'the operation was aborted', details: ErrorDetails = {}) {
    super('ABORTED', message, details);
  }
}
