// Two options per iteration (f64x2) for the European batch: the same formulas as ./european.ts
// (`europeanOne`, regular case), operation for operation, so that every output is bit-identical to the
// scalar path.
//
// Sources: the formulas and their references are those of ./european.ts (Black–Scholes 1973, Merton 1973,
// Black 1976, Haug 2007 ch. 1–2, Hull ch. 19) and ./forwardMoneyness.ts (double-double x = ln(F/K) and
// s = σ√T, Dekker 1971, Knuth TAOCP §4.2.2); vector exp/log and TwoSum/TwoProduct: ../math/simd.ts
// (musl/ARM optimized-routines exp.c, log.c, as in AssemblyScript std).
//
// What is vectorised: validation, the carry (r − q)T, ln(S/K), σ√T, the discount factors, h = x/s, the
// scale √Sd·√Kd, exp(−d1²/2), Cody's Φ(±d1), Φ(±d2) of the Greeks (`vNormCdfFastExp` of ../math/normal.ts,
// region masks and blends, lane for lane the operations of the scalar `normCdfFastExp` inside `cumulatives`)
// and all the Greeks' arithmetic. What stays scalar, per lane: the normalised Black function
// (./normalisedBlack.ts, whose four regions with their series and loops do not vectorise), the in-the-money
// parity term (expm1), and `cumulatives` when a lane's price came from the Φ-difference region (it reuses
// that region's Φ values) — through the very helpers the scalar path uses (`regularPrice`, `cumulatives`).
// Constants are loaded from a table (`vk`), not splatted. Pairs with an invalid or special element (expiry 0, vol 0,
// s underflowing, |h| overflowing, S/K outside the normal range, isCall byte > 1) are left to the scalar
// path (`europeanPair` returns false before writing anything).
//
// Evaluation order: every expression below repeats the scalar one's parenthesisation (WebAssembly has no
// FMA contraction, and binaryen does not reassociate floating point), e.g. `-Sd * pdf1 * vol / (2 * sqrtT)`
// is ((−Sd·pdf1)·vol)/(2·sqrtT) in both.

import { ONE_OVER_SQRT_TWO_PI, vNormCdfFastExp } from "../math/normal";
import { vexp, vlog, vTwoSum, vTwoProd, vLo } from "../math/simd";
import { cdfRegion, cdfU, cdfV } from "./normalisedBlack";
import { regularPrice, cumulatives, cumN2, TAIL_ZERO, CDF_CENTRAL } from "./european";
import { MAX_ABS_RATE, MAX_EXPIRY, MAX_LEVEL, MAX_VOL, MIN_LEVEL } from "./limits";

/** Smallest positive normal double: below it the scalar ln(S/K) takes another branch. */
const MIN_NORMAL: f64 = 2.2250738585072014e-308;

// @ts-ignore: decorator
@inline
function splat(v: f64): v128 { return f64x2.splat(v); }

// @ts-ignore: decorator
@inline
function pair(a: f64, b: f64): v128 { return f64x2.replace_lane(f64x2.splat(a), 1, b); }

// @ts-ignore: decorator
@inline
function lane0(v: v128): f64 { return f64x2.extract_lane(v, 0); }

// @ts-ignore: decorator
@inline
function lane1(v: v128): f64 { return f64x2.extract_lane(v, 1); }

// @ts-ignore: decorator
@inline
function putv(out: usize, col: usize, colBytes: usize, offset: usize, v: v128): void {
  v128.store(out + col * colBytes + offset, v);
}

