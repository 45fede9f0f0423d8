/**
 * Shapes of the lending API (health factor, liquidation price, borrowing power, previews and
 * liquidations). Units per DESIGN §4: token amounts in whole tokens, prices in the base currency
 * (USD) per token, thresholds, LTVs, bonuses and fees as fractions (0.83, 0.05, 0.1). All state is
 * plain objects; every function returns new objects and never mutates its input.
 */

/** An asset of an account: its index in the list concerned, or its `symbol`. */
export type AssetRef = number | string;

/** One collateral (supplied) position of an account. */
export interface CollateralPosition {
  /** Optional name; lets calls refer to the asset by symbol. Unique within `collaterals`. */
  symbol?: string;
  /** Balance in whole tokens, in [0, 1e100] (MAX_AMOUNT, a unit-error guard that keeps amount·price finite). */
  amount: number;
  /** Price in the base currency (USD) per token, in [0, 1e100] (MAX_PRICE). */
  price: number;
  /** Liquidation threshold as a fraction in [0, 1] (Aave LT 8300 bps = 0.83; Comet liquidateCollateralFactor). */
  liquidationThreshold: number;
  /** Loan-to-value as a fraction in [0, liquidationThreshold]; absent counts as 0 (no borrowing power, like an Aave reserve with LTV 0). */
  ltv?: number;
  /** Liquidation bonus as a fraction ≥ 0 (Aave 10500 bps = 0.05); needed by fixed-spread rule sets unless the rule set overrides it. */
  liquidationBonus?: number;
  /** Share of the bonus paid to the protocol, fraction in [0, 1] (Aave 1000 bps = 0.1); default 0. */
  liquidationProtocolFee?: number;
  /** Compound v3 liquidationFactor in [0, 1] (share of the collateral value credited on absorb); needed by `compound-v3`. */
  liquidationFactor?: number;
}

/** One debt (borrowed) position of an account. */
export interface DebtPosition {
  /** Optional name; unique within `debts`. The same symbol in `collaterals` marks the same asset (same price). */
  symbol?: string;
  /** Debt in whole tokens, in [0, 1e100] (MAX_AMOUNT). */
  amount: number;
  /** Price in the base currency (USD) per token, in [0, 1e100] (MAX_PRICE). */
  price: number;
}

/** A lending account: its collaterals and debts (plain data). */
export interface Account {
  collaterals: CollateralPosition[];
  debts: DebtPosition[];
}

/** Aggregates of an account, as Aave's `getUserAccountData` reports them (values in the base currency). */
export interface AccountData {
  /** Σ amount·price over collaterals. */
  totalCollateralValue: number;
  /** Σ amount·price over debts. */
  totalDebtValue: number;
  /** Value-weighted average liquidation threshold (0 without collateral). */
  liquidationThreshold: number;
  /** Value-weighted average LTV (0 without collateral; a collateral without `ltv` counts as 0). */
  ltv: number;
  /** Σ value·ltv: the debt value the collateral can carry. */
  borrowingPower: number;
  /** max(borrowingPower − totalDebtValue, 0). */
  availableBorrowsValue: number;
  /** Σ value·LT / Σ debt value; +Infinity without debt. */
  healthFactor: number;
}

/** Which way a price move liquidates the account (see `liquidationPrice`). */
export type LiquidationSide = 'below' | 'above' | 'never' | 'always';

/** Result of `liquidationPrice`. */
export interface LiquidationPriceResult {
  /**
   * The asset's price at which HF = 1, others fixed. With `side` 'below' the account is liquidatable
   * when the price is below it; with 'above' when above it (a net-borrowed asset). 'never': no price
   * makes HF < 1 (price is 0); 'always': HF < 1 whatever this price (price is +Infinity).
   */
  price: number;
  side: LiquidationSide;
  /** price / current price − 1 (the relative move to liquidation); 0 → −1, Infinity → Infinity. */
  distance: number;
}

/** An action for `previewAction`. */
export interface Action {
  type: 'deposit' | 'withdraw' | 'borrow' | 'repay';
  /** Collateral (deposit, withdraw) or debt (borrow, repay) asset: index or symbol. */
  asset: AssetRef;
  /** Amount in whole tokens, ≥ 0; repay and withdraw accept Infinity for "all". */
  amount: number;
}

/** Result of `previewAction`. */
export interface ActionPreview {
  /** The account after the action (a new object). */
  account: Account;
  /** The amount actually applied (repay clamps to the debt; withdraw of Infinity takes the balance). */
  amountApplied: number;
  healthFactorBefore: number;
  healthFactor: number;
  /** Aggregates after the action (see `accountData`). */
  accountData: AccountData;
  /**
   * Whether the protocol would accept it: a borrow must keep debt ≤ borrowing power and HF ≥ 1; a
   * withdraw must keep HF ≥ 1 when there is debt. Deposits and repays are always allowed.
   */
  allowed: boolean;
  /** Why not, when `allowed` is false. */
  reason?: string;
}

/** What a rule set does when a partial liquidation would leave dust (Aave v3.3+ `MustNotLeaveDust`). */
export type DustPolicy = 'revert' | 'cover-all';

/**
 * Fixed-spread liquidation rules (Aave v3 and custom). Amounts in the base currency (USD) assume
 * prices are in USD, as Aave's thresholds do (`MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD` is 2000e8 with
 * 8-decimal USD prices).
 */
