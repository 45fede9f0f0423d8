/**
 * Shapes of the probability-of-liquidation facade (issue #5 §4). Units as DESIGN §4: horizon in years,
 * vol, drift, rates and yields as continuously compounded annual decimals, values in the quote currency.
 */
import type { McManifest } from '../mc/types.js';

/** The loan's state: its health factor, or the values it comes from (exactly one of the two forms). */
export type LiquidationProbabilityLoan =
  | {
    /** Health factor HF0 = collateral value × liquidation threshold / debt value; +Infinity for no debt. */
    healthFactor: number;
    /** Optional liquidation threshold (fraction, (0, 1]): with it the result also carries `ltv` and `sensitivityToLtv`. */
    liquidationThreshold?: number;
    collateralValue?: undefined;
    debtValue?: undefined;
  }
  | {
    healthFactor?: undefined;
    /** Collateral value (> 0, quote currency). */
    collateralValue: number;
    /** Debt value (≥ 0, same currency; 0 means no debt: HF = +∞). */
    debtValue: number;
    /** Liquidation threshold (fraction in (0, 1], e.g. 0.83). */
    liquidationThreshold: number;
  };

/** The market model shared by the closed form and the Monte Carlo. */
export interface LiquidationProbabilityModel {
  /** Annualised vol of the collateral price (decimal, 0 … 10). */
  vol: number;
  /** Horizon in years (0 … 50; `yearsFromDays(30)` for 30 days). */
  horizonYears: number;
  /** Real-world drift μ of the collateral price (continuously compounded decimal, |μ| ≤ 1; default 0). */
  drift?: number;
  /** Borrow rate b at which the debt accrues (continuously compounded, |b| ≤ 1; default 0). */
  borrowRate?: number;
  /** Yield y the collateral earns (staking, supply rate; continuously compounded, |y| ≤ 1; default 0). */
  collateralYield?: number;
}

/** Input of `liquidationProbability`. */
export type LiquidationProbabilityInput = LiquidationProbabilityLoan & LiquidationProbabilityModel;

/** Result of `liquidationProbability`. P = P(HF(t) ≤ 1 for some t ≤ horizon). */
export interface LiquidationProbabilityResult {
  /** Probability of liquidation within the horizon, in [0, 1]. */
  probability: number;
  /** The health factor used (computed from the values in the value form). */
  healthFactor: number;
  /** LTV = debt / collateral value = liquidationThreshold / HF (present when the threshold is known). */
  ltv?: number;
  /** ln(HF0)/(σ√T): standard deviations of ln HF between today and the barrier, ignoring drift. */
  distanceToLiquidation: number;
  /**
   * (ln HF0 + νT)/(σ√T), ν = drift + collateralYield − borrowRate − σ²/2: standard deviations by which the
   * expected terminal ln HF lies above the barrier; P(HF_T ≤ 1) = Φ(−distanceToLiquidationWithDrift) ≤ P.
   */
  distanceToLiquidationWithDrift: number;
  /** ∂P/∂vol per 1.00 of vol (drift μ held fixed). */
  sensitivityToVol: number;
  /** ∂P/∂HF0 (≤ 0). */
  sensitivityToHealthFactor: number;
  /** ∂P/∂ln HF0 (≤ 0); = −∂P/∂ln LTV. */
  sensitivityToLogHealthFactor: number;
  /** ∂P/∂LTV (≥ 0) at a fixed liquidation threshold (present when the threshold is known). */
  sensitivityToLtv?: number;
  /** ∂P/∂horizonYears (≥ 0): the density of the liquidation time at the horizon, per year. */
  sensitivityToHorizon: number;
  /** ∂P/∂drift (≤ 0); equal to ∂P/∂collateralYield and to −∂P/∂borrowRate. */
  sensitivityToDrift: number;
  /** ∂P/∂borrowRate (≥ 0) = −sensitivityToDrift. */
  sensitivityToBorrowRate: number;
}

/** Input of `liquidationProbabilityBatch`: columns of one length n, or numbers broadcast to all. */
export interface LiquidationProbabilityBatchInput {
  /** Health factors (> 0; +Infinity = no debt). */
  healthFactors: Float64Array;
  vols: Float64Array | number;
  horizonsYears: Float64Array | number;
  drifts?: Float64Array | number;
  borrowRates?: Float64Array | number;
  collateralYields?: Float64Array | number;
}

/** Result of `liquidationProbabilityBatch`: Float64Array(n) columns named as the scalar result, and statuses. */
export interface LiquidationProbabilityBatchResult {
  probability: Float64Array;
  distanceToLiquidation: Float64Array;
  distanceToLiquidationWithDrift: Float64Array;
  sensitivityToVol: Float64Array;
  sensitivityToLogHealthFactor: Float64Array;
  sensitivityToHorizon: Float64Array;
  sensitivityToDrift: Float64Array;
  /** `Status.OK`, or `Status.INVALID_INPUT` with NaN outputs. */
  status: Uint8Array;
}

/** Merton (1976) jumps in the collateral price: log(1 + J) ~ N(mean, vol²) at `intensity` jumps per year. */
export interface LiquidationJumps {
  intensity: number;
  mean: number;
  vol: number;
}

/** Input of `liquidationProbabilityMonteCarlo`. */
export type LiquidationProbabilityMonteCarloInput = LiquidationProbabilityLoan & LiquidationProbabilityModel & {
  /** Jumps (omitted: GBM, the closed form's model). `vol` is then the diffusion vol only. */
  jumps?: LiquidationJumps;
  /** Simulated paths (default 200,000; even with antithetics). */
  paths?: number;
  /** Seed (default 1). */
  seed?: number | bigint | string;
  /**
   * Time steps (default max(64, ⌈4·365·horizonYears⌉) capped at 100,000, i.e. every 6 hours). Between steps
   * the Brownian-bridge crossing probability is used (exact for GBM; with jumps, which sit at step ends,
   * the error shrinks with the step).
   */
  steps?: number;
  /** Antithetic pairs (default true). */
  antithetic?: boolean;
};

/** Result of `liquidationProbabilityMonteCarlo`. */
export interface LiquidationProbabilityMonteCarloResult {
  probability: number;
  standardError: number;
  confidenceInterval: [number, number];
  paths: number;
  steps: number;
  /** The Monte Carlo run's manifest (re-runs bit for bit with `monteCarlo`). */
  manifest: McManifest;
}
