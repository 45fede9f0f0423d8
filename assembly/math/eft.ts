// Error-free transformations of floating-point sums and products (double-double building blocks).
//
// Sources:
//   - D. E. Knuth, The Art of Computer Programming, vol. 2, 3rd ed. (1997), §4.2.2, Theorem B ("TwoSum").
//   - T. J. Dekker, "A floating-point technique for extending the available precision",
//     Numerische Mathematik 18 (1971) 224–242 (Veltkamp splitting and exact product "TwoProduct").
//   - T. Ogita, S. M. Rump, S. Oishi, "Accurate sum and dot product", SIAM J. Sci. Comput. 26 (2005),
//     Algorithms 3.1–3.3 (notation).
// WebAssembly has no fused multiply-add, so the exact product uses Dekker's splitting.

/** Low-order part produced by the most recent call of `twoSum`, `twoProd` or `quickTwoSum`. */
export let eftLo: f64 = 0.0;

/** Veltkamp splitting constant 2^27 + 1 for binary64 (Dekker 1971). */
const SPLITTER: f64 = 134217729.0;

/**
 * Knuth's TwoSum (TAOCP vol. 2, §4.2.2): returns s = fl(a + b) and stores in `eftLo` the exact
 * rounding error e, so that a + b = s + e exactly. Inputs: any finite doubles. No branches.
 */
// @ts-ignore: decorator
@inline
export function twoSum(a: f64, b: f64): f64 {
  const s = a + b;
  const bb = s - a;
  eftLo = (a - (s - bb)) + (b - bb);
  return s;
}

/**
 * Dekker's Fast2Sum (Dekker 1971): s = fl(a + b), `eftLo` = exact error; requires |a| ≥ |b| (or a = 0).
 */
// @ts-ignore: decorator
@inline
export function quickTwoSum(a: f64, b: f64): f64 {
  const s = a + b;
  eftLo = b - (s - a);
  return s;
}

/**
 * Dekker's TwoProduct with Veltkamp splitting (Dekker 1971, §5): returns p = fl(a·b) and stores in
 * `eftLo` the exact error, a·b = p + e. Valid for |a|, |b| < 2^996 and no underflow of the partial
 * products (all callers use moderate magnitudes).
 */
// @ts-ignore: decorator
@inline
export function twoProd(a: f64, b: f64): f64 {
  const p = a * b;
  let c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLITTER * b;
  const bh = c - (c - b);
  const bl = b - bh;
  eftLo = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  return p;
}

/**
 * twoProd(a, a) with one splitting: returns p = fl(a²), exact error in `eftLo`. Every step of Dekker's
 * algorithm is exact, so ((ah² − p) + 2·ah·al) + al² equals ((ah² − p) + ah·al + al·ah) + al² bit for bit
 * (2·ah·al is exact). Same range conditions as `twoProd`.
 */
// @ts-ignore: decorator
@inline
export function twoSquare(a: f64): f64 {
  const p = a * a;
  const c = SPLITTER * a;
  const ah = c - (c - a);
  const al = a - ah;
  eftLo = ((ah * ah - p) + 2.0 * ah * al) + al * al;
  return p;
}
