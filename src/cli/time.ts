/**
 * Time conventions of the Deribit snapshots (DESIGN §4): ISO-8601 UTC instants, expiry at 08:00 UTC,
 * year fractions ACT/365 computed from calendar days. Pure functions, no library calls.
 */

const MS_PER_DAY = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Earliest year a snapshot date may have: earlier ones are typos or corrupt cells (`0025`). */
export const MIN_YEAR = 1970;
/** Latest year a snapshot date may have: later ones are typos or corrupt cells (`9999`). */
export const MAX_YEAR = 2200;

/** Widest UTC offsets in use: −12:00 to +14:00. */
const MIN_OFFSET_MIN = -12 * 60;
const MAX_OFFSET_MIN = 14 * 60;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/**
 * Parses an ISO-8601 date-time such as `2025-12-31T09:18:28.589807+00:00` into epoch milliseconds.
 * Fractional seconds of any length are kept (sub-millisecond digits become fractional ms); a missing
 * zone means UTC; `Z` and `±hh:mm` / `±hhmm` offsets (minutes 00–59, within −12:00…+14:00) are applied.
 * @returns milliseconds since 1970-01-01T00:00Z, or `undefined` when the text is not such a date-time,
 *   names an impossible date (month 13, 31 February, hour 24, …), has an impossible offset (`+99:99`)
 *   or a year outside {@link MIN_YEAR}–{@link MAX_YEAR} (e.g. `0025`).
 */
export function parseIsoUtc(text: string): number | undefined {
  const m = ISO.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const base = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(base).getUTCDate() !== day) return undefined;
  const fracMs = frac === undefined ? 0 : Number(`0.${frac}`) * 1000;
  let offsetMin = 0;
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(2, 4));
    if (offsetMinutes > 59) return undefined;
    offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + offsetMinutes);
    if (offsetMin < MIN_OFFSET_MIN || offsetMin > MAX_OFFSET_MIN) return undefined;
  }
  return base + fracMs - offsetMin * 60_000;
}

/** Calendar days from `fromMs` to `toMs` (epoch milliseconds); negative when `toMs` is earlier. */
export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / MS_PER_DAY;
}

/**
 * Deribit-style expiry label of a UTC instant, e.g. 2026-01-30T08:00Z → `30JAN26` (day without
 * leading zero, as in instrument names like `BTC-3JAN26-88000-C`).
 */
export function expiryLabel(ms: number): string {
  const date = new Date(ms);
  const month = MONTHS[date.getUTCMonth()] ?? '???';
  const yy = String(date.getUTCFullYear() % 100).padStart(2, '0');
  return `${date.getUTCDate()}${month}${yy}`;
}

/** ISO-8601 text of a UTC instant with second precision, e.g. `2025-12-31T09:18:28Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
