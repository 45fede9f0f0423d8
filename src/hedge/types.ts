/** Types of the hedging simulation (issue #6 §3). Units as DESIGN §4: USD, years, decimals. */

/** The hedged option position. */
export interface HedgeOption {
  /** `'straddle'` = a call and a put at the same strike (per unit). */
  type: 'call' | 'put' | 'straddle';
  strike: number;
  expiryYears: number;
  /** `'short'`: the option was sold (premium received) and is hedged by buying delta; `'long'` the reverse. */
  position: 'long' | 'short';
  /** Option units (default 1). */
  quantity?: number;
}

/** Price process of the simulated spot. `drift` is the spot's drift (real-world μ; default the rate). */
export type HedgeModel =
  | { type: 'gbm'; vol: number; drift?: number }
  | { type: 'merton'; vol: number; jumpIntensity: number; jumpMean: number; jumpVol: number; drift?: number }
  | { type: 'heston'; v0: number; kappa: number; theta: number; volOfVol: number; rho: number; drift?: number }
  /** A supplied path (e.g. candle closes): prices at t_i = i·T/N, i = 0 … N; spot = prices[0], one path. */
  | { type: 'path'; prices: ArrayLike<number> };

/** When the hedge is rebalanced. */
export type HedgeRebalance =
  /** Every `every` grid steps (default 1). */
  | { type: 'interval'; every?: number }
  /**
   * Whalley–Wilmott (1997) band: rebalance when |h − h*| > H = (3/2 e^{−r(T−t)} λ S Γ² / γ)^{1/3}, to the
   * band's edge. `riskAversion` γ in 1/USD; `cost` λ (fraction; default feeBps/10000).
   */
  | { type: 'band'; riskAversion: number; cost?: number };

/** An AMM the hedge trades through (re-centred on the market price by arbitrage before each trade). */
export type HedgeVenue =
  /** Constant-product pool of this depth (reserves at any price with k = reserveRisky·reserveStable); fee a fraction (default 0.003). */
  | { type: 'constantProduct'; reserveRisky: number; reserveStable: number; fee?: number }
  /** Slippage profile: impact fraction `impacts[i]` for trading `sizes[i]` units (increasing; src/amm/depthCurve). */
  | { type: 'depthCurve'; sizes: ArrayLike<number>; impacts: ArrayLike<number> };

/** Trading costs. */
export interface HedgeCosts {
  /** Proportional fee in basis points of the traded notional (default 0). */
  feeBps?: number;
  /** Fixed cost per trade in USD (default 0). */
  gasUsd?: number;
  venue?: HedgeVenue;
  /** Whether the initial hedge pays costs (default true; Leland 1985 leaves it out). */
  initialHedge?: boolean;
}

/** The simulated price processes of {@link HedgeModel} (all but the supplied path). */
export type SimulatedHedgeModel = Exclude<HedgeModel, { type: 'path' }>;

/** Fields of {@link HedgeSpec} common to simulated and supplied paths. */
export interface HedgeSpecBase {
  option: HedgeOption;
  /** Initial spot (simulated models; the supplied path starts at prices[0]). */
  spot?: number;
  /** Continuously compounded rate: the cash account and the BSM rate (default 0). */
  rate?: number;
  /** Vol of the BSM delta used to hedge (and of the book's mark). */
  hedgeVol: number;
  /** Vol at which the option was traded at t = 0 (default `hedgeVol`). */
  premiumVol?: number;
  /** Time steps over [0, expiryYears] (simulated models; the supplied path has prices.length − 1). */
  steps?: number;
  rebalance?: HedgeRebalance;
  costs?: HedgeCosts;
  /** Simulated paths (default 1 for a supplied path). */
  paths?: number;
  /** Paths per block (default 256). Results do not depend on it. */
  blockSize?: number;
  /** A manifest's hash: checked against the fields when present. */
  hash?: string;
}

/**
 * Input of `simulateHedge` (a result's `manifest` is also a valid spec and reproduces the run). As `monteCarlo`'s
 * spec, a simulated model requires an explicit `seed` (no silent default: the seed is part of the result's identity);
 * a supplied path (`model.type 'path'`) takes none.
 */
export type HedgeSpec =
  | (HedgeSpecBase & {
    model: SimulatedHedgeModel;
    /** Seed: a non-negative safe integer, a bigint < 2^64 or its decimal string (required, as in `monteCarlo`). */
    seed: number | bigint | string;
  })
  | (HedgeSpecBase & { model: Extract<HedgeModel, { type: 'path' }>; seed?: undefined });

/** Distribution summary of the hedging P&L (USD at expiry; gains positive). */
export interface HedgePnlStats {
  mean: number;
  standardError: number;
  sd: number;
  min: number;
  max: number;
  /** Hyndman–Fan 7 quantiles (src/risk/quantile.ts). */
  quantiles: { p01: number; p05: number; p25: number; p50: number; p75: number; p95: number; p99: number };
  /** Historical VaR / CVaR of the P&L as a loss (positive = loss; src/risk/tailRisk.ts, lower quantile rule). */
  valueAtRisk95: number;
  expectedShortfall95: number;
  valueAtRisk99: number;
  expectedShortfall99: number;
}

/** Mean P&L attribution per path (USD): pnl = vega + gamma + theta + financing + deltaMismatch − costs + residual. */
export interface HedgeAttribution {
  vega: number;
  gamma: number;
  theta: number;
  financing: number;
  deltaMismatch: number;
  costs: number;
  residual: number;
}

/** Per-path outcomes (one entry per path; NaN for a path the venue could not fill). */
export interface HedgeOutcomes {
  pnl: Float64Array; fees: Float64Array; slippage: Float64Array; gas: Float64Array; trades: Float64Array;
  gamma: Float64Array; theta: Float64Array; vega: Float64Array; financing: Float64Array;
  deltaMismatch: Float64Array; residual: Float64Array; finalSpot: Float64Array; turnover: Float64Array;
}

/** The run's description: the normalised spec plus version, block layout and hash. */
export type HedgeManifest = HedgeSpec & {
  version: string;
  paths: number;
  blockSize: number;
  blocks: number;
  hash: string;
};

/** Result of `simulateHedge`. */
export interface HedgeResult {
  paths: number;
  /** Paths whose trades the venue could not fill (excluded from the statistics). */
  unfilledPaths: number;
  /** Option price per unit at the premium vol (what was paid or received per unit). */
  premium: number;
  /** Option price per unit at the hedge vol. */
  hedgeVolPrice: number;
  pnl: HedgePnlStats;
  /** Mean costs per path (USD): total and split. */
  costs: { total: number; fees: number; slippage: number; gas: number };
  /** Mean trades per path (the initial hedge included). */
  trades: number;
  /** Mean traded notional per path at mid (Σ|Δq|·S, USD). */
  turnover: number;
  attribution: HedgeAttribution;
  outcomes: HedgeOutcomes;
  manifest: HedgeManifest;
}

/** Options of `simulateHedge`. */
export interface SimulateHedgeOptions {
  /** Workers of a temporary pool (integer 1 … 1024); 1 or absent: this thread. */
  workers?: number;
  /** Progress: fraction, running mean P&L (`price`) and its standard error. */
  onProgress?: (progress: { fraction: number; price: number; standardError: number; blocksDone: number; blockCount: number }) => void;
  signal?: AbortSignal;
}
