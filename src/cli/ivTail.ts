/**
 * Why some recomputed IVs differ from the exchange's: per-expiry diagnostics (how far the forward the
 * exchange's marks imply sits from the reported `underlying`) and facts about the tail of |ΔIV|.
 */
import { Status } from '../index.js';
import type { ChainIv } from './chainIv.js';
import { MIN_TICK } from './conventions.js';
import type { IvRow } from './ivCheck.js';
import { groupByExpiry } from './select.js';
import type { OptionChain } from './snapshot.js';
import { max, median } from './stats.js';
import { expiryLabel } from './time.js';

/** Rows disagreeing by more than this many vol points are the "tail" the note explains. */
export const TAIL_VOL_POINTS = 0.1;

/** Rows with |delta − P/F| at least this are "forward-sensitive" (in the money): their marks pin F. */
export const FORWARD_SENSITIVE = 0.5;

/** One expiry's agreement figures. */
export interface ExpiryDiagnostics {
  label: string;
  days: number;
  options: number;
  /** Options of this expiry not solved (status not OK). */
  failed: number;
  /** Options of this expiry marked exactly at intrinsic (IV 0, no vol information), left out of the figures. */
  atIntrinsic: number;
  medianAbsVolPts: number;
  maxAbsVolPts: number;
  /** Range of the rows' `underlying` (USD): several values when the forward moved during collection. */
  underlyingMin: number;
  underlyingMax: number;
  /**
   * The forward at which the exchange's mark IV reprices its in-the-money marks (median over rows
   * with |delta − P/F| ≥ 0.5 of underlying + forwardShiftUsd), USD; NaN without such rows.
   */
  markForward: number;
  /** markForward − median underlying, USD. */
  markForwardShiftUsd: number;
}

/** Figures behind the tail of |ΔIV| (rows above {@link TAIL_VOL_POINTS}). */
export interface TailFacts {
  thresholdVolPts: number;
  count: number;
  /** Of those, rows deep in or out of the money (|ln K/F| > 0.3). */
  deepMoneyness: number;
  /** Of those, rows whose time value (mark − intrinsic) is below the 0.0001-coin minimum tick. */
  subTickTimeValue: number;
  /** Of those, in-the-money rows (|delta − P/F| ≥ 0.5), whose price is mostly intrinsic value. */
  forwardSensitive: number;
  /** Median |forward shift| that closes the gap on the tail's forward-sensitive rows, USD. */
  medianAbsForwardShiftUsd: number;
  /** Median vega among the tail rows and among all compared rows, coin per vol point. */
  medianVegaCoin: number;
  medianVegaCoinAll: number;
  /** Median |mark − Black-76(exchange IV)/F| over all compared rows, and max over the tail, coin. */
  medianPriceGapCoinAll: number;
  maxPriceGapCoin: number;
  /** Range of `index_price` over the chain's rows (USD): how far the market moved while collecting. */
  indexMin: number;
  indexMax: number;
  /** True when every exchange IV is a multiple of 0.0001 (published to 0.01 vol point). */
  markIvRoundedToHundredthVolPt: boolean;
}

/**
 * Per-expiry agreement and the forward the exchange's marks imply.
 * @param chain one currency's options
 * @param rows the compared rows of {@link ivCheck}.
 * @param solved the chain's recomputed IVs: status not OK counts as failed, vol 0 as at intrinsic.
 */
export function expiryDiagnostics(chain: OptionChain, rows: readonly IvRow[], solved: ChainIv): ExpiryDiagnostics[] {
  return groupByExpiry(chain).map((g) => {
    const mine = rows.filter((r) => r.expiryMs === g.expiryMs);
    const abs = mine.map((r) => Math.abs(r.dIvVolPts));
    const forwards = g.indices.map((i) => chain.forward[i]!);
    const pinned = mine.filter((r) => r.forwardSensitivity >= FORWARD_SENSITIVE && Number.isFinite(r.forwardShiftUsd));
    const markForward = median(pinned.map((r) => r.forward + r.forwardShiftUsd));
    return {
      label: expiryLabel(g.expiryMs),
      days: g.days,
      options: g.indices.length,
      failed: g.indices.filter((i) => solved.status[i] !== Status.OK).length,
      atIntrinsic: g.indices.filter((i) => solved.status[i] === Status.OK && solved.vol[i] === 0).length,
      medianAbsVolPts: median(abs),
      maxAbsVolPts: max(abs),
      underlyingMin: Math.min(...forwards),
      underlyingMax: Math.max(...forwards),
      markForward,
      markForwardShiftUsd: markForward - g.forward,
    };
  });
}

/**
 * Facts about the rows with |ΔIV| above {@link TAIL_VOL_POINTS}.
 * @param chain one currency's options
 * @param rows the compared rows of {@link ivCheck}.
 */
export function tailFacts(chain: OptionChain, rows: readonly IvRow[]): TailFacts {
  const tail = rows.filter((r) => Math.abs(r.dIvVolPts) > TAIL_VOL_POINTS);
  const sensitive = tail.filter((r) => r.forwardSensitivity >= FORWARD_SENSITIVE && Number.isFinite(r.forwardShiftUsd));
  const index = Array.from(chain.indexPrice);
  return {
    thresholdVolPts: TAIL_VOL_POINTS,
    count: tail.length,
    deepMoneyness: tail.filter((r) => Math.abs(Math.log(r.strike / r.forward)) > 0.3).length,
    subTickTimeValue: tail.filter((r) => r.timeValueCoin < MIN_TICK).length,
    forwardSensitive: sensitive.length,
    medianAbsForwardShiftUsd: median(sensitive.map((r) => Math.abs(r.forwardShiftUsd))),
    medianVegaCoin: median(tail.map((r) => r.vegaCoinPerVolPt)),
    medianVegaCoinAll: median(rows.map((r) => r.vegaCoinPerVolPt)),
    medianPriceGapCoinAll: median(rows.map((r) => Math.abs(r.priceGapCoin))),
    maxPriceGapCoin: max(tail.map((r) => Math.abs(r.priceGapCoin))),
    indexMin: Math.min(...index),
    indexMax: Math.max(...index),
    markIvRoundedToHundredthVolPt: Array.from(chain.markIv).every((v) => Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6),
  };
}
