import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { solveChain } from '../../src/cli/chainIv.js';
import { DEFAULT_SNAPSHOT } from '../../src/cli/paths.js';
import { ATM_BAND, buildSmiles } from '../../src/cli/smile.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { useWasm } from '../helpers/wasm.js';
import { first, generatedSnapshot } from './generated.js';

useWasm();

function smiles(file: string) {
  const chain = selectCurrency(loadSnapshot(file), 'BTC');
  return buildSmiles(chain, solveChain(chain));
}

describe('smiles and ATM term structure', () => {
  it('uses OTM options only and interpolates the ATM IV at K = F', () => {
    const s = smiles(DEFAULT_SNAPSHOT).find((x) => x.label === '30JAN26')!;
    expect(s.days).toBeCloseTo(29.9455, 4);
    for (const p of s.points) expect(p.type).toBe(p.strike >= s.forward ? 'call' : 'put');
    const below = s.points.filter((p) => p.strike < s.forward).at(-1)!;
    const above = s.points.find((p) => p.strike >= s.forward)!;
    expect(s.atmMethod).toBe('interpolated');
    const w = (s.forward - below.strike) / (above.strike - below.strike);
    expect(s.atmIv).toBeCloseTo(below.iv + w * (above.iv - below.iv), 12);
    expect(s.atmStrike).toBe(s.forward);
  });

  it('gives the ATM call Greeks in trader units (USD per 1 BTC)', () => {
    const s = smiles(DEFAULT_SNAPSHOT).find((x) => x.label === '30JAN26')!;
    const T = s.days / 365;
    const sd = s.atmIv * Math.sqrt(T);
    // at K = F: delta = N(sd/2), vega per vol point = F·φ(sd/2)·√T / 100, theta/day = −F·φ·σ/(2√T) / 365
    const phi = Math.exp(-(sd * sd) / 8) / Math.sqrt(2 * Math.PI);
    expect(s.vegaPerVolPt).toBeCloseTo((s.forward * phi * Math.sqrt(T)) / 100, 6);
    expect(s.thetaPerDay).toBeCloseTo((-s.forward * phi * s.atmIv) / (2 * Math.sqrt(T)) / 365, 6);
    expect(s.delta).toBeGreaterThan(0.5);
    expect(s.delta).toBeLessThan(0.53);
    expect(s.gammaPerPct).toBeCloseTo((s.gamma * s.forward) / 100, 15);
    expect(s.callCoin).toBeCloseTo(s.callUsd / s.forward, 15);
  });

  it('leaves out options marked 0 (IV 0 by convention)', () => {
    const feb = fileURLToPath(new URL('../../data/deribit/deribit_options_snapshot_20260205T093647Z.csv', import.meta.url));
    const s = smiles(feb).find((x) => x.label === '6FEB26')!;
    expect(s.points.every((p) => p.iv > 0)).toBe(true);
    expect(s.points).toHaveLength(36);
  });
});

describe('ATM IV only near the money', () => {
  // the tester's case: the first 49 rows of the 2025-12-31 file (`head -50`)
  const subset = () => smiles(generatedSnapshot(first(49)));

  it('gives no ATM IV when the nearest strike is outside the band (27FEB26: K 170,000 vs F 89,117)', () => {
    const s = subset().find((x) => x.label === '27FEB26')!;
    expect(s.forward).toBeCloseTo(89116.64, 1);
    expect(s.atmMethod).toBe('none');
    expect(s.atmIv).toBeNaN();
    expect(s.atmStrike).toBeNaN();
    expect(s.callUsd).toBeNaN();
    expect(s.atmNote).toContain('170,000');
    expect(s.atmNote).toContain('ln K/F = +0.646');
    expect(JSON.parse(JSON.stringify(s)).atmIv).toBeNull();
  });

  it('falls back to the nearest strike within |ln K/F| <= 0.05 (9JAN26: K 85,000 vs F 88,611)', () => {
    expect(ATM_BAND).toBe(0.05);
    const s = subset().find((x) => x.label === '9JAN26')!;
    expect(Math.abs(Math.log(85000 / s.forward))).toBeLessThan(ATM_BAND);
    expect(s.atmMethod).toBe('nearest');
    expect(s.atmStrike).toBe(85000);
    expect(s.atmIv).toBeGreaterThan(0.3);
  });

  it('says why when no out-of-the-money option was solved', () => {
    const s = subset().find((x) => x.label === '1JAN26')!;
    expect(s.atmMethod).toBe('none');
    expect(s.atmNote).toBe('no out-of-the-money option solved');
  });
});
