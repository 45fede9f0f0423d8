/**
 * Structural checks and marshalling of batch columns through WASM linear memory (DESIGN §1, §5).
 * Structural faults (a missing or mistyped column, unequal lengths) throw InvalidInputError;
 * element values are checked by the kernels, which mark bad elements with a status code.
 */
import { InvalidInputError } from '../errors.js';
import { align16, batchBlock } from '../wasm/arena.js';
import type { KernelExports } from '../wasm/exports.js';
import { wasm } from '../wasm/loader.js';
import { fail } from './validate.js';

/** A batch input column: a Float64Array, or (for rates and yields) one number broadcast to all. */
export type Column = Float64Array | number;

/**
 * Elements per kernel call. Batches are run in chunks of this size, so the linear-memory workspace
 * stays bounded (about 130 MB for seven inputs and nine outputs) whatever the batch length.
 */
export const CHUNK = 1 << 20;

/** Checks that `value` is a Float64Array of length `n` (any length when n < 0); returns it. */
export function checkFloatColumn(field: string, value: unknown, n: number): Float64Array {
  if (!(value instanceof Float64Array)) {
    throw new InvalidInputError(`${field} must be a Float64Array (got ${describe(value)})`, { field, value: describe(value), rule: 'Float64Array' });
  }
  checkLength(field, value.length, n);
  return value;
}

/** Checks the `isCall` column: a Uint8Array of length n (1 call, 0 put); returns it. */
export function checkIsCall(value: unknown, n: number): Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new InvalidInputError(`isCall must be a Uint8Array of 1 (call) / 0 (put) (got ${describe(value)})`, { field: 'isCall', value: describe(value), rule: 'Uint8Array' });
  }
  checkLength('isCall', value.length, n);
  return value;
}

/**
 * Checks a broadcastable column: a number (broadcast to all n elements), or a Float64Array of length n. Undefined
 * gives `fallback` (default 0, e.g. rates and dividendYields); with `fallback` null the column is required and
 * undefined throws like any mistyped column.
 */
export function checkBroadcast(field: string, value: unknown, n: number, fallback: number | null = 0): Column {
  if (value === undefined && fallback !== null) return fallback;
  if (typeof value === 'number') return value; // its value is checked by the kernel like any element
  return checkFloatColumn(field, value, n);
}

/** `value` must be an array or typed array of numbers; returns it copied into a Float64Array. */
export function checkColumn(field: string, value: unknown): Float64Array {
  const isColumn = Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
  if (!isColumn) fail(field, value, 'array', 'must be an array or a typed array of numbers');
  const src = value as ArrayLike<unknown>;
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${field}[${i}]`, v, 'finite', 'must be a finite number');
    out[i] = v;
  }
  return out;
}

/** A column (Float64Array or number array) as a Float64Array (not copied if already one); values unchecked. */
export function toColumn(field: string, value: unknown): Float64Array {
  if (value instanceof Float64Array) return value;
  if (Array.isArray(value)) {
    const out = new Float64Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      out[i] = typeof v === 'number' ? v : NaN; // a non-number element is marked INVALID_INPUT by the kernel
    }
    return out;
  }
  return fail(field, value, 'Float64Array | number[]', 'must be a Float64Array or an array of numbers');
}

/** Throws the structural error for a column that the model does not take (e.g. dividendYields with forwards). */
export function checkAbsent(field: string, value: unknown, why: string): void {
  if (value !== undefined) throw new InvalidInputError(`${field} ${why}`, { field, value: describe(value), rule: 'absent' });
}

function checkLength(field: string, length: number, n: number): void {
  if (n >= 0 && length !== n) {
    throw new InvalidInputError(`${field} has length ${length}, expected ${n} (all columns must have the same length)`, { field, value: length, rule: `length ${n}` });
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/** Pointers of one staged chunk: the u8 isCall column, the f64 inputs, the outputs, the u8 statuses. */
export interface Staged {
  k: KernelExports;
  isCall: number;
  inputs: number[];
  out: number;
  status: number;
}

/**
 * Runs a batch kernel over `n` elements in chunks of {@link CHUNK}: copies each chunk's inputs into
 * the workspace, calls `kernel(staged, m)` for its m elements (the kernel writes output column i at
 * `out + i·m·8` and one status byte per element), and gathers `outCount` output columns and the
 * statuses into fresh arrays.
 */
export function runBatch(n: number, isCall: Uint8Array, inputs: Column[], outCount: number,
  kernel: (staged: Staged, m: number) => void): { columns: Float64Array[]; status: Uint8Array } {
  wasm(); // throws WasmInitError before init(), even for an empty batch
  const columns = Array.from({ length: outCount }, () => new Float64Array(n));
  const status = new Uint8Array(n);
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    const staged = stage(m, isCall.subarray(start, start + m), inputs.map((c) => (typeof c === 'number' ? c : c.subarray(start, start + m))), outCount);
    kernel(staged, m);
    const buffer = staged.k.memory.buffer;
    columns.forEach((column, i) => column.set(new Float64Array(buffer, staged.out + i * m * 8, m), start));
    status.set(new Uint8Array(buffer, staged.status, m), start);
  }
  return { columns, status };
}

/** Lays out one chunk of m elements in the workspace and copies its inputs in. */
function stage(m: number, isCall: Uint8Array, inputs: Column[], outCount: number): Staged {
  const colBytes = align16(m * 8);
  const u8Bytes = align16(Math.max(m, 1));
  const { k, ptr } = batchBlock(colBytes * (inputs.length + outCount) + 2 * u8Bytes);
  const buffer = k.memory.buffer; // taken after the allocation (growth detaches earlier views)
  const inputPtrs: number[] = [];
  let at = ptr;
  for (const column of inputs) {
    const view = new Float64Array(buffer, at, m);
    if (typeof column === 'number') view.fill(column);
    else view.set(column);
    inputPtrs.push(at);
    at += colBytes;
  }
  const out = at;
  at += colBytes * outCount;
  new Uint8Array(buffer, at, m).set(isCall);
  return { k, isCall: at, inputs: inputPtrs, out, status: at + u8Bytes };
}
