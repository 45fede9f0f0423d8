/**
 * Shapes of the liquidation-cascade facade (issue #5 §3). Units (DESIGN §4): prices in USD per unit of
 * the risky collateral asset; collateral in units of that asset; debt in USD (stable units); thresholds,
 * bonuses, fees and close factors as fractions (0.83, 0.05).
 */

/** CascadeColumn input: a Float64Array, a number array, or (for per-book constants) one number. */
export type CascadeColumn = Float64Array | readonly number[];

/**
 * A book of single-collateral positions as columns (structure of arrays), one row per position.
 * `liquidationThreshold` and `liquidationBonus` may be one number for the whole book.
 *
 * Multi-collateral / multi-debt accounts (Aave, Euler) map onto this for a shock to ONE risky asset A with
 * every other price fixed: with C_A the A collateral (units), LT_A its threshold, C_o = Σ other collateral
 * value × its LT (USD) and D = Σ debt value (USD), HF(p) = (C_A·p·LT_A + C_o) / D, so the account is
 * liquidatable exactly when C_A·p·LT_A < D − C_o. Enter it as collateral C_A, LT LT_A and debt D − C_o
 * (leave it out when D ≤ C_o: a fall of A cannot make it liquidatable). The liquidation price is exact;
 * the seized amounts assume the liquidator seizes A (the usual choice when A is the asset that fell). Debt
 * in A itself (a same-asset loop) falls with p too: net it out of C_A (C_A − D_A/LT_A units) or leave
 * such accounts out. Several risky assets at once need the multi-asset kernel (not built).
 */
export interface CascadeBookInput {
  /** Collateral, units of the risky asset (≥ 0). */
  collateral: CascadeColumn;
  /** Debt, USD (≥ 0). */
  debt: CascadeColumn;
  /** Liquidation threshold LT in (0, 1] (Aave `liquidationThreshold` / 1e4). */
  liquidationThreshold: CascadeColumn | number;
  /** Liquidation bonus in [0, 1) (Aave `liquidationBonus` / 1e4 − 1: 10500 → 0.05). */
  liquidationBonus: CascadeColumn | number;
}

/**
 * A book sorted by liquidation price, ready for any number of cascades (see `prepareCascadeBook`). Plain
 * data (structured-clone-able: it can be sent to workers).
 */
export interface PreparedCascadeBook {
  readonly kind: 'prepared-cascade-book';
  /** Positions in the input. */
  readonly size: number;
  /** Positions sorted (valid, with debt > 0): the ones a cascade can reach. */
  readonly sorted: number;
  /** Per input position: Status.OK, or Status.INVALID_INPUT (left out of every cascade). */
  readonly status: Uint8Array;
  /** Positions marked INVALID_INPUT. */
  readonly invalid: number;
  /** Sum of collateral and of debt over valid positions. */
  readonly totalCollateral: number;
  readonly totalDebt: number;
  /** Wall time of the validation and sort, ms. */
  readonly sortMs: number;
  /** The input's collateral and debt columns (copies, input order). */
  readonly collateral: Float64Array;
  readonly debt: Float64Array;
  /**
   * Sorted columns in the kernel's layout (`sorted` rows, column stride `sorted`): collateral, debt, LT,
   * bonus, liquidation price (f64), then the original index (i32). @internal
   */
  readonly bytes: ArrayBuffer;
}

/** A constant-product (Uniswap v2) pool: reserves of the risky asset and of USD, fee on the input. */
export interface ConstantProductVenue {
  type: 'constantProduct';
  /** Reserve of the risky asset (units, > 0). */
  reserveRisky: number;
  /** Reserve of the USD stable (> 0). Spot = reserveStable / reserveRisky. */
  reserveStable: number;
  /** Swap fee fraction in [0, 1) (default 0.003, Uniswap v2). */
  fee?: number;
}

