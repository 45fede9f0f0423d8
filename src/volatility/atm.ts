/** At-the-money implied vol of one expiry's smile, by linear interpolation in log-moneyness. */
import { checkObject, checkLevel, checkVol, fail } from '../options/validate.js';
import { checkColumn } from '../options/columns.js';

/**
 * ATM implied vol of one expiry: the smile σ(x), x = ln(K/F), linearly interpolated at x = 0 (K = F)
 * between the two listed strikes that bracket the forward. Several quotes at one strike (a call and a
 * put, which Deribit marks with the same IV) are averaged first. No extrapolation.
 * @param input `{ strikes, vols, forward }`: strikes (> 0, any order) and their implied vols (decimals),
 *   equal lengths; the forward of that expiry, same currency as the strikes.
 * @returns the ATM implied vol, a decimal.
 * @throws InvalidInputError naming the field and value: empty or mismatched columns, a bad strike or vol
 *   (`strikes[4]`), a forward outside [lowest strike, highest strike] (no extrapolation).
 */
export function atmImpliedVol(input: { strikes: ArrayLike<number>; vols: ArrayLike<number>; forward: number }): number {
  const o = checkObject('input', input);
  const strikes = checkColumn('strikes', o.strikes);
  const vols = checkColumn('vols', o.vols);
  const forward = checkLevel('forward', o.forward);
  if (strikes.length === 0) fail('strikes', o.strikes, 'non-empty', 'must not be empty');
  if (vols.length !== strikes.length) fail('vols.length', vols.length, `= strikes.length (${strikes.length})`, `must equal strikes.length (${strikes.length})`);
  const byStrike = new Map<number, { sum: number; count: number }>();
  for (let i = 0; i < strikes.length; i++) {
    const k = checkLevel(`strikes[${i}]`, strikes[i]);
    const v = checkVol(`vols[${i}]`, vols[i]);
    const e = byStrike.get(k);
    if (e === undefined) byStrike.set(k, { sum: v, count: 1 });
    else { e.sum += v; e.count += 1; }
  }
  const ks = [...byStrike.keys()].sort((a, b) => a - b);
  const vol = (k: number): number => { const e = byStrike.get(k)!; return e.sum / e.count; };
  if (forward < ks[0]! || forward > ks[ks.length - 1]!) {
    fail('forward', forward, `within [${ks[0]}, ${ks[ks.length - 1]}]`, `must lie within the listed strikes [${ks[0]}, ${ks[ks.length - 1]}] (no extrapolation)`);
  }
  const hi = ks.findIndex((k) => k >= forward);
  if (ks[hi] === forward) return vol(forward);
  const kLo = ks[hi - 1]!, kHi = ks[hi]!;
  const xLo = Math.log(kLo / forward), xHi = Math.log(kHi / forward);
  const t = -xLo / (xHi - xLo);
  return vol(kLo) + t * (vol(kHi) - vol(kLo));
}
