// The mixed two-underlying portfolio of test/risk/portfolio_mpmath.py (keep the two in step).
import type { Portfolio } from '../../src/index.js';

export const MIXED: Portfolio = {
  market: { BTC: { spot: 60_000, rate: 0.03, vol: 0.6 }, ETH: { spot: 3_000 } },
  positions: [
    { kind: 'spot', underlying: 'BTC', quantity: 2 },
    { kind: 'perpetual', underlying: 'BTC', quantity: -1, entryPrice: 58_000 },
    { kind: 'option', underlying: 'BTC', type: 'put', strike: 55_000, expiryYears: 30 / 365, quantity: 3, vol: 0.65 },
    { kind: 'option', underlying: 'BTC', model: 'black76', type: 'call', strike: 65_000, expiryYears: 60 / 365, forward: 60_600, quantity: -2, vol: 0.55 },
    { kind: 'option', underlying: 'ETH', model: 'black76', settlement: 'inverse', type: 'put', strike: 2_800, expiryYears: 45 / 365, forward: 3_010, quantity: 10, vol: 0.7 },
    { kind: 'loan', underlying: 'ETH', collateral: 10, debt: 15_000, liquidationThreshold: 0.83 },
    { kind: 'option', underlying: 'BTC', type: 'call', strike: 60_000, expiryYears: 7 / 365, quantity: 1 },
  ],
};
