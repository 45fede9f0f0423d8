import { describe, expect, it } from 'vitest';
import { daysBetween, expiryLabel, isoSeconds, parseIsoUtc } from '../../src/cli/time.js';

describe('parseIsoUtc', () => {
  it('reads the snapshot formats, keeping microseconds as fractional ms', () => {
    expect(parseIsoUtc('2026-01-03T08:00:00+00:00')).toBe(Date.UTC(2026, 0, 3, 8));
    expect(parseIsoUtc('2025-12-31T09:18:28.589807+00:00')).toBeCloseTo(Date.UTC(2025, 11, 31, 9, 18, 28) + 589.807, 6);
    expect(parseIsoUtc('2026-01-03T08:00:00Z')).toBe(Date.UTC(2026, 0, 3, 8));
    expect(parseIsoUtc('2026-01-03 08:00:00')).toBe(Date.UTC(2026, 0, 3, 8));
  });

  it('applies offsets', () => {
    expect(parseIsoUtc('2026-01-03T09:30:00+01:30')).toBe(Date.UTC(2026, 0, 3, 8));
    expect(parseIsoUtc('2026-01-03T03:00:00-0500')).toBe(Date.UTC(2026, 0, 3, 8));
  });

  it('rejects what is not a valid date-time', () => {
    for (const bad of ['', '2026-01-03', '2026-13-01T00:00:00Z', '2026-02-29T00:00:00Z', '2026-01-01T24:00:00Z', 'yesterday']) {
      expect(parseIsoUtc(bad), bad).toBeUndefined();
    }
    expect(parseIsoUtc('2028-02-29T00:00:00Z')).toBe(Date.UTC(2028, 1, 29));
  });
});

describe('daysBetween and labels', () => {
  it('counts calendar days; ACT/365 years are days / 365', () => {
    const ts = parseIsoUtc('2025-12-31T09:18:28.589807+00:00') as number;
    const exp = parseIsoUtc('2026-01-30T08:00:00+00:00') as number;
    const days = daysBetween(ts, exp);
    expect(days).toBeCloseTo(29 + (22 * 3600 + 41 * 60 + 31.410193) / 86400, 9);
    // the CSV's time_to_maturity uses 365.25-day years: same days, different divisor
    expect(days / 365.25).toBeCloseTo(0.08198631740667858, 12); // the CSV row's time_to_maturity
  });

  it('labels expiries like Deribit instrument names', () => {
    expect(expiryLabel(Date.UTC(2026, 0, 3, 8))).toBe('3JAN26');
    expect(expiryLabel(Date.UTC(2026, 11, 25, 8))).toBe('25DEC26');
    expect(isoSeconds(Date.UTC(2025, 11, 31, 9, 18, 28) + 589.807)).toBe('2025-12-31T09:18:28Z');
  });
});

describe('parseIsoUtc: strict offsets and years', () => {
  it('rejects impossible offsets and years outside 1970-2200', () => {
    for (const bad of ['2026-01-03T08:00:00+99:99', '2026-01-03T08:00:00+05:60', '2026-01-03T08:00:00+14:01',
      '2026-01-03T08:00:00-12:01', '0025-01-03T08:00:00Z', '1969-12-31T23:59:59Z', '2201-01-01T00:00:00Z']) {
      expect(parseIsoUtc(bad), bad).toBeUndefined();
    }
  });

  it('accepts the extremes of the ranges', () => {
    expect(parseIsoUtc('2026-01-03T22:00:00+14:00')).toBe(Date.UTC(2026, 0, 3, 8));
    expect(parseIsoUtc('2026-01-02T20:00:00-12:00')).toBe(Date.UTC(2026, 0, 3, 8));
    expect(parseIsoUtc('1970-01-01T00:00:00Z')).toBe(0);
    expect(parseIsoUtc('2200-12-31T08:00:00Z')).toBe(Date.UTC(2200, 11, 31, 8));
  });
});
