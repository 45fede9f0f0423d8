/**
 * Per-bar terms of the realised-variance estimators. Bar i ≥ 1 (0-based) with open O, high H, low L,
 * close C and the previous close C₋ gives term j = i − 1; bar 0 only supplies the first previous close.
 *
 * - close-to-close and EWMA: r = ln(C/C₋);
 * - Parkinson (1980, J. Business 53(1) 61–65, eq. for σ² from the range): ln(H/L)² / (4 ln 2);
 * - Garman–Klass (1980, J. Business 53(1) 67–78, the usual simplified form of their minimum-variance estimator, without the opening jump):
 *   ½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)²;
 * - Rogers–Satchell (1991, Ann. Appl. Probab. 1(4) 504–512): ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O);
 * - Yang–Zhang (2000, J. Business 73(3) 477–491): overnight ln(O/C₋) and open-to-close ln(C/O),
 *   combined with the Rogers–Satchell term.
 * With consistent bars (L ≤ O, C ≤ H) the Parkinson, Garman–Klass and Rogers–Satchell terms are ≥ 0.
 */
import type { CheckedCandles } from './validate.js';

const FOUR_LN2 = 4 * Math.LN2;
const GK_C = 2 * Math.LN2 - 1;

/** Log close-to-close returns r_j = ln(C_{j+1}/C_j), length n − 1. */
export function logReturns(close: Float64Array): Float64Array {
  const m = close.length - 1;
  const r = new Float64Array(Math.max(m, 0));
  for (let j = 0; j < m; j++) r[j] = Math.log(close[j + 1]! / close[j]!);
  return r;
}

/** Parkinson terms ln(H/L)²/(4 ln 2) for bars 1…n−1. */
export function parkinsonTerms(c: CheckedCandles): Float64Array {
  const high = c.high!, low = c.low!;
  const out = new Float64Array(c.n - 1);
  for (let j = 0; j < out.length; j++) {
    const hl = Math.log(high[j + 1]! / low[j + 1]!);
    out[j] = (hl * hl) / FOUR_LN2;
  }
  return out;
}

/** Garman–Klass terms ½ ln(H/L)² − (2 ln 2 − 1) ln(C/O)² for bars 1…n−1. */
export function garmanKlassTerms(c: CheckedCandles): Float64Array {
  const open = c.open!, high = c.high!, low = c.low!, close = c.close;
  const out = new Float64Array(c.n - 1);
  for (let j = 0; j < out.length; j++) {
    const i = j + 1;
    const hl = Math.log(high[i]! / low[i]!);
    const co = Math.log(close[i]! / open[i]!);
    out[j] = 0.5 * hl * hl - GK_C * co * co;
  }
  return out;
}

/** Rogers–Satchell terms ln(H/C)·ln(H/O) + ln(L/C)·ln(L/O) for bars 1…n−1. */
export function rogersSatchellTerms(c: CheckedCandles): Float64Array {
  const open = c.open!, high = c.high!, low = c.low!, close = c.close;
  const out = new Float64Array(c.n - 1);
  for (let j = 0; j < out.length; j++) {
    const i = j + 1;
    out[j] = Math.log(high[i]! / close[i]!) * Math.log(high[i]! / open[i]!)
      + Math.log(low[i]! / close[i]!) * Math.log(low[i]! / open[i]!);
  }
  return out;
}

/** Overnight (ln O/C₋) and open-to-close (ln C/O) log returns for bars 1…n−1 (Yang–Zhang). */
export function overnightAndIntraday(c: CheckedCandles): { overnight: Float64Array; intraday: Float64Array } {
  const open = c.open!, close = c.close;
  const m = c.n - 1;
  const overnight = new Float64Array(m);
  const intraday = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    overnight[j] = Math.log(open[j + 1]! / close[j]!);
    intraday[j] = Math.log(close[j + 1]! / open[j + 1]!);
  }
  return { overnight, intraday };
}

/** Yang–Zhang weight k = 0.34 / (1.34 + (n + 1)/(n − 1)) for n returns (their eq. 10 with α = 1.34). */
export function yangZhangK(n: number): number {
  return 0.34 / (1.34 + (n + 1) / (n - 1));
}
