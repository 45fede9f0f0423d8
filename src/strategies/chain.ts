/**
 * A parsed option chain (columns as the CLI's snapshot loader produces them) turned into instruments with USD
 * premiums. Deribit BTC/ETH options are inverse: prices are quoted in coin and converted to USD at the
 * expiry's forward (the `underlying` column), the conversion Deribit's mark uses (PROTOCOLS.md §7; data check
 * there: mark ≈ Black76(F, K, T, mark_iv)/F, T in 365-day years). One contract is 1 coin (PROTOCOLS.md §7).
 */
import { fail } from '../options/validate.js';
import type { OptionType } from '../options/types.js';

/** The chain columns the strategies read (a subset of the CLI's `OptionChain`; one entry per option). */
export interface ChainColumns {
  instrument: readonly string[];
  /** Upper-case currency per row (e.g. `BTC`); absent: all rows are one currency. */
  currency?: readonly string[];
  /** 1 = call, 0 = put. */
  isCall: Uint8Array;
  strike: Float64Array;
  /** The expiry's forward (Deribit `underlying`), USD. */
  forward: Float64Array;
  /** Spot index (Deribit `index_price`), USD. */
  indexPrice: Float64Array;
  /** Expiry and snapshot instants, epoch ms UTC. */
  expiryMs: Float64Array;
  timestampMs: Float64Array;
  /** Mark, bid and ask in coin; NaN where the book has no bid/ask. */
  mark: Float64Array;
  bid: Float64Array;
  ask: Float64Array;
  /** Exchange mark IV, decimal. */
  markIv: Float64Array;
}

/** One listed option with USD premiums (coin price × its row's forward). */
export interface ChainInstrument {
  name: string;
  type: OptionType;
  strike: number;
  expiryYears: number;
  forward: number;
  markUsd: number;
  /** NaN without a bid / an ask. */
  bidUsd: number;
  askUsd: number;
  markIv: number;
}

/** The options of one expiry. */
export interface ChainExpiry {
  expiryMs: number;
  /** (expiry − snapshot time) in 365-day years (median over the rows). */
  expiryYears: number;
  days: number;
  /** Median forward and median spot index of the rows (USD). */
  forward: number;
  spot: number;
  instruments: ChainInstrument[];
}

const MS_PER_YEAR = 365 * 86_400_000;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

/**
 * Groups a chain's options of one currency by expiry (unexpired only), earliest first, with USD premiums.
 * @param chain parsed columns (see {@link ChainColumns}).
 * @param currency e.g. `'BTC'` (ignored when `chain.currency` is absent).
 * @returns the expiries, each with its instruments sorted by type (puts first) and strike.
 * @throws InvalidInputError naming `chain.<column>` when a column's length differs from `instrument`'s, or
 *   `currency` when no row matches.
 */
export function chainExpiries(chain: ChainColumns, currency = 'BTC'): ChainExpiry[] {
  const n = chain.instrument.length;
  for (const key of ['isCall', 'strike', 'forward', 'indexPrice', 'expiryMs', 'timestampMs', 'mark', 'bid', 'ask', 'markIv'] as const) {
    if (chain[key]?.length !== n) fail(`chain.${key}`, chain[key], `length ${n}`, `must have one entry per instrument (${n})`);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (chain.currency !== undefined && chain.currency[i] !== currency) continue;
    if (!(chain.expiryMs[i]! > chain.timestampMs[i]!)) continue;
    const list = groups.get(chain.expiryMs[i]!);
    if (list === undefined) groups.set(chain.expiryMs[i]!, [i]); else list.push(i);
  }
  if (groups.size === 0) fail('currency', currency, 'present in the chain', 'has no unexpired options in the chain');
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([expiryMs, idx]) => {
    const years = median(idx.map((i) => (expiryMs - chain.timestampMs[i]!) / MS_PER_YEAR));
    const instruments = idx.map((i): ChainInstrument => {
      const f = chain.forward[i]!;
      return {
        name: chain.instrument[i]!, type: chain.isCall[i] === 1 ? 'call' : 'put', strike: chain.strike[i]!,
        expiryYears: (expiryMs - chain.timestampMs[i]!) / MS_PER_YEAR, forward: f,
        markUsd: chain.mark[i]! * f, bidUsd: chain.bid[i]! * f, askUsd: chain.ask[i]! * f, markIv: chain.markIv[i]!,
      };
    }).sort((a, b) => (a.type === b.type ? a.strike - b.strike : a.type === 'put' ? -1 : 1));
    return {
      expiryMs, expiryYears: years, days: years * 365,
      forward: median(idx.map((i) => chain.forward[i]!)), spot: median(idx.map((i) => chain.indexPrice[i]!)), instruments,
    };
  });
}

/** The expiry nearest `targetDays` (the earlier on a tie). */
export function nearestExpiry(expiries: readonly ChainExpiry[], targetDays: number): ChainExpiry {
  let best = expiries[0]!;
  for (const e of expiries) if (Math.abs(e.days - targetDays) < Math.abs(best.days - targetDays)) best = e;
  return best;
}

/**
 * ATM implied vol of an expiry: the exchange mark IV interpolated linearly in strike at the forward between
 * the two listed strikes around it (out-of-the-money side: puts below F, calls above).
 */
export function atmMarkIv(expiry: ChainExpiry): number {
  const f = expiry.forward;
  const otm = expiry.instruments.filter((x) => (x.type === 'put' ? x.strike <= f : x.strike >= f) && Number.isFinite(x.markIv))
    .sort((a, b) => a.strike - b.strike);
  let lo: ChainInstrument | undefined, hi: ChainInstrument | undefined;
  for (const x of otm) { if (x.strike <= f) lo = x; else if (hi === undefined) hi = x; }
  if (lo === undefined) return hi?.markIv ?? NaN;
  if (hi === undefined || hi.strike === lo.strike) return lo.markIv;
  return lo.markIv + (hi.markIv - lo.markIv) * (f - lo.strike) / (hi.strike - lo.strike);
}

/**
 * A strategy leg from a listed instrument: its strike, name and USD premium — the ask for a purchase, the bid for a
 * sale (`'executable'`, the default), or the mark. Pass it as `put`/`call`/`soldPut` of the strategy constructors
 * with `model: { vol, forward: instrument.forward }` (Black-76, Deribit's convention) so the implied vol is the
 * premium's own.
 * @throws InvalidInputError naming `instrument` when the chosen side has no quote (NaN bid or ask).
 */
export function legFromChain(instrument: ChainInstrument, side: 'buy' | 'sell', price: 'executable' | 'mark' = 'executable'): { strike: number; premium: number; name: string } {
  const premium = price === 'mark' ? instrument.markUsd : side === 'buy' ? instrument.askUsd : instrument.bidUsd;
  if (!Number.isFinite(premium)) fail('instrument', instrument.name, `a ${side === 'buy' ? 'ask' : 'bid'} quote`, `has no ${side === 'buy' ? 'ask' : 'bid'} to ${side} at`);
  return { strike: instrument.strike, premium, name: instrument.name };
}
