/**
 * The IV check: the chain's implied vols recomputed from mark prices against the exchange's mark IV:
 * the size of the disagreement, its worst rows and every failure with its reason. The figures that
 * explain the tail are in `ivTail.ts`.
 */
import { MAX_EXPIRY_YEARS, PriceOutOfBoundsError, Status, TailguardError, black76Batch, impliedVol } from '../index.js';
import type { ChainIv } from './chainIv.js';
import { MIN_TICK, VOL_POINT } from './conventions.js';
import { type ExpiryDiagnostics, type TailFacts, expiryDiagnostics, tailFacts } from './ivTail.js';
import type { OptionChain } from './snapshot.js';
import { max, median, quantile } from './stats.js';

/** How many of the largest disagreements to list. */
const WORST = 8;

/** One compared option (status OK). Prices in coin; `dIvVolPts` = (recomputed − exchange) / 0.01. */
export interface IvRow {
  instrument: string;
  /** Data row in the file (1-based, header not counted). */
  row: number;
  expiryMs: number;
  isCall: boolean;
  days: number;
  strike: number;
  /** The row's `underlying`, USD. */
  forward: number;
  markCoin: number;
  /** mark − intrinsic (max(±(F − K), 0) / F), coin. */
  timeValueCoin: number;
  /** The exchange's mark IV (decimal). */
  markIv: number;
  /** Our IV (decimal). */
  iv: number;
  dIvVolPts: number;
  /** Black-76 vega at the exchange IV, coin per vol point. */
  vegaCoinPerVolPt: number;
  /** mark − Black-76(exchange IV)/F, coin: how far the exchange's IV is from reproducing its mark. */
  priceGapCoin: number;
  /**
   * Sensitivity of the coin price to the forward, per relative move: |delta − P/F| (= |∂(P/F)/∂F|·F).
   * Near 1 deep in the money, near 0 far out of it.
   */
  forwardSensitivity: number;
  /**
   * The forward move (USD) that closes the gap, to first order: gap / ∂(P/F)/∂F with
   * ∂(P/F)/∂F = (delta − P/F)/F at the exchange IV. NaN where the price does not depend on F.
   */
  forwardShiftUsd: number;
}

/** An option whose IV could not be recomputed. */
export interface IvFailure {
  instrument: string;
  row: number;
  /** Status name, e.g. `BELOW_INTRINSIC`. */
  status: string;
  /** The library's message (names the price and the bound). */
  reason: string;
  /** For out-of-bounds prices: the intrinsic value or maximum, USD and coin. */
  boundUsd?: number;
  boundCoin?: number;
  markCoin: number;
}

/** |ΔIV| statistics in vol points over a set of rows. */
export interface AbsStats {
  count: number;
  median: number;
  /** 99th percentile, linear interpolation (type 7). */
  p99: number;
  max: number;
}

/** Result of {@link ivCheck}. */
export interface IvCheckResult {
  options: number;
  compared: number;
  medianAbsVolPts: number;
  p99AbsVolPts: number;
  maxAbsVolPts: number;
  /** The same statistics without the rows whose time value is below one tick. */
  withoutSubTick: AbsStats;
  worst: IvRow[];
  failures: IvFailure[];
  failuresByStatus: Record<string, number>;
  /**
   * Options solved with vol 0 because the mark equals the intrinsic value exactly (e.g. a mark of 0
   * far out of the money): the price has no time value, so it carries no vol information and is
   * left out of the |ΔIV| statistics.
   */
  atIntrinsic: IvFailure[];
  byExpiry: ExpiryDiagnostics[];
  tail: TailFacts;
}

/** The name of a status code (`OK`, `BELOW_INTRINSIC`, …), or `STATUS_<n>` for an unknown code. */
export function statusName(code: number): string {
  for (const [name, value] of Object.entries(Status)) if (value === code) return name;
  return `STATUS_${code}`;
}

/** Median, 99th percentile and max of |ΔIV| (vol points) over `rows`; NaN figures for none. */
export function absStats(rows: readonly IvRow[]): AbsStats {
  const abs = rows.map((r) => Math.abs(r.dIvVolPts));
  return { count: abs.length, median: median(abs), p99: quantile(abs, 0.99), max: max(abs) };
}