/** The vector constants of `europeanPair`, each twice (one f64x2), loaded with `vk(k)` (see ../math/simd.ts). */
// @ts-ignore: decorator
@lazy const VPAIR_CONST = memory.data<f64>([
  Infinity, Infinity,
  MIN_LEVEL, MIN_LEVEL,
  MAX_LEVEL, MAX_LEVEL,
  MAX_EXPIRY, MAX_EXPIRY,
  MAX_VOL, MAX_VOL,
  MAX_ABS_RATE, MAX_ABS_RATE,
  MIN_NORMAL, MIN_NORMAL,
  1e-280, 1e-280,
  2.0, 2.0,
  0.5, 0.5,
  TAIL_ZERO, TAIL_ZERO,
  -0.5, -0.5,
  CDF_CENTRAL, CDF_CENTRAL,
  1e-290, 1e-290,
  1.0, 1.0,
  ONE_OVER_SQRT_TWO_PI, ONE_OVER_SQRT_TWO_PI,
]);

// @ts-ignore: decorator
@inline
function vk(k: i32): v128 { return v128.load(VPAIR_CONST + (<usize>k << 4)); }

/**
 * Elements i and i + 1 of a European batch (layout of `europeanBatch` in ./batch.ts: f64 columns, 9 output
 * columns of colBytes bytes). c0, c1: their isCall bytes (each 0 or 1, checked by the caller). b76: Black-76
 * (underlyings are forwards, q = r, no carry). Returns true when both were computed (outputs written,
 * status OK for both, to be stored by the caller); false, with nothing written, when either element
 * needs the scalar path.
 */
