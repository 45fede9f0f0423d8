/**
 * Protection for a holder of 1 coin: puts at the listed expiries nearest chosen horizons and the
 * strikes nearest chosen fractions of spot, with their cost, the floor they set and the break-even.
 */
import type { ChainIv } from './chainIv.js';
import { type ExpiryGroup, groupByExpiry, nearestIndex } from './select.js';
import type { OptionChain } from './snapshot.js';
import { median } from './stats.js';
import { expiryLabel } from './time.js';

/** Horizons (calendar days) the table looks for. */
export const TARGET_DAYS = [7, 30, 90] as const;

/** Strike levels as fractions of spot. */
export const TARGET_MONEYNESS = [0.8, 0.9, 0.95, 1] as const;

/**
 * Cost and effect of one protective put on 1 coin, at mark and at ask (USD; NaN at ask without an ask).
 * `floor…` = strike − cost; `breakEven…` = spot + cost; `cost…PctSpot` = cost / spot (decimal).
 */
export interface PutEconomics {
  costMarkUsd: number;
  costAskUsd: number;
  costMarkPctSpot: number;
  costAskPctSpot: number;
  floorMarkUsd: number;
  floorAskUsd: number;
  breakEvenMarkUsd: number;
  breakEvenAskUsd: number;
}

/**
 * One protective put on 1 coin. USD amounts are coin prices × the row's forward F (`underlying`).
 * `floor` = strike − cost: the least the hedged holding (1 coin + 1 put, premium paid) is worth at
 * expiry. `breakEven` = spot + cost: the price the coin must reach at expiry for the hedged holding to
 * be worth today's spot (i.e. to recover the premium).
 */
export interface ProtectionRow extends PutEconomics {
  /** The horizons (days) this expiry was chosen for, e.g. [30]. */
  targetDays: number[];
  /** The strike levels (fractions of spot) this strike was chosen for, e.g. [0.95]. */
  targetMoneyness: number[];
  instrument: string;
  row: number;
  expiryLabel: string;
  days: number;
  strike: number;
  /** strike / spot. */
  moneyness: number;
  forward: number;
  /** Recomputed IV at mark (NaN if it could not be solved). */
  iv: number;
  markCoin: number;
  /** NaN when the book has no ask. */
  askCoin: number;
}

/** Result of {@link protectionTable}. */
export interface Protection {
  /** Spot = median `index_price` of the chain's rows, USD. */
  spot: number;
  rows: ProtectionRow[];
}

/**
 * The cost and effect of one protective put on 1 coin; pure arithmetic (see {@link PutEconomics}).
 * Cost in USD = coin price × forward, the conversion Deribit's mark uses for inverse options.
 * @param spot USD per coin (index)
 * @param strike USD
 * @param forward USD, the expiry's F.
 * @param markCoin mark price in coin
 * @param askCoin ask in coin, NaN when there is none.
 */
export function putEconomics(spot: number, strike: number, forward: number, markCoin: number, askCoin: number): PutEconomics {
  const costMarkUsd = markCoin * forward;
  const costAskUsd = askCoin * forward;
  return {
    costMarkUsd,
    costAskUsd,
    costMarkPctSpot: costMarkUsd / spot,
    costAskPctSpot: costAskUsd / spot,
    floorMarkUsd: strike - costMarkUsd,
    floorAskUsd: strike - costAskUsd,
    breakEvenMarkUsd: spot + costMarkUsd,
    breakEvenAskUsd: spot + costAskUsd,
  };
}

/** Each target mapped to the index of its nearest candidate; candidates chosen by several targets appear once. */
function pickNearest<T extends number>(candidates: readonly number[], targets: readonly T[], scale: number): Map<number, T[]> {
  const picked = new Map<number, T[]>();
  for (const t of targets) {
    const k = nearestIndex(candidates, t * scale);
    if (k < 0) continue;
    const list = picked.get(k);
    if (list === undefined) picked.set(k, [t]);
    else list.push(t);
  }
  return picked;
}

/**
 * Builds the protection table: for the expiries nearest {@link TARGET_DAYS} (among those not yet
 * expired) and, in each, the put strikes nearest {@link TARGET_MONEYNESS} × spot.
 * @param chain one currency's options
 * @param solved its recomputed IVs.
 * @returns spot and rows ordered by expiry then strike.
 */
export function protectionTable(chain: OptionChain, solved: ChainIv): Protection {
  const spot = median(Array.from(chain.indexPrice));
  const groups: ExpiryGroup[] = groupByExpiry(chain).filter((g) => g.days > 0);
  const rows: ProtectionRow[] = [];
  const byExpiry = pickNearest(groups.map((g) => g.days), TARGET_DAYS, 1);
  for (const [gi, targetDays] of [...byExpiry.entries()].sort((a, b) => a[0] - b[0])) {
    const g = groups[gi]!;
    const puts = g.indices.filter((i) => chain.isCall[i] === 0).sort((a, b) => chain.strike[a]! - chain.strike[b]!);
    const byStrike = pickNearest(puts.map((i) => chain.strike[i]!), TARGET_MONEYNESS, spot);
    for (const [pi, targetMoneyness] of [...byStrike.entries()].sort((a, b) => a[0] - b[0])) {
      const i = puts[pi]!;
      const strike = chain.strike[i]!;
      const forward = chain.forward[i]!;
      rows.push({
        targetDays,
        targetMoneyness,
        instrument: chain.instrument[i]!,
        row: chain.row[i]!,
        expiryLabel: expiryLabel(g.expiryMs),
        days: solved.days[i]!,
        strike,
        moneyness: strike / spot,
        forward,
        iv: solved.vol[i]!,
        markCoin: chain.mark[i]!,
        askCoin: chain.ask[i]!,
        ...putEconomics(spot, strike, forward, chain.mark[i]!, chain.ask[i]!),
      });
    }
  }
  return { spot, rows };
}
