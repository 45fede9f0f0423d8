// Synthetic protective put (delta-hedged replica via simulateHedge) against a bought put on the same paths.
// Expected values: scripts/strategies/closedForms.py — BSM ATM put 9.9476449660225785959 (mpmath) and the
// Kamal & Derman (1999, Risk 12(1)) hedging-error SD √(π/4)·vega·σ/√N: 1.7540 (N = 25), 0.8770 (N = 100).
import { describe, expect, it } from 'vitest';
import { useWasm } from '../helpers/wasm.js';
import { replicateProtectivePut } from '../../src/strategies/index.js';

useWasm();

const base = { holding: { quantity: 1, spot: 100 }, strike: 100, expiryYears: 0.25, vol: 0.5, paths: 20_000, seed: 4 };

describe('replicateProtectivePut', () => {
  it('no costs: mean hedging error 0 within 4 SE, SD ≈ Kamal–Derman within 10%, halving with 4× the steps', async () => {
    const a = await replicateProtectivePut({ ...base, steps: 25 });
    const b = await replicateProtectivePut({ ...base, steps: 100 });
    expect(a.premium).toBeCloseTo(9.9476449660225785959, 9);
    for (const [r, sd] of [[a, 1.7540100813968833254], [b, 0.87700504069844166271]] as const) {
      expect(Math.abs(r.hedgingError.mean)).toBeLessThan(4 * r.hedgingError.standardError);
      expect(Math.abs(r.hedgingError.sd / sd - 1)).toBeLessThan(0.1);
    }
    // bought put: the floor holds on every path (max loss = S − K + P = premium)
    expect(-a.bought.minPnl).toBeLessThanOrEqual(a.premium + 1e-9);
    // risk neutral at r = 0: E[S_T − S₀ + (K − S_T)⁺ − P] = 0 (within 4 SE)
    for (const r of [a, b]) expect(Math.abs(r.bought.expectedPnl)).toBeLessThan(4 * r.bought.standardError);
    expect(Math.abs(a.synthetic.expectedPnl - a.bought.expectedPnl - a.hedgingError.mean)).toBeLessThan(1e-9);
  });

  it('fees make the replica cost more: mean synthetic P&L lower by ≈ the mean costs (within 4 SE)', async () => {
    const r = await replicateProtectivePut({ ...base, steps: 50, costs: { feeBps: 20, gasUsd: 0.01 } });
    expect(r.costs).toBeGreaterThan(0);
    expect(r.trades).toBeGreaterThan(40);
    const gap = r.bought.expectedPnl - r.synthetic.expectedPnl;
    expect(Math.abs(gap - r.costs)).toBeLessThan(4 * r.hedgingError.standardError + 1e-9);
  });
});
