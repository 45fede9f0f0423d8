// Poisson counts by inversion and the Merton (1976) jump step built on them, shared by the Monte Carlo
// kernel (../mc/kernel.ts), the hedging kernel (../hedge/kernel.ts) and the cascade paths
// (../lending/cascadePaths.ts). One rule, one draw order, so a jump step gives the same bits everywhere.
//
// Inversion (Devroye 1986, "Non-Uniform Random Variate Generation", §X.3.3, sequential search): the
// smallest n with F(n) = Σ_{k ≤ n} e^{−μ}μ^k/k! ≥ u, the terms built by p_k = p_{k−1}·μ/k. One uniform per
// count, monotone in u, no rejection: the stream's draw d ↔ dimension d mapping stays fixed (./stream.ts).

import { nextNormal, nextUniform } from "./stream";

/**
 * Poisson(μ) by inversion of the uniform u in (0, 1); p0 = e^{−μ} (passed in so callers compute it once).
 * Capped at 10000 jumps; stops early when the terms underflowed past the mode (u within rounding of 1).
 */
export function poissonInv(u: f64, p0: f64, mu: f64): i32 {
  let n: i32 = 0;
  let p = p0;
  let f = p0;
  while (u > f && n < 10000) {
    n++;
    p *= mu / <f64>n;
    f += p;
    if (p == 0.0 && <f64>n > mu) break; // the tail underflowed: u is within rounding of 1
  }
  return n;
}

/**
 * The log-jump of one Merton step from the current stream (./stream.ts): draws u, then z', in that order;
 * N = poissonInv(u, p0, mu) with mu = λΔt and p0 = e^{−λΔt}; returns N·jumpMean + √N·jumpVol·z'
 * (the sum of N normal log-jumps, N(N·m, N·s²)), exactly 0.0 when N = 0.
 */
export function mertonJump(p0: f64, mu: f64, jumpMean: f64, jumpVol: f64): f64 {
  const u = nextUniform();
  const zj = nextNormal();
  const n = poissonInv(u, p0, mu);
  return n == 0 ? 0.0 : <f64>n * jumpMean + Math.sqrt(<f64>n) * jumpVol * zj;
}
