/**
 * Shapes of the lattice (binomial / trinomial tree) API. Units per DESIGN §4: years, decimal vols,
 * continuously compounded rates; delta per unit of spot, gamma per unit², theta per year of calendar time.
 */
import type { OptionType } from '../options/types.js';

/**
 * Tree: `'leisen-reimer'` (Leisen & Reimer 1996, Peizer–Pratt method 2; odd steps; smooth, ~1/N²
 * convergence, the default), `'crr'` (Cox, Ross & Rubinstein 1979; oscillating ~1/N convergence),
 * `'trinomial'` (Boyle's moment matching with equal probabilities, centred on the forward).
 */
export type LatticeMethod = 'leisen-reimer' | 'crr' | 'trinomial';

/** Exercise style: any time up to expiry (`'american'`), or at expiry only (`'european'`). */
export type ExerciseStyle = 'american' | 'european';

/** Inputs of {@link americanOption}. */
export interface AmericanOptionInput {
  type: OptionType;
  /** Spot price of the underlying, within [1e-100, 1e100]. */
  spot: number;
  /** Strike, same currency as spot, within [1e-100, 1e100]. */
  strike: number;
  /** Time to expiry in years, 0 ≤ expiryYears ≤ 50. */
  expiryYears: number;
  /** Annualised volatility as a decimal (0.8 = 80%), 0 ≤ vol ≤ 10. */
  vol: number;
  /** Continuously compounded risk-free rate, |rate| ≤ 1; default 0. */
  rate?: number;
  /** Continuously compounded dividend (staking, funding) yield, |dividendYield| ≤ 1; default 0. */
  dividendYield?: number;
  /**
   * Time steps of the tree, an integer 1 ≤ steps ≤ 100,000; default 501. Leisen–Reimer needs an odd
   * count: an even `steps` is raised to steps + 1. Work grows as steps².
   */
  steps?: number;
  /** Tree; default `'leisen-reimer'`. */
  method?: LatticeMethod;
  /** Exercise style; default `'american'`. */
  exercise?: ExerciseStyle;
}

/**
 * Price and tree Greeks of one option: price in the spot's currency; delta ∂V/∂S; gamma ∂²V/∂S²;
 * theta ∂V/∂t per year of calendar time (= −∂V/∂expiry; `thetaPerDay` converts). A Greek with no
 * limit at the input (gamma at the strike at expiry 0 or vol 0) is NaN.
 */
export interface LatticeGreeks {
  price: number;
  delta: number;
  gamma: number;
  theta: number;
}

/** Inputs of {@link americanOptionBatch}: columns of one length n, plus the tree settings for all. */
export interface AmericanOptionBatchInput {
  /** 1 call, 0 put. */
  isCall: Uint8Array;
  spots: Float64Array;
  strikes: Float64Array;
  expiriesYears: Float64Array;
  vols: Float64Array;
  /** A column, or one number for all; default 0. */
  rates?: Float64Array | number;
  /** A column, or one number for all; default 0. */
  dividendYields?: Float64Array | number;
  steps?: number;
  method?: LatticeMethod;
  exercise?: ExerciseStyle;
}

/** Columns of {@link americanOptionBatch}: as {@link LatticeGreeks}, plus a status per element. */
export interface LatticeBatchResult {
  price: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  theta: Float64Array;
  /** `Status.OK`, `INVALID_INPUT` (NaN outputs) or `DEGENERATE` (a NaN Greek). */
  status: Uint8Array;
}
