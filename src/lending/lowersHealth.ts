/**
 * When does a partial liquidation lower the health factor? (case C16)
 *
 * Repaying value v of debt and seizing v·(1 + b) of a collateral with threshold t changes
 * HF = N/D (N = Σ value·LT, D = debt value) into (N − t·(1 + b)·v)/(D − v), whose derivative in v has
 * the sign of N − t·(1 + b)·D. Hence every partial liquidation lowers HF iff HF < (1 + b)·t, leaves it
 * unchanged iff HF = (1 + b)·t, and raises it otherwise. The protocol fee is part of the seized amount
 * (it is carved out of the bonus, Aave LiquidationLogic [AC L509-522]), so it does not enter. Example
 * (C16): t = 0.5, b = 0.1, collateral $105, debt $100: HF 0.525 < 0.55, and covering $50 leaves
 * HF 0.5; with collateral $120 (HF 0.6 ≥ 0.55) it rises to 0.65. A cascade engine must therefore
 * book such a position's shortfall as bad debt instead of liquidating it piecewise for ever.
 */
import { checkFraction, checkNonNegative, checkObject } from '../options/validate.js';

/** Inputs of {@link liquidationLowersHealth}. */
export interface LowersHealthInput {
  /** Current health factor, ≥ 0 (+Infinity allowed). */
  healthFactor: number;
  /** Liquidation threshold of the seized collateral, fraction in [0, 1]. */
  liquidationThreshold: number;
  /** Liquidation bonus of the seized collateral, fraction ≥ 0 (0.05 = 5%). */
  liquidationBonus: number;
}

/**
 * True when any partial liquidation seizing this collateral lowers the health factor, i.e.
 * healthFactor < (1 + liquidationBonus)·liquidationThreshold (derivation in the file comment).
 * @throws InvalidInputError naming the field: negative or NaN healthFactor, threshold or bonus
 *   outside [0, 1].
 */
export function liquidationLowersHealth(input: LowersHealthInput): boolean {
  const o = checkObject('input', input);
  const hf = o.healthFactor;
  if (hf !== Infinity) checkNonNegative('healthFactor', hf);
  const t = checkFraction('liquidationThreshold', o.liquidationThreshold);
  const b = checkFraction('liquidationBonus', o.liquidationBonus);
  return (hf as number) < (1 + b) * t;
}
