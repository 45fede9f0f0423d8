/**
 * Shapes of the portfolio-risk API (issue #6 §5): positions, market state, Greeks per underlying,
 * the scenario grid and portfolio VaR. Units per DESIGN §4: prices in USD per coin, vols as decimals,
 * years, continuously compounded rates.
 */
import type { OptionType } from '../options/types.js';

/** A holding of the underlying itself: value = quantity · spot (quantity < 0 is a short). */
export interface SpotPosition {
  kind: 'spot';
  /** Key into `portfolio.market` (e.g. 'BTC'). */
  underlying: string;
  /** Coins held; negative for a short. */
  quantity: number;
}

/**
 * A linear (USD-margined) perpetual future marked at spot: value = unrealised P&L = quantity · (spot − entryPrice).
 * Funding payments and the mark-vs-index premium are not modelled.
 */
export interface PerpetualPosition {
  kind: 'perpetual';
  underlying: string;
  /** Contracts of 1 coin; negative for a short. */
  quantity: number;
  /** Entry price in USD per coin, > 0. */
  entryPrice: number;
}

/**
 * A European option leg.
 * - `model: 'bsm'` (default): Black–Scholes–Merton on spot with the market's rate and dividend yield, USD-settled.
 * - `model: 'black76'`: Black-76 on the forward `forward` (default spot·e^{(rate − dividendYield)·T}); under a spot
 *   shock the forward moves by the same factor (the ratio forward/spot, the basis, is held fixed).
 * - `settlement: 'inverse'` (Black-76 only): a Deribit coin-settled option; value in coin = Black-76 USD price / forward
 *   (PROTOCOLS §7, deribit.com/pages/docs/options), converted to USD at spot (Deribit shows "the price in USD ...
 *   calculated by using the latest index price": support.deribit.com, "Inverse Options").
 */
export interface OptionPosition {
  kind: 'option';
  underlying: string;
  type: OptionType;
  strike: number;
  expiryYears: number;
  /** Contracts (1 coin each); negative for a short. */
  quantity: number;
  model?: 'bsm' | 'black76';
  settlement?: 'usd' | 'inverse';
  /** Black-76 only: the forward for this expiry in USD (e.g. Deribit's `underlying_price`). */
  forward?: number;
  /** This leg's vol (decimal); default the underlying's flat `market[u].vol`. */
  vol?: number;
}

/**
 * A collateralised loan seen from the borrower: `collateral` coins of the underlying against `debt` USD of a
 * stablecoin (price 1). Value = collateral · spot − debt (the borrower's equity; liquidation itself is not
 * simulated), health factor = collateral · spot · liquidationThreshold / debt (Aave v3, via `healthFactor`).
 */
export interface LoanPosition {
  kind: 'loan';
  underlying: string;
  /** Collateral in coins, ≥ 0. */
  collateral: number;
  /** Debt in USD, ≥ 0. */
  debt: number;
  /** Liquidation threshold as a fraction in [0, 1] (Aave WETH 0.83). */
  liquidationThreshold: number;
}

/** One position of a portfolio. */
export type Position = SpotPosition | PerpetualPosition | OptionPosition | LoanPosition;

/** Market state of one underlying. */
export interface UnderlyingMarket {
  /** Spot (index) price in USD per coin, > 0. */
  spot: number;
  /** Flat vol (decimal) for option legs without their own `vol`, and the GBM / parametric VaR vol. */
  vol?: number;
  /** Continuously compounded rate (default 0; Deribit marks use 0). */
  rate?: number;
  /** Continuously compounded dividend (staking, funding) yield for BSM legs and default forwards (default 0). */
  dividendYield?: number;
}

/** A portfolio: positions and the market state of every underlying they name. */
export interface Portfolio {
  positions: Position[];
  market: Record<string, UnderlyingMarket>;
}

/** Aggregated Greeks of one underlying, raw and in trader units. */
export interface UnderlyingGreeks {
  underlying: string;
  spot: number;
  /** Σ position values in USD. */
  valueUsd: number;
  /** ∂V/∂S: USD per 1 USD of spot = coins (raw). */
  delta: number;
  /** ∂²V/∂S²: coins per USD of spot (raw). */
  gamma: number;
  /** ∂V/∂σ per 1.00 of vol, all of this underlying's vols shifted together (raw). */
  vega: number;
  /** ∂V/∂t per year of calendar time, spot, forwards and vols fixed (raw). */
  theta: number;
  /** Trader units: delta in coins (= delta). */
  deltaCoins: number;
  /** Trader units: delta · spot, the USD value of the equivalent coin position. */
  deltaUsd: number;
  /** Trader units: change of deltaUsd for a +1% spot move = gamma · spot² / 100. */
  gammaUsdPer1Pct: number;
  /** Trader units: USD per vol point (0.01) = vega / 100. */
  vegaPerVolPoint: number;
  /** Trader units: USD per calendar day = theta / 365. */
  thetaPerDay: number;
  /**
   * Inverse (coin-settled) legs only, summed over them: `valueCoin` Σ q·V_usd/F; `forwardDelta` Σ q·∂V_usd/∂F
   * (the plain Black-76 delta Deribit's ticker shows, PROTOCOLS §7); `coinAdjustedDelta` Σ q·(∂V_usd/∂F − V_usd/F),
   * the premium-adjusted delta in coins (= F·∂V_coin/∂F), which is what Deribit adds to an account's "Delta Total"
   * (Deribit FAQ: a call of delta 0.50 bought for 0.10 BTC adds 0.40). Absent without inverse legs.
   */
  inverse?: { valueCoin: number; forwardDelta: number; coinAdjustedDelta: number };
}

