/**
 * Liquidation prevention for a single-collateral loan against a stable debt: the probability of liquidation
 * within a horizon and the expected liquidation loss, against the cost of three remedies, each sized to keep
 * HF ≥ 1 through a price shock: (a) puts on the collateral, (b) deleveraging (selling collateral to repay
 * debt), (c) adding collateral. The remedies are compared on a frontier of cost against P(liquidation) and
 * against expected loss.
 *
 * P(liquidation) = P(the collateral price reaches the position's liquidation price before the horizon), by the
 * closed-form first passage of `liquidationProbability` (src/lending, reflection principle) with HF₀ = S₀ / S*
 * (S* the liquidation price: HF ∝ price for a stable debt), and optionally by its Monte Carlo
 * (`liquidationProbabilityMonteCarlo`). Loss given liquidation: the liquidator repays closeFactor × debt and
 * seizes (1 + liquidationBonus) times that in collateral (PROTOCOLS.md §1: seized value / repaid value = 1 + LB;
 * Aave v3 close factor 0.5 while HF > 0.95), so the borrower loses closeFactor·debt·(bonus + slippage·(1 + bonus)),
 * `slippage` being the extra fraction of the seized value lost to the gap between trigger and execution (an
 * assumption: 0 by default).
 */
import { liquidationProbability } from '../lending/liquidationProbability.js';
import { liquidationProbabilityMonteCarlo } from '../lending/liquidationProbabilityMonteCarlo.js';
import { unitGreeks } from './legs.js';
import { efficientFrontier } from './optimize.js';
import type { PricingModel } from './types.js';
import {
  checkArray, checkFraction, checkHorizon, checkInteger, checkLevel, checkModel, checkObject,
  checkOpenUnit, checkRate, checkSeed, checkTradingCost, checkVol, fail,
} from './validate.js';

/** The loan: `collateralAmount` units of the collateral against `debtValue` USD of a stable debt. */
export interface ProtectedLoan {
  collateralAmount: number;
  debtValue: number;
  /** Liquidation threshold, fraction (0, 1). */
  liquidationThreshold: number;
  /** Liquidation bonus, fraction (0.05 = 5%). */
  liquidationBonus: number;
  /** Share of the debt a liquidation repays (default 0.5, Aave v3 while HF > 0.95). */
  closeFactor?: number;
}

/** Input of {@link preventLiquidation}. */
export interface PreventLiquidationInput {
  loan: ProtectedLoan;
  /** Collateral price today, USD. */
  spot: number;
  /** Collateral vol (decimal). */
  vol: number;
  horizonYears: number;
  /** Real-world drift of the collateral price (default 0). */
  drift?: number;
  /** Borrow rate on the debt and yield on the collateral (continuously compounded; default 0). */
  borrowRate?: number;
  collateralYield?: number;
  /** Extra fraction of the seized value lost in a liquidation (default 0). */
  slippage?: number;
  /** Price falls (fractions) each remedy is sized to survive (default [0.1, 0.2, 0.3, 0.4, 0.5]). */
  shocks?: number[];
  /** Put strikes (USD; each ≥ the liquidation price; default: the liquidation price, halfway to spot, spot). */
  putStrikes?: number[];
  /** Pricing of the puts (expiry = the horizon); default BSM at `vol`, rate 0. */
  putModel?: PricingModel;
  /** Cost of selling collateral to deleverage, bps of the sold value (default 30). */
  tradingCostBps?: number;
  /** Annual opportunity cost of capital posted as extra collateral (default 0.05). */
  capitalCostRate?: number;
}

/** One state of the loan (as it is, or after a remedy). */
export interface LiquidationRisk {
  /** `'none'` (the loan as it is), `'puts'`, `'deleverage'` or `'addCollateral'`. */
  action: 'none' | 'puts' | 'deleverage' | 'addCollateral';
  /** The shock the remedy was sized for (0 for `'none'`). */
  shock: number;
  /** Remedy size: puts (units and strike), collateral sold (USD), collateral added (units). */
  putQuantity?: number;
  putStrike?: number;
  collateralSoldUsd?: number;
  collateralAdded?: number;
  /** Cost of the remedy (USD): put premiums; trading cost plus carry; capital cost of the added collateral. */
  cost: number;
  /** Collateral price at which the loan is liquidated (USD; with puts, their intrinsic value counted as repayable). */
  liquidationPrice: number;
  /** Health factor today (with puts: unchanged; the puts act below their strike). */
  healthFactor: number;
  /** P(liquidation within the horizon), closed form. */
  probability: number;
  /** Borrower's loss if liquidated (USD). */
  lossGivenLiquidation: number;
  /** probability × lossGivenLiquidation (USD). */
  expectedLoss: number;
  /** Monte Carlo P(liquidation) and its standard error (after `liquidationMonteCarlo`). */
  monteCarloProbability?: number;
  monteCarloStandardError?: number;
}

