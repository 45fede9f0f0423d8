/**
 * Shapes of the Monte Carlo facade (issue #4 §4; units as DESIGN §4: prices in the quote currency,
 * times in years, vols/rates/yields as continuously compounded decimals).
 */
import type { OptionType } from '../options/types.js';

/** Geometric Brownian motion: dS/S = (rate − dividendYield)dt + vol·dW. */
export interface GbmModel {
  type: 'gbm';
  spot: number;
  vol: number;
  rate?: number;
  dividendYield?: number;
}

/**
 * Merton (1976) jump diffusion: GBM plus Poisson jumps with `jumpIntensity` jumps per year and
 * log(1 + J) ~ N(jumpMean, jumpVol²); the drift is compensated so that S·e^{−(r−q)t} is a martingale.
 */
export interface MertonModel {
  type: 'merton';
  spot: number;
  vol: number;
  jumpIntensity: number;
  jumpMean: number;
  jumpVol: number;
  rate?: number;
  dividendYield?: number;
}

/**
 * Heston (1993): dv = kappa(theta − v)dt + volOfVol·√v·dW_v, corr(dW_S, dW_v) = rho; `v0` and `theta`
 * are variances (vol²), `theta` the long-run variance (not a Greek here).
 */
export interface HestonModel {
  type: 'heston';
  spot: number;
  v0: number;
  kappa: number;
  theta: number;
  volOfVol: number;
  rho: number;
  rate?: number;
  dividendYield?: number;
}

export type McModel = GbmModel | MertonModel | HestonModel;

/**
 * Fixing (averaging / monitoring) dates: n → n equally spaced times T/n, 2T/n, …, T (t = 0 excluded);
 * or the times themselves in years, strictly increasing, in (0, T].
 */
export type Fixings = number | readonly number[] | Float64Array;

export interface EuropeanPayoff { type: 'european'; optionType: OptionType; strike: number }
/** Cash-or-nothing: pays `cash` at expiry if S_T > K (call) or S_T < K (put). */
export interface DigitalPayoff { type: 'digital'; optionType: OptionType; strike: number; cash: number }
/** Average-price Asian: max(±(A − K), 0), A the arithmetic or geometric average over `fixings`. */
export interface AsianPayoff {
  type: 'asian';
  average: 'arithmetic' | 'geometric';
  optionType: OptionType;
  strike: number;
  fixings: Fixings;
}
/**
 * Single barrier on a vanilla payoff. `monitoring: 'discrete'` checks S ≥ H (up) / S ≤ H (down) at the
 * `fixings` (default: every simulation time); `'continuous'` uses the Brownian-bridge crossing
 * probability between simulation times (exact for GBM). `rebate` (default 0) is paid at expiry
 * T and discounted from T: by a knock-out when knocked out, by a knock-in when never knocked in. Note that
 * the closed-form `barrierOption` pays a knock-out's rebate at the hit instead, so the two differ by the
 * discounting between the hit and expiry when rate ≠ 0 (compare with rate 0, or a zero rebate).
 */
export interface BarrierPayoff {
  type: 'barrier';
  optionType: OptionType;
  strike: number;
  barrier: number;
  direction: 'up' | 'down';
  knock: 'in' | 'out';
  rebate?: number;
  monitoring: 'continuous' | 'discrete';
  fixings?: Fixings;
}
/**
 * Discretely monitored lookback over S_0 and the `fixings` (default: every simulation time; then
 * `steps` is required). Fixed strike: max(M − K, 0) (call), max(K − m, 0) (put); floating: S_T − m
 * (call), M − S_T (put), with M, m the maximum and minimum.
 */
export interface LookbackPayoff {
  type: 'lookback';
  strikeType: 'fixed' | 'floating';
  optionType: OptionType;
  strike?: number;
  fixings?: Fixings;
}

export type McPayoff = EuropeanPayoff | DigitalPayoff | AsianPayoff | BarrierPayoff | LookbackPayoff;

