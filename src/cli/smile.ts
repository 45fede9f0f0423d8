/**
 * The volatility smile per expiry (out-of-the-money options: puts below the forward, calls at and
 * above it) and the at-the-money term structure with the ATM call's Greeks in trader units.
 */
import { Status, black76Batch, thetaPerDay, vegaPerVolPoint, yearsFromDays } from '../index.js';
import type { ChainIv } from './chainIv.js';
import { grouped } from './numbers.js';
import { groupByExpiry, interpolate } from './select.js';
import type { OptionChain } from './snapshot.js';
import { expiryLabel } from './time.js';

/**
 * One point of a smile: an OTM option's strike and recomputed IV (decimals). Options marked 0 carry
 * no volatility information (their IV is 0 by convention) and are left out.
 */
export interface SmilePoint {
  strike: number;
  type: 'call' | 'put';
  iv: number;
  /** The exchange's mark IV, for comparison. */
  markIv: number;
}

/**
 * One expiry's smile and ATM figures. Greeks are of the call struck at `atmStrike`, Black-76 on F with
 * r = 0 and the ATM IV, priced in USD: USD Greeks per 1 coin of underlying.
 */
export interface ExpirySmile {
  /** e.g. `30JAN26`. */
  label: string;
  expiry: string;
  days: number;
  forward: number;
  points: SmilePoint[];
  /**
   * ATM IV at K = F, linearly interpolated in strike between the OTM points around F; else the
   * nearest point's IV if its strike is within {@link ATM_BAND} of F in |ln K/F|; else NaN (JSON null).
   */
  atmIv: number;
  /** How `atmIv` was found: 'none' = not at all (see `atmNote`). */
  atmMethod: 'interpolated' | 'nearest' | 'none';
  /** Why there is no ATM IV (`atmMethod` 'none'), e.g. the nearest strike and its distance from F. */
  atmNote?: string;
  /** Strike of the ATM call the Greeks are for: F when interpolated, the nearest OTM strike, or NaN. */
  atmStrike: number;
  /** ATM call price, USD and coin. */
  callUsd: number;
  callCoin: number;
  /** ∂price/∂F (coin of forward exposure per coin of option notional). */
  delta: number;
  /** ∂²price/∂F², per USD. */
  gamma: number;
  /** Change of delta for a 1% move of F: gamma × F / 100. */
  gammaPerPct: number;
  /** USD per vol point (0.01). */
  vegaPerVolPt: number;
  /** USD per calendar day (negative = decay). */
  thetaPerDay: number;
}

/**
 * The widest |ln K/F| at which a single strike on one side of F still stands for the ATM IV (when
 * no strike brackets F): 0.05, i.e. within about 5% of the forward.
 */
export const ATM_BAND = 0.05;

/** The ATM IV of one expiry's sorted smile points: interpolated, nearest within the band, or none with a reason. */
function atmOf(points: readonly SmilePoint[], forward: number): { atmIv: number; method: ExpirySmile['atmMethod']; atmStrike: number; note?: string } {
  if (points.length === 0) return { atmIv: Number.NaN, method: 'none', atmStrike: Number.NaN, note: 'no out-of-the-money option solved' };
  const strikes = points.map((p) => p.strike);
  const { value, method } = interpolate(strikes, points.map((p) => p.iv), forward);
  if (method === 'interpolated') return { atmIv: value, method, atmStrike: forward };
  const nearest = forward <= strikes[0]! ? strikes[0]! : strikes[strikes.length - 1]!;
  const distance = Math.log(nearest / forward);
  if (Math.abs(distance) <= ATM_BAND) return { atmIv: value, method: 'nearest', atmStrike: nearest };
  const side = nearest > forward ? 'below' : 'above';
  return {
    atmIv: Number.NaN,
    method: 'none',
    atmStrike: Number.NaN,
    note: `no strike ${side} F; the nearest, ${grouped(nearest, Number.isInteger(nearest) ? 0 : 2)}, is at ln K/F = ${distance >= 0 ? '+' : ''}${distance.toFixed(3)}, outside +-${ATM_BAND}`,
  };
}

/**
 * Builds the smile and ATM term structure of one currency's chain.
 * @param chain one currency's options
 * @param solved its recomputed IVs ({@link solveChain}).
 * @returns one entry per expiry, earliest first; expiries without an ATM IV ({@link ATM_BAND}) get
 *   NaN ATM figures and a note saying why. The Greeks of all expiries come from one `black76Batch` call.
 */
export function buildSmiles(chain: OptionChain, solved: ChainIv): ExpirySmile[] {
  const groups = groupByExpiry(chain);
  const partial = groups.map((g) => {
    const points: SmilePoint[] = [];
    for (const i of g.indices) {
      const K = chain.strike[i]!;
      const wantCall = K >= g.forward;
      if ((chain.isCall[i] === 1) !== wantCall || solved.status[i] !== Status.OK || !(chain.mark[i]! > 0)) continue;
      points.push({ strike: K, type: wantCall ? 'call' : 'put', iv: solved.vol[i]!, markIv: chain.markIv[i]! });
    }
    points.sort((a, b) => a.strike - b.strike);
    const atm = atmOf(points, g.forward);
    return { g, points, atmIv: atm.atmIv, method: atm.method, atmStrike: atm.atmStrike, note: atm.note };
  });
  const n = partial.length;
  const greeks = black76Batch({
    isCall: new Uint8Array(n).fill(1),
    forwards: Float64Array.from(partial, (p) => p.g.forward),
    strikes: Float64Array.from(partial, (p) => p.atmStrike),
    expiriesYears: Float64Array.from(partial, (p) => (p.g.days > 0 ? yearsFromDays(p.g.days) : Number.NaN)),
    vols: Float64Array.from(partial, (p) => p.atmIv),
    rates: 0,
  });
  return partial.map((p, j) => {
    const ok = greeks.status[j] === Status.OK;
    const pick = (col: Float64Array): number => (ok ? col[j]! : Number.NaN);
    const F = p.g.forward;
    return {
      label: expiryLabel(p.g.expiryMs),
      expiry: new Date(p.g.expiryMs).toISOString(),
      days: p.g.days,
      forward: F,
      points: p.points,
      atmIv: p.atmIv,
      atmMethod: p.method,
      ...(p.note !== undefined ? { atmNote: p.note } : {}),
      atmStrike: p.atmStrike,
      callUsd: pick(greeks.price),
      callCoin: pick(greeks.price) / F,
      delta: pick(greeks.delta),
      gamma: pick(greeks.gamma),
      gammaPerPct: (pick(greeks.gamma) * F) / 100,
      vegaPerVolPt: ok ? vegaPerVolPoint(greeks.vega[j]!) : Number.NaN,
      thetaPerDay: ok ? thetaPerDay(greeks.theta[j]!) : Number.NaN,
    };
  });
}