/** A venue given by its slippage profile (assembly/amm/depthCurve.ts). */
export interface DepthCurveVenue {
  type: 'depthCurve';
  /** Spot price before any sale (USD per unit, > 0). */
  spot: number;
  /** Sizes sold at once (units, > 0, strictly increasing). */
  sizes: CascadeColumn;
  /** All-in impact fraction of selling each size at once (non-decreasing, in [0, 1)). */
  impacts: CascadeColumn;
}

export type CascadeVenue = ConstantProductVenue | DepthCurveVenue;

/**
 * The shock: an instantaneous drop of the venue price by a fraction (`{ drop: 0.2 }` = −20 %), or a price
 * path of exogenous moves (factors, `{ moves: [0.9, 0.95] }`: −10 %, then −5 %), each followed by the
 * cascade it triggers.
 */
export type CascadeShock = { drop: number } | { moves: CascadeColumn };

/** Liquidation rules, oracle and liquidator behaviour shared by `simulateCascade` and `cascadeMonteCarlo`. */
export interface CascadeRules {
  /** Where liquidators sell seized collateral. */
  venue: CascadeVenue;
  /** The oracle lags the venue by this many rounds (integer 0 … 1000; default 0). */
  oracleLagRounds?: number;
  /** Oracle price before the shock, used in the first `oracleLagRounds` rounds (default: the venue's spot before the shock). */
  oraclePrice?: number;
  /** Gas per liquidation, USD (default 0): a liquidation with proceeds − repaid − gasUsd < 0 is skipped. */
  gasUsd?: number;
  /** Close factor in (0, 1] (default 0.5, Aave v3.0 `DEFAULT_LIQUIDATION_CLOSE_FACTOR`). */
  closeFactor?: number;
  /** At or below this HF the whole debt may be repaid (default 0.95, Aave v3.0 `CLOSE_FACTOR_HF_THRESHOLD`; 0: never). */
  fullLiquidationHealthFactor?: number;
  /** Protocol's share of the bonus, in [0, 1) (default 0; Aave `liquidationProtocolFee` / 1e4). It is not sold. */
  protocolFee?: number;
  /** Bound on the rounds of one cascade (integer 1 … 1,000,000; default 10,000). */
  maxRounds?: number;
}

/** Options of `simulateCascade`. */
export interface CascadeOptions extends CascadeRules {
  shock: CascadeShock;
  /** Return per-position columns (default true). */
  positions?: boolean;
}

/** Per-round results (one entry per round, in order). */
export interface CascadeRounds {
  /** Oracle price the round's liquidations used. */
  oraclePrice: Float64Array;
  /** Venue price at the start and at the end of the round. */
  priceStart: Float64Array;
  priceEnd: Float64Array;
  /** Liquidation calls executed; skipped (unprofitable) ones. */
  liquidations: Float64Array;
  skipped: Float64Array;
  /** Collateral sold by liquidators (units), its proceeds (USD), debt repaid (USD), bad debt booked (USD). */
  collateralSold: Float64Array;
  proceedsUsd: Float64Array;
  debtRepaid: Float64Array;
  badDebt: Float64Array;
  /** Index of the price-path step (shock move) the round belongs to. */
  step: Float64Array;
}

/** Per-position results, in the input's order. */
export interface CascadePositions {
  /** Collateral and debt left (a position taken whole has 0 and 0). */
  collateral: Float64Array;
  debt: Float64Array;
  /** Bad debt booked on the position (C16: debt left when all collateral was seized). */
  badDebt: Float64Array;
  /** Collateral seized (units, incl. the protocol's share). */
  collateralSeized: Float64Array;
  /** Round of the first liquidation, −1 if never liquidated. */
  firstRound: Float64Array;
  /** Status per position (INVALID_INPUT: left out). */
  status: Uint8Array;
}

