/**
 * Typed errors across a worker hop (DESIGN §5, §7).
 *
 * comlink's built-in `'throw'` transfer handler keeps only `{ name, message, stack }` of an Error,
 * so a worker's `InvalidInputError` would arrive as a plain `Error`. {@link installErrorTransfer}
 * replaces that handler (on both sides of the hop) with one that sends
 * `{ name, code, message, details, stack }` and rebuilds the same {@link TailguardError} subclass on
 * the receiving side (with `PriceOutOfBoundsError.bound`). Other errors arrive as `Error` with their
 * name, message and stack; non-Error throws (strings, numbers) arrive as thrown.
 *
 * comlink's handler table is module state: installing is idempotent and is done by `createPool`
 * and by the worker entries (explicitly, not as an import side effect: the package is
 * `"sideEffects": false`).
 */
import { transferHandlers, type TransferHandler } from 'comlink';
import {
  AbortError, InvalidInputError, NoConvergenceError, PriceOutOfBoundsError, TailguardError, WasmInitError, WorkerError,
  type ErrorCode, type ErrorDetails,
} from '../errors.js';

/** The wire form of a thrown value. */
export type SerializedThrow =
  | { isError: true; value: SerializedError }
  | { isError: false; value: unknown };

/** The wire form of an Error: plain data only (structured-clone safe). */
export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** Present for TailguardErrors. */
  code?: ErrorCode;
  /** Present for TailguardErrors, reduced to structured-clone-safe data. */
  details?: ErrorDetails;
}

/** Turns an Error (or anything thrown) into plain data. */
export function serializeError(error: unknown): SerializedThrow {
  if (!(error instanceof Error)) return { isError: false, value: cloneable(error) };
  const value: SerializedError = { name: error.name, message: error.message };
  if (typeof error.stack === 'string') value.stack = error.stack;
  if (error instanceof TailguardError) {
    value.code = error.code;
    value.details = cloneable(error.details) as ErrorDetails;
  }
  return { isError: true, value };
}

/**
 * Rebuilds an Error from {@link serializeError}'s form: the TailguardError subclass named by
 * `code` (and `name`), else a plain `Error` with the remote `name`. The remote stack is kept, marked.
 */
export function deserializeError(serialized: SerializedError): Error {
  const { name, message, code, details = {} } = serialized;
  let error: Error;
  switch (code) {
    case 'INVALID_INPUT': error = new InvalidInputError(message, details); break;
    case 'PRICE_BELOW_INTRINSIC':
    case 'PRICE_ABOVE_MAXIMUM':
      error = new PriceOutOfBoundsError(code, message, { ...details, bound: typeof details.bound === 'number' ? details.bound : Number.NaN });
      break;
    case 'NO_CONVERGENCE': error = new NoConvergenceError(message, details); break;
    case 'WASM_INIT': error = new WasmInitError(message, details); break;
    case 'WORKER': error = new WorkerError(message, details); break;
    case 'ABORTED': error = new AbortError(message, details); break;
    default:
      error = new Error(message);
      error.name = name;
  }
  if (serialized.stack !== undefined) error.stack = `${serialized.stack}\n    (rethrown from a tailguard worker)`;
  return error;
}

/**
 * Structured-clone-safe copy of error details: primitives, plain objects and arrays are kept;
 * functions, symbols and class instances that cannot be cloned become their `String(…)`.
 */
function cloneable(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return value;
  const type = typeof value;
  if (type === 'number' || type === 'string' || type === 'boolean' || type === 'bigint') return value;
  if (type === 'function' || type === 'symbol' || depth > 8) return String(value);
  if (ArrayBuffer.isView(value) || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((item) => cloneable(item, depth + 1));
  if (value instanceof Error) return { name: value.name, message: value.message };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) out[key] = cloneable(item, depth + 1);
  return out;
}

/** comlink's internal shape for a thrown value (`{ value, [throwMarker]: 0 }`). */
interface ThrownValue { value: unknown }

const handler: TransferHandler<ThrownValue, SerializedThrow> = {
  // comlink marks thrown values with a private symbol: a thrown value is an object that has it.
  canHandle: (value: unknown): value is ThrownValue =>
    typeof value === 'object' && value !== null && Object.getOwnPropertySymbols(value).some((s) => s.description === 'Comlink.thrown'),
  serialize: ({ value }) => [serializeError(value), []],
  deserialize: (serialized) => {
    if (serialized.isError) throw deserializeError(serialized.value);
    throw serialized.value;
  },
};

/** Replaces comlink's `'throw'` handler by the typed one (idempotent). */
export function installErrorTransfer(): void {
  if (transferHandlers.get('throw') !== handler) {
    transferHandlers.set('throw', handler as TransferHandler<unknown, unknown>);
  }
}