function describeFailure(chain: OptionChain, solved: ChainIv, i: number): IvFailure {
  const base = { instrument: chain.instrument[i]!, row: chain.row[i]!, status: statusName(solved.status[i]!), markCoin: chain.mark[i]! };
  if (!(solved.days[i]! > 0)) return { ...base, reason: `expired before the snapshot (${solved.days[i]!.toFixed(3)} days)` };
  if (solved.expiryYears[i]! > MAX_EXPIRY_YEARS) {
    return {
      ...base,
      reason: `expires ${solved.expiryYears[i]!.toFixed(2)} years after the snapshot's timestamp, more than the ` +
        `${MAX_EXPIRY_YEARS} years the pricer accepts`,
    };
  }
  const F = chain.forward[i]!;
  try {
    impliedVol({
      type: chain.isCall[i] === 1 ? 'call' : 'put',
      price: solved.priceUsd[i]!,
      forward: F,
      strike: chain.strike[i]!,
      expiryYears: solved.expiryYears[i]!,
      rate: 0,
    });
    return { ...base, reason: 'the scalar solver succeeded where the batch failed' };
  } catch (err) {
    if (err instanceof PriceOutOfBoundsError) return { ...base, reason: err.message, boundUsd: err.bound, boundCoin: err.bound / F };
    if (err instanceof TailguardError) return { ...base, reason: err.message };
    throw err;
  }
}

/**
 * Compares recomputed implied vols with the exchange's mark IVs.
 * @param chain one currency's options.
 * @param solved {@link solveChain}'s result for that chain.
 * @returns counts; median / 99th percentile (type-7 interpolation) / max of |ΔIV| in vol points over
 *   the options solved with status OK and a positive vol (and again without sub-tick time values);
 *   the options marked exactly at intrinsic (vol 0, no information) listed apart; the worst rows;
 *   every failure with its reason (for out-of-bounds prices the bound, from one scalar `impliedVol`
 *   call per failed row); per-expiry diagnostics and the tail facts. Vegas, deltas and the
 *   exchange-IV prices come from one `black76Batch` call over the chain.
 */
export function ivCheck(chain: OptionChain, solved: ChainIv): IvCheckResult {
  const n = chain.n;
  const b = black76Batch({
    isCall: chain.isCall,
    forwards: chain.forward,
    strikes: chain.strike,
    expiriesYears: solved.expiryYears,
    vols: chain.markIv,
    rates: 0,
  });
  const rows: IvRow[] = [];
  const failures: IvFailure[] = [];
  const atIntrinsic: IvFailure[] = [];
  for (let i = 0; i < n; i++) {
    if (solved.status[i] !== Status.OK) {
      failures.push(describeFailure(chain, solved, i));
      continue;
    }
    if (solved.vol[i] === 0) {
      atIntrinsic.push({
        instrument: chain.instrument[i]!, row: chain.row[i]!, status: 'AT_INTRINSIC', markCoin: chain.mark[i]!,
        reason: `mark ${chain.mark[i]!} equals the intrinsic value: no time value, so no vol information (IV 0 by convention; exchange ${(chain.markIv[i]! * 100).toFixed(2)}%)`,
      });
      continue;
    }
    const F = chain.forward[i]!;
    const K = chain.strike[i]!;
    const isCall = chain.isCall[i] === 1;
    const modelCoin = b.price[i]! / F;
    const gap = chain.mark[i]! - modelCoin;
    const sensitivity = b.delta[i]! - modelCoin;
    rows.push({
      instrument: chain.instrument[i]!,
      row: chain.row[i]!,
      expiryMs: chain.expiryMs[i]!,
      isCall,
      days: solved.days[i]!,
      strike: K,
      forward: F,
      markCoin: chain.mark[i]!,
      timeValueCoin: chain.mark[i]! - Math.max(isCall ? F - K : K - F, 0) / F,
      markIv: chain.markIv[i]!,
      iv: solved.vol[i]!,
      dIvVolPts: (solved.vol[i]! - chain.markIv[i]!) / VOL_POINT,
      vegaCoinPerVolPt: (b.vega[i]! * VOL_POINT) / F,
      priceGapCoin: gap,
      forwardSensitivity: Math.abs(sensitivity),
      forwardShiftUsd: Math.abs(sensitivity) > 1e-9 ? (gap * F) / sensitivity : Number.NaN,
    });
  }
  const all = absStats(rows);
  const worst = [...rows].sort((a, c) => Math.abs(c.dIvVolPts) - Math.abs(a.dIvVolPts)).slice(0, WORST);
  const failuresByStatus: Record<string, number> = {};
  for (const f of failures) failuresByStatus[f.status] = (failuresByStatus[f.status] ?? 0) + 1;
  return {
    options: n,
    compared: rows.length,
    medianAbsVolPts: all.median,
    p99AbsVolPts: all.p99,
    maxAbsVolPts: all.max,
    withoutSubTick: absStats(rows.filter((r) => r.timeValueCoin >= MIN_TICK)),
    worst,
    failures,
    failuresByStatus,
    atIntrinsic,
    byExpiry: expiryDiagnostics(chain, rows, solved),
    tail: tailFacts(chain, rows),
  };
}