/** Result of {@link preventLiquidation}. */
export interface PreventLiquidationResult {
  baseline: LiquidationRisk;
  remedies: LiquidationRisk[];
  /** Non-dominated (cost, probability) points, cost ascending; the baseline first. */
  frontierByProbability: LiquidationRisk[];
  /** Non-dominated (cost, expected loss) points. */
  frontierByExpectedLoss: LiquidationRisk[];
  /** The model inputs (for the Monte Carlo check). */
  model: { vol: number; horizonYears: number; drift: number; borrowRate: number; collateralYield: number; spot: number };
}

/**
 * The loan's liquidation risk and the remedies (see the file comment for the model and sources).
 *
 * Sizing for a shock s (price S' = S₀(1 − s)), liquidation threshold LT, collateral c, debt D:
 * - puts at strike K ≥ S* = D/(c·LT): n = (D − c·S'·LT)/(K − S') units, so that at S' the puts' intrinsic value
 *   repays enough debt for HF = 1; the liquidation price becomes (D − nK)/(c·LT − n) (0 when n ≥ c·LT); cost n·P(K).
 * - deleverage: sell x USD of collateral at a trading cost f and repay x(1 − f): x = (D − c·S'·LT)/((1 − f) − (1 − s)·LT);
 *   cost x·f + (x·y − x(1 − f)·b)·T (the yield lost on the collateral less the interest saved).
 * - add collateral: a = D/(S'·LT) − c units; cost a·S₀·capitalCostRate·T.
 * Shocks the loan already survives need no remedy and are skipped.
 *
 * @param input see {@link PreventLiquidationInput}.
 * @returns `{ baseline, remedies, frontierByProbability, frontierByExpectedLoss, model }` (USD, probabilities).
 * @throws InvalidInputError naming the field and value: a loan already liquidatable (`loan.debtValue`), shocks
 *   outside (0, 1), a put strike below the liquidation price, bad numbers.
 */
