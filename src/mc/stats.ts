/**
 * Merging Monte Carlo block partials (DESIGN §6). Each block carries raw sums (n, ΣY, ΣY², ΣC, ΣC², ΣYC,
 * and with Greeks ΣΔ, ΣΔ², ΣΓ, ΣΓ², Σvega, Σvega²); blocks are folded strictly in block order with the
 * pairwise update of Chan, Golub & LeVeque ("Updating formulae and a pairwise algorithm for computing
 * sample variances", 1979): each block becomes (n, mean, centred second moments) and is merged into the
 * running totals, which keeps the variance free of the cancellation of Σy² − n·ȳ² over huge runs.
 * The same fold, in the same order, gives the same bits whatever split the partials were computed in.
 */
import { Partial } from './slots.js';

/** Running totals of the fold. */
export interface Accumulator {
  n: number;
  /** Means of Y, C and, with Greeks, Δ, Γ, vega. */
  my: number; mc: number; md: number; mg: number; mv: number;
  /** Centred second moments Σ(y − ȳ)², Σ(c − c̄)², Σ(y − ȳ)(c − c̄), and of the Greeks. */
  syy: number; scc: number; syc: number; sdd: number; sgg: number; svv: number;
  /** QMC only (created by foldPlan): blocks folded so far and each replication's count and Σ Y. */
  qmc?: { blocks: number; n: number[]; sy: number[] };
}

export function emptyAccumulator(): Accumulator {
  return { n: 0, my: 0, mc: 0, md: 0, mg: 0, mv: 0, syy: 0, scc: 0, syc: 0, sdd: 0, sgg: 0, svv: 0 };
}

/** Folds `count` blocks of `partials` (width f64 each, starting at block `from`) into `acc`, in order. */
export function foldBlocks(acc: Accumulator, partials: Float64Array, width: number, from: number, count: number): Accumulator {
  const greeks = width > Partial.yc + 1;
  for (let b = from; b < from + count; b++) {
    const o = b * width;
    const nb = partials[o + Partial.n]!;
    if (!(nb > 0)) continue;
    const sy = partials[o + Partial.y]!;
    const sc = partials[o + Partial.c]!;
    const my = sy / nb;
    const mc = sc / nb;
    const syy = Math.max(partials[o + Partial.yy]! - sy * my, 0);
    const scc = Math.max(partials[o + Partial.cc]! - sc * mc, 0);
    const syc = partials[o + Partial.yc]! - sy * mc;
    const na = acc.n;
    const n = na + nb;
    const f = na * nb / n;
    const dy = my - acc.my;
    const dc = mc - acc.mc;
    acc.syy += syy + dy * dy * f;
    acc.scc += scc + dc * dc * f;
    acc.syc += syc + dy * dc * f;
    acc.my += dy * nb / n;
    acc.mc += dc * nb / n;
    if (greeks) {
      const sd = partials[o + Partial.d]!;
      const sg = partials[o + Partial.g]!;
      const sv = partials[o + Partial.v]!;
      const md = sd / nb, mg = sg / nb, mv = sv / nb;
      const dd = md - acc.md, dg = mg - acc.mg, dv = mv - acc.mv;
      acc.sdd += Math.max(partials[o + Partial.dd]! - sd * md, 0) + dd * dd * f;
      acc.sgg += Math.max(partials[o + Partial.gg]! - sg * mg, 0) + dg * dg * f;
      acc.svv += Math.max(partials[o + Partial.vv]! - sv * mv, 0) + dv * dv * f;
      acc.md += dd * nb / n;
      acc.mg += dg * nb / n;
      acc.mv += dv * nb / n;
    }
    acc.n = n;
  }
  return acc;
}

/** Estimate and standard error from the totals. */
export interface Estimate { price: number; standardError: number }

/**
 * The price estimate: the sample mean ȳ with SE = s/√n (s² = Σ(y − ȳ)²/(n − 1)); with a control
 * variate of known mean μ_C, the optimal coefficient β = Σ(y − ȳ)(c − c̄)/Σ(c − c̄)² estimated from the
 * same samples, estimate ȳ − β(c̄ − μ_C) and SE² = (Σ(y − ȳ)² − β·Σ(y − ȳ)(c − c̄))/((n − 2)·n)
 * (Glasserman 2004, §4.1). A "sample" is one path, or one antithetic pair's mean (case C08). n < 2 (n < 3
 * with a control variate) gives SE NaN; a constant control variate gives β = 0.
 */
export function estimate(acc: Accumulator, controlVariate: boolean, cvMean: number): Estimate {
  const n = acc.n;
  if (!controlVariate) {
    return { price: acc.my, standardError: n > 1 ? Math.sqrt(acc.syy / (n - 1) / n) : NaN };
  }
  const beta = acc.scc > 0 ? acc.syc / acc.scc : 0;
  const resid = Math.max(acc.syy - beta * acc.syc, 0);
  return { price: acc.my - beta * (acc.mc - cvMean), standardError: n > 2 ? Math.sqrt(resid / (n - 2) / n) : NaN };
}

/** Mean and SE of one Greek's samples. */
export function greekEstimate(mean: number, m2: number, n: number): Estimate {
  return { price: mean, standardError: n > 1 ? Math.sqrt(m2 / (n - 1) / n) : NaN };
}
