// gammaScalpBacktest: a delta-hedged long straddle on bars against the entry implied vol, with the
// decomposition P&L ≈ Σ ½ΓS²(r² − σ²Δt). Hand-checkable synthetic bars (mpmath values) and one real run.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { blackScholes, gammaScalpBacktest, realizedVol } from '../../src/index.js';
import { loadCandles } from '../../src/cli/candles.js';
import { referenceHedgePath } from '../../src/reference/hedge.js';
import { useWasm } from '../helpers/wasm.js';
import { expectInvalid } from '../helpers/invalid.js';

useWasm();

describe('gammaScalpBacktest on synthetic bars (expected values: scripts/hedge/mpmath_values.py, mpmath 40 digits)', () => {
  it('flat price: P&L = −premium exactly; decomposition = Σ θΔt', () => {
    // S = K = 100, σ = 0.5, 10 daily bars: straddle = 2S(2Φ(σ√T/2) − 1) = 6.6014555786625928488;
    // Σ_{i<10} −½σ²S²Γ(τ_i)Δt with Γ = 2φ(σ√τ/2)/(Sσ√τ): −5.2403139099205709358 (mpmath)
    const r = gammaScalpBacktest({ candles: { close: new Array(11).fill(100) }, entryIndex: 0, expiryBars: 10, impliedVol: 0.5 });
    expect(r.premium).toBeCloseTo(6.6014555786625928488, 12);
    expect(r.pnl).toBeCloseTo(-6.6014555786625928488, 12);
    expect(r.decomposition).toBeCloseTo(-5.2403139099205709358, 12);
    expect(r.residual).toBeCloseTo(-6.6014555786625928488 + 5.2403139099205709358, 12);
    expect(r.payoff).toBe(0);
    expect(r.trades).toBe(10); // at S = K the straddle's delta 2Φ(σ√τ/2) − 1 shrinks with τ: a (tiny) trade every bar
  });
  it('one bar 100 → 110: P&L = −V0 + 10 − Δ0·10 = 7.8074952720650954962; ½ΓS²(r² − σ²Δt) = 14.198267806886764076', () => {
    const r = gammaScalpBacktest({ candles: { close: [100, 110], openTime: [0, 86_400_000] }, entryIndex: 0, expiryBars: 1, impliedVol: 0.5 });
    expect(r.pnl).toBeCloseTo(7.8074952720650954962, 12);
    expect(r.decomposition).toBeCloseTo(14.198267806886764076, 11);
    expect(r.entryTime).toBe(0);
    expect(r.expiryYears).toBe(1 / 365);
  });
  it('rebalancing every k bars moves the lag into deltaMismatch; decomposition unchanged', () => {
    const close = Array.from({ length: 41 }, (_, i) => 100 * Math.exp(0.03 * Math.sin(i * 1.7) + 0.001 * i));
    const a = gammaScalpBacktest({ candles: { close }, entryIndex: 0, expiryBars: 40, impliedVol: 0.4 });
    const b = gammaScalpBacktest({ candles: { close }, entryIndex: 0, expiryBars: 40, impliedVol: 0.4, rebalanceEvery: 5 });
    expect(a.deltaMismatch).toBe(0);
    expect(b.decomposition).toBe(a.decomposition);
    expect(b.pnl - a.pnl).toBeCloseTo(b.deltaMismatch, 9);
    expect(b.trades).toBe(8);
  });
  it('bad input names the field', () => {
    const candles = { close: [100, 101, 102] };
    expectInvalid(() => gammaScalpBacktest({ candles, entryIndex: 2, expiryBars: 1, impliedVol: 0.5 }), 'entryIndex', 2);
    expectInvalid(() => gammaScalpBacktest({ candles, entryIndex: 0, expiryBars: 3, impliedVol: 0.5 }), 'expiryBars', 3);
    expectInvalid(() => gammaScalpBacktest({ candles, entryIndex: 0, expiryBars: 2, impliedVol: 45 }), 'impliedVol', 45);
    expectInvalid(() => gammaScalpBacktest({ candles: { close: [100, -1, 3] }, entryIndex: 0, expiryBars: 2, impliedVol: 0.5 }), 'model.prices[1]', -1);
    expectInvalid(() => gammaScalpBacktest({ candles, entryIndex: 0, expiryBars: 2, impliedVol: 0.5, rebalanceEvery: 0 }), 'rebalanceEvery', 0);
  });
});

