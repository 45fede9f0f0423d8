/**
 * Shapes of the exact-integer Aave path (`accountDataExact`, `liquidateExact`,
 * `calculateAvailableCollateralToLiquidate`): raw token integers, oracle prices in the base currency
 * with 8 decimals (USD markets), percentages in basis points (1e4 = 100%), HF in WAD (1e18).
 */
import type { AssetRef } from './types.js';

/** One reserve of an account, with the user's balances in it (raw integers, as on chain). */
export interface ExactReserve {
  symbol?: string;
  /** Token decimals (WETH 18, USDC 6), integer 0…77. */
  decimals: number;
  /** Oracle price in base-currency units (USD × 1e8), e.g. 181685499606n for $1,816.85499606. */
  price: bigint;
  /** Liquidation threshold in bps (8300n = 83%). */
  liquidationThresholdBps: bigint;
  /** Liquidation bonus in bps including the 100% (10500n = 5% bonus). Needed for the collateral liquidated. */
  liquidationBonusBps: bigint;
  /** Protocol share of the bonus in bps (1000n = 10%); default 0n. */
  liquidationProtocolFeeBps?: bigint;
  /** LTV in bps; default 0n. */
  ltvBps?: bigint;
  /** The user's aToken balance in raw token units (liquidity index already applied). */
  collateral: bigint;
  /** The user's debt in raw token units (borrow index already applied). */
  debt: bigint;
  /** Whether the balance is enabled as collateral; default true. */
  usedAsCollateral?: boolean;
}

/** A user's position over the reserves of one pool. */
export interface ExactAccount {
  reserves: ExactReserve[];
}

/** `GenericLogic.calculateUserAccountData` outputs (base currency, 8 decimals; HF in WAD). */
export interface ExactAccountData {
  totalCollateralBase: bigint;
  totalDebtBase: bigint;
  /** Value-weighted LTV in bps (floored). */
  avgLtvBps: bigint;
  /** Value-weighted liquidation threshold in bps (floored). */
  avgLiquidationThresholdBps: bigint;
  /** HF in WAD; 2²⁵⁶ − 1 (type(uint256).max) without debt. */
  healthFactor: bigint;
  /** max(percentMul(totalCollateralBase, avgLtv) − totalDebtBase, 0). */
  availableBorrowsBase: bigint;
}

/** Exact rule sets: Aave v3.0–3.2 and v3.3–3.6 (both with half-up percent rounding). */
export type ExactRuleSetName = 'aave-v3.0' | 'aave-v3.3';

/** Parameters of `liquidateExact`. */
export interface LiquidateExactParams {
  ruleSet: ExactRuleSetName;
  /** Reserve of the debt: index or symbol. */
  debtAsset: AssetRef;
  /** Reserve of the collateral: index or symbol. */
  collateralAsset: AssetRef;
  /** Raw debt tokens to cover; MAX_UINT256 for "as much as allowed". */
  debtToCover: bigint;
}

/** Result of `liquidateExact` (raw integers). */
export interface ExactLiquidationResult {
  ruleSet: ExactRuleSetName;
  healthFactorBefore: bigint;
  /** The close-factor limit in raw debt tokens. */
  maxLiquidatableDebt: bigint;
  /** `actualDebtToLiquidate`: debt repaid by the liquidator (LiquidationCall.debtToCover). */
  debtRepaid: bigint;
  /** `liquidatedCollateralAmount` of the LiquidationCall event: collateral to the liquidator (fee excluded). */
  collateralToLiquidator: bigint;
  /** Collateral to the treasury (`liquidationProtocolFeeAmount`). */
  protocolFee: bigint;
  /** v3.3: the user has no collateral left (bad debt burned into deficits). */
  hasNoCollateralLeft: boolean;
  /** Deficit booked per reserve (v3.3; zeros for v3.0), raw debt tokens. */
  deficit: bigint[];
  healthFactorAfter: bigint;
  /** The account after (a new object). */
  account: ExactAccount;
}

/** Inputs of `calculateAvailableCollateralToLiquidate` (raw integers, bps). */
export interface CollateralToLiquidateInput {
  collateralPrice: bigint;
  collateralDecimals: number;
  debtPrice: bigint;
  debtDecimals: number;
  debtToCover: bigint;
  userCollateralBalance: bigint;
  liquidationBonusBps: bigint;
  liquidationProtocolFeeBps: bigint;
  /** 'half-up' (v3.0–v3.6 percentMul/percentDiv, default) or 'directed' (v3.7 floor/ceil, never in the liquidator's favour). */
  rounding?: 'half-up' | 'directed';
}

/** Outputs of `calculateAvailableCollateralToLiquidate`. */
export interface CollateralToLiquidate {
  /** Collateral to the liquidator (fee excluded). */
  collateralAmount: bigint;
  /** Debt the liquidator repays (≤ debtToCover; smaller when the balance caps the seizure). */
  debtAmountNeeded: bigint;
  protocolFee: bigint;
  /** floor(seized incl. fee · price / unit): v3.3's collateralToLiquidateInBaseCurrency. */
  collateralInBaseCurrency: bigint;
}