export interface FixedSpreadRuleSet {
  kind: 'fixed-spread';
  name: string;
  /** Share of the debt reserve (or of the total debt, see `closeFactorBasis`) one liquidation may repay when HF > `fullLiquidationHealthFactor`. */
  closeFactor: number;
  /** At or below this HF the whole reserve debt may be repaid (Aave: 0.95); 0 disables. */
  fullLiquidationHealthFactor: number;
  /**
   * 'reserve-debt': cap = closeFactor·reserve debt (Aave v3.0–3.2). 'total-debt': the whole reserve
   * debt by default, capped at closeFactor·total debt value only if HF > fullLiquidationHealthFactor
   * and both the debt and the collateral reserve are ≥ `minCloseFactorValue` (Aave v3.3+).
   */
  closeFactorBasis: 'reserve-debt' | 'total-debt';
  /** Aave v3.3: $2,000 (`MIN_BASE_MAX_CLOSE_FACTOR_THRESHOLD`); 0 for other rule sets. */
  minCloseFactorValue: number;
  /** Aave v3.3: $1,000 (`MIN_LEFTOVER_BASE`): a partial liquidation must leave ≥ this of debt and collateral; 0 disables. */
  minLeftoverValue: number;
  /** 'deficit': when no collateral is left, remaining debt is written off as bad debt (Aave v3.3); 'keep': it stays on the account. */
  badDebt: 'deficit' | 'keep';
  /** Overrides every collateral's `liquidationBonus` when set (custom rule sets). */
  liquidationBonus?: number;
  /** Overrides every collateral's `liquidationProtocolFee` when set (custom rule sets). */
  liquidationProtocolFee?: number;
}

/** Compound v3 (Comet) absorb-and-sell rules. */
export interface AbsorbRuleSet {
  kind: 'absorb';
  name: string;
  /** Comet `storeFrontPriceFactor` (cUSDCv3 mainnet: 0.5): buyers get storeFrontPriceFactor·(1 − liquidationFactor) off. */
  storeFrontPriceFactor: number;
}

/** A liquidation rule set. */
export type LiquidationRuleSet = FixedSpreadRuleSet | AbsorbRuleSet;

/** Names of the built-in rule sets. */
export type RuleSetName = 'aave-v3.0' | 'aave-v3.3' | 'compound-v3';

/** Parameters of `liquidate`. */
export interface LiquidateParams {
  /** A built-in name, a rule set object (e.g. from `customRuleSet`). */
  ruleSet: RuleSetName | LiquidationRuleSet;
  /** The debt to repay (fixed-spread; compound-v3 needs exactly one debt and may omit it). */
  debtAsset?: AssetRef;
  /**
   * The collateral to seize, or the seize order (an array): the covered debt is seized from the first
   * collateral until its balance is exhausted, then from the next, each collateral as one protocol call
   * (HF < 1 required again and the close-factor limit recomputed on the account as it stands; the
   * liquidation stops once HF ≥ 1). Default: largest value first.
   */
  collateralAsset?: AssetRef | AssetRef[];
  /** Debt to cover in whole tokens of the debt asset, in (0, 1e100] (0 reverts in Aave: INVALID_AMOUNT); Infinity = as much as the rules allow. Ignored by compound-v3 (absorb takes all). */
  debtToCover?: number;
  /** What to do when a partial liquidation would leave dust (rule sets with minLeftoverValue); default 'revert'. */
  dust?: DustPolicy;
}

/** Collateral taken from the account in one liquidation, per asset. */
export interface SeizedCollateral {
  /** Index in `collaterals`. */
  asset: number;
  symbol?: string;
  /** Tokens taken from the account (liquidator + protocol). */
  amount: number;
  /** Tokens received by the liquidator (compound-v3: 0, the protocol takes all). */
  toLiquidator: number;
  /** Tokens received by the protocol (fee on the bonus; compound-v3: all). */
  toProtocol: number;
  /** amount·price. */
  value: number;
  /** compound-v3 only: the price at which the protocol sells it (`quoteCollateral`). */
  storeFrontPrice?: number;
}

/** Debt written off (bad debt / deficit), per debt asset. */
export interface BadDebt {
  /** Index in `debts`. */
  asset: number;
  symbol?: string;
  amount: number;
  value: number;
}

/** Result of `liquidate`. */
export interface LiquidationResult {
  ruleSet: string;
  /** Index of the debt asset repaid. */
  debtAsset: number;
  /** Debt repaid, in tokens of the debt asset (compound-v3: the debt cancelled against the collateral credit). */
  debtRepaid: number;
  debtRepaidValue: number;
  /** The largest debtToCover the rules allowed in the first protocol call (tokens of the debt asset). */
  maxDebtToCover: number;
  seized: SeizedCollateral[];
  collateralSeizedValue: number;
  toLiquidatorValue: number;
  /** Σ toProtocol·price: the protocol fee on the bonus (fixed-spread) or all the absorbed collateral (compound-v3). */
  toProtocolValue: number;
  /** True when a collateral's balance capped the seizure (debt repaid reduced accordingly). */
  collateralCapped: boolean;
  badDebt: BadDebt[];
  badDebtValue: number;
  /** compound-v3: base tokens credited to the account when the collateral credit exceeds the debt. */
  surplusToAccount: number;
  healthFactorBefore: number;
  healthFactorAfter: number;
  /** healthFactorAfter < healthFactorBefore (see `liquidationLowersHealth`). */
  lowersHealth: boolean;
  /** The account after the liquidation (a new object). */
  account: Account;
}
