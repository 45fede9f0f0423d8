/**
 * Shapes of the exotic closed forms (units per DESIGN §4: currency levels, years, decimal vols,
 * continuously compounded rates; delta per 1 unit of spot, vega per 1.00 of vol).
 */
import type { OptionType } from '../types.js';

/**
 * Result of every exotic pricer: `price` in the spot's currency, `delta` = ∂price/∂spot, `vega` =
 * ∂price/∂vol per 1.00 of vol. Each function documents whether its Greeks are analytic or central
 * differences computed inside the kernel.
 */
export interface ExoticResult {
  price: number;
  delta: number;
  vega: number;
}

/** Inputs shared by the exotic pricers (Black–Scholes–Merton dynamics with a dividend yield). */
export interface ExoticCommonInput {
  type: OptionType;
  /** Spot price of the underlying, within [1e-100, 1e100]. */
  spot: number;
  /** Time to expiry in years, 0 ≤ expiryYears ≤ 50. */
  expiryYears: number;
  /** Annualised volatility as a decimal, 0 ≤ vol ≤ 10. */
  vol: number;
  /** Continuously compounded risk-free rate, |rate| ≤ 1; default 0. */
  rate?: number;
  /** Continuously compounded dividend (staking, funding) yield, |dividendYield| ≤ 1; default 0. */
  dividendYield?: number;
}

/** Inputs of `geometricAsian`. */
export interface GeometricAsianInput extends ExoticCommonInput {
  /** Strike of the average-price option. */
  strike: number;
  /**
   * Averaging: omitted → continuous over [0, T]; a number n → n equally spaced fixings at T/n, 2T/n, …, T
   * (t = 0 excluded), integer 1 ≤ n ≤ 100,000; an array → the fixing times in years, strictly increasing,
   * each in (0, expiryYears], at most 100,000 of them.
   */
  fixings?: number | readonly number[] | Float64Array;
}

/** Barrier direction: `'down'` = barrier below the spot, `'up'` = above. */
export type BarrierDirection = 'up' | 'down';
/** `'in'` = the option exists once the barrier is touched; `'out'` = it dies when touched. */
export type BarrierKnock = 'in' | 'out';

/** Inputs of `barrierOption`. */
export interface BarrierOptionInput extends ExoticCommonInput {
  strike: number;
  /** Barrier level, within [1e-100, 1e100]. A spot at or beyond it means the barrier has been touched. */
  barrier: number;
  direction: BarrierDirection;
  knock: BarrierKnock;
  /**
   * Cash rebate ≥ 0 (default 0): paid at expiry for a knock-in that was never knocked in, paid at the hit
   * for a knock-out.
   */
  rebate?: number;
  /** `'continuous'` (default) or `'discrete'` (needs `fixings`: the number of equally spaced monitoring dates). */
  monitoring?: 'continuous' | 'discrete';
  /** With `monitoring: 'discrete'`: monitoring dates T/m, 2T/m, …, T, integer 1 ≤ m ≤ 100,000. */
  fixings?: number;
}

/** Inputs of `lookbackOption`. */
export interface LookbackOptionInput extends ExoticCommonInput {
  /** `'floating'`: payoff S_T − min (call) or max − S_T (put); `'fixed'`: (max − K)⁺ (call) or (K − min)⁺ (put). */
  strikeType: 'floating' | 'fixed';
  /** Strike of a fixed-strike lookback (required there; not accepted for floating). */
  strike?: number;
  /**
   * Extremum observed so far: the running minimum (≤ spot) for a floating call and a fixed put, the running
   * maximum (≥ spot) for a floating put and a fixed call. Default: the spot (a new contract).
   */
  runningExtremum?: number;
}
