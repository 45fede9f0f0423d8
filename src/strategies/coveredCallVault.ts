/**
 * Covered-call vault: hold the coins and, every period (a week or a month), sell calls on the whole holding
 * expiring at the period's end, struck where the call's BSM delta equals a target; settle each call in cash at
 * its expiry and roll. Simulated on seeded paths with one exact step per period (./terminal.ts `drawPaths`),
 * against holding the coins alone on the same paths (common random numbers).
 *
 * Strike by delta: a BSM call has delta e^{−qτ}N(d₁), so delta Δ means d₁ = N⁻¹(Δe^{qτ}) and
 * K = S·exp(−d₁σ√τ + (r − q + σ²/2)τ) (Hull 2018 §19.1 for the delta; the inversion is algebra). K and the premium
 * are proportional to S (BSM is homogeneous of degree 1 in S and K), so every period sells at the same moneyness
 * K/S and premium fraction C/S.
 * Cash (premiums less call settlements) accrues at the rate; vault wealth at the end = q·S_N + cash.
 */
import { blackScholes } from '../options/blackScholes.js';
import { normInv } from '../reference/normal.js';
import { checkOutcomeOptions, pnlOutcomes } from './compare.js';
import { checkTerminal, drawPaths, meanAndError } from './terminal.js';
import type { Holding, JumpSpec, OutcomeOptions, StrategyOutcomes } from './types.js';
import { checkHolding, checkInteger, checkObject, checkOpenUnit, checkRate, checkVol, fail } from './validate.js';

/** Input of {@link coveredCallVault}. */
export interface CoveredCallVaultInput extends OutcomeOptions {
  holding: Holding;
  /** Roll period: `'weekly'` (7/365 years) or `'monthly'` (1/12 year). */
  roll: 'weekly' | 'monthly';
  /** Number of periods simulated (default: one year, 52 or 12). */
  periods?: number;
  /** Call delta at which strikes are chosen, in (0, 1) (e.g. 0.25). */
  deltaTarget: number;
  /** Vol for strikes and premiums (the implied vol the calls are sold at). */
  vol: number;
  rate?: number;
  dividendYield?: number;
  /** Simulation: realised vol (default `vol`), drift (default risk neutral), jumps, paths (default 20,000), seed (default 1). */
  simulation?: { vol?: number; drift?: number; jumps?: JumpSpec; paths?: number; seed?: number | bigint | string };
}

/** Result of {@link coveredCallVault}. */
export interface CoveredCallVaultResult {
  periodYears: number;
  periods: number;
  /** Strike / spot at each roll and the premium per unit / spot (same every period). */
  moneyness: number;
  premiumFraction: number;
  /** premiumFraction × periods per year: the premium yield, annualised (simple). */
  annualisedPremiumYield: number;
  /** Share of periods whose call finished in the money (capped upside). */
  exerciseFrequency: number;
  /** P&L at the end (USD) of the vault and of the holding alone, on the same paths. */
  vault: StrategyOutcomes;
  hold: StrategyOutcomes;
  /** Mean and standard error of vault − hold per path (USD). */
  difference: { mean: number; standardError: number };
}

/**
 * Simulates a rolling covered-call vault against holding (see the file comment).
 * @param input `{ holding, roll, periods?, deltaTarget, vol, rate? = 0, dividendYield? = 0, simulation?, confidence? = 0.95, lossThreshold? = 0 }`.
 * @returns `{ periodYears, periods, moneyness, premiumFraction, annualisedPremiumYield, exerciseFrequency, vault, hold, difference }`.
 * @throws InvalidInputError naming the field and value.
 */
export function coveredCallVault(input: CoveredCallVaultInput): CoveredCallVaultResult {
  const o = checkObject('input', input);
  const holding = checkHolding(o.holding);
  if (o.roll !== 'weekly' && o.roll !== 'monthly') fail('roll', o.roll, "'weekly' | 'monthly'", "must be 'weekly' or 'monthly'");
  const tau = o.roll === 'weekly' ? 7 / 365 : 1 / 12;
  const periods = o.periods === undefined ? (o.roll === 'weekly' ? 52 : 12) : checkInteger('periods', o.periods, 1, 10_000);
  const delta = checkOpenUnit('deltaTarget', o.deltaTarget);
  const vol = checkVol('vol', o.vol);
  if (vol === 0) fail('vol', vol, '> 0', 'must be > 0 (a strike by delta needs a vol)');
  const rate = checkRate('rate', o.rate), q = checkRate('dividendYield', o.dividendYield);
  const { confidence, lossThreshold } = checkOutcomeOptions(input);
  const target = delta * Math.exp(q * tau);
  if (!(target < 1)) fail('deltaTarget', delta, `< e^{−qτ} (${Math.exp(-q * tau)})`, 'is above the largest call delta at this yield');
  const d1 = normInv(target);
  const moneyness = Math.exp(-d1 * vol * Math.sqrt(tau) + (rate - q + 0.5 * vol * vol) * tau);
  const premiumFraction = blackScholes({ type: 'call', spot: 1, strike: moneyness, expiryYears: tau, vol, rate, dividendYield: q }).price;
  const sim = (o.simulation === undefined ? {} : checkObject('simulation', o.simulation)) as NonNullable<CoveredCallVaultInput['simulation']>;
  const c = checkTerminal('simulation', {
    spot: holding.spot, vol: sim.vol ?? vol, expiryYears: tau * periods, ...(sim.drift === undefined ? { rate, dividendYield: q } : { drift: sim.drift }),
    jumps: sim.jumps, paths: sim.paths ?? 20_000, seed: sim.seed ?? 1,
  });
  const paths = drawPaths(c, periods);
  const row = periods + 1, n = c.paths, qty = holding.quantity, growth = Math.exp(rate * tau);
  const vault = new Float64Array(n), hold = new Float64Array(n), diff = new Float64Array(n);
  let exercised = 0;
  for (let i = 0; i < n; i++) {
    let cash = 0;
    for (let j = 0; j < periods; j++) {
      const s = paths[i * row + j]!, next = paths[i * row + j + 1]!;
      const k = moneyness * s;
      const pay = Math.max(next - k, 0);
      if (pay > 0) exercised++;
      cash = cash * growth + qty * (premiumFraction * s * growth - pay);
    }
    const last = paths[i * row + periods]!;
    hold[i] = qty * (last - holding.spot);
    vault[i] = hold[i]! + cash;
    diff[i] = cash;
  }
  return {
    periodYears: tau, periods, moneyness, premiumFraction, annualisedPremiumYield: premiumFraction / tau,
    exerciseFrequency: exercised / (n * periods),
    vault: pnlOutcomes('covered-call vault', vault, confidence, lossThreshold),
    hold: pnlOutcomes('hold', hold, confidence, lossThreshold),
    difference: meanAndError(diff),
  };
}
