/**
 * Shapes of the model pricing API (units per DESIGN §4: years, decimal vols, continuously compounded
 * rates; delta per unit of spot, vega per 1.00 of vol).
 */
import type { OptionType } from '../types.js';

/** Inputs of {@link mertonJumpDiffusion}: Merton (1976) jump diffusion on a spot with a dividend yield. */
export interface MertonJumpDiffusionInput {
  type: OptionType;
  /** Spot price, within [1e-100, 1e100]. */
  spot: number;
  /** Strike, within [1e-100, 1e100], same currency as spot. */
  strike: number;
  /** Time to expiry in years, 0 ≤ expiryYears ≤ 50. */
  expiryYears: number;
  /** Diffusion volatility (between jumps), annualised decimal, 0 ≤ vol ≤ 10. */
  vol: number;
  /** Continuously compounded risk-free rate, |rate| ≤ 1; default 0. */
  rate?: number;
  /** Continuously compounded dividend (staking, funding) yield, |dividendYield| ≤ 1; default 0. */
  dividendYield?: number;
  /** Expected number of jumps per year, 0 ≤ jumpIntensity ≤ 1000. */
  jumpIntensity: number;
  /** Mean of ln(1 + jump) (a jump multiplies the spot by 1 + jump), |jumpMean| ≤ 10. */
  jumpMean: number;
  /** Standard deviation of ln(1 + jump), 0 ≤ jumpVol ≤ 10. */
  jumpVol: number;
}

/** Result of {@link mertonJumpDiffusion}. */
export interface MertonJumpDiffusionResult {
  /** Price in the spot's currency. */
  price: number;
  /** ∂price/∂spot. */
  delta: number;
  /** ∂price/∂vol per 1.00 of the diffusion vol (jump parameters fixed). */
  vega: number;
}

/**
 * Inputs of {@link hestonPrice}: Heston (1993) stochastic variance, dv = kappa·(theta − v)dt +
 * volOfVol·√v dW₂, d⟨W₁, W₂⟩ = rho·dt. `theta` and `rho` are the model's letters (long-run variance,
 * spot–variance correlation), not Greeks.
 */
export interface HestonInput {
  type: OptionType;
  /** Spot price, within [1e-100, 1e100]. */
  spot: number;
  /** Strike, within [1e-100, 1e100]. */
  strike: number;
  /** Time to expiry in years, 0 ≤ expiryYears ≤ 50. */
  expiryYears: number;
  /** Continuously compounded risk-free rate, |rate| ≤ 1; default 0. */
  rate?: number;
  /** Continuously compounded dividend yield, |dividendYield| ≤ 1; default 0. */
  dividendYield?: number;
  /** Initial variance (per year; 0.04 is a vol of 20%), 0 ≤ v0 ≤ 100. */
  v0: number;
  /** Mean-reversion speed per year, 0 < kappa ≤ 1000. */
  kappa: number;
  /** Long-run variance (per year), 0 ≤ theta ≤ 100. */
  theta: number;
  /** Volatility of the variance (per √year), 0 ≤ volOfVol ≤ 10. */
  volOfVol: number;
  /** Correlation of spot and variance shocks, −1 ≤ rho ≤ 1. */
  rho: number;
}

/** Result of {@link hestonPrice}. */
export interface HestonResult {
  /** Price in the spot's currency. */
  price: number;
  /** ∂price/∂spot (model parameters fixed). */
  delta: number;
}