describe('gammaScalpBacktest on real BTC daily candles (data/ohlc/BTCUSDT_1d.csv, Binance)', () => {
  it('30-day ATM straddle from the close of 2025-12-31 at the Deribit ATM implied vol 40.31 %', () => {
    // 0.4031: the 29.95-day ATM BTC call's implied vol recomputed from the Deribit snapshot of 2025-12-31 09:18
    // (README tour; data/deribit). The bars close at 24:00 UTC, the option expiring at 08:00: a 30-bar approximation.
    const c = loadCandles(fileURLToPath(new URL('../../data/ohlc/BTCUSDT_1d.csv', import.meta.url)));
    const entry = c.openTime.indexOf(Date.UTC(2025, 11, 31));
    expect(entry).toBeGreaterThan(0);
    const r = gammaScalpBacktest({ candles: c, entryIndex: entry, expiryBars: 30, impliedVol: 0.4031 });
    expect(r.entrySpot).toBe(87648.22); // the file's close of 2025-12-31
    expect(r.expirySpot).toBe(84260.49); // 2026-01-30
    const prices = c.close.slice(entry, entry + 31);
    // the same run by the plain-TS reference
    const ref = referenceHedgePath({ option: { type: 'straddle', strike: r.strike, expiryYears: 30 / 365, position: 'long' }, hedgeVol: 0.4031,
      model: { type: 'path', prices } }, prices);
    expect(r.pnl).toBeCloseTo(ref.pnl, 8);
    expect(r.decomposition).toBeCloseTo(ref.gamma + ref.theta, 8);
    expect(r.premium).toBeCloseTo(2 * blackScholes({ type: 'call', spot: r.entrySpot, strike: r.strike, expiryYears: 30 / 365, vol: 0.4031 }).price
      - (r.entrySpot - r.strike), 8);
    expect(r.realizedVol).toBe(realizedVol({ close: prices }, { estimator: 'close-to-close', periodsPerYear: 365 }));
    // the P&L is the premium, the payoff and the hedge's gains: pnl + premium − payoff = Σ −Δ·ΔS
    expect(r.payoff).toBeCloseTo(Math.abs(84260.49 - 87648.22), 8);
    // figures of the report (measured 2026-11-29): pnl 884.93, decomposition 225.02, residual 659.91 USD,
    // premium 8077.34, realised vol 37.39 %
    expect(r.pnl).toBeCloseTo(884.93, 1);
    expect(r.decomposition).toBeCloseTo(225.02, 1);
  });
  it('May 2021 (the 2021-05-19 crash): hourly bars hedged every 24 h = daily bars; hourly hedging shrinks the residual', () => {
    // Two files of different provenance (data/ohlc/README.md) whose closes agree at 24:00 UTC. The implied vol
    // is an input here: the trailing 30-day close-to-close realised vol at entry (no 2021 option data is shipped).
    const d = loadCandles(fileURLToPath(new URL('../../data/ohlc/BTCUSDT_1d.csv', import.meta.url)));
    const h = loadCandles(fileURLToPath(new URL('../../data/ohlc/Binance_BTCUSDT_1h.clean.csv', import.meta.url)));
    const e1 = d.openTime.indexOf(Date.UTC(2021, 3, 30)); // daily bar of 2021-04-30 (close 24:00)
    const e2 = h.openTime.indexOf(Date.UTC(2021, 3, 30, 23)); // hourly bar closing at the same instant
    const iv = realizedVol({ close: d.close.slice(e1 - 30, e1 + 1) }, { estimator: 'close-to-close', periodsPerYear: 365 });
    const daily = gammaScalpBacktest({ candles: d, entryIndex: e1, expiryBars: 30, impliedVol: iv });
    const hourlyHedgedDaily = gammaScalpBacktest({ candles: h, entryIndex: e2, expiryBars: 720, impliedVol: iv, periodsPerYear: 8760, rebalanceEvery: 24 });
    const hourly = gammaScalpBacktest({ candles: h, entryIndex: e2, expiryBars: 720, impliedVol: iv, periodsPerYear: 8760 });
    expect(hourlyHedgedDaily.pnl).toBeCloseTo(daily.pnl, 6);
    expect(hourly.expirySpot).toBe(daily.expirySpot);
    // measured: iv 0.6713, realised (daily) 1.134; pnl 2364.15 daily vs 1363.74 hourly; decomposition residual −46.5 (daily) and −53.7 (hourly)
    // against the hourly-bar decomposition with daily hedging, whose residual (946.7) is the re-hedging lag
    expect(daily.pnl).toBeGreaterThan(0); // realised far above implied: the long straddle made money
    expect(Math.abs(hourly.residual)).toBeLessThan(0.05 * hourly.pnl);
    expect(hourlyHedgedDaily.residual - hourlyHedgedDaily.taylorResidual).toBeCloseTo(hourlyHedgedDaily.deltaMismatch, 6);
  });
});
