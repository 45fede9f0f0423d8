// previewAction (src/lending/previewAction.ts): case C15 (shared/cases/README.md) and the Aave borrow /
// withdraw acceptance rules (ValidationLogic.validateBorrow L242-265, validateHealthFactor L572).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { previewAction } from '../../src/index.js';

const c15 = { collaterals: [{ amount: 10_000, price: 1, liquidationThreshold: 0.8, ltv: 0.75 }], debts: [{ symbol: 'USDC', amount: 6000, price: 1 }] };

describe('case C15: health factor after over-repayment', () => {
  it('repaying $6,000.000001 of $6,000 clamps the debt to 0 and HF to +∞', () => {
    const p = previewAction(c15, { type: 'repay', asset: 'USDC', amount: 6000.000001 });
    expect(p.healthFactorBefore).toBeCloseTo(8000 / 6000, 14); // 1.3333333
    expect(p.account.debts[0]!.amount).toBe(0);
    expect(p.amountApplied).toBe(6000);
    expect(p.healthFactor).toBe(Infinity);
    expect(p.allowed).toBe(true);
    expect(c15.debts[0]!.amount).toBe(6000); // input untouched
  });

  it('repay Infinity repays all', () => {
    expect(previewAction(c15, { type: 'repay', asset: 0, amount: Infinity }).healthFactor).toBe(Infinity);
  });

  it('property: HF never decreases as the repaid amount grows', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 20_000, noNaN: true }), fc.double({ min: 0, max: 20_000, noNaN: true }), (x, y) => {
      const [lo, hi] = x <= y ? [x, y] : [y, x];
      const a = previewAction(c15, { type: 'repay', asset: 'USDC', amount: lo }).healthFactor;
      const b = previewAction(c15, { type: 'repay', asset: 'USDC', amount: hi }).healthFactor;
      expect(b).toBeGreaterThanOrEqual(a);
      expect(a).toBeGreaterThanOrEqual(8000 / 6000);
    }), { seed: 15, numRuns: 500 });
  });
});

describe('deposit, withdraw, borrow', () => {
  it('deposit raises HF: (10,000 + 2,000)·0.8 / 6,000 = 1.6', () => {
    const p = previewAction(c15, { type: 'deposit', asset: 0, amount: 2000 });
    expect(p.healthFactor).toBeCloseTo(1.6, 14);
    expect(p.account.collaterals[0]!.amount).toBe(12_000);
  });

  it('borrow within LTV is allowed; beyond the borrowing power it is not (COLLATERAL_CANNOT_COVER_NEW_BORROW)', () => {
    const ok = previewAction(c15, { type: 'borrow', asset: 'USDC', amount: 1500 }); // debt 7,500 = 10,000·0.75
    expect(ok.allowed).toBe(true);
    expect(ok.healthFactor).toBeCloseTo(8000 / 7500, 14);
    expect(ok.accountData.availableBorrowsValue).toBeCloseTo(0, 9);
    const no = previewAction(c15, { type: 'borrow', asset: 'USDC', amount: 1500.01 });
    expect(no.allowed).toBe(false);
    expect(no.reason).toContain('COLLATERAL_CANNOT_COVER_NEW_BORROW');
  });

  it('withdraw that would make HF < 1 is refused; withdraw of Infinity takes the balance', () => {
    const no = previewAction(c15, { type: 'withdraw', asset: 0, amount: 3000 }); // 7000·0.8/6000 = 0.9333
    expect(no.healthFactor).toBeCloseTo(0.7 * 8 / 6, 14);
    expect(no.allowed).toBe(false);
    const yes = previewAction(c15, { type: 'withdraw', asset: 0, amount: 2500 }); // 7500·0.8/6000 = 1.0
    expect(yes.allowed).toBe(true);
    const all = previewAction({ ...c15, debts: [{ amount: 0, price: 1 }] }, { type: 'withdraw', asset: 0, amount: Infinity });
    expect(all.amountApplied).toBe(10_000);
    expect(all.account.collaterals[0]!.amount).toBe(0);
    expect(all.allowed).toBe(true);
  });
});
