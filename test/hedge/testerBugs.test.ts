// Regressions: gammaScalpBacktest with one holding bar (realizedVol was NaN) and an openTime column of the wrong
// length (silently ignored); simulateHedge's unknown fields and its seed rule (required for simulated models,
// as monteCarlo's spec).
import { describe, expect, it } from 'vitest';
import { gammaScalpBacktest, InvalidInputError, simulateHedge } from '../../src/index.js';
import type { HedgeSpec } from '../../src/hedge/types.js';
import { expectInvalid } from '../helpers/invalid.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

const close = [100, 101, 99, 102, 103, 101, 100, 104, 105, 103, 102]; // 11 bars

describe('gammaScalpBacktest', () => {
  it('expiryBars 1: realizedVol is null (one return has no ddof-1 variance), never NaN; the P&L is still reported', () => {
    const r = gammaScalpBacktest({ candles: { close }, entryIndex: 0, expiryBars: 1, impliedVol: 0.5 });
    expect(r.realizedVol).toBeNull();
    expect(Number.isFinite(r.pnl)).toBe(true);
  });
  it('expiryBars 2: realizedVol = √365·|ln(99/101) − ln(101/100)|/√2 (ddof-1 sd of two returns, by hand)', () => {
    const r = gammaScalpBacktest({ candles: { close }, entryIndex: 0, expiryBars: 2, impliedVol: 0.5 });
    const a = Math.log(101 / 100), b = Math.log(99 / 101);
    expect(r.realizedVol!).toBeCloseTo(Math.sqrt(365) * Math.abs(a - b) / Math.sqrt(2), 12);
  });
  it('an openTime of 2 entries for 11 bars is rejected naming candles.openTime (was entryTime: undefined)', () => {
    expectInvalid(() => gammaScalpBacktest({ candles: { close, openTime: [0, 1] }, entryIndex: 3, expiryBars: 5, impliedVol: 0.5 }), 'candles.openTime', undefined);
    const r = gammaScalpBacktest({ candles: { close, openTime: close.map((_, i) => i * 86_400_000) }, entryIndex: 3, expiryBars: 5, impliedVol: 0.5 });
    expect(r.entryTime).toBe(3 * 86_400_000);
  });
});

describe('simulateHedge spec', () => {
  const ok: HedgeSpec = {
    option: { type: 'call', strike: 100, expiryYears: 1, position: 'short' }, spot: 100, hedgeVol: 0.2,
    model: { type: 'gbm', vol: 0.2 }, steps: 10, paths: 10, seed: 1,
  };
  it('a misspelt field (hedgevol) is rejected with the known name suggested, at every level', async () => {
    let error: unknown;
    try { await simulateHedge({ ...ok, hedgevol: 3 } as never); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details.field).toBe('hedgevol');
    expect((error as Error).message).toContain('did you mean hedgeVol?');
    await expect(simulateHedge({ ...ok, costs: { feebps: 5 } } as never)).rejects.toThrow(/costs\.feebps/);
    await expect(simulateHedge({ ...ok, model: { type: 'gbm', vol: 0.2, jumpIntensity: 1 } } as never)).rejects.toThrow(/model\.jumpIntensity/);
    await expect(simulateHedge({ ...ok, option: { ...ok.option, Strike: 90 } } as never)).rejects.toThrow(/option\.Strike/);
  });
  it('a simulated model without seed is rejected naming seed (required in the type, as in monteCarlo)', async () => {
    const { seed: _seed, ...noSeed } = ok;
    await expect(simulateHedge(noSeed as never)).rejects.toThrow(/seed/);
  });
  it('a result manifest (version, blocks, hash) is still accepted as a spec', async () => {
    const r = await simulateHedge(ok);
    const again = await simulateHedge(r.manifest);
    expect(again.pnl.mean).toBe(r.pnl.mean);
  });
});
