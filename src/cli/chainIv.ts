/**
 * Implied vols of a whole option chain from its mark prices, in one batch call (Deribit inverse
 * options: Black-76 on the expiry's forward, r = 0, coin prices converted to USD).
 */
import { impliedVolBatch, yearsFromDays } from '../index.js';
import type { OptionChain } from './snapshot.js';
import { daysBetween } from './time.js';

/** Per-option results aligned with the chain's columns. */
export interface ChainIv {
  /** Calendar days from the row's `timestamp` to its expiry (negative if expired). */
  days: Float64Array;
  /** Year fraction ACT/365 (NaN for an expired row, which then gets status INVALID_INPUT). */
  expiryYears: Float64Array;
  /** Mark price in USD per option on 1 coin: `mark_price × underlying`. */
  priceUsd: Float64Array;
  /** Recomputed implied vol (decimal); NaN where the status is not OK. */
  vol: Float64Array;
  /** Per-option status code (`Status` from the library). */
  status: Uint8Array;
}

/**
 * Recomputes every option's implied vol from its mark price: price = mark_price × F (USD), F = the
 * row's `underlying`, T = (expiry − timestamp) in days / 365, r = 0, Black-76.
 * @returns per-option days, years, USD price, vol and status (see {@link ChainIv}).
 * @throws the library's `WasmInitError` if `init()` has not resolved.
 */
export function solveChain(chain: OptionChain): ChainIv {
  const n = chain.n;
  const days = new Float64Array(n);
  const expiryYears = new Float64Array(n);
  const priceUsd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const d = daysBetween(chain.timestampMs[i]!, chain.expiryMs[i]!);
    days[i] = d;
    expiryYears[i] = d > 0 ? yearsFromDays(d) : Number.NaN;
    priceUsd[i] = chain.mark[i]! * chain.forward[i]!;
  }
  const { vol, status } = impliedVolBatch({
    isCall: chain.isCall,
    prices: priceUsd,
    forwards: chain.forward,
    strikes: chain.strike,
    expiriesYears: expiryYears,
    rates: 0,
  });
  return { days, expiryYears, priceUsd, vol, status };
}
