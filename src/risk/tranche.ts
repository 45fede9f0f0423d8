/**
 * Risk tranching of a pool's loss distribution and the premium for cover (issue #6 §4).
 *
 * A tranche [attachment a, detachment d] (fractions of the pool) absorbs the part of the pool loss fraction ℓ
 * between a and d: TL(ℓ) = min(max(ℓ − a, 0), d − a) (the standard tranche loss, e.g. Hull & White,
 * "Valuation of a CDO and an n-th to default CDS without Monte Carlo simulation", J. Derivatives 12(2), 2004).
 * Tranches that partition [0, 1] split every scenario's loss exactly: Σ TL_k(ℓ) = ℓ, so their expected
 * losses sum to the pool's.
 */
import { checkFraction, checkObject, checkPositive, fail } from '../options/validate.js';
import { checkColumn } from '../options/columns.js';

/** A tranche by attachment and detachment points, fractions of the pool in [0, 1], attachment < detachment. */
export interface TrancheSpec {
  name: string;
  attachment: number;
  detachment: number;
}

/** Input of {@link trancheLosses}. */
export interface TrancheLossesInput {
  /** Pool losses in USD per scenario (≥ 0), e.g. the bad debt per path of `cascadeMonteCarlo`, or a distribution's support. */
  losses: ArrayLike<number>;
  /** Probability of each loss (≥ 0, normalised to sum to 1); default equal weights (a sample). */
  weights?: ArrayLike<number>;
  /** Pool notional in USD, > 0; pool loss fractions are losses / poolSize, capped at 1. */
  poolSize: number;
  tranches: TrancheSpec[];
  /** Horizon of the loss distribution in years (default 1), for the annual fair spread. */
  horizonYears?: number;
}

/** Per-tranche results. */
export interface TrancheResult extends TrancheSpec {
  /** (detachment − attachment)·poolSize. */
  notionalUsd: number;
  /** E[TL]·poolSize. */
  expectedLossUsd: number;
  /** E[TL]/(detachment − attachment): expected loss as a fraction of the tranche notional. */
  expectedLoss: number;
  /** P(ℓ > attachment): the tranche loses something. */
  probabilityOfImpairment: number;
  /** P(ℓ ≥ detachment): the tranche is wiped out. */
  probabilityOfExhaustion: number;
  /** expectedLoss / horizonYears: annual premium per unit of tranche notional (decimal; ×10⁴ for bps). */
  fairSpread: number;
}

/** Result of {@link trancheLosses}. */
export interface TrancheLosses {
  pool: {
    /** E[min(L, poolSize)] in USD. */
    expectedLossUsd: number;
    /** expectedLossUsd / poolSize. */
    expectedLoss: number;
    /** E[L] in USD without the cap (the part above poolSize is borne by nobody in the structure). */
    uncappedExpectedLossUsd: number;
    probabilityOfLoss: number;
  };
  tranches: TrancheResult[];
  /** True when the tranches partition [0, 1] (sorted, contiguous, from 0 to 1). */
  coversPool: boolean;
}

interface Sample { x: Float64Array; w: Float64Array | undefined }

function checkSample(o: Record<string, unknown>): Sample {
  const x = checkColumn('losses', o.losses);
  if (x.length === 0) fail('losses', o.losses, 'non-empty', 'must not be empty');
  for (let i = 0; i < x.length; i++) if (x[i]! < 0) fail(`losses[${i}]`, x[i], '>= 0', 'must be >= 0 (a loss in USD)');
  if (o.weights === undefined) return { x, w: undefined };
  const w = checkColumn('weights', o.weights);
  if (w.length !== x.length) fail('weights.length', w.length, `= losses.length (${x.length})`, `must equal losses.length (${x.length})`);
  let s = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i]! < 0) fail(`weights[${i}]`, w[i], '>= 0', 'must be >= 0');
    s += w[i]!;
  }
  if (!(s > 0) || !Number.isFinite(s)) fail('weights', o.weights, 'sum > 0', `must have a positive finite sum (got ${s})`);
  for (let i = 0; i < w.length; i++) w[i] = w[i]! / s;
  return { x, w };
}

