/**
 * Probability that a loan is liquidated within a horizon: the health factor, driven by the collateral
 * price (GBM), the debt's interest and the collateral's yield, first reaches 1 (WASM kernel
 * `assembly/lending/firstPassage.ts`).
 *
 * Model: ln HF(t) = ln HF0 + (μ + y − b − σ²/2)·t + σ·W_t. Method: the first-passage probability of
 * Brownian motion with drift to a lower barrier, by the reflection principle (S. E. Shreve, Stochastic
 * Calculus for Finance II, 2004, §7.2, Brownian motion with drift and its maximum; J. M. Harrison, Brownian
 * Motion and Stochastic Flow Systems, 1985, ch. 1; M. Musiela, M. Rutkowski, Martingale Methods in Financial
 * Modelling, 2005, the running-minimum lemmas of their barrier options); checked against quadrature of the
 * first-passage density in scripts/lending/firstPassage_mpmath.py.
 */
import { InvalidInputError, Status } from '../errors.js';
import { SCALAR_FLAGS, scalarBlock } from '../wasm/arena.js';
import { yearsFromDays } from '../units.js';
import type { LiquidationProbabilityInput, LiquidationProbabilityResult } from './liquidationProbabilityTypes.js';
import { checkLiquidationProbability } from './liquidationProbabilityValidate.js';

/** First output slot of the scalar block (7 outputs follow the 6 inputs). */
const OUT = 8;

/**
 * Probability that the health factor reaches 1 at some time within `horizonYears` (continuous monitoring).
 *
 * P = Φ(d1) + e^{−2νx0/σ²}·Φ(d2), x0 = ln HF0, ν = drift + collateralYield − borrowRate − vol²/2,
 * d1,2 = (−x0 ∓ νT)/(σ√T) (the minimum of Brownian motion with drift; reflection principle).
 *
 * @param input `{ healthFactor, liquidationThreshold? }` or `{ collateralValue, debtValue, liquidationThreshold }`
 *   (HF = collateralValue × liquidationThreshold / debtValue; LTV = debtValue / collateralValue), and
 *   `{ vol, horizonYears, drift? = 0, borrowRate? = 0, collateralYield? = 0 }` (annual decimals,
 *   continuously compounded; `drift` is the real-world drift of the collateral price).
 * @returns `{ probability, healthFactor, ltv?, distanceToLiquidation = ln HF0/(σ√T),
 *   distanceToLiquidationWithDrift = (ln HF0 + νT)/(σ√T), sensitivityToVol = ∂P/∂vol,
 *   sensitivityToHealthFactor = ∂P/∂HF0, sensitivityToLogHealthFactor = ∂P/∂ln HF0, sensitivityToLtv? =
 *   ∂P/∂LTV (threshold fixed; = −∂P/∂ln HF0 / LTV), sensitivityToHorizon = ∂P/∂T (per year),
 *   sensitivityToDrift = ∂P/∂μ = ∂P/∂y, sensitivityToBorrowRate = ∂P/∂b }`, all analytic.
 *   `ltv` and `sensitivityToLtv` are present when the liquidation threshold is known.
 *   Exact limits: HF0 ≤ 1 → probability 1 (already liquidatable; sensitivities 0, the left derivatives);
 *   no debt (HF0 = +∞) → 0; vol = 0 or horizon = 0 (σ√T < 1e-50) → the deterministic path decides:
 *   1 if ln HF0 + (μ + y − b)T ≤ 0, else 0 (sensitivities 0). Distances are ±∞ when σ√T = 0.
 *   P increases with the horizon and decreases with HF0 always; it increases with vol whenever
 *   drift + collateralYield − borrowRate ≥ 0 (∂P/∂σ = 2x0φ(d1)/(σ²√T) + 4x0·m·e^{−2νx0/σ²}Φ(d2)/σ³,
 *   m = μ + y − b); with a negative net drift more vol can lower P (the drift alone would liquidate).
 * @throws InvalidInputError naming the field and value: healthFactor NaN or ≤ 0; collateralValue ≤ 0;
 *   debtValue < 0; liquidationThreshold not in (0, 1]; both or neither form; vol < 0 or > 10;
 *   horizonYears < 0 or > 50; |drift|, |borrowRate|, |collateralYield| > 1; non-finite values; unknown fields.
 * @throws WasmInitError before `init()` has resolved.
 */
export function liquidationProbability(input: LiquidationProbabilityInput): LiquidationProbabilityResult {
  const c = checkLiquidationProbability(input);
  const { k, ptr, slots, flags } = scalarBlock();
  slots[0] = c.healthFactor; slots[1] = c.vol; slots[2] = c.horizonYears;
  slots[3] = c.drift; slots[4] = c.borrowRate; slots[5] = c.collateralYield;
  k.liquidationProbabilityBatch(1, ptr, ptr + 8, ptr + 16, ptr + 24, ptr + 32, ptr + 40, ptr + OUT * 8, ptr + SCALAR_FLAGS);
  if (flags[0] !== Status.OK) {
    throw new InvalidInputError('the kernel rejected inputs that passed validation (please report this)', { rule: 'kernel' });
  }
  const hf = c.healthFactor;
  const dLogHf = slots[OUT + 4]!;
  const dDrift = slots[OUT + 6]!;
  const result: LiquidationProbabilityResult = {
    probability: slots[OUT]!,
    healthFactor: hf,
    distanceToLiquidation: slots[OUT + 1]!,
    distanceToLiquidationWithDrift: slots[OUT + 2]!,
    sensitivityToVol: slots[OUT + 3]!,
    sensitivityToHealthFactor: hf === Infinity ? 0 : dLogHf / hf,
    sensitivityToLogHealthFactor: dLogHf,
    sensitivityToHorizon: slots[OUT + 5]!,
    sensitivityToDrift: dDrift,
    sensitivityToBorrowRate: dDrift === 0 ? 0 : -dDrift,
  };
  if (c.liquidationThreshold !== undefined) {
    const ltv = c.liquidationThreshold / hf;
    result.ltv = ltv;
    result.sensitivityToLtv = dLogHf === 0 ? 0 : -dLogHf / ltv;
  }
  return result;
}

/**
 * P(liquidation within `days` calendar days) for a loan at health factor `healthFactor` when the collateral's
 * vol is `vol` (e.g. an implied vol from the option market): `liquidationProbability` with horizonYears =
 * yearsFromDays(days, 365), no drift, rate or yield. A convenience for reports; the errors of both
 * (`days` non-finite or < 0 is an InvalidInputError naming `days`).
 */
export function liquidationProbabilityWithinDays(healthFactor: number, vol: number, days = 30): number {
  return liquidationProbability({ healthFactor, vol, horizonYears: yearsFromDays(days, 365) }).probability;
}
