// Plain-JS revaluation of a portfolio at shocked market levels through src/reference (the closed-form oracle,
// independent of the WASM kernels): the oracle for the grid, stress and VaR tests.
import { black76, blackScholes } from '../../src/reference/index.js';
import type { Portfolio } from '../../src/index.js';

/** Value in USD with every spot × (1 + spotShock[u]), vols + volShift (floored at 0), expiries − age (floored at 0). */
export function referenceValue(p: Portfolio, spotShock: Record<string, number>, volShift = 0, age = 0): number {
  let v = 0;
  for (const pos of p.positions) {
    const m = p.market[pos.underlying]!;
    const f = 1 + (spotShock[pos.underlying] ?? 0);
    const S = m.spot * f;
    if (pos.kind === 'spot') v += pos.quantity * S;
    else if (pos.kind === 'perpetual') v += pos.quantity * (S - pos.entryPrice);
    else if (pos.kind === 'loan') v += pos.collateral * S - pos.debt;
    else {
      const vol = Math.max((pos.vol ?? m.vol!) + volShift, 0);
      const T = Math.max(pos.expiryYears - age, 0);
      const r = m.rate ?? 0, q = m.dividendYield ?? 0;
      if ((pos.model ?? 'bsm') === 'bsm') {
        v += pos.quantity * blackScholes({ type: pos.type, spot: S, strike: pos.strike, expiryYears: T, vol, rate: r, dividendYield: q }).price;
      } else {
        const F = (pos.forward ?? m.spot * Math.exp((r - q) * pos.expiryYears)) * f;
        const usd = black76({ type: pos.type, forward: F, strike: pos.strike, expiryYears: T, vol, rate: r }).price;
        v += pos.quantity * (pos.settlement === 'inverse' ? (usd / F) * S : usd);
      }
    }
  }
  return v;
}