/** E[f(X)] under the sample: Σ wᵢ f(xᵢ), or the mean with equal weights. */
function expect(s: Sample, f: (x: number) => number): number {
  let sum = 0;
  const n = s.x.length;
  if (s.w === undefined) {
    for (let i = 0; i < n; i++) sum += f(s.x[i]!);
    return sum / n;
  }
  for (let i = 0; i < n; i++) sum += s.w[i]! * f(s.x[i]!);
  return sum;
}

/**
 * Expected loss, probability of impairment and fair spread per tranche of a pool's loss distribution.
 * Fair spread convention: zero interest rates, premium paid on the tranche's initial notional over the horizon,
 * so premium = protection ⇔ spread·horizonYears = expected loss fraction (the zero-rate, no-amortisation case of
 * the premium-leg = protection-leg equation of Hull & White 2004); spread = expectedLoss / horizonYears.
 * @param input {@link TrancheLossesInput}.
 * @returns {@link TrancheLosses}; with tranches partitioning [0, 1] the tranche expected losses sum to the pool's.
 * @throws InvalidInputError naming the field and value: empty losses, a negative or non-finite loss, bad weights,
 *   poolSize ≤ 0, no tranches, attachment/detachment outside [0, 1] or attachment ≥ detachment, overlapping
 *   tranches, a missing name, horizonYears ≤ 0.
 */
export function trancheLosses(input: TrancheLossesInput): TrancheLosses {
  const o = checkObject('input', input);
  const s = checkSample(o);
  const poolSize = checkPositive('poolSize', o.poolSize);
  const horizon = o.horizonYears === undefined ? 1 : checkPositive('horizonYears', o.horizonYears);
  if (!Array.isArray(o.tranches) || o.tranches.length === 0) fail('tranches', o.tranches, 'non-empty array', 'must be a non-empty array of { name, attachment, detachment }');
  const specs = (o.tranches as unknown[]).map((t, k) => {
    const to = checkObject(`tranches[${k}]`, t);
    if (typeof to.name !== 'string' || to.name === '') fail(`tranches[${k}].name`, to.name, 'string', 'must be a non-empty string');
    const a = checkFraction(`tranches[${k}].attachment`, to.attachment);
    const d = checkFraction(`tranches[${k}].detachment`, to.detachment);
    if (!(a < d)) fail(`tranches[${k}].detachment`, d, `> attachment (${a})`, `must be > attachment (${a})`);
    return { name: to.name, attachment: a, detachment: d };
  });
  const sorted = [...specs].sort((p, q) => p.attachment - q.attachment);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.attachment < sorted[k - 1]!.detachment) {
      const i = specs.indexOf(sorted[k]!);
      fail(`tranches[${i}].attachment`, sorted[k]!.attachment, `>= ${sorted[k - 1]!.detachment}`, `overlaps tranche ${sorted[k - 1]!.name} (detachment ${sorted[k - 1]!.detachment})`);
    }
  }
  let coversPool = sorted[0]!.attachment === 0 && sorted[sorted.length - 1]!.detachment === 1;
  for (let k = 1; k < sorted.length; k++) if (sorted[k]!.attachment !== sorted[k - 1]!.detachment) coversPool = false;
  const frac = (x: number): number => Math.min(x / poolSize, 1);
  const poolEl = expect(s, frac);
  const tranches = specs.map((t) => {
    const width = t.detachment - t.attachment;
    const el = expect(s, (x) => Math.min(Math.max(frac(x) - t.attachment, 0), width));
    const expectedLoss = el / width;
    return {
      ...t,
      notionalUsd: width * poolSize,
      expectedLossUsd: el * poolSize,
      expectedLoss,
      probabilityOfImpairment: expect(s, (x) => (frac(x) > t.attachment ? 1 : 0)),
      probabilityOfExhaustion: expect(s, (x) => (frac(x) >= t.detachment ? 1 : 0)),
      fairSpread: expectedLoss / horizon,
    };
  });
  return {
    pool: {
      expectedLossUsd: poolEl * poolSize, expectedLoss: poolEl, uncappedExpectedLossUsd: expect(s, (x) => x),
      probabilityOfLoss: expect(s, (x) => (x > 0 ? 1 : 0)),
    },
    tranches, coversPool,
  };
}

