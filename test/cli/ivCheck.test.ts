import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { solveChain } from '../../src/cli/chainIv.js';
import { ivCheck } from '../../src/cli/ivCheck.js';
import { DEFAULT_SNAPSHOT } from '../../src/cli/paths.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { useWasm } from '../helpers/wasm.js';
import { expiryYear, first, generatedSnapshot } from './generated.js';

useWasm();

const FEB = fileURLToPath(new URL('../../data/deribit/deribit_options_snapshot_20260205T093647Z.csv', import.meta.url));

function check(file: string, currency = 'BTC') {
  const chain = selectCurrency(loadSnapshot(file), currency);
  const solved = solveChain(chain);
  return { chain, solved, result: ivCheck(chain, solved) };
}

describe('IV check on the shipped snapshots', () => {
  it('2025-12-31 BTC: median |dIV| <= 0.01 vol points (the acceptance)', () => {
    const { result: r } = check(DEFAULT_SNAPSHOT);
    console.info(`2025-12-31 BTC: compared ${r.compared}/${r.options}, median ${r.medianAbsVolPts.toFixed(5)} vp, ` +
      `p99 ${r.p99AbsVolPts.toFixed(4)} vp, max ${r.maxAbsVolPts.toFixed(4)} vp, failures ${JSON.stringify(r.failuresByStatus)}`);
    expect(r.options).toBe(620);
    expect(r.medianAbsVolPts).toBeLessThanOrEqual(0.01);
    // an independent bisection solver (python, float64, same conventions) measures 0.0033 vp
    expect(r.medianAbsVolPts).toBeGreaterThan(0.001);
    expect(r.compared + r.failures.length + r.atIntrinsic.length).toBe(r.options);
  });

  it('2025-12-31 BTC: the one failure is the deep ITM put marked below intrinsic, with its bound', () => {
    const { result: r } = check(DEFAULT_SNAPSHOT);
    expect(r.failures).toHaveLength(1);
    const f = r.failures[0]!;
    expect(f.instrument).toBe('BTC-2JAN26-110000-P');
    expect(f.status).toBe('BELOW_INTRINSIC');
    // intrinsic of a put on F at r = 0: K − F, in coin (K − F)/F
    const F = 88522.87;
    expect(f.boundCoin).toBeGreaterThan(f.markCoin);
    expect(f.boundCoin!).toBeCloseTo((110000 - F) / F, 5);
    expect(f.reason).toMatch(/below the discounted intrinsic value/);
  });

  it('2025-12-31 BTC: the tail is deep-moneyness rows whose gaps are price noise', () => {
    const { result: r } = check(DEFAULT_SNAPSHOT);
    const t = r.tail;
    expect(t.count).toBeGreaterThan(0);
    expect(t.count).toBeLessThan(r.compared * 0.05);
    expect(t.maxPriceGapCoin).toBeLessThan(1e-4); // under one minimum tick
    expect(t.medianVegaCoin).toBeLessThan(t.medianVegaCoinAll);
    expect(r.worst[0]!.instrument).toBe('BTC-2JAN26-105000-P');
  });

  it('2026-02-05 BTC: figures reported (no acceptance on this snapshot)', () => {
    const { result: r } = check(FEB);
    console.info(`2026-02-05 BTC: compared ${r.compared}/${r.options}, median ${r.medianAbsVolPts.toFixed(5)} vp, ` +
      `p99 ${r.p99AbsVolPts.toFixed(4)} vp, max ${r.maxAbsVolPts.toFixed(4)} vp, failures ${JSON.stringify(r.failuresByStatus)}`);
    expect(r.options).toBe(792);
    // independent bisection over all 792: median 0.0327 vp; the 10 calls of 6FEB26 marked 0 solve to
    // IV 0 (price at intrinsic), carry no vol information and are listed apart from the figures
    expect(r.atIntrinsic.map((f) => f.instrument).every((name) => name.startsWith('BTC-6FEB26-') && name.endsWith('-C'))).toBe(true);
    expect(r.atIntrinsic).toHaveLength(10);
    expect(r.atIntrinsic.every((f) => f.markCoin === 0)).toBe(true);
    expect(r.compared).toBe(782);
    expect(r.medianAbsVolPts).toBeLessThan(0.05);
    expect(Number.isFinite(r.p99AbsVolPts)).toBe(true);
  });

  it('per expiry: the forward the in-the-money marks imply sits near the reported underlying', () => {
    const dec = check(DEFAULT_SNAPSHOT).result;
    expect(dec.byExpiry).toHaveLength(12);
    expect(dec.tail.medianAbsForwardShiftUsd).toBeLessThan(1);
    expect(dec.tail.markIvRoundedToHundredthVolPt).toBe(true);
    const feb13 = check(FEB).result.byExpiry.find((e) => e.label === '13FEB26')!;
    // reported underlying 71,463.54–71,470.37; the marks fit the exchange IV at ≈ 71,458.75
    expect(feb13.underlyingMin).toBeCloseTo(71463.54, 2);
    expect(feb13.underlyingMax).toBeCloseTo(71470.37, 2);
    expect(feb13.markForward).toBeGreaterThan(71457);
    expect(feb13.markForward).toBeLessThan(feb13.underlyingMin);
  });

  it('uses ACT/365 from the row timestamp and USD prices = mark x F', () => {
    const { chain, solved } = check(DEFAULT_SNAPSHOT);
    const i = chain.instrument.indexOf('BTC-30JAN26-80000-P');
    expect(solved.expiryYears[i]).toBeCloseTo(0.08198631740667858 * 365.25 / 365, 12);
    expect(solved.priceUsd[i]).toBeCloseTo(0.01365367 * 88866.01, 9);
  });
});

describe('IV check wording and per-expiry counts', () => {
  it('2026-02-05 6FEB26: the 10 calls marked at intrinsic are not counted as failed', () => {
    const e = check(FEB).result.byExpiry.find((x) => x.label === '6FEB26')!;
    expect(e.failed).toBe(0);
    expect(e.atIntrinsic).toBe(10);
    expect(e.options).toBe(92);
  });

  it('says an option expires more than 50 years after the snapshot, with its row', () => {
    const file = generatedSnapshot(first(10), expiryYear(2076));
    const { result: r } = check(file);
    expect(r.failures.length).toBeGreaterThan(0);
    const f = r.failures[0]!;
    expect(f.row).toBe(1);
    expect(f.reason).toMatch(/^expires 50\.\d\d years after the snapshot's timestamp, more than the 50 years the pricer accepts$/);
    expect(f.reason).not.toContain('days passed as years');
  });
});
