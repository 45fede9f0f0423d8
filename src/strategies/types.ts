/**
 * Shapes of the loss-minimisation strategies (issue #6 §2). Units as DESIGN §4: prices and money in the
 * quote currency (USD), times in years, vols, rates and yields as continuously compounded annual decimals,
 * quantities in units of the underlying (1 Deribit BTC option = 1 BTC).
 */
import type { OptionType } from '../options/types.js';

/** What is protected: `quantity` units of the underlying (≥ 0) worth `spot` USD each today. */
export interface Holding {
  quantity: number;
  spot: number;
}

/**
 * The pricing model of legs given without a market price, and the default simulation model.
 * With `forward` the legs are priced by Black-76 on that forward (Deribit's convention; `dividendYield`
 * must then be absent); without it by Black–Scholes–Merton on the holding's spot with `dividendYield`.
 */
export interface PricingModel {
  /** Annualised vol (decimal) used for legs without their own `vol` or `premium`. */
  vol: number;
  /** Continuously compounded rate (default 0): discounting, and the carry of premiums to expiry. */
  rate?: number;
  /** Continuously compounded yield of the underlying (default 0; BSM only). */
  dividendYield?: number;
  /** Forward for the expiry (USD): Black-76 pricing and the risk-neutral mean of the terminal price. */
  forward?: number;
}

/** One option of a package. */
export interface LegSpec {
  type: OptionType;
  strike: number;
  /** Signed option units (units of the underlying): > 0 bought, < 0 sold. */
  quantity: number;
  /** Market price per unit (USD) — e.g. a Deribit mark × forward. Absent: priced by the model. */
  premium?: number;
  /** The leg's own vol for model pricing (a smile); default the model's vol. Ignored with `premium`. */
  vol?: number;
  /** A label, e.g. the exchange instrument `BTC-30JAN26-80000-P`. */
  name?: string;
}

/** Greeks of one unit of an option or of a whole package, with respect to the spot (DESIGN §4 units). */
export interface PackageGreeks {
  /** ∂V/∂S: units of the underlying (the holding counts 1 per unit). */
  delta: number;
  gamma: number;
  /** Per 1.00 of vol. */
  vega: number;
  /** Per year of calendar time. */
  theta: number;
  /** Per 1.00 of rate. */
  rho: number;
}

/** A priced leg. */
export interface PricedLeg {
  type: OptionType;
  strike: number;
  quantity: number;
  /** Price per unit at t = 0, USD. */
  premium: number;
  /** `'market'`: the premium was given; `'model'`: computed. */
  source: 'market' | 'model';
  /** The model vol, or the vol implied by the market premium (NaN if none reproduces it). */
  vol: number;
  name?: string;
  /** Greeks per unit (spot Greeks; NaN when `vol` is NaN). */
  greeks: PackageGreeks;
}

/** Input shared by every strategy constructor. */
export interface StrategyBase {
  holding: Holding;
  /** Option expiry (the horizon), years, > 0. */
  expiryYears: number;
  model: PricingModel;
}

/** An option leg as a strategy constructor takes it (quantity defaults to the holding's). */
export type LegInput = Omit<LegSpec, 'type' | 'quantity'> & { quantity?: number };

/**
 * A package (the holding plus option legs) at its expiry.
 * Values: V(S_T) = q·S_T + Σ legs' payoffs (USD at expiry). P&L: V(S_T) − q·S₀ − cost·e^{rT} (the premium
 * carried to expiry at the rate).
 */
export interface Strategy {
  name: string;
  holding: Holding;
  expiryYears: number;
  rate: number;
  legs: PricedLeg[];
  /** Net premium paid at t = 0, USD (< 0: a net credit). */
  cost: number;
  /** Least value the package can have at expiry net of the premium carried: min V − cost·e^{rT} (USD; −∞ if none). */
  floor: number;
  /** Greatest value at expiry net of the premium carried (USD; +∞ if unbounded). */
  cap: number;
  /** q·S₀ − floor: the worst P&L as a positive loss (USD). */
  maxLoss: number;
  /** cap − q·S₀ (USD; +∞ if unbounded). */
  maxGain: number;
  /** Terminal spots at which the P&L is 0, ascending (a flat zero segment gives its two ends). */
  breakEven: number[];
  /** Greeks of the package today (holding included), USD per unit of the respective input. */
  greeks: PackageGreeks;
  /**
   * V(S_T): the package's value at expiry (holding plus option payoffs, premium excluded), USD.
   * @throws InvalidInputError `spotAtExpiry` unless a number in [0, 1e100].
   */
  payoff(spotAtExpiry: number): number;
  /**
   * P&L at expiry: V(S_T) − q·S₀ − cost·e^{rT}, USD.
   * @throws InvalidInputError `spotAtExpiry` unless a number in [0, 1e100].
   */
  pnl(spotAtExpiry: number): number;
}

/** Merton (1976) jumps: log(1 + J) ~ N(mean, vol²), `intensity` jumps per year. */
export interface JumpSpec {
  intensity: number;
  mean: number;
  vol: number;
}

/** The simulation model of terminal prices (one exact draw per path). */
export interface TerminalModel {
  /** Spot today (USD). */
  spot: number;
  /** Diffusion vol (decimal). */
  vol: number;
  /** Horizon, years. */
  expiryYears: number;
  /**
   * Drift μ of the spot (continuously compounded, |μ| ≤ 1): E[S_T] = S₀·e^{μT}. Default: risk neutral,
   * i.e. ln(forward/spot)/T when `forward` is given, else rate − dividendYield.
   */
  drift?: number;
  /** Forward for the horizon: sets the default drift. */
  forward?: number;
  rate?: number;
  dividendYield?: number;
  /** Merton jumps (compensated: E[S_T] is unchanged). Absent: GBM. */
  jumps?: JumpSpec;
  /** Paths (1 … 10,000,000; default 100,000). */
  paths?: number;
  /** Seed: safe integer, bigint < 2^64 or its decimal string (default 1). */
  seed?: number | bigint | string;
}

/** Settings of the outcome statistics. */
export interface OutcomeOptions {
  /** Confidence α of VaR / CVaR (default 0.95). */
  confidence?: number;
  /** A loss (USD, ≥ 0) whose exceedance probability is reported (default 0: the probability of any loss). */
  lossThreshold?: number;
}

/** Distribution of one strategy's P&L at expiry over the common terminal prices. */
export interface StrategyOutcomes {
  name: string;
  /** Mean P&L (USD) and its standard error. */
  expectedPnl: number;
  standardError: number;
  /** Historical VaR and CVaR (Rockafellar–Uryasev) of the P&L at `confidence`, as positive losses in USD (src/risk). */
  valueAtRisk: number;
  expectedShortfall: number;
  /** P(P&L < −lossThreshold) and its binomial standard error. */
  probabilityOfLoss: number;
  probabilityOfLossStandardError: number;
  /** Least and greatest simulated P&L. */
  minPnl: number;
  maxPnl: number;
}

/** Result of `compareStrategies`. */
export interface StrategyComparison {
  paths: number;
  seed: number | string;
  confidence: number;
  lossThreshold: number;
  /** Mean of the simulated terminal prices and its standard error (a check against the model's forward). */
  meanTerminal: number;
  meanTerminalStandardError: number;
  strategies: StrategyOutcomes[];
}