/** Input of {@link coverPremium}. */
export interface CoverPremiumInput {
  /** Losses in USD per scenario (≥ 0), e.g. protocol bad debt per cascade path. */
  losses: ArrayLike<number>;
  weights?: ArrayLike<number>;
  /** Risk loading θ ≥ 0 (0.25 = 25% for the expected-value principle; SDs for the standard-deviation principle). */
  riskLoading: number;
  /** 'expected-value' (default): (1 + θ)·E[X]; 'standard-deviation': E[X] + θ·SD[X]. */
  principle?: 'expected-value' | 'standard-deviation';
  /** The cover pays X = min(max(L − deductibleUsd, 0), limitUsd); defaults 0 and +∞ (the whole loss). */
  deductibleUsd?: number;
  limitUsd?: number;
}

/** Result of {@link coverPremium}. */
export interface CoverPremium {
  principle: 'expected-value' | 'standard-deviation';
  riskLoading: number;
  /** E[X], USD. */
  expectedLossUsd: number;
  /** SD[X] (of the distribution itself: Σ wᵢ (xᵢ − E)², no n − 1 correction), USD. */
  sdLossUsd: number;
  /** The premium in USD for the distribution's horizon. */
  premiumUsd: number;
}

/**
 * Premium for cover on a loss distribution by a named actuarial premium principle: the expected-value
 * principle π = (1 + θ)·E[X] or the standard-deviation principle π = E[X] + θ·SD[X] (R. Kaas, M. Goovaerts,
 * J. Dhaene, M. Denuit, Modern Actuarial Risk Theory, 2nd ed. 2008, §5.2), X the covered part of the loss.
 * @throws InvalidInputError naming the field and value: bad losses or weights, riskLoading < 0 or not finite, an
 *   unknown principle, a negative deductible, a limit ≤ 0.
 */
export function coverPremium(input: CoverPremiumInput): CoverPremium {
  const o = checkObject('input', input);
  const s = checkSample(o);
  const theta = o.riskLoading;
  if (typeof theta !== 'number' || !Number.isFinite(theta) || theta < 0) fail('riskLoading', theta, '>= 0', 'must be a finite number >= 0');
  const principle = o.principle ?? 'expected-value';
  if (principle !== 'expected-value' && principle !== 'standard-deviation') fail('principle', principle, "'expected-value' | 'standard-deviation'", "must be 'expected-value' or 'standard-deviation'");
  const ded = o.deductibleUsd ?? 0;
  if (typeof ded !== 'number' || !Number.isFinite(ded) || ded < 0) fail('deductibleUsd', ded, '>= 0', 'must be a finite number >= 0');
  const limit = o.limitUsd ?? Infinity;
  if (typeof limit !== 'number' || Number.isNaN(limit) || !(limit > 0)) fail('limitUsd', limit, '> 0', 'must be > 0 (or omitted for no limit)');
  const cover = (x: number): number => Math.min(Math.max(x - ded, 0), limit);
  const mean = expect(s, cover);
  const sd = Math.sqrt(expect(s, (x) => (cover(x) - mean) ** 2));
  const premiumUsd = principle === 'expected-value' ? (1 + theta) * mean : mean + theta * sd;
  return { principle, riskLoading: theta, expectedLossUsd: mean, sdLossUsd: sd, premiumUsd };
}