export function europeanPair(
  b76: bool, greeks: i32, c0: u32, c1: u32, i: i32, underlyings: usize, strikes: usize, expiries: usize,
  vols: usize, rates: usize, dividendYields: usize, out: usize, colBytes: usize,
): bool {
  const o = <usize>i << 3;
  const S = v128.load(underlyings + o);
  const K = v128.load(strikes + o);
  const T = v128.load(expiries + o);
  const vol = v128.load(vols + o);
  const r = v128.load(rates + o);
  const q = b76 ? r : v128.load(dividendYields + o);
  const zero = splat(0.0);
  const inf = vk(0);

  // validation (batch rules, a subset: any element the batch rejects fails here too) and the regular
  // case's preconditions T > 0, vol > 0, in vector form
  const minLevel = vk(1);
  const maxLevel = vk(2);
  let ok = v128.and(f64x2.ge(S, minLevel), f64x2.le(S, maxLevel));
  ok = v128.and(ok, v128.and(f64x2.ge(K, minLevel), f64x2.le(K, maxLevel)));
  ok = v128.and(ok, v128.and(f64x2.gt(T, zero), f64x2.le(T, vk(3))));
  ok = v128.and(ok, v128.and(f64x2.gt(vol, zero), f64x2.le(vol, vk(4))));
  const maxRate = vk(5);
  ok = v128.and(ok, v128.and(f64x2.le(f64x2.abs(r), maxRate), f64x2.le(f64x2.abs(q), maxRate)));
  const rho = f64x2.div(S, K);
  ok = v128.and(ok, v128.and(f64x2.ge(rho, vk(6)), f64x2.lt(rho, inf)));
  // absurdly small T·σ√T or S·σ√T (below 1e-280), where the 1/T and 1/(S·σ√T) terms may overflow, go
  // to the scalar path, which turns a non-finite Greek into NaN + DEGENERATE
  const volSqrtT = f64x2.mul(vol, f64x2.sqrt(T));
  ok = v128.and(ok, f64x2.ge(f64x2.mul(f64x2.min(T, S), volSqrtT), vk(7)));
  if (!i64x2.all_true(ok)) return false;

  // carry (r − q)·T in double-double (forwardMoneyness.carryTimesT); Black-76: 0
  let cTh = zero;
  let cTl = zero;
  if (!b76) {
    const bh = vTwoSum(r, f64x2.neg(q));
    const bl = vLo;
    const p = vTwoProd(bh, T);
    const pl = f64x2.add(vLo, f64x2.mul(bl, T));
    cTh = f64x2.add(p, pl);
    cTl = f64x2.sub(pl, f64x2.sub(cTh, p));
  }
  // x = ln(S/K) + cT in double-double (forwardMoneyness.logMoneyness, normal-range branch)
  const lh = vlog(rho);
  const pr = vTwoProd(rho, K);
  const ll = f64x2.div(f64x2.sub(f64x2.sub(S, pr), vLo), S);
  const xs = vTwoSum(lh, cTh);
  const xlo = f64x2.add(f64x2.add(vLo, ll), cTl);
  const xh = f64x2.add(xs, xlo);
  const xl = f64x2.sub(xlo, f64x2.sub(xh, xs));
  // s = σ√T in double-double (forwardMoneyness.totalVol; sqrtT > 0 here)
  const sqrtT = f64x2.sqrt(T);
  const sq = vTwoProd(sqrtT, sqrtT);
  const sqrtTLo = f64x2.div(f64x2.sub(f64x2.sub(T, sq), vLo), f64x2.mul(vk(8), sqrtT));
  const ps = vTwoProd(vol, sqrtT);
  const pls = f64x2.add(vLo, f64x2.mul(vol, sqrtTLo));
  const sh = f64x2.add(ps, pls);
  const sl = f64x2.sub(pls, f64x2.sub(sh, ps));
  // h = x/s in double-double (normalisedBlack.ratioDD)
  const hh = f64x2.div(xh, sh);
  const ph = vTwoProd(hh, sh);
  const hl = f64x2.div(
    f64x2.sub(f64x2.add(f64x2.sub(f64x2.sub(xh, ph), vLo), xl), f64x2.mul(hh, sl)), sh);
  if (!i64x2.all_true(v128.and(f64x2.gt(sh, zero), f64x2.lt(f64x2.abs(hh), inf)))) return false;

  const dfr = vexp(f64x2.mul(f64x2.neg(r), T));
  const dfq = b76 ? dfr : vexp(f64x2.mul(f64x2.neg(q), T));
  const Sd = f64x2.mul(S, dfq);
  const Kd = f64x2.mul(K, dfr);
  const half = vk(9);
  const th = f64x2.mul(half, sh);
  const tl = f64x2.mul(half, sl);
  const scale = f64x2.mul(f64x2.sqrt(Sd), f64x2.sqrt(Kd));

  // the normalised Black function, per lane (scalar code of european.ts)
  const call0 = c0 == 1;
  const call1 = c1 == 1;
  const xh0 = lane0(xh);
  const xh1 = lane1(xh);
  const Sd0 = lane0(Sd);
  const Sd1 = lane1(Sd);
  const Kd0 = lane0(Kd);
  const Kd1 = lane1(Kd);
  const price0 = regularPrice(call0, xh0, lane0(xl), lane0(hh), lane0(hl), lane0(th), lane0(tl), Sd0, Kd0, lane0(scale));
  const reg0 = cdfRegion;
  const u0 = cdfU;
  const v0 = cdfV;
  const price1 = regularPrice(call1, xh1, lane1(xl), lane1(hh), lane1(hl), lane1(th), lane1(tl), Sd1, Kd1, lane1(scale));
  const price = pair(price0, price1);
  putv(out, 0, colBytes, o, price);
  if (greeks <= 0) return true;

  const d1 = f64x2.add(hh, th);
  const d2 = f64x2.sub(hh, th);
  // e1 = exp(−d1²/2), 0 beyond |d1| = 38.5 (those lanes get a harmless argument)
  const far = f64x2.gt(f64x2.abs(d1), vk(10));
  const arg = v128.bitselect(zero, f64x2.mul(f64x2.mul(vk(11), d1), d1), far);
  const e1 = v128.bitselect(zero, vexp(arg), far);
  const w = pair(call0 ? 1.0 : -1.0, call1 ? 1.0 : -1.0);
  let n1: v128, n2: v128;
  if (!reg0 && !cdfRegion) {
    // `cumulatives` outside the Φ-difference region, both lanes at once (same operations per lane)
    n1 = vNormCdfFastExp(f64x2.mul(w, d1), e1);
    const ad2 = f64x2.abs(d2);
    const need = v128.and(f64x2.gt(ad2, vk(12)), f64x2.le(ad2, vk(10)));
    let e2 = v128.and(f64x2.mul(e1, f64x2.div(Sd, Kd)), f64x2.gt(e1, vk(13)));
    const bad = v128.andnot(need, v128.and(f64x2.gt(e2, zero), f64x2.le(e2, vk(14))));
    if (v128.any_true(bad)) {
      if (i64x2.extract_lane(bad, 0) != 0) {
        const d = lane0(d2);
        e2 = f64x2.replace_lane(e2, 0, Math.exp(-0.5 * d * d));
      }
      if (i64x2.extract_lane(bad, 1) != 0) {
        const d = lane1(d2);
        e2 = f64x2.replace_lane(e2, 1, Math.exp(-0.5 * d * d));
      }
    }
    n2 = vNormCdfFastExp(f64x2.mul(w, d2), e2);
  } else {
    const n10 = cumulatives(call0, xh0, reg0, u0, v0, lane0(d1), lane0(d2), lane0(e1), Sd0, Kd0);
    const n20 = cumN2;
    const n11 = cumulatives(call1, xh1, cdfRegion, cdfU, cdfV, lane1(d1), lane1(d2), lane1(e1), Sd1, Kd1);
    n1 = pair(n10, n11);
    n2 = pair(n20, cumN2);
  }

  const pdf1 = f64x2.mul(vk(15), e1);
  const pos = f64x2.gt(pdf1, zero);
  const delta = f64x2.mul(f64x2.mul(w, dfq), n1);
  const gamma = v128.and(f64x2.div(f64x2.mul(dfq, pdf1), f64x2.mul(S, sh)), pos);
  const vega = v128.and(f64x2.mul(f64x2.mul(Sd, pdf1), sqrtT), pos);
  const thetaVol = v128.and(
    f64x2.div(f64x2.mul(f64x2.mul(f64x2.neg(Sd), pdf1), vol), f64x2.mul(vk(8), sqrtT)), pos);
  const theta = f64x2.add(
    f64x2.sub(thetaVol, f64x2.mul(f64x2.mul(f64x2.mul(w, r), Kd), n2)),
    f64x2.mul(f64x2.mul(f64x2.mul(w, q), Sd), n1));
  const rhoG = b76 ? f64x2.mul(f64x2.neg(T), price) : f64x2.mul(f64x2.mul(f64x2.mul(w, Kd), T), n2);
  putv(out, 1, colBytes, o, delta);
  putv(out, 2, colBytes, o, gamma);
  putv(out, 3, colBytes, o, vega);
  putv(out, 4, colBytes, o, theta);
  putv(out, 5, colBytes, o, rhoG);
  if (greeks == 1) return true;

  const d2v = f64x2.div(d2, vol);
  const vanna = v128.and(f64x2.mul(f64x2.mul(f64x2.neg(dfq), pdf1), d2v), pos);
  const volga = v128.and(f64x2.mul(f64x2.mul(vega, d1), d2v), pos);
  const two = vk(8);
  const cs1 = vTwoSum(f64x2.mul(two, cTh), f64x2.neg(xh));
  const c1l = f64x2.add(vLo, f64x2.sub(f64x2.mul(two, cTl), xl));
  const s2 = vTwoProd(sh, sh);
  const s2l = f64x2.add(vLo, f64x2.mul(f64x2.mul(two, sh), sl));
  const num = f64x2.add(f64x2.add(cs1, f64x2.mul(half, s2)), f64x2.add(c1l, f64x2.mul(half, s2l)));
  const charmVol = v128.and(
    f64x2.mul(f64x2.mul(f64x2.neg(dfq), pdf1), f64x2.div(num, f64x2.mul(f64x2.mul(two, T), sh))), pos);
  const charm = f64x2.add(f64x2.mul(f64x2.mul(f64x2.mul(w, q), dfq), n1), charmVol);
  putv(out, 6, colBytes, o, vanna);
  putv(out, 7, colBytes, o, volga);
  putv(out, 8, colBytes, o, charm);
  return true;
}
