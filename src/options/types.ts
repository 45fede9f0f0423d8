/**
 * Shapes of the closed-form options API (units per DESIGN §4: years, decimal vols, continuously
 * compounded rates; Greeks per year, per 1.00 of vol, per 1.00 of rate).
 */

/** Option type. */
export type OptionType = 'call' | 'put';

/** Inputs of {@link blackScholes}: Black–Scholes–Merton on a spot with a continuous dividend yield. */
export interface BlackScholesInput {
  type: OptionType;
  /** Spot price of the underlying, > 0. */
  spot: number;
  /** Strike, > 0, same currency as spot. */
  strike: number;
  /** Time to expiry in years, 0 ≤ expiryYears ≤ 50. */
  expiryYears: number;
  /** Annualised volatility as a decimal (0.8 = 80%), 0 ≤ vol ≤ 10. */
  vol: number;
  /** Continuously compounded risk-free rate, |rate| ≤ 1; default 0. */
  rate?: number;
  /** Continuously compounded dividend (staking, funding) yield, |dividendYield| ≤ 1; default 0. */
  dividendYield?: number;
}

/** Inputs of {@link black76}: Black-76 on a forward (futures) price, discounted at `rate`. */
export interface Black76Input {
  type: OptionType;
  /** Forward or futures price for the option's expiry, > 0. */
  forward: number;
  strike: number;
  expiryYears: number;
  vol: number;
  /** Continuously compounded discount rate, |rate| ≤ 1; default 0. */
  rate?: number;
}

/**
 * Price and Greeks of one European option. Derivatives are with respect to the model's underlying
 * (spot for Black–Scholes–Merton, forward for Black-76): delta per unit, gamma per unit², vega,
 * vanna and volga per 1.00 of vol, theta and charm per year of calendar time (∂/∂t = −∂/∂expiry),
 * rho per 1.00 of rate. A Greek with no limit at the input (gamma exactly at the money-forward
 * when expiry or vol is 0) is NaN.
 */
export interface Greeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  vanna: number;
  volga: number;
  charm: number;
}

/**
 * Which outputs a batch computes: `'none'` the price only; `'first'` the price and delta, gamma,
 * vega, theta, rho; `'all'` (the default) all nine values. Columns not computed are not returned.
 */
export type GreeksSelection = 'none' | 'first' | 'all';

/** Columns shared by both batch inputs. `rates` and `dividendYields` may be one number broadcast to all. */
export interface BatchCommon<G extends GreeksSelection = GreeksSelection> {
  /** Which outputs to compute (default `'all'`). */
  greeks?: G;
  /** 1 = call, 0 = put. */
  isCall: Uint8Array;
  strikes: Float64Array;
  expiriesYears: Float64Array;
  vols: Float64Array;
  rates?: Float64Array | number;
}

/** Inputs of {@link blackScholesBatch}. */
export interface BlackScholesBatchInput<G extends GreeksSelection = GreeksSelection> extends BatchCommon<G> {
  spots: Float64Array;
  dividendYields?: Float64Array | number;
}

/** Inputs of {@link black76Batch}. */
export interface Black76BatchInput<G extends GreeksSelection = GreeksSelection> extends BatchCommon<G> {
  forwards: Float64Array;
}

/** Batch results with `greeks: 'none'`: the price column and one status code per element (see `Status`). */
export interface PriceBatch {
  price: Float64Array;
  status: Uint8Array;
}

/** Batch results with `greeks: 'first'`: price and the five first-order-style Greeks. */
export interface FirstOrderBatch extends PriceBatch {
  delta: Float64Array;
  gamma: Float64Array;
  vega: Float64Array;
  theta: Float64Array;
  rho: Float64Array;
}

/** Batch results with `greeks: 'all'` (the default): one Float64Array per value, plus statuses. */
export interface GreeksBatch extends FirstOrderBatch {
  vanna: Float64Array;
  volga: Float64Array;
  charm: Float64Array;
}

/** The batch result type for a {@link GreeksSelection}. */
export type BatchResult<G extends GreeksSelection> = G extends 'none' ? PriceBatch : G extends 'first' ? FirstOrderBatch : GreeksBatch;

/** Inputs of {@link impliedVol}: exactly one of `spot` (Black–Scholes–Merton) or `forward` (Black-76). */
export interface ImpliedVolInput {
  type: OptionType;
  /** Option price in the quote currency, ≥ 0. */
  price: number;
  spot?: number;
  forward?: number;
  strike: number;
  expiryYears: number;
  rate?: number;
  /** Only with `spot`. */
  dividendYield?: number;
}

/** Inputs of {@link impliedVolBatch}: exactly one of `spots` or `forwards`. */
export interface ImpliedVolBatchInput {
  isCall: Uint8Array;
  prices: Float64Array;
  spots?: Float64Array;
  forwards?: Float64Array;
  strikes: Float64Array;
  expiriesYears: Float64Array;
  rates?: Float64Array | number;
  /** Only with `spots`. */
  dividendYields?: Float64Array | number;
}

/** Implied-vol batch results: `vol` (NaN where the status is not OK) and a status per element. */
export interface ImpliedVolBatch {
  vol: Float64Array;
  status: Uint8Array;
}
