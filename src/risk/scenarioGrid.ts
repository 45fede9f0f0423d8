/**
 * Deribit-style scenario grid (issue #6 §5): spot moves × vol shifts, full revaluation of every leg in one
 * batch per pricing model.
 */
import { MAX_VOL, checkKnownFields, checkObject } from '../options/validate.js';
import type { Portfolio, ScenarioGrid, ScenarioGridOptions } from './portfolioTypes.js';
import { emptyScenarios, revalue } from './portfolioRevalue.js';
import { checkShocks, compilePortfolio } from './portfolioValidate.js';

/** Default spot moves: −50% … +50% in steps of 10%. */
export const DEFAULT_SPOT_SHOCKS: readonly number[] = [-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5];
/** Default vol shifts: −20 … +20 vol points in steps of 10 (decimals). */
export const DEFAULT_VOL_SHOCKS: readonly number[] = [-0.2, -0.1, 0, 0.1, 0.2];
/** Largest accepted relative spot move (+1000%): larger values are almost surely percent by mistake. */
export const MAX_SPOT_SHOCK = 10;

/**
 * Revalues a portfolio on a grid of spot moves × vol shifts, in the manner of Deribit's portfolio-margin risk
 * matrix (each cell a full revaluation, not a Greeks approximation). Every underlying moves by the same relative
 * spot shock (S' = S·(1 + s); Black-76 forwards move by the same factor) and every option leg's vol by the same
 * additive shift (σ' = max(σ + Δσ, 0)); time does not pass. All cells × option legs (plus the unshocked base)
 * are priced in one `blackScholesBatch` and one `black76Batch` call.
 * @param portfolio `{ positions, market }` (see `portfolioRisk`).
 * @param options `{ spotShocks?: relative moves, each in (−1, 10] (default −0.5…0.5 step 0.1), volShocks?: decimal
 *   shifts, each in (−10, 10] (default −0.2…0.2 step 0.1) }`.
 * @returns {@link ScenarioGrid}: P&L in USD per cell, row-major (cell (i, j) at i·volShocks.length + j), exactly 0 at
 *   (0, 0) because the base is priced in the same batch with identical inputs; the lowest loan health factor per cell.
 * @throws InvalidInputError naming the field and value (a bad portfolio, a shock out of range or not finite).
 */
export function scenarioGrid(portfolio: Portfolio, options: ScenarioGridOptions = {}): ScenarioGrid {
  const book = compilePortfolio(portfolio);
  const o = checkObject('options', options);
  checkKnownFields('', o, ['spotShocks', 'volShocks'], "scenarioGrid's options");
  const spotShocks = checkShocks('spotShocks', o.spotShocks ?? DEFAULT_SPOT_SHOCKS, -1, MAX_SPOT_SHOCK, '(relative moves: −0.5 means −50%)');
  const volShocks = checkShocks('volShocks', o.volShocks ?? DEFAULT_VOL_SHOCKS, -MAX_VOL, MAX_VOL, '(decimal vol shifts: 0.1 means +10 vol points)');
  const ns = spotShocks.length, nv = volShocks.length;
  const cells = ns * nv;
  const set = emptyScenarios(book, cells + 1); // scenario 0: the base
  for (let i = 0; i < ns; i++) {
    for (let j = 0; j < nv; j++) {
      const c = 1 + i * nv + j;
      for (const f of set.spotFactor) f[c] = 1 + spotShocks[i]!;
      set.volShift[c] = volShocks[j]!;
    }
  }
  const r = revalue(book, set);
  const base = r.value[0]!;
  return {
    spotShocks, volShocks, baseValueUsd: base,
    valueUsd: r.value.slice(1),
    pnlUsd: r.value.slice(1).map((v) => v - base),
    minHealthFactor: r.minHealth.slice(1),
    status: r.status.slice(1),
    legsRevalued: r.legs,
  };
}
