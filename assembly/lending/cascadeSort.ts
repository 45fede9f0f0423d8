// Preparation of a cascade book (see cascadeKernel.ts): validates each position, computes its liquidation
// price and sorts the liquidatable-in-principle positions (debt > 0) by liquidation price, highest first,
// ties by original index (the order in which a falling price reaches them). Done once per book; every
// shock and Monte Carlo path then sweeps the sorted columns with a pointer.
//
// Liquidation price (Aave v3 health factor, PROTOCOLS §1; single collateral, debt in USD):
//   HF = collateral · price · LT / debt < 1   ⟺   price < debt / (collateral · LT) =: liquidation price.
// Collateral 0 with debt > 0 gives +∞ (liquidatable at any price); debt 0 is never liquidatable and is
// left out of the sorted columns.
//
// Sort: LSD radix sort on 64-bit keys, 6 passes of 11 bits (2048 buckets: the scatter's write streams fit
// in cache, unlike 16-bit digits; a pass whose digit is the same for every key is skipped), stable, so
// ties keep the original index order. A non-negative double's IEEE bits order like the double; the key is the complement of the
// bits so that ascending keys are descending prices.

import { OK, INVALID_INPUT } from "../status";

/** f64 columns of a prepared book, in this order: collateral, debt, LT, bonus, liquidation price. */
export const BOOK_F64_COLUMNS: i32 = 5;
export const BOOK_COLLATERAL: i32 = 0;
export const BOOK_DEBT: i32 = 1;
export const BOOK_LT: i32 = 2;
export const BOOK_BONUS: i32 = 3;
export const BOOK_LIQ_PRICE: i32 = 4;

/** Bytes of a prepared book of capacity n: 5 f64 columns and one i32 column (original index). */
// @ts-ignore: decorator
@inline
export function bookBytes(n: i32): usize {
  return (<usize>n) * 44;
}

/** Scratch bytes `cascadePrepare` needs for n positions: two u64 key and two i32 index columns, 4 histograms. */
export function prepareScratchBytes(n: i32): usize {
  return (<usize>n) * 24 + PASSES * BUCKETS * 4;
}

const DIGIT_BITS: u64 = 11;
const BUCKETS: i32 = 2048;
const PASSES: i32 = 6;

/** True if x is a finite number >= 0. */
// @ts-ignore: decorator
@inline
function finiteNonNeg(x: f64): bool {
  return x >= 0.0 && x < Infinity;
}

/**
 * Validates and sorts a book. Inputs (n f64 each, original order): collateral (units of the risky asset,
 * ≥ 0), debt (USD, ≥ 0), liquidation threshold (in (0, 1]), liquidation bonus (in [0, 1)). A bad element
 * gets INVALID_INPUT in `status` (u8, n) and is left out; so is a position without debt (status OK).
 * Writes the sorted columns into `book` (layout: bookBytes(n), column k at book + 8·n·k, the i32 original
 * index column at book + 40·n) and returns m, the number of sorted positions (the first m rows of each
 * column are used). Never traps.
 */
export function cascadePrepareImpl(n: i32, collateral: usize, debt: usize, lt: usize, bonus: usize,
  status: usize, book: usize, scratch: usize): i32 {
  const keysA = scratch;
  const keysB = keysA + ((<usize>n) << 3);
  const idxA = keysB + ((<usize>n) << 3);
  const idxB = idxA + ((<usize>n) << 2);
  const hist = idxB + ((<usize>n) << 2);
  memory.fill(hist, 0, PASSES * BUCKETS * 4);
  let m: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = (<usize>i) << 3;
    const c = load<f64>(collateral + o);
    const d = load<f64>(debt + o);
    const t = load<f64>(lt + o);
    const b = load<f64>(bonus + o);
    if (!finiteNonNeg(c) || !finiteNonNeg(d) || !(t > 0.0 && t <= 1.0) || !(b >= 0.0 && b < 1.0)) {
      store<u8>(status + <usize>i, INVALID_INPUT);
      continue;
    }
    store<u8>(status + <usize>i, OK);
    if (d == 0.0) continue;
    const lp = d / (c * t); // +∞ when c = 0
    const key = ~reinterpret<u64>(lp);
    store<u64>(keysA + ((<usize>m) << 3), key);
    store<i32>(idxA + ((<usize>m) << 2), i);
    for (let p: i32 = 0; p < PASSES; p++) {
      const h = hist + (<usize>p) * (<usize>BUCKETS << 2) + ((<usize>((key >> (DIGIT_BITS * <u64>p)) & <u64>(BUCKETS - 1))) << 2);
      store<u32>(h, load<u32>(h) + 1);
    }
    m++;
  }
  // stable counting passes; a pass whose digit is the same for all keys is skipped
  let srcK = keysA, srcI = idxA, dstK = keysB, dstI = idxB;
  for (let p: i32 = 0; p < PASSES; p++) {
    const hp = hist + (<usize>p) * (<usize>BUCKETS << 2);
    let sum: u32 = 0;
    let skip = false;
    for (let v: i32 = 0; v < BUCKETS; v++) {
      const h = hp + ((<usize>v) << 2);
      const cnt = load<u32>(h);
      if (cnt == <u32>m) skip = true;
      store<u32>(h, sum);
      sum += cnt;
    }
    if (skip) continue;
    const shift = DIGIT_BITS * <u64>p;
    for (let j: i32 = 0; j < m; j++) {
      const key = load<u64>(srcK + ((<usize>j) << 3));
      const h = hp + ((<usize>((key >> shift) & <u64>(BUCKETS - 1))) << 2);
      const pos = load<u32>(h);
      store<u32>(h, pos + 1);
      store<u64>(dstK + ((<usize>pos) << 3), key);
      store<i32>(dstI + ((<usize>pos) << 2), load<i32>(srcI + ((<usize>j) << 2)));
    }
    const tk = srcK; srcK = dstK; dstK = tk;
    const ti = srcI; srcI = dstI; dstI = ti;
  }
  // gather the sorted columns
  const nb = (<usize>n) << 3;
  const orderCol = book + nb * 5;
  for (let j: i32 = 0; j < m; j++) {
    const i = load<i32>(srcI + ((<usize>j) << 2));
    const o = (<usize>i) << 3;
    const oj = (<usize>j) << 3;
    const c = load<f64>(collateral + o);
    const d = load<f64>(debt + o);
    const t = load<f64>(lt + o);
    store<f64>(book + oj, c);
    store<f64>(book + nb + oj, d);
    store<f64>(book + 2 * nb + oj, t);
    store<f64>(book + 3 * nb + oj, load<f64>(bonus + o));
    store<f64>(book + 4 * nb + oj, d / (c * t));
    store<i32>(orderCol + ((<usize>j) << 2), i);
  }
  return m;
}
