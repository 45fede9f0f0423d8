import { describe, expect, it } from 'vitest';
import { solveChain } from '../../src/cli/chainIv.js';
import { DEFAULT_SNAPSHOT } from '../../src/cli/paths.js';
import { protectionTable, putEconomics } from '../../src/cli/protection.js';
import { loadSnapshot, selectCurrency } from '../../src/cli/snapshot.js';
import { useWasm } from '../helpers/wasm.js';

useWasm();

// BTC-30JAN26-80000-P in the 2025-12-31 snapshot (file line 162): F 88866.01, mark 0.01365367 BTC,
// ask 0.014 BTC; spot = median index_price of the 620 BTC rows = 88480.77.
// By hand: mark cost 0.01365367 × 88866.01 = 1213.34717 USD (1.37131 % of spot); ask cost
// 0.014 × 88866.01 = 1244.12414 USD; floor 80000 − 1213.34717 = 78786.65283 (ask: 78755.87586);
// break-even 88480.77 + 1213.34717 = 89694.11717 (ask: 89724.89414).
const SPOT = 88480.77;

describe('protection arithmetic', () => {
  it('matches the hand computation for one put', () => {
    const e = putEconomics(SPOT, 80000, 88866.01, 0.01365367, 0.014);
    expect(e.costMarkUsd).toBeCloseTo(1213.34717, 4);
    expect(e.costMarkPctSpot).toBeCloseTo(0.0137131, 6);
    expect(e.costAskUsd).toBeCloseTo(1244.12414, 4);
    expect(e.floorMarkUsd).toBeCloseTo(78786.65283, 4);
    expect(e.floorAskUsd).toBeCloseTo(78755.87586, 4);
    expect(e.breakEvenMarkUsd).toBeCloseTo(89694.11717, 4);
    expect(e.breakEvenAskUsd).toBeCloseTo(89724.89414, 4);
  });

  it('gives NaN at ask when there is no ask', () => {
    const e = putEconomics(SPOT, 80000, 88866.01, 0.01365367, Number.NaN);
    expect(e.costAskUsd).toBeNaN();
    expect(e.floorAskUsd).toBeNaN();
    expect(e.floorMarkUsd).toBeCloseTo(78786.65283, 4);
  });
});

describe('protection table on the shipped snapshot', () => {
  it('picks the expiries nearest 7/30/90 days and the strikes nearest 80/90/95/100 % of spot', () => {
    const chain = selectCurrency(loadSnapshot(DEFAULT_SNAPSHOT), 'BTC');
    const p = protectionTable(chain, solveChain(chain));
    expect(p.spot).toBeCloseTo(SPOT, 6);
    const expiries = [...new Set(p.rows.map((r) => r.expiryLabel))];
    expect(expiries).toEqual(['9JAN26', '30JAN26', '27MAR26']);
    const row = p.rows.find((r) => r.instrument === 'BTC-30JAN26-80000-P');
    expect(row).toBeDefined();
    expect(row!.targetDays).toEqual([30]);
    expect(row!.targetMoneyness).toEqual([0.9]);
    expect(row!.costMarkUsd).toBeCloseTo(1213.34717, 4);
    expect(row!.breakEvenAskUsd).toBeCloseTo(89724.89414, 4);
    for (const r of p.rows) {
      expect(r.floorMarkUsd).toBeCloseTo(r.strike - r.markCoin * r.forward, 6);
      expect(r.iv).toBeGreaterThan(0.2);
    }
  });
});
