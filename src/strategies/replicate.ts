/**
 * Option replication: a synthetic protective put (the holding plus a dynamically delta-hedged replica of the
 * put: short Δ_put units of the underlying and cash, started with the put's premium) against buying the put,
 * on the same simulated paths (`simulateHedge`, src/hedge: discrete BSM delta hedging with fees, slippage and gas).
 *
 * The replica of q puts is the hedge book of a short position in q puts: its P&L per path (cash + hedge − payoff,
 * premium received at t = 0) is exactly the replica's terminal value minus the puts' payoff, i.e. the hedging
 * error. So per path: synthetic P&L = bought-put P&L + hedging error, with the bought-put P&L
 * q·(S_T − S₀) + q·max(K − S_T, 0) − q·P·e^{rT} on the path's own terminal price.
 */
import { simulateHedge } from '../hedge/simulate.js';
import type { HedgeCosts, HedgeModel, HedgeRebalance, HedgeSpec } from '../hedge/types.js';
import { checkOutcomeOptions, pnlOutcomes } from './compare.js';
import { meanAndError } from './terminal.js';
import type { Holding, OutcomeOptions, StrategyOutcomes } from './types.js';
import { checkHolding, checkHorizon, checkLevel, checkObject, checkVol } from './validate.js';

/** Input of {@link replicateProtectivePut}. */
export interface ReplicateProtectivePutInput extends OutcomeOptions {
  holding: Holding;
  strike: number;
  expiryYears: number;
  /** Vol of the put's price and of the hedge's delta. */
  vol: number;
  rate?: number;
  /** The simulated price process (default GBM at `vol` with drift = rate). */
  model?: HedgeModel;
  /** Hedge rebalancing times over the horizon (default 30). */
  steps?: number;
  rebalance?: HedgeRebalance;
  costs?: HedgeCosts;
  /** Paths (default 20,000) and seed (default 1). */
  paths?: number;
  seed?: number | bigint | string;
}

/** Result of {@link replicateProtectivePut}. */
export interface ReplicationResult {
  /** Put premium per unit (BSM at `vol`), USD. */
  premium: number;
  paths: number;
  /** P&L distributions (USD): holding + bought put, and holding + replica. */
  bought: StrategyOutcomes;
  synthetic: StrategyOutcomes;
  /** Hedging error (replica value − put payoff at expiry, USD for the whole quantity): mean, its SE, SD, RMS. */
  hedgingError: { mean: number; standardError: number; sd: number; rms: number };
  /** Mean trading costs per path (USD) and mean trades per path of the replica. */
  costs: number;
  trades: number;
}

/**
 * Compares a synthetic protective put (delta-hedged replica) with a bought put on the same paths (see the file comment).
 * @param input `{ holding, strike, expiryYears, vol, rate? = 0, model?, steps? = 30, rebalance?, costs?, paths? = 20,000,
 *   seed? = 1, confidence? = 0.95, lossThreshold? = 0 }`.
 * @returns `{ premium, paths, bought, synthetic, hedgingError, costs, trades }`; for no costs the mean hedging error is
 *   ≈ 0 and its SD ≈ √(π/4)·vega·σ/√N (Kamal & Derman 1999) for time-step rebalancing.
 * @throws (rejects with) InvalidInputError naming the field and value (hedge fields as `simulateHedge` names them).
 */
export async function replicateProtectivePut(input: ReplicateProtectivePutInput): Promise<ReplicationResult> {
  const o = checkObject('input', input);
  const holding = checkHolding(o.holding);
  const strike = checkLevel('strike', o.strike);
  const t = checkHorizon('expiryYears', o.expiryYears);
  const vol = checkVol('vol', o.vol);
  const { confidence, lossThreshold } = checkOutcomeOptions(input);
  const rate = input.rate ?? 0;
  const r = await simulateHedge({
    option: { type: 'put', strike, expiryYears: t, position: 'short', quantity: holding.quantity },
    spot: holding.spot, rate, hedgeVol: vol,
    model: input.model ?? { type: 'gbm', vol },
    steps: input.steps ?? 30, ...(input.rebalance ? { rebalance: input.rebalance } : {}), ...(input.costs ? { costs: input.costs } : {}),
    paths: input.paths ?? 20_000, seed: input.seed ?? 1,
  } as HedgeSpec);
  const n = r.paths, q = holding.quantity, carry = q * r.premium * Math.exp(rate * t);
  const bought = new Float64Array(n), synthetic = new Float64Array(n), error = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const e = r.outcomes.pnl[i]!;
    if (Number.isNaN(e)) continue; // a path the venue could not fill (reported by simulateHedge)
    const s = r.outcomes.finalSpot[i]!;
    bought[m] = q * (s - holding.spot) + q * Math.max(strike - s, 0) - carry;
    synthetic[m] = bought[m]! + e;
    error[m] = e;
    m++;
  }
  const err = error.subarray(0, m);
  const { mean, standardError } = meanAndError(err);
  let ss = 0;
  for (let i = 0; i < m; i++) ss += err[i]! * err[i]!;
  return {
    premium: r.premium, paths: m,
    bought: pnlOutcomes('bought put', bought.subarray(0, m), confidence, lossThreshold),
    synthetic: pnlOutcomes('synthetic put', synthetic.subarray(0, m), confidence, lossThreshold),
    hedgingError: { mean, standardError, sd: standardError * Math.sqrt(m), rms: Math.sqrt(ss / m) },
    costs: r.costs.total, trades: r.trades,
  };
}
