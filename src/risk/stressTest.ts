/** Applying named stress scenarios to a portfolio by full revaluation (issue #6 §5). */
import { checkKnownFields, checkObject, fail } from '../options/validate.js';
import type { Portfolio } from './portfolioTypes.js';
import { emptyScenarios, revalue } from './portfolioRevalue.js';
import { compilePortfolio } from './portfolioValidate.js';
import { stressScenarios, type StressScenario } from './stressScenarios.js';

/** Which figure of a {@link StressScenario} shock moves spot. */
export type StressMeasure = 'high-low' | 'close-path' | 'close-to-close';

/** Options of {@link stressTest}. */
export interface StressTestOptions {
  /** Scenarios to apply (default {@link stressScenarios}). */
  scenarios?: readonly StressScenario[];
  /** 'high-low' (default: `spotShock`), 'close-path' (`closePathShock`) or 'close-to-close' (e^{closeToCloseLogReturn} − 1). */
  measure?: StressMeasure;
  /** Additive vol shift (decimal) applied to every option leg with the spot move; default 0. */
  volShift?: number;
}

/** P&L of one scenario. */
export interface StressResult {
  name: string;
  date: string;
  /** Relative spot move applied per underlying of the portfolio. */
  spotShocks: Record<string, number>;
  baseValueUsd: number;
  valueUsd: number;
  /** valueUsd − baseValueUsd. */
  pnlUsd: number;
  /** Lowest loan health factor after the move (+∞ without loans). */
  minHealthFactor: number;
}

/**
 * Revalues a portfolio under each named scenario: every underlying's spot moves by its own shock (Black-76
 * forwards with it), vols shift by `volShift`, no time passes. An underlying of the portfolio missing from a
 * scenario is an error (name it in the scenario or drop the position).
 * @returns one {@link StressResult} per scenario, in order.
 * @throws InvalidInputError naming the field and value: a bad portfolio, an unknown measure, a bad volShift, a
 *   scenario without a shock for one of the portfolio's underlyings.
 */
export function stressTest(portfolio: Portfolio, options: StressTestOptions = {}): StressResult[] {
  const book = compilePortfolio(portfolio);
  const o = checkObject('options', options);
  checkKnownFields('', o, ['scenarios', 'measure', 'volShift'], "stressTest's options");
  const scenarios = (o.scenarios ?? stressScenarios) as StressScenario[];
  if (!Array.isArray(scenarios) || scenarios.length === 0) fail('scenarios', scenarios, 'non-empty array', 'must be a non-empty array of scenarios');
  const measure = o.measure ?? 'high-low';
  if (measure !== 'high-low' && measure !== 'close-path' && measure !== 'close-to-close') {
    fail('measure', measure, "'high-low' | 'close-path' | 'close-to-close'", "must be 'high-low', 'close-path' or 'close-to-close'");
  }
  const volShift = o.volShift ?? 0;
  if (typeof volShift !== 'number' || !Number.isFinite(volShift) || Math.abs(volShift) > 10) fail('volShift', volShift, '|x| <= 10', 'must be a finite decimal vol shift within ±10');
  const set = emptyScenarios(book, scenarios.length + 1);
  const applied: Record<string, number>[] = [];
  scenarios.forEach((s, k) => {
    const so = checkObject(`scenarios[${k}]`, s);
    const shocks = checkObject(`scenarios[${k}].shocks`, so.shocks);
    const rec: Record<string, number> = {};
    book.underlyings.forEach((u, i) => {
      const f = `scenarios[${k}].shocks.${u}`;
      if (!Object.prototype.hasOwnProperty.call(shocks, u)) fail(f, undefined, 'given', `is missing: scenario ${String(so.name)} has no shock for ${u}`);
      const sh = checkObject(f, shocks[u]);
      const raw = measure === 'high-low' ? sh.spotShock : measure === 'close-path' ? sh.closePathShock : sh.closeToCloseLogReturn;
      const field = `${f}.${measure === 'high-low' ? 'spotShock' : measure === 'close-path' ? 'closePathShock' : 'closeToCloseLogReturn'}`;
      if (typeof raw !== 'number' || !Number.isFinite(raw)) fail(field, raw, 'finite', 'must be a finite number');
      const move = measure === 'close-to-close' ? Math.expm1(raw) : raw;
      if (!(move > -1)) fail(field, raw, '> -1', 'must be a relative move > −1');
      rec[u] = move;
      set.spotFactor[i]![k + 1] = 1 + move;
    });
    set.volShift[k + 1] = volShift;
    applied.push(rec);
  });
  const r = revalue(book, set);
  const base = r.value[0]!;
  return scenarios.map((s, k) => ({
    name: s.name, date: s.date, spotShocks: applied[k]!, baseValueUsd: base, valueUsd: r.value[k + 1]!,
    pnlUsd: r.value[k + 1]! - base, minHealthFactor: r.minHealth[k + 1]!,
  }));
}
