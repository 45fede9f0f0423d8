// Φ⁻¹ on both f64x2 lanes: Wichura's AS241 (PPND16, Applied Statistics 37, 1988), operation for operation
// as the scalar ../math/normal.ts `normInv`, so the two are bit-identical (WebAssembly has no FMA
// contraction and rounds identically in scalar and SIMD; `vlog` reproduces Math.log bit for bit,
// ../math/simd.ts). Branches: |p − ½| ≤ 0.425 the central rational function in r = 0.180625 − q²;
// otherwise r = √(−ln min(p, 1 − p)) and the rational function in r − 1.6 for r ≤ 5. Both are evaluated
// on both lanes only when needed (a pair of lanes is entirely central about 72% of the time) and blended
// with v128.bitselect; the far tail r > 5 (min(p, 1 − p) < 1.4e-11) goes to the scalar code per lane.
// Accuracy is AS241's (~1e-16 relative; checked against mpmath for the scalar code in test/math).
// Requires 2^-1022 ≤ min(p, 1 − p) on both lanes (vlog needs a normal input; the Monte Carlo uniforms are in
// [2^-53, 1 − 2^-53]).

import { normInv } from "../math/normal";
import { vlog } from "../math/simd";

// AS241 coefficients and the other constants of this file as f64x2 pairs (one v128.load each: cheaper in a
// loop than materialising a v128 constant per use).
// @ts-ignore: decorator
@lazy const NK = memory.data<f64>([
  0.180625, 0.180625,
  2509.0809287301226727, 2509.0809287301226727,
  33430.575583588128105, 33430.575583588128105,
  67265.770927008700853, 67265.770927008700853,
  45921.953931549871457, 45921.953931549871457,
  13731.693765509461125, 13731.693765509461125,
  1971.5909503065514427, 1971.5909503065514427,
  133.14166789178437745, 133.14166789178437745,
  3.387132872796366608, 3.387132872796366608,
  5226.495278852545925, 5226.495278852545925,
  28729.085735721942674, 28729.085735721942674,
  39307.89580009271061, 39307.89580009271061,
  21213.794301586595867, 21213.794301586595867,
  5394.1960214247511077, 5394.1960214247511077,
  687.1870074920579083, 687.1870074920579083,
  42.313330701600911252, 42.313330701600911252,
  1.0, 1.0,
  0.0, 0.0,
  1.6, 1.6,
  7.7454501427834140764e-4, 7.7454501427834140764e-4,
  0.0227238449892691845833, 0.0227238449892691845833,
  0.24178072517745061177, 0.24178072517745061177,
  1.27045825245236838258, 1.27045825245236838258,
  3.64784832476320460504, 3.64784832476320460504,
  5.7694972214606914055, 5.7694972214606914055,
  4.6303378461565452959, 4.6303378461565452959,
  1.42343711074968357734, 1.42343711074968357734,
  1.05075007164441684324e-9, 1.05075007164441684324e-9,
  5.475938084995344946e-4, 5.475938084995344946e-4,
  0.0151986665636164571966, 0.0151986665636164571966,
  0.14810397642748007459, 0.14810397642748007459,
  0.68976733498510000455, 0.68976733498510000455,
  1.6763848301838038494, 1.6763848301838038494,
  2.05319162663775882187, 2.05319162663775882187,
  5.0, 5.0,
  0.5, 0.5,
  0.425, 0.425,
]);

// @ts-ignore: decorator
@inline
function nk(k: i32): v128 { return v128.load(NK + (<usize>k << 4)); }