/** Result of `simulateCascade`. */
export interface CascadeResult {
  /** Rounds with activity (the final quiet round is not counted). */
  rounds: number;
  /** False if `maxRounds` ran out before the fixed point. */
  converged: boolean;
  initialPrice: number;
  finalPrice: number;
  finalOraclePrice: number;
  minPrice: number;
  /** Distinct positions liquidated at least once; liquidation calls executed; calls skipped as unprofitable. */
  positionsLiquidated: number;
  liquidations: number;
  skippedLiquidations: number;
  debtRepaid: number;
  /** Collateral seized (units) = sold by liquidators + kept by the protocol (fee). */
  collateralSeized: number;
  collateralSold: number;
  collateralToProtocol: number;
  /** USD the liquidators got for the collateral they sold. */
  proceedsUsd: number;
  /** Σ seized collateral × the oracle price it was seized at (USD). */
  liquidatedValueUsd: number;
  /** Bad debt booked by liquidations that took a position whole (C16). */
  badDebt: number;
  /** Debt of positions still open and under water at the final price (Σ max(debt − collateral·price, 0)). */
  insolventDebt: number;
  insolventPositions: number;
  /** badDebt + insolventDebt: Gauntlet's "net insolvent amount" (PROTOCOLS §5). */
  totalBadDebt: number;
  perRound: CascadeRounds;
  positions?: CascadePositions;
  /** Wall time of the kernel call alone, ms. */
  kernelMs: number;
}

/** Price model of `cascadeMonteCarlo` (annualised decimals; real-world drift, default 0). */
export type CascadePriceModel =
  | { type: 'gbm'; vol: number; drift?: number }
  | { type: 'merton'; vol: number; drift?: number; jumpIntensity: number; jumpMean: number; jumpVol: number };

/** Spec of `cascadeMonteCarlo`. */
export interface CascadeMonteCarloSpec extends CascadeRules {
  book: PreparedCascadeBook | CascadeBookInput;
  model: CascadePriceModel;
  /** Horizon in years (e.g. 1/365 for 24 h), > 0 and ≤ 50. */
  horizonYears: number;
  /** Exogenous moves per path (integer 1 … 10,000), each followed by its cascade. */
  steps: number;
  /** Paths (integer 1 … 10,000,000). */
  paths: number;
  /** A non-negative safe integer, a bigint < 2^64 or its decimal string. */
  seed: number | bigint | string;
  /** Paths per block (integer 1 … 65,536; default 64). Results do not depend on it. */
  blockSize?: number;
}

/** Tail statistics of one per-path outcome. */
export interface TailStats {
  mean: number;
  standardError: number;
  /** Empirical quantiles (VaR) at 95 % / 99 %: the ⌈αN⌉-th smallest outcome. */
  q95: number;
  q99: number;
  /** Expected shortfall at 95 % / 99 % (Acerbi–Tasche): mean of the worst (1 − α) tail, the boundary weighted. */
  es95: number;
  es99: number;
  max: number;
  /** Share of paths with an outcome > 0. */
  probabilityPositive: number;
}

/** Result of `cascadeMonteCarlo`. */
export interface CascadeMonteCarloResult {
  paths: number;
  /** Bad debt per path = booked bad debt + insolvent debt at the path's end (USD). VaR = q95/q99. */
  badDebt: TailStats;
  /** Liquidated collateral value per path (USD): "liquidations at risk" = q95/q99. */
  liquidatedValue: TailStats;
  /** Per-path outcomes, path i at index i. */
  outcomes: {
    badDebt: Float64Array; realisedBadDebt: Float64Array; insolventDebt: Float64Array; liquidatedValueUsd: Float64Array;
    debtRepaid: Float64Array; collateralSold: Float64Array; finalPrice: Float64Array; minPrice: Float64Array;
    rounds: Float64Array; positionsLiquidated: Float64Array;
  };
  /** Paths whose cascade hit `maxRounds` (their outcomes are those at that point). */
  unconvergedPaths: number;
  /** Seed, block size and blocks of the run (it is a function of the spec alone). */
  seed: number | string;
  blockSize: number;
  blocks: number;
}