export function preventLiquidation(input: PreventLiquidationInput): PreventLiquidationResult {
  const o = checkObject('input', input);
  const l = checkObject('loan', o.loan);
  const c = checkLevel('loan.collateralAmount', l.collateralAmount);
  const d = checkLevel('loan.debtValue', l.debtValue);
  const lt = checkOpenUnit('loan.liquidationThreshold', l.liquidationThreshold);
  const bonus = checkFraction('loan.liquidationBonus', l.liquidationBonus);
  const closeFactor = l.closeFactor === undefined ? 0.5 : checkFraction('loan.closeFactor', l.closeFactor);
  const spot = checkLevel('spot', o.spot);
  const vol = checkVol('vol', o.vol);
  const t = checkHorizon('horizonYears', o.horizonYears);
  const drift = checkRate('drift', o.drift), b = checkRate('borrowRate', o.borrowRate), y = checkRate('collateralYield', o.collateralYield);
  const slippage = o.slippage === undefined ? 0 : checkFraction('slippage', o.slippage);
  const fee = checkTradingCost(o.tradingCostBps);
  if (fee >= 1) fail('tradingCostBps', o.tradingCostBps, '< 10000', 'must be < 10000');
  const capitalRate = o.capitalCostRate === undefined ? 0.05 : checkRate('capitalCostRate', o.capitalCostRate);
  const shocks = o.shocks === undefined ? [0.1, 0.2, 0.3, 0.4, 0.5] : checkArray('shocks', o.shocks).map((s, i) => checkOpenUnit(`shocks[${i}]`, s));
  const liqPrice = d / (c * lt);
  if (!(liqPrice < spot)) fail('loan.debtValue', d, `< collateral value × LT (${c * spot * lt})`, `makes the loan liquidatable already (HF ${(c * spot * lt / d).toFixed(6)} ≤ 1)`);
  const strikes = o.putStrikes === undefined ? [liqPrice, 0.5 * (liqPrice + spot), spot] : checkArray('putStrikes', o.putStrikes).map((k, i) => {
    const x = checkLevel(`putStrikes[${i}]`, k);
    if (x < liqPrice) fail(`putStrikes[${i}]`, x, `>= the liquidation price (${liqPrice})`, `must be >= the liquidation price (${liqPrice}): below it the loan is liquidated before the puts pay`);
    return x;
  });
  const pm = checkModel(o.putModel === undefined ? { vol } : o.putModel);
  const model = { vol, horizonYears: t, drift, borrowRate: b, collateralYield: y, spot };
  const probabilityAt = (barrier: number): number =>
    (barrier <= 0 ? 0 : liquidationProbability({ healthFactor: spot / barrier, vol, horizonYears: t, drift, borrowRate: b, collateralYield: y }).probability);
  const state = (action: LiquidationRisk['action'], shock: number, cost: number, barrier: number, debtAtLiquidation: number, hf: number, extra: Partial<LiquidationRisk>): LiquidationRisk => {
    const probability = probabilityAt(barrier);
    const lossGivenLiquidation = barrier > 0 ? closeFactor * debtAtLiquidation * (bonus + slippage * (1 + bonus)) : 0;
    return { action, shock, ...extra, cost, liquidationPrice: barrier, healthFactor: hf, probability, lossGivenLiquidation, expectedLoss: probability * lossGivenLiquidation };
  };
  const hf0 = c * spot * lt / d;
  const baseline = state('none', 0, 0, liqPrice, d, hf0, {});
  const remedies: LiquidationRisk[] = [];
  for (const s of shocks) {
    const sp = spot * (1 - s);
    const gap = d - c * sp * lt;
    if (gap <= 0) continue; // the loan survives this shock as it is
    for (const k of strikes) {
      if (k <= sp) continue;
      const n = gap / (k - sp);
      const premium = unitGreeks('put', k, spot, t, pm.vol, pm).price;
      const barrier = c * lt > n ? Math.min((d - n * k) / (c * lt - n), liqPrice) : 0;
      remedies.push(state('puts', s, n * premium, barrier, c * barrier * lt, hf0, { putQuantity: n, putStrike: k }));
    }
    const x = gap / ((1 - fee) - (1 - s) * lt);
    const c2 = c - x / spot, d2 = d - x * (1 - fee);
    if (c2 > 0 && d2 > 0) {
      remedies.push(state('deleverage', s, x * fee + (x * y - x * (1 - fee) * b) * t, d2 / (c2 * lt), d2, c2 * spot * lt / d2, { collateralSoldUsd: x }));
    }
    const a = d / (sp * lt) - c;
    remedies.push(state('addCollateral', s, a * spot * capitalRate * t, d / ((c + a) * lt), d, (c + a) * spot * lt / d, { collateralAdded: a }));
  }
  const all = [baseline, ...remedies];
  return {
    baseline, remedies,
    frontierByProbability: efficientFrontier(all, (p) => p.probability),
    frontierByExpectedLoss: efficientFrontier(all, (p) => p.expectedLoss),
    model,
  };
}

/**
 * Adds Monte Carlo P(liquidation) (`liquidationProbabilityMonteCarlo`, src/lending: GBM with the Brownian-bridge
 * crossing probability, or Merton jumps) to the baseline and every remedy of a {@link preventLiquidation} result,
 * each on the same seed. Returns a new result; the input is not modified.
 * @param options `{ paths? = 200,000, seed? = 1, jumps? }`.
 * @throws InvalidInputError naming the field and value.
 */
export async function liquidationMonteCarlo(result: PreventLiquidationResult,
  options: { paths?: number; seed?: number | bigint | string; jumps?: { intensity: number; mean: number; vol: number } } = {}): Promise<PreventLiquidationResult> {
  const paths = options.paths === undefined ? 200_000 : checkInteger('paths', options.paths, 2, 100_000_000);
  const seed = checkSeed(options.seed === undefined ? 1 : options.seed).value;
  const m = result.model;
  const run = async (p: LiquidationRisk): Promise<LiquidationRisk> => {
    if (p.liquidationPrice <= 0) return { ...p, monteCarloProbability: 0, monteCarloStandardError: 0 };
    const r = await liquidationProbabilityMonteCarlo({
      healthFactor: m.spot / p.liquidationPrice, vol: m.vol, horizonYears: m.horizonYears, drift: m.drift, borrowRate: m.borrowRate,
      collateralYield: m.collateralYield, paths, seed, ...(options.jumps ? { jumps: options.jumps } : {}),
    });
    return { ...p, monteCarloProbability: r.probability, monteCarloStandardError: r.standardError };
  };
  const baseline = await run(result.baseline);
  const remedies: LiquidationRisk[] = [];
  for (const p of result.remedies) remedies.push(await run(p));
  const map = new Map<LiquidationRisk, LiquidationRisk>([[result.baseline, baseline], ...result.remedies.map((p, i) => [p, remedies[i]!] as const)]);
  return {
    ...result, baseline, remedies,
    frontierByProbability: result.frontierByProbability.map((p) => map.get(p)!),
    frontierByExpectedLoss: result.frontierByExpectedLoss.map((p) => map.get(p)!),
  };
}