/** Per-position figures of {@link portfolioRisk} (same raw units as {@link UnderlyingGreeks}). */
export interface PositionRisk {
  index: number;
  kind: Position['kind'];
  underlying: string;
  valueUsd: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  /** Inverse options: the value in coin, V_usd / F (Deribit's mark price × quantity). */
  valueCoin?: number;
  /**
   * Inverse options: ∂V_coin/∂F = delta_usd/F − V_coin/F in coin per USD of forward (quantity included), where
   * delta_usd = ∂V_usd/∂F and V_coin = V_usd/F (the quotient rule on PROTOCOLS §7's V_coin = V_usd/F).
   */
  coinDelta?: number;
  /** Inverse options: F·coinDelta = delta_usd − V_coin, the premium-adjusted delta in coins. */
  coinAdjustedDelta?: number;
  /** Loans: health factor at the current spot (+∞ without debt). */
  healthFactor?: number;
}

/** Result of {@link portfolioRisk}. */
export interface PortfolioRisk {
  /** Σ of all position values in USD (inverse options converted at spot). */
  valueUsd: number;
  /** One entry per underlying, in order of first appearance in `positions`. */
  underlyings: UnderlyingGreeks[];
  positions: PositionRisk[];
}

/** Options of {@link scenarioGrid}. */
export interface ScenarioGridOptions {
  /** Relative spot moves applied to every underlying, each > −1 (S' = S·(1 + shock)); default −0.5…+0.5 step 0.1. */
  spotShocks?: ArrayLike<number>;
  /** Additive vol shifts as decimals (0.1 = +10 vol points), applied to every leg's vol, floored at 0; default −0.2…+0.2 step 0.1. */
  volShocks?: ArrayLike<number>;
}

/** Result of {@link scenarioGrid}. Cell (i, j) = spotShocks[i] × volShocks[j] sits at index i·volShocks.length + j. */
export interface ScenarioGrid {
  spotShocks: Float64Array;
  volShocks: Float64Array;
  /** Portfolio value in USD before any shock (computed in the same batch as the cells). */
  baseValueUsd: number;
  /** Portfolio value in USD per cell. */
  valueUsd: Float64Array;
  /** P&L in USD per cell = valueUsd − baseValueUsd (exactly 0 at zero shocks). */
  pnlUsd: Float64Array;
  /** Lowest loan health factor per cell (+∞ without loans or debt). */
  minHealthFactor: Float64Array;
  /** Per cell: Status.OK, or the first non-OK status of a leg (the cell's value is then NaN). */
  status: Uint8Array;
  /** Option legs × (cells + 1) priced in the batch. */
  legsRevalued: number;
}

/** How {@link portfolioVaR} builds its P&L distribution. */
export type PortfolioVaRMethod = 'historical' | 'delta-normal' | 'delta-gamma' | 'monte-carlo';

/** Correlation of the underlyings' log returns for the parametric and Monte Carlo methods. */
export interface CorrelationInput {
  /** Order of the matrix rows. */
  underlyings: string[];
  /** Symmetric, unit diagonal, positive definite. */
  matrix: number[][];
}

/** Options of {@link portfolioVaR}. */
export interface PortfolioVaROptions {
  method: PortfolioVaRMethod;
  /** Confidence α in (0, 1), e.g. 0.99. */
  confidence: number;
  /** Horizon in years (e.g. 1/365): options are revalued with their expiries shortened by it (floored at 0). */
  horizonYears: number;
  /** Historical: log returns over the horizon per underlying, aligned by index (same length for all). */
  returns?: Record<string, ArrayLike<number>>;
  /** Monte Carlo: number of scenarios (default 10,000). */
  paths?: number;
  /** Monte Carlo: seed (integer, default 1). */
  seed?: number;
  /** Monte Carlo: annual drift μ per underlying (default 0): ln(S_h/S) ~ N((μ − σ²/2)h, σ²h). */
  drift?: Record<string, number>;
  /** Parametric and Monte Carlo with more than one underlying: the correlation of log returns. */
  correlation?: CorrelationInput;
}

/** Result of {@link portfolioVaR}. Loss = −P&L; both figures are losses in USD, positive for a loss. */
export interface PortfolioVaR {
  method: PortfolioVaRMethod;
  confidence: number;
  horizonYears: number;
  /** The loss in USD not exceeded with probability `confidence`. */
  valueAtRisk: number;
  /** The mean loss in USD in the worst 1 − confidence of the distribution (CVaR). */
  expectedShortfall: number;
  /** Historical / Monte Carlo: the scenario P&L in USD (full revaluation), in scenario order. */
  pnlUsd?: Float64Array;
  /** Parametric: mean and standard deviation of the approximate P&L in USD. */
  meanPnlUsd?: number;
  sdPnlUsd?: number;
}
