/**
 * Structural checks and marshalling of batch columns into WASM linear memory (DESIGN §1, §5).
 * Structural faults (a missing or mistyped column, unequal lengths) throw InvalidInputError;
 * element values are checked by the kernels, which mark bad elements with a status code.
 */
import { InvalidInputError } from '../errors.js';
import { align16, batchBlock } from '../wasm/arena.js';
import type { KernelExports } from '../wasm/exports.js';

/** A batch input column: a Float64Array, or (for rates and yields) one number broadcast to all. */
export type Column = Float64Array | number;

/** Checks that `value` is a Float64Array of length `n` (or sets n when n < 0); returns its length. */
export function checkFloatColumn(field: string, value: unknown, n: number): number {
  if (!(value instanceof Float64Array)) {
    throw new InvalidInputError(`${field} must be a Float64Array (got ${describe(value)})`, { field, value: describe(value), rule: 'Float64Array' });
  }
  return checkLength(field, value.length, n);
}

/** Checks the `isCall` column: a Uint8Array of length n (1 call, 0 put). */
export function checkIsCall(value: unknown, n: number): number {
  if (!(value instanceof Uint8Array)) {
    throw new InvalidInputError(`isCall must be a Uint8Array of 1 (call) / 0 (put) (got ${describe(value)})`, { field: 'isCall', value: describe(value), rule: 'Uint8Array' });
  }
  return checkLength('isCall', value.length, n);
}

/** Checks an optional broadcastable column (rates, dividendYields): undefined → 0, a number, or a Float64Array of length n. */
export function checkBroadcast(field: string, value: unknown, n: number): Column {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value; // its value is checked by the kernel like any element
  checkFloatColumn(field, value, n);
  return value as Float64Array;
}

function checkLength(field: string, length: number, n: number): number {
  if (n >= 0 && length !== n) {
    throw new InvalidInputError(`${field} has length ${length}, expected ${n} (all columns must have the same length)`, { field, value: length, rule: `length ${n}` });
  }
  return length;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  return typeof value;
}

/**
 * Lays out `f64In` input columns, `f64Out` output columns, and the u8 isCall/status columns for
 * `n` elements in the batch workspace, copies the inputs in, and returns the pointers.
 */
export function stage(n: number, isCall: Uint8Array, inputs: Column[], f64Out: number):
  { k: KernelExports; isCall: number; inputs: number[]; out: number; status: number } {
  const colBytes = align16(n * 8);
  const u8Bytes = align16(Math.max(n, 1));
  const { k, ptr } = batchBlock(colBytes * (inputs.length + f64Out) + 2 * u8Bytes);
  const buffer = k.memory.buffer; // taken after the allocation (growth detaches earlier views)
  const inputPtrs: number[] = [];
  let at = ptr;
  for (const column of inputs) {
    const view = new Float64Array(buffer, at, n);
    if (typeof column === 'number') view.fill(column);
    else view.set(column);
    inputPtrs.push(at);
    at += colBytes;
  }
  const out = at;
  at += colBytes * f64Out;
  new Uint8Array(buffer, at, n).set(isCall);
  const isCallPtr = at;
  at += u8Bytes;
  return { k, isCall: isCallPtr, inputs: inputPtrs, out, status: at };
}

/** Copies output column `index` out of linear memory (the kernels put column i at `out + i·n·8`). */
export function readColumn(k: KernelExports, out: number, index: number, n: number): Float64Array {
  return new Float64Array(k.memory.buffer, out + index * n * 8, n).slice();
}

/** Copies the status column out of linear memory. */
export function readStatus(k: KernelExports, status: number, n: number): Uint8Array {
  return new Uint8Array(k.memory.buffer, status, n).slice();
}
