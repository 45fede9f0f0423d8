/**
 * Collateral management: keeping a loan's LTV (debt / collateral value) inside a band along a price path by
 * trading back to a target — selling collateral to repay debt when LTV rises above the band, borrowing to buy
 * collateral when it falls below — with a proportional trading cost and a fixed gas cost per trade; compared
 * with leaving the loan alone on the same path.
 *
 * Trades at price S with fee f (the fee is paid in the traded asset):
 * - deleverage: sell x USD of collateral, repay x(1 − f): (D − x(1 − f)) / (C − x) = target ⇒ x = (D − t·C)/((1 − f) − t);
 * - lever up: borrow y USD, buy y(1 − f) of collateral: (D + y) / (C + y(1 − f)) = target ⇒ y = (t·C − D)/(1 − t(1 − f)),
 * C = collateral value, D = debt. Gas is paid from outside the loan (counted in the costs). A step at which
 * LTV ≥ the liquidation threshold (HF ≤ 1) before rebalancing is recorded as a liquidation of that strategy: a
 * liquidation repays closeFactor·D and seizes (1 + bonus) times it in collateral (PROTOCOLS.md §1).
 */
import { checkFraction, checkLevel, checkNonNegative, checkObject, fail } from '../options/validate.js';
import { checkOpenUnit, checkTradingCost } from './validate.js';

/** Input of {@link rebalanceLtv}. */
export interface RebalanceLtvInput {
  /** Collateral prices along the path (USD), first = today; ≥ 2 values. */
  prices: ArrayLike<number>;
  collateralAmount: number;
  /** Stable debt (USD). */
  debtValue: number;
  liquidationThreshold: number;
  liquidationBonus: number;
  closeFactor?: number;
  /** Band of LTV: rebalance when LTV > upper or < lower, to `target` (lower ≤ target ≤ upper < liquidationThreshold). */
  band: { lower: number; target: number; upper: number };
  /** Proportional trading cost, bps (default 30). */
  tradingCostBps?: number;
  /** Fixed cost per trade, USD (default 0). */
  gasUsd?: number;
}

/** One strategy's run along the path. */
export interface LtvRun {
  /** LTV after each step's action (NaN after the position is wiped out). */
  ltv: Float64Array;
  trades: number;
  /** Trading fees and gas paid, USD. */
  fees: number;
  gas: number;
  /** Liquidations suffered and the bonus paid in them (USD). */
  liquidations: number;
  bonusPaid: number;
  /** Equity at the end: collateral value − debt − gas (USD). */
  finalEquity: number;
  finalCollateral: number;
  finalDebt: number;
  /** Highest LTV seen before any action. */
  maxLtv: number;
}

/** Result of {@link rebalanceLtv}: the band strategy and the untouched loan on the same path. */
export interface RebalanceLtvResult {
  rebalanced: LtvRun;
  untouched: LtvRun;
}

function run(prices: Float64Array, c0: number, d0: number, lt: number, bonus: number, cf: number,
  band: { lower: number; target: number; upper: number } | null, fee: number, gasUsd: number): LtvRun {
  let c = c0, d = d0;
  const ltv = new Float64Array(prices.length);
  let trades = 0, fees = 0, gas = 0, liquidations = 0, bonusPaid = 0, maxLtv = 0;
  for (let i = 0; i < prices.length; i++) {
    const s = prices[i]!;
    if (c <= 0) { ltv[i] = NaN; continue; }
    let value = c * s;
    let x = d / value;
    if (x > maxLtv) maxLtv = x;
    if (x >= lt && d > 0) {
      // liquidation: repay closeFactor·D (all of it if the collateral cannot cover the seizure)
      const repay = Math.min(cf * d, value / (1 + bonus));
      c -= repay * (1 + bonus) / s; d -= repay;
      liquidations++; bonusPaid += repay * bonus;
      value = c * s; x = value > 0 ? d / value : NaN;
    }
    if (band !== null && value > 0 && (x > band.upper || x < band.lower)) {
      const t = band.target;
      if (x > band.upper) {
        const sell = (d - t * value) / ((1 - fee) - t);
        c -= sell / s; d -= sell * (1 - fee); fees += sell * fee;
      } else {
        const borrow = (t * value - d) / (1 - t * (1 - fee));
        c += borrow * (1 - fee) / s; d += borrow; fees += borrow * fee;
      }
      trades++; gas += gasUsd;
      value = c * s; x = d / value;
    }
    ltv[i] = x;
  }
  const last = prices[prices.length - 1]!;
  return { ltv, trades, fees, gas, liquidations, bonusPaid, finalEquity: c * last - d - gas, finalCollateral: c, finalDebt: d, maxLtv };
}

/**
 * Rebalances a loan to a target LTV band along a price path (see the file comment for the trade formulas).
 * At each price: liquidation if LTV ≥ LT, then a trade back to `band.target` if LTV is outside [lower, upper].
 * @param input see {@link RebalanceLtvInput}.
 * @returns `{ rebalanced, untouched }`, each `{ ltv, trades, fees, gas, liquidations, bonusPaid, finalEquity, finalCollateral, finalDebt, maxLtv }`.
 * @throws InvalidInputError naming the field and value: fewer than 2 prices or a non-positive price, a band not
 *   ordered lower ≤ target ≤ upper < liquidationThreshold, bad amounts or fractions.
 */
export function rebalanceLtv(input: RebalanceLtvInput): RebalanceLtvResult {
  const o = checkObject('input', input);
  const raw = o.prices as ArrayLike<number> | undefined;
  if (raw === undefined || typeof raw !== 'object' || typeof raw.length !== 'number' || raw.length < 2) fail('prices', raw, '>= 2 prices', 'must hold at least 2 prices');
  const prices = Float64Array.from({ length: raw.length }, (_, i) => checkLevel(`prices[${i}]`, raw[i]));
  const c = checkLevel('collateralAmount', o.collateralAmount);
  const d = checkNonNegative('debtValue', o.debtValue);
  const lt = checkOpenUnit('liquidationThreshold', o.liquidationThreshold);
  const bonus = checkFraction('liquidationBonus', o.liquidationBonus);
  const cf = o.closeFactor === undefined ? 0.5 : checkFraction('closeFactor', o.closeFactor);
  const b = checkObject('band', o.band);
  const lower = checkFraction('band.lower', b.lower), target = checkFraction('band.target', b.target), upper = checkFraction('band.upper', b.upper);
  if (!(lower <= target)) fail('band.target', target, `>= band.lower (${lower})`, `must be >= band.lower (${lower})`);
  if (!(target <= upper)) fail('band.upper', upper, `>= band.target (${target})`, `must be >= band.target (${target})`);
  if (!(upper < lt)) fail('band.upper', upper, `< liquidationThreshold (${lt})`, `must be < liquidationThreshold (${lt})`);
  const fee = checkTradingCost(o.tradingCostBps);
  if (fee >= 1 - target) fail('tradingCostBps', o.tradingCostBps, `< ${(1 - target) * 1e4}`, 'is too large to reach the target');
  const gasUsd = o.gasUsd === undefined ? 0 : checkNonNegative('gasUsd', o.gasUsd);
  return {
    rebalanced: run(prices, c, d, lt, bonus, cf, { lower, target, upper }, fee, gasUsd),
    untouched: run(prices, c, d, lt, bonus, cf, null, fee, gasUsd),
  };
}
