// Stress scenarios: the committed constants (src/risk/stressScenarios.ts) recomputed from the shipped hourly
// candles with dayStress, the daily figure cited in data/ohlc/README.md, and their application to portfolios.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCandles } from '../../src/cli/candles.js';
import { dayStress, peakToTrough, stressScenarios, stressTest, type Portfolio } from '../../src/index.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';
import { MIXED } from './portfolioFixtures.js';
import { referenceValue } from './portfolioReference.js';

useWasm();

const candles = (coin: string) => loadCandles(fileURLToPath(new URL(`../../data/ohlc/Binance_${coin}USDT_1h.clean.csv`, import.meta.url)));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

describe('peakToTrough', () => {
  it('hand cases: 100 → 120 → 90 → 110 → 60 gives 60/120 − 1 = −0.5 (peak 1, trough 4); rising prices give 0', () => {
    const p = [100, 120, 90, 110, 60];
    const r = peakToTrough(p, p);
    expect(r.move).toBe(-0.5);
    expect([r.peakIndex, r.troughIndex]).toEqual([1, 4]);
    expect(peakToTrough([1, 2, 3], [1, 2, 3]).move).toBe(0);
  });
  it('highs/lows: a later low against an earlier high (same bar allowed)', () => {
    expect(peakToTrough([10, 12, 11], [9, 11, 6]).move).toBe(0.5 - 1); // 6 / 12
    expect(peakToTrough([10], [8]).move).toBeCloseTo(-0.2, 15);
  });
  it('bad input names the field', () => {
    expectInvalid(() => peakToTrough([1, 2], [1]), 'troughs.length', 1);
    expectInvalid(() => peakToTrough([1, 0], [1, 1]), 'peaks[1]', 0);
  });
});

describe('stressScenarios are the hourly data (recomputed here with dayStress; recipe in stressScenarios.ts)', () => {
  const data = { BTC: candles('BTC'), ETH: candles('ETH') };
  for (const s of stressScenarios) {
    for (const coin of ['BTC', 'ETH'] as const) {
      it(`${s.name} ${coin}`, () => {
        const [y, m, d] = s.date.split('-').map(Number) as [number, number, number];
        const c = data[coin];
        const day = dayStress(c, Date.UTC(y, m - 1, d));
        const k = s.shocks[coin]!;
        expect(day.bars).toBe(24);
        expect(k.spotShock).toBe(day.highLow.move);
        expect(k.logShock).toBeCloseTo(day.highLow.logMove, 15);
        expect(k.peak.high).toBe(day.highLow.peak);
        expect(k.trough.low).toBe(day.highLow.trough);
        const first = Array.from(c.openTime).indexOf(Date.UTC(y, m - 1, d));
        expect(k.peak.barOpenUtc).toBe(iso(c.openTime[first + day.highLow.peakIndex]!));
        expect(k.trough.barOpenUtc).toBe(iso(c.openTime[first + day.highLow.troughIndex]!));
        expect(day.highLow.troughIndex).toBeGreaterThan(day.highLow.peakIndex); // intrabar order never needed
        expect(k.closePathShock).toBe(day.close.move);
        expect(k.closeToCloseLogReturn).toBeCloseTo(day.closeToCloseLogReturn, 15);
      });
    }
  }
  it('BTC 2020-03-12 close-to-close log return −0.5026069 = the daily file figure (data/ohlc/README.md, test/volatility/vectors.json)', () => {
    expect(stressScenarios[0]!.shocks.BTC!.closeToCloseLogReturn).toBeCloseTo(-0.5026069427414592, 14);
    expect(stressScenarios[0]!.shocks.ETH!.closeToCloseLogReturn).toBeCloseTo(-0.5905343858695511, 13); // README: −0.5905
  });
  it('ETH 2021-05-19: the README bar (12:00Z, H 2773.52, L 1960) is in the day; the trough is the 13:00Z low 1888', () => {
    expect(stressScenarios[1]!.shocks.ETH!.trough).toEqual({ barOpenUtc: '2021-05-19T13:00:00Z', low: 1888 });
    expect(stressScenarios[1]!.shocks.ETH!.spotShock).toBeCloseTo(1888 / 3441.73 - 1, 15);
  });
});

describe('stressTest', () => {
  it('1 BTC: P&L = S·spotShock (−44.64% on 2020-03-12, −31.17% on 2021-05-19)', () => {
    const p: Portfolio = { market: { BTC: { spot: 60_000 } }, positions: [{ kind: 'spot', underlying: 'BTC', quantity: 1 }] };
    const r = stressTest(p);
    expect(r.map((x) => x.name)).toEqual(['black-thursday-2020-03-12', 'may-crash-2021-05-19']);
    expect(r[0]!.pnlUsd).toBeCloseTo(60_000 * -0.4464090020674929, 8);
    expect(r[1]!.pnlUsd).toBeCloseTo(60_000 * -0.31168822229717175, 8);
    const cc = stressTest(p, { measure: 'close-to-close' });
    expect(cc[0]!.pnlUsd).toBeCloseTo(60_000 * Math.expm1(-0.5026069427414592), 8);
  });
  it('mixed book: each scenario equals the plain-JS oracle with per-underlying shocks and a vol shift; the loan HF drops', () => {
    const r = stressTest(MIXED, { volShift: 0.3 });
    const base = referenceValue(MIXED, {});
    for (const [k, s] of stressScenarios.entries()) {
      const ref = referenceValue(MIXED, { BTC: s.shocks.BTC!.spotShock, ETH: s.shocks.ETH!.spotShock }, 0.3) - base;
      expect(Math.abs(r[k]!.pnlUsd - ref)).toBeLessThan(1e-8);
      expect(r[k]!.minHealthFactor).toBeCloseTo((10 * 3000 * (1 + s.shocks.ETH!.spotShock) * 0.83) / 15000, 13);
    }
    expect(r[0]!.minHealthFactor).toBeLessThan(1); // 1.66 · 0.5175 = 0.859: liquidatable on Black Thursday
  });
  it('bad input: unknown measure, a scenario without the underlying, a vol shift in percent', () => {
    expectInvalid(() => stressTest(MIXED, { measure: 'worst' as 'high-low' }), 'measure', 'worst');
    const sol: Portfolio = { market: { SOL: { spot: 100 } }, positions: [{ kind: 'spot', underlying: 'SOL', quantity: 1 }] };
    expectInvalid(() => stressTest(sol), 'scenarios[0].shocks.SOL', undefined);
    expectInvalid(() => stressTest(MIXED, { volShift: 30 }), 'volShift', 30);
  });
});