/** AS241's central branch on both lanes (|q| ≤ 0.425, q = p − ½). */
// @ts-ignore: decorator
@inline
function central(q: v128): v128 {
  const r = f64x2.sub(nk(0), f64x2.mul(q, q));
  let num = f64x2.add(f64x2.mul(r, nk(1)), nk(2));
  num = f64x2.add(f64x2.mul(num, r), nk(3));
  num = f64x2.add(f64x2.mul(num, r), nk(4));
  num = f64x2.add(f64x2.mul(num, r), nk(5));
  num = f64x2.add(f64x2.mul(num, r), nk(6));
  num = f64x2.add(f64x2.mul(num, r), nk(7));
  num = f64x2.add(f64x2.mul(num, r), nk(8));
  let den = f64x2.add(f64x2.mul(r, nk(9)), nk(10));
  den = f64x2.add(f64x2.mul(den, r), nk(11));
  den = f64x2.add(f64x2.mul(den, r), nk(12));
  den = f64x2.add(f64x2.mul(den, r), nk(13));
  den = f64x2.add(f64x2.mul(den, r), nk(14));
  den = f64x2.add(f64x2.mul(den, r), nk(15));
  den = f64x2.add(f64x2.mul(den, r), nk(16));
  return f64x2.div(f64x2.mul(q, num), den);
}

/** AS241's intermediate tail (r ≤ 5) on both lanes, with the sign of q; far-tail lanes by the scalar code. */
function tail(p: v128, q: v128): v128 {
  const neg = f64x2.lt(q, nk(17));
  const pm = v128.bitselect(p, f64x2.sub(nk(16), p), neg);
  const r0 = f64x2.sqrt(f64x2.neg(vlog(pm)));
  const r = f64x2.sub(r0, nk(18));
  let num = f64x2.add(f64x2.mul(r, nk(19)), nk(20));
  num = f64x2.add(f64x2.mul(num, r), nk(21));
  num = f64x2.add(f64x2.mul(num, r), nk(22));
  num = f64x2.add(f64x2.mul(num, r), nk(23));
  num = f64x2.add(f64x2.mul(num, r), nk(24));
  num = f64x2.add(f64x2.mul(num, r), nk(25));
  num = f64x2.add(f64x2.mul(num, r), nk(26));
  let den = f64x2.add(f64x2.mul(r, nk(27)), nk(28));
  den = f64x2.add(f64x2.mul(den, r), nk(29));
  den = f64x2.add(f64x2.mul(den, r), nk(30));
  den = f64x2.add(f64x2.mul(den, r), nk(31));
  den = f64x2.add(f64x2.mul(den, r), nk(32));
  den = f64x2.add(f64x2.mul(den, r), nk(33));
  den = f64x2.add(f64x2.mul(den, r), nk(16));
  const val = f64x2.div(num, den);
  let res = v128.bitselect(f64x2.neg(val), val, neg);
  const far = f64x2.gt(r0, nk(34));
  if (v128.any_true(far)) {
    if (i64x2.extract_lane(far, 0) != 0) res = f64x2.replace_lane(res, 0, normInv(f64x2.extract_lane(p, 0)));
    if (i64x2.extract_lane(far, 1) != 0) res = f64x2.replace_lane(res, 1, normInv(f64x2.extract_lane(p, 1)));
  }
  return res;
}

/** Φ⁻¹(p) on both lanes, bit-identical to `normInv` (2^-1022 ≤ min(p, 1 − p) on both lanes; see the file comment). */
// @ts-ignore: decorator
@inline
export function vNormInv(p: v128): v128 {
  const q = f64x2.sub(p, nk(35));
  const inner = f64x2.le(f64x2.abs(q), nk(36));
  if (i64x2.all_true(inner)) return central(q);
  const t = tail(p, q);
  if (!v128.any_true(inner)) return t;
  return v128.bitselect(central(q), t, inner);
}

/** Test hook: Φ⁻¹ of n values (n even) two at a time through `vNormInv` (2^-1022 ≤ min(p, 1 − p) required). */
export function normInvLanes(n: i32, input: usize, out: usize): void {
  for (let i = 0; i + 1 < n; i += 2) {
    v128.store(out + (<usize>i << 3), vNormInv(v128.load(input + (<usize>i << 3))));
  }
}