/** What `monteCarlo` simulates. */
export interface MonteCarloSpec {
  model: McModel;
  payoff: McPayoff;
  expiryYears: number;
  /**
   * Number of simulated paths (with antithetics: both paths of each pair count; must be even), up to 1e9,
   * enough for a standard error: >= 2 samples (antithetic: 2 pairs), >= 3 with a control variate.
   */
  paths: number;
  /**
   * Equal time steps T/steps (1 … 100,000); the simulation grid is their union with the payoff's fixings.
   * Default: 1 (GBM and Merton steps are exact), Heston ⌈252·T⌉.
   */
  steps?: number;
  /** A non-negative safe integer, a bigint < 2^64, or its decimal string. 0 is valid. */
  seed: number | bigint | string;
  antithetic?: boolean;
  /**
   * Control variate with the optimal coefficient estimated from the same run: the discounted geometric-
   * Asian payoff (closed-form mean) for an arithmetic Asian under GBM, else the discounted terminal price
   * (mean S·e^{−qT}).
   */
  controlVariate?: boolean;
  /** Sobol quasi-random numbers: not available yet (must be false or absent). */
  quasiRandom?: boolean;
  /**
   * With quasiRandom: independent randomised replications R (2 … 1024, default 16; paths must be a multiple
   * of R, each replication being paths / R shifted Sobol' points). The standard error is that of the R
   * replication means.
   */
  replications?: number;
  /** Delta, gamma and vega with standard errors (GBM and Merton). */
  greeks?: boolean;
  /** Two-sided confidence level of `confidenceInterval`, in (0, 1); default 0.95. */
  confidence?: number;
  /**
   * Paths per block: a power of two, 2^6 … 2^20, with blockSize × (simulation times, Heston: internal
   * sub-steps; ×5 for barrier Greeks) <= 2^20 path-steps so that one kernel call stays short (abort and
   * progress are checked between calls). Default: 4096, halved until it fits (down to 1). Part of the manifest.
   */
  blockSize?: number;
}

/** Progress report after each group of blocks. */
export interface McProgress {
  /** Fraction of blocks done, in (0, 1]. */
  fraction: number;
  /** Running estimate and its standard error over the blocks done. */
  price: number;
  standardError: number;
}

export interface MonteCarloOptions {
  /**
   * Run on a temporary worker pool of this many workers (created and closed by the call); omitted
   * or 1: this thread. The result is bit-identical either way. For repeated runs keep a pool from
   * `createPool` instead.
   */
  workers?: number;
  /** Called after each kernel call (at least every ~50 ms of work). Must be a function. */
  onProgress?: (progress: McProgress) => void;
  /** Must be an AbortSignal; checked between kernel calls. */
  signal?: AbortSignal;
}

/** Greeks by Monte Carlo (per 1 unit of spot, per unit², per 1.00 of vol) with their standard errors. */
export interface McGreeks {
  delta: number;
  gamma: number;
  vega: number;
  standardError: { delta: number; gamma: number; vega: number };
  /** How each was estimated: 'pathwise', 'likelihood-ratio', 'lr-pathwise', 'crn-bump'. */
  method: { delta: string; gamma: string; vega: string };
}

/** Everything that determines a run's bits; `hash` is FNV-1a 64 of its canonical JSON (sorted keys). */
export interface McManifest {
  version: string;
  model: McModel;
  payoff: McPayoff;
  expiryYears: number;
  paths: number;
  steps: number;
  seed: number | string;
  antithetic: boolean;
  controlVariate: boolean;
  quasiRandom: boolean;
  /** QMC replications R (present only with quasiRandom: true). */
  replications?: number;
  /** Greeks requested (part of the hash only when true). */
  greeks: boolean;
  /** Confidence level of the interval (part of the hash only when not 0.95). */
  confidence: number;
  blockSize: number;
  blocks: number;
  hash: string;
}

export interface McResult {
  price: number;
  standardError: number;
  confidenceInterval: [number, number];
  /** Simulated paths (antithetic pairs count twice). */
  paths: number;
  greeks?: McGreeks;
  manifest: McManifest;
}
