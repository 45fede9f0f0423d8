/**
 * `prepareCascadeBook`: validates a book and sorts it by liquidation price once (WASM radix sort,
 * assembly/lending/cascadeSort.ts), so that any number of shocks and Monte Carlo paths sweep it without
 * sorting again.
 */
import { Status } from '../errors.js';
import { checkObject, fail } from '../options/validate.js';
import { align16, batchBlock } from '../wasm/arena.js';
import { BOOK_BYTES_PER_POSITION } from './cascadeLayout.js';
import type { CascadeBookInput, PreparedCascadeBook } from './cascadeTypes.js';
import { MAX_BOOK } from './cascadeValidate.js';
import { toColumn } from '../options/columns.js';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Columns of a book as Float64Arrays of one length n (per-book constants expanded). @throws InvalidInputError */
export function bookColumns(book: CascadeBookInput): { collateral: Float64Array; debt: Float64Array; lt: Float64Array; bonus: Float64Array } {
  const o = checkObject('book', book);
  const collateral = toColumn('book.collateral', o.collateral);
  const debt = toColumn('book.debt', o.debt);
  const n = collateral.length;
  if (n > MAX_BOOK) fail('book.collateral', o.collateral, `<= ${MAX_BOOK} positions`, `must hold at most ${MAX_BOOK} positions`);
  if (debt.length !== n) fail('book.debt', o.debt, `${n} rows`, `must have as many rows as book.collateral (${n})`);
  const column = (field: string, value: unknown): Float64Array => {
    if (typeof value === 'number') return new Float64Array(n).fill(value);
    const c = toColumn(field, value);
    if (c.length !== n) fail(field, value, `${n} rows`, `must have as many rows as book.collateral (${n})`);
    return c;
  };
  return { collateral, debt, lt: column('book.liquidationThreshold', o.liquidationThreshold), bonus: column('book.liquidationBonus', o.liquidationBonus) };
}

/**
 * Validates and sorts a book of single-collateral positions by liquidation price debt/(collateral·LT),
 * highest first (ties: input order), once; the result serves any number of `simulateCascade` calls and
 * Monte Carlo paths. Needs `init()`.
 * @param book columns `{ collateral (units ≥ 0), debt (USD ≥ 0), liquidationThreshold (0, 1], liquidationBonus [0, 1) }`
 *   (threshold and bonus may be one number for the book).
 * @returns a PreparedCascadeBook: `{ size, sorted, status, invalid, totalCollateral, totalDebt, sortMs, collateral, debt, bytes }`.
 *   A bad position (non-finite, negative, threshold outside (0, 1], bonus outside [0, 1)) is marked
 *   Status.INVALID_INPUT and left out; positions without debt are never liquidatable and are not sorted.
 * @throws InvalidInputError for a structural fault (missing or mistyped column, unequal lengths);
 *   WasmInitError before init().
 */
export function prepareCascadeBook(book: CascadeBookInput): PreparedCascadeBook {
  const { collateral, debt, lt, bonus } = bookColumns(book);
  const start = now();
  const n = collateral.length;
  const col = align16(n * 8);
  const statusBytes = align16(n);
  const bookBytes = align16(n * BOOK_BYTES_PER_POSITION);
  const { k: k0 } = batchBlock(16);
  const scratchBytes = align16(k0.cascadePrepareScratchBytes(n));
  const { k, ptr } = batchBlock(4 * col + statusBytes + bookBytes + scratchBytes);
  const pc = ptr, pd = pc + col, pl = pd + col, pb = pl + col, ps = pb + col, pBook = ps + statusBytes, pScratch = pBook + bookBytes;
  const mem = k.memory.buffer;
  new Float64Array(mem, pc, n).set(collateral);
  new Float64Array(mem, pd, n).set(debt);
  new Float64Array(mem, pl, n).set(lt);
  new Float64Array(mem, pb, n).set(bonus);
  const m = k.cascadePrepare(n, pc, pd, pl, pb, ps, pBook, pScratch);
  const buf = k.memory.buffer;
  const status = new Uint8Array(buf, ps, n).slice();
  // compact the sorted columns to stride m
  const bytes = new ArrayBuffer(m * BOOK_BYTES_PER_POSITION);
  const f = new Float64Array(bytes, 0, 5 * m);
  for (let c = 0; c < 5; c++) f.set(new Float64Array(buf, pBook + c * n * 8, m), c * m);
  new Int32Array(bytes, 40 * m, m).set(new Int32Array(buf, pBook + 40 * n, m));
  let invalid = 0, totalCollateral = 0, totalDebt = 0;
  for (let i = 0; i < n; i++) {
    if (status[i] !== Status.OK) { invalid++; continue; }
    totalCollateral += collateral[i]!;
    totalDebt += debt[i]!;
  }
  return {
    kind: 'prepared-cascade-book', size: n, sorted: m, status, invalid, totalCollateral, totalDebt, sortMs: now() - start, bytes,
    collateral: collateral.slice(), debt: debt.slice(),
  };
}

/** True if `value` is a PreparedCascadeBook (also after a structured clone). */
export function isPreparedBook(value: unknown): value is PreparedCascadeBook {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'prepared-cascade-book'
    && (value as { bytes?: unknown }).bytes instanceof ArrayBuffer;
}

/** Copies a prepared book's columns into WASM memory at `ptr` (BOOK_BYTES_PER_POSITION·sorted bytes). */
export function uploadBook(memory: WebAssembly.Memory, ptr: number, book: PreparedCascadeBook): void {
  new Uint8Array(memory.buffer, ptr, book.bytes.byteLength).set(new Uint8Array(book.bytes));
}
